/// Where a file is published: its site path as URLs carry it
/// ("tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/index.html"). Its ``file`` is the
/// same path as written on disk (percent-decoded).
struct OutputPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    let site: String
    /// The path on disk, below the output folder.
    let file: String

    init(_ site: String) {
        self.site = site
        file = StagingDirectory.filePath(site)
    }

    /// A static file's path, which is its path on disk as it is.
    init(staticFile path: String) {
        site = path
        file = path
    }

    var isHTML: Bool { site.hasSuffix(".html") }
    var description: String { site }

    static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.site < rhs.site }
}

/// What a build reads to make an output. An output is rendered again when one
/// of its inputs changed since the last build, and only then.
enum BuildInput: Hashable, Sendable {
    /// An article or standalone page's file ("content/articles/x.md").
    case source(String)
    /// A show's data file, by slug.
    case show(String)
    /// What list pages show of an article (its ``ArticleSummary``), by slug.
    case listing(String)
    /// An article's body as the feeds carry it, by slug.
    case feedBody(String)
    /// A term's name and article count, by taxonomy name and slug.
    case term(String, String)
    /// Where a Markdown source is published, for links from other sources.
    case sourcePath(String)
    /// A file under content/static, by its path there.
    case staticFile(String)
}

/// What makes an output: a source file, or a kind of page sitegen generates.
enum OutputOrigin: Hashable, Sendable {
    case article(source: String)
    case page(source: String)
    /// A redirect from an article's old URL (`alias` as written).
    case alias(source: String, alias: String)
    /// Page `page` of `pageCount` of the home page's list.
    case home(page: Int, pageCount: Int)
    /// The index of a taxonomy's terms ("tags", "shows").
    case termIndex(taxonomy: String)
    /// Page `page` of `pageCount` of a term's list; `name` is its shown spelling.
    case term(taxonomy: String, slug: String, name: String, page: Int, pageCount: Int)
    case termFeed(taxonomy: String, slug: String, name: String)
    case atomFeed
    case jsonFeed
    case sitemap
    case robots
    case notFound
    case stylesheet
    case customStylesheet
    case hostHeaders
    case staticFile(String)

    /// Whom errors about the output name: the source file, or a description.
    var owner: String {
        switch self {
        case .article(let source), .page(let source), .alias(let source, _): source
        case .home: "the home page"
        case .termIndex(let taxonomy): "the \(Self.singular(taxonomy)) index"
        case .term(let taxonomy, _, let name, _, _): "the page of \(Self.singular(taxonomy)) '\(name)'"
        case .termFeed(let taxonomy, _, let name): "the feed of \(Self.singular(taxonomy)) '\(name)'"
        case .atomFeed: "the Atom feed"
        case .jsonFeed: "the JSON feed"
        case .sitemap: "the sitemap"
        case .robots: "robots.txt"
        case .notFound: "the 404 page"
        case .stylesheet: "the stylesheet"
        case .customStylesheet: "content/static/custom.css"
        case .hostHeaders: "headers: true in site.yaml"
        case .staticFile(let path): "content/static/\(path)"
        }
    }

    /// Whether the page writes its charts' numbers next to it (`chart-1.csv`, …):
    /// an article, or a show's page with its figures.
    var writesChartData: Bool {
        switch self {
        case .article: true
        case .term(let taxonomy, _, _, let page, _): taxonomy == "shows" && page == 1
        default: false
        }
    }

    /// Whether the output is drawn from a Markdown source (rendered first:
    /// the generated pages list what the sources produce).
    var isSource: Bool {
        switch self {
        case .article, .page: true
        default: false
        }
    }

    private static func singular(_ taxonomy: String) -> String {
        taxonomy == "shows" ? "show" : taxonomy == "tags" ? "tag" : taxonomy
    }
}

/// One file the build writes: where, what makes it, and what it is made from.
/// ``SitePlan/outputs`` lists every one exactly once; rendering, the sitemap,
/// the link check's set of files and incremental rebuilds all go by that list.
struct PlannedOutput: Hashable, Sendable {
    var path: OutputPath
    var origin: OutputOrigin
    /// Everything the output is rendered from that can change without the plan
    /// changing, in a stable order. (What the plan decides, such as which
    /// articles a list page shows, is in the inputs too: a page listing other
    /// articles differs as a planned output.) Inputs found only while
    /// rendering (shows drawn by embeds, sources linked from Markdown) are
    /// added to these by the render.
    var inputs: [BuildInput]
}

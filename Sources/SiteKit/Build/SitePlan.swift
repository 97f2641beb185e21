/// What a build will publish and where: the published sources, the taxonomy
/// terms and every output path, checked for collisions and broken references
/// before anything is rendered.
struct SitePlan: Sendable {
    private(set) var site: Site
    /// The options the plan was made with (its clock decides what is published).
    private(set) var options: BuildOptions
    /// Published articles, newest first.
    private(set) var articles: [Article]
    /// Published standalone pages.
    private(set) var pages: [StandalonePage]
    let tags: Taxonomy
    let shows: Taxonomy
    let skippedArticles: Int
    /// Problems that do not stop the build.
    private(set) var warnings: [SiteError]
    /// The warnings about tag spellings, which only tags change.
    private let spellingWarnings: [SiteError]
    let stylesheetPath: String
    /// The theme's stylesheet as published, with the site's `accent:` applied.
    let stylesheet: String
    /// Where `content/static/custom.css` is published, hashed like the stylesheet.
    let customStylesheetPath: String?
    /// The path of the site root on its host ("/" or "/blog/").
    let basePath: String
    /// Whether sitegen writes robots.txt (not when content/static has its own).
    let writesRobots: Bool
    /// The site path of each published Markdown source ("content/articles/x.md" ->
    /// "articles/x/"), so Markdown can link to a source file and get its page.
    let sourcePaths: [String: String]
    /// Every file the build writes, each once (see ``PlannedOutput``).
    private(set) var outputs: [PlannedOutput]
    /// Whether ``outputs`` carry their inputs. Only rebuilds read them; a
    /// one-off build leaves them empty (about 600 bytes an article).
    let recordsInputs: Bool
    /// The position in `articles` of each published article, by source file.
    private let articleIndexBySource: [String: Int]
    /// Published standalone pages by source file.
    private(set) var pagesBySource: [String: StandalonePage]

    /// The published article from this source file.
    func article(source: String) -> Article? {
        articleIndexBySource[source].map { articles[$0] }
    }

    /// Entries per feed.
    static let feedSize = 20

    /// The articles some feed lists (the newest of the site and of each term):
    /// only these keep their HTML for the feeds' full content.
    private(set) var feedArticleSlugs: Set<String> = []

    /// The slugs of the articles a feed lists, newest first (the site's
    /// newest for its Atom and JSON feeds, a term's newest for its feed);
    /// nil for an output that is not a feed.
    func feedEntries(of origin: OutputOrigin) -> [String]? {
        switch origin {
        case .atomFeed, .jsonFeed:
            return articles.prefix(Self.feedSize).map(\.slug)
        case .termFeed(let name, let slug, _):
            return Array(taxonomy(name)?.term(slug)?.articleSlugs.prefix(Self.feedSize) ?? [])
        default:
            return nil
        }
    }

    var taxonomies: [Taxonomy] { [tags, shows] }

    /// The taxonomy of this name ("tags", "shows").
    func taxonomy(_ name: String) -> Taxonomy? { taxonomies.first { $0.name == name } }

    init(site: Site, options: BuildOptions, theme: any Theme, recordsInputs: Bool = true) throws(BuildFailure) {
        self.site = site
        self.options = options
        self.recordsInputs = recordsInputs
        // Usually every article is published: then the plan shares the site's
        // array instead of a filtered copy (664 bytes an article, 63 MiB at 100k).
        let articles = site.articles.allSatisfy { Publication.isPublished($0, options: options) }
            ? site.articles : site.articles.filter { Publication.isPublished($0, options: options) }
        let pages = site.pages.filter { Publication.isPublished($0, options: options) }
        self.articles = articles
        self.pages = pages
        skippedArticles = site.articles.count - articles.count
        stylesheet = Self.stylesheet(theme.stylesheet, settings: site.settings)
        stylesheetPath = "style.\(ContentHash.hex(of: stylesheet)).css"
        customStylesheetPath = site.customStylesheet.map { "custom.\(ContentHash.hex(of: $0)).css" }
        basePath = site.settings.basePath
        let writesRobots = !site.staticFiles.contains("robots.txt")
        self.writesRobots = writesRobots

        // Two halves that need only the articles run at once: the plan is the
        // build's one serial phase before rendering (100 ms at 10k articles).
        let (tagHalf, showHalf) = Parallel.both({
            let tags = Taxonomy.collect(name: "tags", singular: "Tag", plural: "Tags", articles: articles) { article in
                zip(article.tagSlugs, article.tags).map { ($0, $1) }
            }
            let spellingWarnings = TermSpellings.warnings(articles: articles, tags: tags, basePath: site.settings.basePath)
            let (warnings, fenceErrors) = Self.warnings(site: site, articles: articles, pages: pages, options: options,
                                                        spellingWarnings: spellingWarnings, writesRobots: writesRobots)
            return TagHalf(tags: tags, spellingWarnings: spellingWarnings, warnings: warnings, fenceErrors: fenceErrors)
        }, {
            var referenceErrors: [SiteError] = []
            for article in articles { referenceErrors += Self.checkShowReferences(article, shows: site.shows) }
            let shows = Taxonomy.collect(name: "shows", singular: "Show", plural: "Shows", articles: articles) { article in
                guard let slug = article.show, let show = site.shows[slug] else { return [] }
                return [(slug, show.title)]
            }
            var sourcePaths: [String: String] = [:]
            for article in articles { sourcePaths[article.sourcePath] = article.path }
            for page in pages { sourcePaths[page.sourcePath] = page.path }
            let articleIndexBySource = Dictionary(articles.indices.map { (articles[$0].sourcePath, $0) },
                                                  uniquingKeysWith: { first, _ in first })
            return ShowHalf(shows: shows, referenceErrors: referenceErrors, sourcePaths: sourcePaths,
                            articleIndexBySource: articleIndexBySource)
        })
        tags = tagHalf.tags
        spellingWarnings = tagHalf.spellingWarnings
        warnings = tagHalf.warnings
        shows = showHalf.shows
        sourcePaths = showHalf.sourcePaths
        articleIndexBySource = showHalf.articleIndexBySource
        var errors = showHalf.referenceErrors + tagHalf.fenceErrors
        pagesBySource = Dictionary(pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        outputs = []
        var feedSlugs = Set(articles.prefix(Self.feedSize).map(\.slug))
        for taxonomy in [tags, shows] {
            for term in taxonomy.terms { feedSlugs.formUnion(term.articleSlugs.prefix(Self.feedSize)) }
        }
        feedArticleSlugs = feedSlugs
        outputs = plannedOutputs()

        // Every path written must have one owner.
        var owners: [String: OutputOrigin] = [:]
        owners.reserveCapacity(outputs.count)
        let moveStatic = "rename or move the static file"
        let changeSlug = "change the slug of one of them"
        for output in outputs {
            let path = output.path.file  // as on disk, where static files are
            guard let existing = owners[path]?.owner else {
                owners[path] = output.origin
                continue
            }
            let owner = output.origin.owner
            var position = SourcePosition(line: 1, column: 1)
            var fix = changeSlug
            switch output.origin {
            case .article(let source):
                if let article = article(source: source) {
                    position = SourcePosition(line: article.slugLine, column: article.slugColumn)
                }
            case .page(let source):
                if let page = pagesBySource[source] { position = SourcePosition(line: page.slugLine, column: page.slugColumn) }
            case .alias(let source, let alias):
                position = article(source: source)?.aliasPositions[alias] ?? position
                fix = "change or remove the alias"
            case .staticFile: fix = moveStatic
            default: break
            }
            errors.append(SiteError(file: owner, line: position.line, column: position.column,
                                    message: "writes \(path), which \(existing) also writes: \(fix)"))
        }
        // A static file cannot be a file where a page needs a folder, or sit
        // below a path that is a page's file. Only static files can clash this
        // way: every generated path ends in a file name of sitegen's choosing.
        var firstInside: [String: String] = [:]
        for path in site.staticFiles.isEmpty ? [] : owners.keys.sorted() {
            for folder in Self.folders(of: path) where firstInside[folder] == nil { firstInside[folder] = path }
        }
        for file in site.staticFiles {
            let owner = "content/static/\(file)"
            // Pages write their charts' numbers next to them (chart-1.csv, …);
            // how many is known only once rendered, so the names are kept free.
            if let slash = file.lastIndex(of: "/"), ChartDataFile.isDataFileName(String(file[file.index(after: slash)...])),
               let page = owners[file[..<slash] + "/index.html"], page.writesChartData {
                errors.append(SiteError(file: owner, message: "writes \(file), a name kept for the data files of the charts on \(page.owner) (\(file[..<slash])/index.html): \(moveStatic)"))
            }
            if let inside = firstInside[file], let other = owners[inside]?.owner {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(other) writes \(inside) inside a folder of that name: \(moveStatic)"))
            }
            if let folder = Self.folders(of: file).first(where: { owners[$0] != nil }), let other = owners[folder]?.owner {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(folder) is a file that \(other) writes: \(moveStatic)"))
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
    }

    /// What the plan's tags half works out (``init(site:options:theme:recordsInputs:)``).
    /// Structs, not labelled tuples: the Swift runtime builds a labelled
    /// tuple's type at its first use through libstdc++ strings, whose
    /// allocations valgrind misreads under mimalloc (CI checks a build with it).
    private struct TagHalf: Sendable {
        var tags: Taxonomy
        var spellingWarnings: [SiteError]
        var warnings: [SiteError]
        var fenceErrors: [SiteError]
    }

    /// What the plan's shows half works out.
    private struct ShowHalf: Sendable {
        var shows: Taxonomy
        var referenceErrors: [SiteError]
        var sourcePaths: [String: String]
        var articleIndexBySource: [String: Int]
    }

    /// The warnings of a plan, and the errors of embed fences never closed.
    private static func warnings(site: Site, articles: [Article], pages: [StandalonePage], options: BuildOptions,
                                 spellingWarnings: [SiteError], writesRobots: Bool) -> ([SiteError], [SiteError]) {
        var warnings = spellingWarnings + PublicationWarnings.warnings(articles: site.articles, options: options)
        var errors: [SiteError] = []
        for problem in articles.compactMap(\.unclosedFence) + pages.compactMap(\.unclosedFence) {
            if problem.severity == .error { errors.append(problem) } else { warnings.append(problem) }
        }
        if let warning = Self.robotsWarning(settings: site.settings, writesRobots: writesRobots) { warnings.append(warning) }
        return (SiteError.sorted(warnings), errors)
    }

    /// What ``absorb(_:options:)`` replaced, to put back.
    struct Undo: Sendable {
        fileprivate var articles: [(siteIndex: Int, index: Int, article: Article)] = []
        fileprivate var pages: [(siteIndex: Int, index: Int, page: StandalonePage)] = []
        fileprivate var shows: [Show] = []
        fileprivate var options: BuildOptions
        fileprivate var warnings: [SiteError]
    }

    /// Takes in files read again when none of their changes reaches the plan:
    /// an article or page edited but published as before at the same path,
    /// with the same date, tags, show, comparisons and aliases; a show's
    /// figures under the same title; a static file's content. Returns what to
    /// put back with ``restore(_:)``, or `nil`, changing nothing, when a new
    /// plan is needed (also when `options`' clock publishes or removes an
    /// article). Saves planning the whole site for each edit in a preview; in
    /// place, so that the site's arrays are not copied.
    mutating func absorb(_ files: [ReloadedFile], options: BuildOptions) throws(BuildFailure) -> Undo? {
        guard options.includeDrafts == self.options.includeDrafts, options.includeFuture == self.options.includeFuture,
              options.previewOrigin == self.options.previewOrigin else { return nil }
        if options.now != self.options.now {
            let (earlier, later) = (min(options.now, self.options.now), max(options.now, self.options.now))
            let crosses = site.articles.contains { article in
                (article.date > earlier && article.date <= later)
                    || article.expires.map { $0 > earlier && $0 <= later } ?? false
            }
            guard !crosses else { return nil }
        }
        // Check everything before changing anything.
        var articleSwaps: [(Int, Int, Article)] = []
        var pageSwaps: [(Int, Int, StandalonePage)] = []
        var showSwaps: [Show] = []
        for file in files {
            switch file {
            case .article(let article):
                guard let index = articleIndexBySource[article.sourcePath],
                      let siteIndex = site.articles.firstIndex(where: { $0.sourcePath == article.sourcePath }),
                      article.sharesPlan(with: articles[index]) else { return nil }
                articleSwaps.append((siteIndex, index, article))
            case .page(let page):
                guard let before = pagesBySource[page.sourcePath],
                      let index = pages.firstIndex(where: { $0.sourcePath == page.sourcePath }),
                      let siteIndex = site.pages.firstIndex(where: { $0.sourcePath == page.sourcePath }),
                      page.slug == before.slug, page.title == before.title, page.draft == before.draft,
                      page.date == before.date, page.updated == before.updated else { return nil }
                pageSwaps.append((siteIndex, index, page))
            case .show(let show):
                guard let before = site.shows[show.slug], show.title == before.title else { return nil }
                showSwaps.append(show)
            case .staticFile(let path):
                guard site.staticFiles.contains(path) else { return nil }
            }
        }
        var undo = Undo(options: self.options, warnings: warnings)
        for (siteIndex, index, article) in articleSwaps {
            undo.articles.append((siteIndex, index, articles[index]))
            site.articles[siteIndex] = article
            articles[index] = article
        }
        for (siteIndex, index, page) in pageSwaps {
            undo.pages.append((siteIndex, index, pages[index]))
            site.pages[siteIndex] = page
            pages[index] = page
            pagesBySource[page.sourcePath] = page
        }
        for show in showSwaps {
            if let before = site.shows.updateValue(show, forKey: show.slug) { undo.shows.append(before) }
        }
        self.options = options
        let (warnings, fenceErrors) = Self.warnings(site: site, articles: articles, pages: pages, options: options,
                                                    spellingWarnings: spellingWarnings, writesRobots: writesRobots)
        self.warnings = warnings
        guard fenceErrors.isEmpty else {
            restore(undo)
            throw BuildFailure(fenceErrors)
        }
        return undo
    }

    /// Puts back what ``absorb(_:options:)`` replaced.
    mutating func restore(_ undo: Undo) {
        for (siteIndex, index, article) in undo.articles.reversed() {
            site.articles[siteIndex] = article
            articles[index] = article
        }
        for (siteIndex, index, page) in undo.pages.reversed() {
            site.pages[siteIndex] = page
            pages[index] = page
            pagesBySource[page.sourcePath] = page
        }
        for show in undo.shows { site.shows[show.slug] = show }
        options = undo.options
        warnings = undo.warnings
    }

    /// The theme's CSS with the settings that restyle it: an `accent:` overrides
    /// `--accent` in light and dark mode alike (a later rule of the same weight wins).
    static func stylesheet(_ css: String, settings: SiteSettings) -> String {
        guard let accent = settings.accent else { return css }
        return css + "/* site.yaml */\n:root { --accent: \(accent); }\n"
    }

    /// Crawlers read robots.txt only at the host's root: a site under a sub-path
    /// publishes one where nothing looks, so say where its lines must go.
    static func robotsWarning(settings: SiteSettings, writesRobots: Bool) -> SiteError? {
        guard writesRobots, settings.basePath != "/" else { return nil }
        let origin = String(settings.baseURL.dropLast(settings.basePath.count))
        return .warning(file: "content/site.yaml", message: "base_url is below the host's root, so robots.txt is published at \(settings.baseURL)robots.txt, but crawlers only read \(origin)/robots.txt: put its lines (with the Sitemap line) into the host's own robots.txt")
    }

    /// A code fence never closed: an error for an embed (its YAML would run
    /// to the end of the article), a warning for a plain code block (valid
    /// Markdown, but the rest of the article then shows as code).
    static func unclosedFence(file: String, body: String, firstLine: Int) -> SiteError? {
        guard let fence = CodeFences.firstUnclosed(in: body) else { return nil }
        let line = firstLine + fence.line - 1
        if EmbedRenderer.names.contains(fence.info) {
            return SiteError(file: file, line: line, column: fence.column,
                             message: "the `\(fence.info)` block opened here is never closed, so it would take in the rest of the article: add a line \(fence.fence) where its YAML ends")
        }
        return .warning(file: file, line: line, column: fence.column,
                        message: "code block opened here is never closed, so everything after it to the end of the file shows as code: add a line \(fence.fence) where the code ends")
    }

    /// The folders a path lies in: "a/b/c" -> ["a", "a/b"].
    private static func folders(of path: String) -> [String] {
        var result: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            result.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return result
    }

    /// Every file the build writes, each once, in the order they are listed
    /// for collisions: generated files, articles (each followed by its
    /// aliases), standalone pages, static files.
    private func plannedOutputs() -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        func add(_ path: String, _ origin: OutputOrigin, _ inputs: @autoclosure () -> [BuildInput] = []) {
            outputs.append(PlannedOutput(path: OutputPath(path), origin: origin, inputs: recordsInputs ? inputs() : []))
        }
        let newest = articles.prefix(Self.feedSize).map(\.slug)
        let feedInputs = recordsInputs ? newest.flatMap { [BuildInput.listing($0), .feedBody($0)] } : []
        add("404.html", .notFound, articles.prefix(5).map { .listing($0.slug) })
        add(stylesheetPath, .stylesheet)
        add("sitemap.xml", .sitemap)
        add("feed.xml", .atomFeed, feedInputs)
        add("feed.json", .jsonFeed, feedInputs)
        if let customStylesheetPath { add(customStylesheetPath, .customStylesheet) }
        if site.settings.hostHeaders { add("_headers", .hostHeaders) }
        if writesRobots { add("robots.txt", .robots) }
        let pageSize = site.settings.pageSize
        let homePages = Paginator.pageCount(items: articles.count, pageSize: pageSize)
        for page in 1...homePages {
            let listed = articles[Paginator.range(page: page, items: articles.count, pageSize: pageSize)]
            add(Paginator.path(base: "", page: page) + "index.html", .home(page: page, pageCount: homePages),
                listed.map { .listing($0.slug) })
        }
        for taxonomy in taxonomies {
            add(taxonomy.path + "index.html", .termIndex(taxonomy: taxonomy.name),
                taxonomy.terms.map { .term(taxonomy.name, $0.slug) })
            for term in taxonomy.terms {
                let termInput = BuildInput.term(taxonomy.name, term.slug)
                let count = Paginator.pageCount(items: term.articleSlugs.count, pageSize: pageSize)
                for page in 1...count {
                    var inputs = [termInput]
                    // A show's first page opens with its figures.
                    if page == 1, taxonomy.name == shows.name { inputs.append(.show(term.slug)) }
                    let listed = term.articleSlugs[Paginator.range(page: page, items: term.articleSlugs.count, pageSize: pageSize)]
                    add(Paginator.path(base: term.path, page: page) + "index.html",
                        .term(taxonomy: taxonomy.name, slug: term.slug, name: term.name, page: page, pageCount: count),
                        inputs + listed.map { .listing($0) })
                }
                add(term.path + "feed.xml", .termFeed(taxonomy: taxonomy.name, slug: term.slug, name: term.name),
                    [termInput] + term.articleSlugs.prefix(Self.feedSize).flatMap { [BuildInput.listing($0), .feedBody($0)] })
            }
        }
        func inputs(of article: Article) -> [BuildInput] {
            var inputs: [BuildInput] = [.source(article.sourcePath)]
            inputs += ([article.show].compactMap { $0 } + article.compare).map { .show($0) }
            inputs += article.tagSlugs.map { .term(tags.name, $0) }
            if let show = article.show { inputs.append(.term(shows.name, show)) }
            return inputs
        }
        for article in articles {
            let files = OutputPaths.files(of: article)
            add(files[0], .article(source: article.sourcePath), inputs(of: article))
            for (alias, file) in zip(article.aliases, files.dropFirst()) {
                add(file, .alias(source: article.sourcePath, alias: alias), [.source(article.sourcePath)])
            }
        }
        for page in pages {
            add(OutputPaths.files(of: page)[0], .page(source: page.sourcePath), [.source(page.sourcePath)])
        }
        for file in site.staticFiles {
            outputs.append(PlannedOutput(path: OutputPath(staticFile: file), origin: .staticFile(file),
                                         inputs: recordsInputs ? [.staticFile(file)] : []))
        }
        return outputs
    }

    /// The sitemap's entries: every article and standalone page with its date,
    /// and every list page.
    var sitemapEntries: [Sitemap.Entry] {
        var entries = articles.map { Sitemap.Entry(path: $0.path, lastModified: $0.updated ?? $0.date) }
        entries += pages.map { Sitemap.Entry(path: $0.path, lastModified: $0.updated ?? $0.date) }
        for output in outputs {
            switch output.origin {
            case .home, .termIndex, .term:
                entries.append(Sitemap.Entry(path: String(output.path.site.dropLast("index.html".count)), lastModified: nil))
            default: continue
            }
        }
        return entries
    }

    static func checkShowReferences(_ article: Article, shows: [String: Show]) -> [SiteError] {
        var errors: [SiteError] = []
        func unknown(_ slug: String, line: Int, column: Int) {
            let hint = Suggestion.hint(for: slug, in: Array(shows.keys))
            errors.append(SiteError(file: article.sourcePath, line: line, column: column,
                                    message: "unknown show '\(slug)'\(hint): add content/data/shows/\(slug).yaml or fix the slug"))
        }
        if let show = article.show, shows[show] == nil { unknown(show, line: article.showLine, column: article.showColumn) }
        guard !article.compare.isEmpty else { return errors }
        func compareError(_ message: String) {
            errors.append(SiteError(file: article.sourcePath, line: article.compareLine, column: article.compareColumn,
                                    message: message))
        }
        if article.show == nil {
            compareError("'compare' needs 'show': add `show: <slug>` for the show the article follows, which is compared with these")
        }
        var seen = Set<String>()
        for (index, slug) in article.compare.enumerated() {
            // Point at the entry itself when its place is known.
            let position = index < article.comparePositions.count ? article.comparePositions[index]
                : SourcePosition(line: article.compareLine, column: article.compareColumn)
            func entryError(_ message: String) {
                errors.append(SiteError(file: article.sourcePath, line: position.line, column: position.column, message: message))
            }
            if slug == article.show {
                entryError("'compare' lists '\(slug)', the article's own show: remove it (the show is always in the comparison)")
            } else if !seen.insert(slug).inserted {
                entryError("'compare' lists '\(slug)' twice: list each show once")
            } else if shows[slug] == nil {
                unknown(slug, line: position.line, column: position.column)
            }
        }
        if article.compare.count > ComparisonChart.maximumShows - 1 {
            compareError("'compare' lists \(article.compare.count) shows, but a comparison stays readable with at most \(ComparisonChart.maximumShows - 1) besides the article's show: remove some")
        }
        return errors
    }

    /// The file an alias writes its redirect to: "/old/url/" -> "old/url/index.html",
    /// "/old.html" -> "old.html" (as hosts serve them).
    static func aliasFile(_ alias: String) -> String {
        let path = String(alias.drop(while: { $0 == "/" }))
        if path.hasSuffix(".html") || path.hasSuffix(".htm") { return path }
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path + "/index.html"
    }
}

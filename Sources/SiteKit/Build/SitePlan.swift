/// What a build will publish and where: the published sources, the taxonomy
/// terms and every output path, checked for collisions and broken references
/// before anything is rendered.
struct SitePlan: Sendable {
    let site: Site
    /// Published articles, newest first.
    let articles: [Article]
    /// Published standalone pages.
    let pages: [StandalonePage]
    let tags: Taxonomy
    let shows: Taxonomy
    let skippedArticles: Int
    /// Problems that do not stop the build.
    let warnings: [SiteError]
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

    /// Entries per feed.
    static let feedSize = 20

    /// The articles some feed lists (the newest of the site and of each term):
    /// only these keep their HTML for the feeds' full content.
    var feedArticleSlugs: Set<String> {
        var slugs = Set(articles.prefix(Self.feedSize).map(\.slug))
        for taxonomy in taxonomies {
            for term in taxonomy.terms { slugs.formUnion(term.articleSlugs.prefix(Self.feedSize)) }
        }
        return slugs
    }

    var taxonomies: [Taxonomy] { [tags, shows] }

    init(site: Site, options: BuildOptions, theme: any Theme) throws(BuildFailure) {
        self.site = site
        articles = site.articles.filter { Publication.isPublished($0, options: options) }
        pages = site.pages.filter { Publication.isPublished($0, options: options) }
        skippedArticles = site.articles.count - articles.count
        stylesheet = Self.stylesheet(theme.stylesheet, settings: site.settings)
        stylesheetPath = "style.\(ContentHash.hex(of: stylesheet)).css"
        customStylesheetPath = site.customStylesheet.map { "custom.\(ContentHash.hex(of: $0)).css" }
        basePath = site.settings.basePath
        writesRobots = !site.staticFiles.contains("robots.txt")
        var sourcePaths: [String: String] = [:]
        for article in articles { sourcePaths[article.sourcePath] = article.path }
        for page in pages { sourcePaths[page.sourcePath] = page.path }
        self.sourcePaths = sourcePaths

        var errors: [SiteError] = []
        for article in articles { errors += Self.checkShowReferences(article, shows: site.shows) }
        tags = Taxonomy.collect(name: "tags", singular: "Tag", plural: "Tags", articles: articles) { article in
            article.tags.map { (Slug.term($0), $0) }
        }
        var warnings = TermSpellings.warnings(articles: articles, tags: tags, basePath: site.settings.basePath)
            + PublicationWarnings.warnings(articles: site.articles, published: articles, options: options)
        let bodies = articles.map { ($0.sourcePath, $0.body, $0.bodyFirstLine) }
            + pages.map { ($0.sourcePath, $0.body, $0.bodyFirstLine) }
        for (file, body, firstLine) in bodies {
            guard let problem = Self.unclosedFence(file: file, body: body, firstLine: firstLine) else { continue }
            if problem.severity == .error { errors.append(problem) } else { warnings.append(problem) }
        }
        if let warning = Self.robotsWarning(settings: site.settings, writesRobots: writesRobots) { warnings.append(warning) }
        self.warnings = SiteError.sorted(warnings)
        let showData = site.shows
        shows = Taxonomy.collect(name: "shows", singular: "Show", plural: "Shows", articles: articles) { article in
            guard let slug = article.show, let show = showData[slug] else { return [] }
            return [(slug, show.title)]
        }

        // Every path written must have one owner.
        var owners: [String: String] = [:]
        func claim(_ path: String, by owner: String, line: Int = 1, column: Int = 1, fix: String) {
            let path = StagingDirectory.filePath(path)  // as on disk, where static files are
            if let existing = owners[path] {
                errors.append(SiteError(file: owner, line: line, column: column,
                                        message: "writes \(path), which \(existing) also writes: \(fix)"))
            } else {
                owners[path] = owner
            }
        }
        let moveStatic = "rename or move the static file"
        let changeSlug = "change the slug of one of them"
        for (path, owner) in generatedPaths() { claim(path, by: owner, fix: changeSlug) }
        for article in articles {
            let files = OutputPaths.files(of: article)
            claim(files[0], by: article.sourcePath, line: article.slugLine,
                  column: article.slugColumn, fix: changeSlug)
            for (alias, file) in zip(article.aliases, files.dropFirst()) {
                let position = article.aliasPositions[alias] ?? SourcePosition(line: 1, column: 1)
                claim(file, by: article.sourcePath,
                      line: position.line, column: position.column, fix: "change or remove the alias")
            }
        }
        for page in pages {
            claim(OutputPaths.files(of: page)[0], by: page.sourcePath, line: page.slugLine,
                  column: page.slugColumn, fix: changeSlug)
        }
        for file in site.staticFiles { claim(file, by: "content/static/\(file)", fix: moveStatic) }
        // A static file cannot be a file where a page needs a folder, or sit
        // below a path that is a page's file. Only static files can clash this
        // way: every generated path ends in a file name of sitegen's choosing.
        var firstInside: [String: String] = [:]
        for path in owners.keys.sorted() {
            for folder in Self.folders(of: path) where firstInside[folder] == nil { firstInside[folder] = path }
        }
        for file in site.staticFiles {
            let owner = "content/static/\(file)"
            // Pages write their charts' numbers next to them (chart-1.csv, …);
            // how many is known only once rendered, so the names are kept free.
            if let slash = file.lastIndex(of: "/"), ChartDataFile.isDataFileName(String(file[file.index(after: slash)...])),
               let page = owners[file[..<slash] + "/index.html"],
               page.hasPrefix("content/articles/") || page.hasPrefix("the page of show ") {
                errors.append(SiteError(file: owner, message: "writes \(file), a name kept for the data files of the charts on \(page) (\(file[..<slash])/index.html): \(moveStatic)"))
            }
            if let inside = firstInside[file], let other = owners[inside] {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(other) writes \(inside) inside a folder of that name: \(moveStatic)"))
            }
            if let folder = Self.folders(of: file).first(where: { owners[$0] != nil }), let other = owners[folder] {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(folder) is a file that \(other) writes: \(moveStatic)"))
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
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

    /// The paths sitegen generates itself, with a description of their owner.
    private func generatedPaths() -> [(String, String)] {
        var paths: [(String, String)] = [
            ("404.html", "the 404 page"), (stylesheetPath, "the stylesheet"), ("sitemap.xml", "the sitemap"),
            ("feed.xml", "the Atom feed"), ("feed.json", "the JSON feed"),
        ]
        if let customStylesheetPath { paths.append((customStylesheetPath, "content/static/custom.css")) }
        if site.settings.hostHeaders { paths.append(("_headers", "headers: true in site.yaml")) }
        if writesRobots { paths.append(("robots.txt", "robots.txt")) }
        let pageSize = site.settings.pageSize
        for page in 1...Paginator.pageCount(items: articles.count, pageSize: pageSize) {
            paths.append((Paginator.path(base: "", page: page) + "index.html", "the home page"))
        }
        for taxonomy in taxonomies {
            paths.append((taxonomy.path + "index.html", "the \(taxonomy.singular.lowercased()) index"))
            for term in taxonomy.terms {
                let owner = "the page of \(taxonomy.singular.lowercased()) '\(term.name)'"
                for page in 1...Paginator.pageCount(items: term.articleSlugs.count, pageSize: pageSize) {
                    paths.append((Paginator.path(base: term.path, page: page) + "index.html", owner))
                }
                paths.append((term.path + "feed.xml", "the feed of \(taxonomy.singular.lowercased()) '\(term.name)'"))
            }
        }
        return paths
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

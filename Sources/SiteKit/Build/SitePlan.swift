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
    let stylesheetPath: String
    /// The path of the site root on its host ("/" or "/blog/").
    let basePath: String
    /// Whether sitegen writes robots.txt (not when content/static has its own).
    let writesRobots: Bool
    /// The site path of each published Markdown source ("content/articles/x.md" ->
    /// "articles/x/"), so Markdown can link to a source file and get its page.
    let sourcePaths: [String: String]

    /// Entries per feed.
    static let feedSize = 20

    var taxonomies: [Taxonomy] { [tags, shows] }

    init(site: Site, options: BuildOptions, theme: any Theme) throws(BuildFailure) {
        self.site = site
        articles = site.articles.filter { Publication.isPublished($0, options: options) }
        pages = site.pages.filter { Publication.isPublished($0, options: options) }
        skippedArticles = site.articles.count - articles.count
        stylesheetPath = "style.\(ContentHash.hex(of: theme.stylesheet)).css"
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
        let showData = site.shows
        shows = Taxonomy.collect(name: "shows", singular: "Show", plural: "Shows", articles: articles) { article in
            guard let slug = article.show, let show = showData[slug] else { return [] }
            return [(slug, show.title)]
        }

        // Every path written must have one owner.
        var owners: [String: String] = [:]
        func claim(_ path: String, by owner: String, line: Int = 1, column: Int = 1, fix: String) {
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
            if let inside = firstInside[file], let other = owners[inside] {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(other) writes \(inside) inside a folder of that name: \(moveStatic)"))
            }
            if let folder = Self.folders(of: file).first(where: { owners[$0] != nil }), let other = owners[folder] {
                errors.append(SiteError(file: owner, message: "writes \(file), but \(folder) is a file that \(other) writes: \(moveStatic)"))
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
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

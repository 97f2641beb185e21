/// What a build will publish and where: the published sources, the taxonomy
/// terms and every output path, checked for collisions and broken references
/// before anything is rendered.
struct SitePlan: Sendable {
    let site: Site
    /// Published articles, newest first.
    let articles: [Article]
    /// Published standalone pages.
    let pages: [StandalonePage]
    /// Tags by slug, with display name and articles (newest first).
    let tags: [Tag]
    let skippedArticles: Int
    let stylesheetPath: String
    /// Site path of the site root on its host ("/" or "/blog/").
    let basePath: String

    struct Tag: Sendable {
        var slug: String
        var name: String
        var articleSlugs: [String]
        var path: String { "tags/\(slug)/" }
    }

    init(site: Site, options: BuildOptions, theme: any Theme) throws(BuildFailure) {
        self.site = site
        articles = site.articles.filter { Publication.isPublished($0, options: options) }
        pages = site.pages.filter { Publication.isPublished($0, options: options) }
        skippedArticles = site.articles.count - articles.count
        stylesheetPath = "style.\(ContentHash.hex(of: theme.stylesheet)).css"
        basePath = Self.basePath(of: site.settings.baseURL)

        var errors: [SiteError] = []
        var tagsBySlug: [String: Tag] = [:]
        for article in articles {
            for name in article.tags {
                let slug = Slug.make(from: name)
                if tagsBySlug[slug] == nil { tagsBySlug[slug] = Tag(slug: slug, name: name, articleSlugs: []) }
                if tagsBySlug[slug]?.articleSlugs.last != article.slug {
                    tagsBySlug[slug]?.articleSlugs.append(article.slug)
                }
            }
            errors += Self.checkShowReferences(article, shows: site.shows)
        }
        tags = tagsBySlug.values.sorted { $0.slug < $1.slug }

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
        for (path, owner) in Self.generatedPaths(articleCount: articles.count, tags: tags,
                                                  pageSize: site.settings.pageSize, stylesheet: stylesheetPath) {
            claim(path, by: owner, fix: "change the slug of one of them")
        }
        for article in articles {
            claim(article.path + "index.html", by: article.sourcePath, line: article.slugLine,
                  column: article.slugColumn, fix: "change the slug of one of them")
        }
        for page in pages {
            claim(page.path + "index.html", by: page.sourcePath, line: page.slugLine,
                  column: page.slugColumn, fix: "change the slug of one of them")
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
    private static func generatedPaths(articleCount: Int, tags: [Tag], pageSize: Int,
                                       stylesheet: String) -> [(String, String)] {
        var paths: [(String, String)] = [("404.html", "the 404 page"), (stylesheet, "the stylesheet"),
                                         ("tags/index.html", "the tag index")]
        for page in 1...Paginator.pageCount(items: articleCount, pageSize: pageSize) {
            paths.append((Paginator.path(base: "", page: page) + "index.html", "the home page"))
        }
        for tag in tags {
            for page in 1...Paginator.pageCount(items: tag.articleSlugs.count, pageSize: pageSize) {
                paths.append((Paginator.path(base: tag.path, page: page) + "index.html", "the page of tag '\(tag.name)'"))
            }
        }
        return paths
    }

    private static func checkShowReferences(_ article: Article, shows: [String: Show]) -> [SiteError] {
        var errors: [SiteError] = []
        func check(_ show: String, line: Int, column: Int) {
            guard shows[show] == nil else { return }
            let hint = Suggestion.hint(for: show, in: Array(shows.keys))
            errors.append(SiteError(file: article.sourcePath, line: line, column: column,
                                    message: "unknown show '\(show)'\(hint): add content/data/shows/\(show).yaml or fix the slug"))
        }
        if let show = article.show { check(show, line: article.showLine, column: article.showColumn) }
        for show in article.compare { check(show, line: article.compareLine, column: article.compareColumn) }
        return errors
    }

    /// The path part of the base URL: "https://x.org/blog/" -> "/blog/".
    static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// Splits lists into pages with clean URLs: page 1 at the list's own path,
/// page N at `<path>page/N/`.
public enum Paginator {
    /// Pages needed for `items` items; an empty list still has one page.
    public static func pageCount(items: Int, pageSize: Int) -> Int {
        max(1, (items + pageSize - 1) / pageSize)
    }

    /// The site path of page `page` of the list at `base`.
    public static func path(base: String, page: Int) -> String {
        page == 1 ? base : "\(base)page/\(page)/"
    }

    /// The index range of page `page`.
    public static func range(page: Int, items: Int, pageSize: Int) -> Range<Int> {
        let start = min(items, (page - 1) * pageSize)
        return start..<min(items, start + pageSize)
    }
}

/// Short content hashes for cache-busting file names.
enum ContentHash {
    /// 64-bit FNV-1a of the UTF-8 text, as 10 hex digits.
    static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(10))
    }
}

/// Everything a build reads from the site folder, decoded and checked.
public struct Site: Sendable {
    public var settings: SiteSettings
    /// Articles sorted newest first (ties by slug).
    public var articles: [Article]
    /// Standalone pages sorted by slug.
    public var pages: [StandalonePage]
    /// Show data by slug.
    public var shows: [String: Show]
    /// Files under content/static, as paths relative to it, sorted.
    public var staticFiles: [String]
    /// `content/static/custom.css`, published as a hashed file linked after the
    /// theme's stylesheet (not among `staticFiles`).
    public var customStylesheet: String?

    public init(settings: SiteSettings, articles: [Article], pages: [StandalonePage],
                shows: [String: Show], staticFiles: [String]) {
        self.settings = settings
        // Sorted by position: a sort moves its elements many times, and moving an
        // Article retains and releases each of its many fields.
        self.articles = articles.indices.sorted { Site.newestFirst(articles[$0], articles[$1]) }.map { articles[$0] }
        self.pages = pages.sorted { $0.slug < $1.slug }
        self.shows = shows
        self.staticFiles = staticFiles.sorted()
    }

    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        if a.date != b.date { return a.date > b.date }
        return a.slug < b.slug
    }
}

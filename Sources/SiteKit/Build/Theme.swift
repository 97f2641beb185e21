/// The look of a site: one method per kind of page, each turning a typed page
/// model into HTML. SiteKit decides what is on a page; a theme decides how it looks.
///
/// Every requirement has a default: the page kinds and the stylesheet get theirs
/// from the `Templates` target (sitegen's own look, in an extension there, since
/// SiteKit knows nothing about the look), the small markup SiteKit writes inside
/// pages (heading anchors, redirect pages) from the extension below. A site's own
/// theme is then a struct that implements only what it changes.
public protocol Theme: Sendable {
    /// The site's stylesheet.
    var stylesheet: String { get }
    /// Ids the theme's article template uses itself, which headings must avoid.
    var reservedIDs: Set<String> { get }
    func article(_ page: ArticlePage) -> HTML
    func standalone(_ page: StandalonePageModel) -> HTML
    /// The home page and each term's page: a paginated list of articles.
    func articleList(_ page: ArticleListPage) -> HTML
    /// One article as the list pages show it; drawn once per build and
    /// handed to ``articleList(_:)`` as ``ArticleListPage/cards``.
    func card(_ article: ArticleSummary) -> HTML
    /// The list of all terms of a taxonomy (all tags, all shows).
    func termIndex(_ page: TermIndexPage) -> HTML
    func notFound(_ page: NotFoundPage) -> HTML
    /// The markup around a Markdown heading's content (its id and anchor link).
    func heading(_ heading: Heading) -> HeadingMarkup
    /// The page written at an old URL (`aliases:`) that sends readers on.
    func redirect(_ page: RedirectPage) -> HTML
    /// The frame around a chart or table embed: caption, summary, drawing,
    /// the numbers as a table, source line and CSV link.
    func figure(_ figure: FigureModel) -> HTML
}

extension Theme {
    /// Headings get their id and a `#` anchor link after the text.
    public func heading(_ heading: Heading) -> HeadingMarkup { .standard(heading) }

    /// sitegen's figure: caption, summary, drawing, "Show the numbers", source line.
    public func figure(_ figure: FigureModel) -> HTML { ChartFigure.standard(figure) }

    /// A minimal page in the site's language: canonical link, `noindex`, an
    /// immediate refresh, and a link for readers whose browser does not follow it.
    public func redirect(_ page: RedirectPage) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(page.site.language)">
        <head>
        <meta charset="utf-8">
        <title>\(page.title)</title>
        <link rel="canonical" href="\(page.target)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(page.target)">
        </head>
        <body>
        <p>This page has moved to <a href="\(page.target)">\(page.target)</a>.</p>
        </body>
        </html>

        """
    }
}

/// A redirect from an alias to the page that now lives elsewhere.
public struct RedirectPage: Sendable {
    public var site: SiteSettings
    /// The title of the page redirected to.
    public var title: String
    /// The absolute URL of the page redirected to.
    public var target: String
}

/// What every page knows about the site and itself.
public struct PageContext: Sendable {
    public var site: SiteSettings
    /// The page's own title (without the site name).
    public var title: String
    /// Meta description.
    public var description: String
    /// The page's site path ("articles/x/", "" for home).
    public var path: String
    /// The stylesheet's URL (root-relative, with its content hash).
    public var stylesheetURL: String
    /// Links for the site's main navigation.
    public var navigation: [Link]
    /// The path of the site root on its host ("/" or "/blog/").
    public var basePath: String
    /// Open Graph / Twitter card facts.
    public var social: SocialMetadata
    /// JSON-LD for search engines, already safe to place inside `<script>`.
    public var structuredData: String?
    /// Feeds that mirror this page (`<link rel="alternate">`).
    public var feeds: [Link]
    /// `content/static/custom.css` as published (root-relative, hashed), to link
    /// after `stylesheetURL` so its rules win.
    public var customStylesheetURL: String?
    /// The site's JSON Feed, linked from every page.
    public var jsonFeed: Link?
    /// The site's `logo:` (root-relative).
    public var logoURL: String?
    /// The site's `footer:` Markdown, rendered.
    public var footer: HTML?

    /// The root-relative URL of a site path ("articles/x/" -> "/articles/x/").
    public func url(_ sitePath: String) -> String { basePath + sitePath }
    /// The absolute URL of a site path, for canonical links and feeds.
    public func absoluteURL(_ sitePath: String) -> String { site.baseURL + sitePath }
    /// This page's canonical URL.
    public var canonicalURL: String { absoluteURL(path) }
    /// Whether this page is the one a navigation link points at.
    public func isCurrent(_ link: Link) -> Bool { link.url == url(path) }
}

/// What share cards (Open Graph, Twitter) show for a page.
public struct SocialMetadata: Sendable {
    /// "article" or "website".
    public var type: String
    /// Absolute image URL.
    public var image: String?
    public var imageAlt: String?
    public var published: DateTime?
    public var modified: DateTime?
}

/// A labelled link.
public struct Link: Sendable, Equatable {
    public var label: String
    /// Root-relative URL.
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// A taxonomy term as linked from pages: a tag with its URL and article count.
public struct TermLink: Sendable, Equatable {
    public var name: String
    public var url: String
    public var count: Int
}

/// An article as shown in lists and in its own header.
public struct ArticleSummary: Sendable, Equatable {
    public var title: String
    public var url: String
    public var date: DateTime
    public var updated: DateTime?
    public var author: String?
    /// Front matter summary, else the first paragraph.
    public var summary: String
    public var tags: [TermLink]
    /// The show the article follows, linked to its show page.
    public var show: TermLink?
    /// The renewal status the article reports, for list badges.
    public var renewalStatus: Renewal.Status?
    public var image: String?
    public var imageAlt: String?
    public var readingMinutes: Int
}

/// An article's own page.
public struct ArticlePage: Sendable {
    public var context: PageContext
    public var article: ArticleSummary
    /// The rendered Markdown body.
    public var body: HTML
    public var renewal: Renewal?
    public var scores: Scores?
    /// "How it's performing": the followed show's table and chart, when it has one.
    public var performance: HTML?
    public var wordCount: Int
    /// Headings for a table of contents (empty for short articles).
    public var tableOfContents: [Heading]
}

/// A standalone page (About).
public struct StandalonePageModel: Sendable {
    public var context: PageContext
    public var body: HTML
    public var updated: DateTime?
}

/// Links between the pages of a paginated list.
public struct Pagination: Sendable, Equatable {
    /// 1-based.
    public var page: Int
    public var pageCount: Int
    public var previousURL: String?
    public var nextURL: String?
}

/// A paginated list of articles: the home page or a term's page.
public struct ArticleListPage: Sendable {
    public var context: PageContext
    /// The list's heading ("Latest", "Tag: Netflix").
    public var heading: String
    public var intro: String?
    public var articles: [ArticleSummary]
    /// Each of `articles` drawn by the theme's ``Theme/card(_:)``, in the
    /// same order: drawn once per build, however many lists an article is on.
    public var cards: [HTML]
    public var pagination: Pagination
    /// Whether this is the site's home page.
    public var isHome: Bool
    /// On a show's page: its viewing figures, charts and table (first page only).
    public var showOverview: HTML?
}

/// Every term of a taxonomy with its count.
public struct TermIndexPage: Sendable {
    public var context: PageContext
    /// "Tags", "Shows".
    public var heading: String
    public var terms: [TermLink]
}

/// The page hosts show for a missing URL.
public struct NotFoundPage: Sendable {
    public var context: PageContext
    public var latest: [ArticleSummary]
}

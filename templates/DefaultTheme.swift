import SiteKit

/// sitegen's own look: clean, readable, responsive, with a dark mode; no
/// external fonts, CDNs or JavaScript. Every page kind comes from the `Theme`
/// defaults below, so a site's own theme overrides only what it changes.
public struct DefaultTheme: Theme {
    public init() {}
}

/// sitegen's look as the default of every `Theme` that imports `Templates`.
extension Theme {
    /// The default stylesheet; a theme may extend it (`Stylesheet.css + "…"`).
    public var stylesheet: String { Stylesheet.css }

    /// Ids the default article template uses itself.
    public var reservedIDs: Set<String> { ["main", "toc-title", "performance", "viewing-figures"] }

    /// ``ArticleTemplate``.
    public func article(_ page: ArticlePage) -> HTML { ArticleTemplate.render(page) }
    /// ``ListTemplates/standalone(_:)``.
    public func standalone(_ page: StandalonePageModel) -> HTML { ListTemplates.standalone(page) }
    /// ``ListTemplates/articleList(_:)``.
    public func articleList(_ page: ArticleListPage) -> HTML { ListTemplates.articleList(page) }
    /// ``ListTemplates/card(_:)``.
    public func card(_ article: ArticleSummary) -> HTML { ListTemplates.card(article) }
    /// ``ListTemplates/termIndex(_:)``.
    public func termIndex(_ page: TermIndexPage) -> HTML { ListTemplates.termIndex(page) }
    /// ``ListTemplates/notFound(_:)``.
    public func notFound(_ page: NotFoundPage) -> HTML { ListTemplates.notFound(page) }
}

import SiteKit

/// sitegen's own look: clean, readable, responsive, with a dark mode; no
/// external fonts, CDNs or JavaScript.
public struct DefaultTheme: Theme {
    public init() {}

    public var stylesheet: String { Stylesheet.css }

    public var reservedIDs: Set<String> { ["main", "toc-title", "performance", "viewing-figures"] }

    public func article(_ page: ArticlePage) -> HTML { ArticleTemplate.render(page) }
    public func standalone(_ page: StandalonePageModel) -> HTML { ListTemplates.standalone(page) }
    public func articleList(_ page: ArticleListPage) -> HTML { ListTemplates.articleList(page) }
    public func termIndex(_ page: TermIndexPage) -> HTML { ListTemplates.termIndex(page) }
    public func notFound(_ page: NotFoundPage) -> HTML { ListTemplates.notFound(page) }
}

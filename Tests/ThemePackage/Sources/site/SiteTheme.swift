import SiteKit
import Templates

/// This site's look: sitegen's default theme, with an article page of its own
/// and one extra rule in the stylesheet. Everything not written here (home,
/// tags, shows, 404, heading anchors, redirects) stays the default.
struct SiteTheme: Theme {
    var stylesheet: String { Stylesheet.css + ".kicker { color: var(--accent); font-weight: 700; }\n" }

    func article(_ page: ArticlePage) -> HTML {
        Layout.page(page.context, bodyClass: "page-article", main: """
        <article class="article">
        <p class="kicker">From the desk</p>
        <h1>\(page.article.title)</h1>
        <p class="meta">\(Layout.time(page.article.date))</p>
        <div class="prose">
        \(page.body)
        </div>
        \(page.performance)
        </article>
        """)
    }
}

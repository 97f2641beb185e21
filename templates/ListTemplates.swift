import SiteKit

/// Lists: the home page, tag pages, the tag index, the 404 page, and
/// standalone pages.
public enum ListTemplates {
    /// The home page or a term's page: a paginated list of article cards.
    public static func articleList(_ page: ArticleListPage) -> HTML {
        var head: HTML = .empty
        if let previous = page.pagination.previousURL { head.append("<link rel=\"prev\" href=\"\(previous)\">\n") }
        if let next = page.pagination.nextURL { head.append("<link rel=\"next\" href=\"\(next)\">\n") }
        let heading: HTML = page.isHome && page.pagination.page == 1
            ? "<h1 class=\"visually-hidden\">\(page.context.site.title): \(page.heading)</h1>"
            : "<h1>\(page.heading)</h1>\(page.intro.map { intro -> HTML in "<p class=\"intro\">\(intro)</p>" })"
        let pageNote: HTML = page.pagination.pageCount > 1
            ? "<p class=\"page-note\">Page \(page.pagination.page) of \(page.pagination.pageCount)</p>" : .empty
        let list: HTML = page.articles.isEmpty
            ? "<p class=\"empty\">No articles yet.</p>"
            : "<ol class=\"article-list\">\(page.cards)</ol>"
        let overview: HTML = page.showOverview.map { overview in
            """
            <section class="show-overview" aria-labelledby="viewing-figures">
            <h2 id="viewing-figures">Viewing figures</h2>
            \(overview)
            </section>
            <h2 class="list-heading">Articles</h2>
            """
        } ?? .empty
        let main: HTML = """
        \(heading)
        \(pageNote)
        \(overview)
        \(list)
        \(pager(page.pagination))
        """
        return Layout.page(page.context, bodyClass: page.isHome ? "page-home" : "page-list", head: head, main: main)
    }

    /// One article in a list.
    public static func card(_ article: ArticleSummary) -> HTML {
        """
        <li class="card">
        <article>
        <h2><a href="\(article.url)">\(article.title)</a></h2>
        <p class="meta">\(article.renewalStatus.map { status -> HTML in "<span class=\"badge status-\(status.rawValue)\">\(status.label)</span> " })\(Layout.time(article.date)) · \(article.readingMinutes) min read</p>
        <p class="summary">\(article.summary)</p>
        \(Layout.tagList(article.tags, show: article.show))
        </article>
        </li>
        """
    }

    private static func pager(_ pagination: Pagination) -> HTML {
        guard pagination.pageCount > 1 else { return .empty }
        let previous: HTML = pagination.previousURL.map { "<a rel=\"prev\" href=\"\($0)\">← Newer</a>" } ?? "<span></span>"
        let next: HTML = pagination.nextURL.map { "<a rel=\"next\" href=\"\($0)\">Older →</a>" } ?? "<span></span>"
        return "<nav class=\"pager\" aria-label=\"Pages\">\(previous)\(next)</nav>"
    }

    /// Every tag or show with its article count.
    public static func termIndex(_ page: TermIndexPage) -> HTML {
        let items = page.terms.map { term -> HTML in
            "<li><a href=\"\(term.url)\">\(term.name)</a> <span class=\"count\">\(term.count)</span></li>"
        }
        let main: HTML = """
        <h1>\(page.heading)</h1>
        \(page.terms.isEmpty ? "<p class=\"empty\">Nothing here yet.</p>" : "<ul class=\"term-list\">\(items)</ul>" as HTML)
        """
        return Layout.page(page.context, bodyClass: "page-terms", main: main)
    }

    /// The 404 page with the latest articles.
    public static func notFound(_ page: NotFoundPage) -> HTML {
        let latest: HTML = page.latest.isEmpty ? .empty : """
        <h2>Latest articles</h2>
        <ul class="plain-list">\(page.latest.map { article -> HTML in "<li><a href=\"\(article.url)\">\(article.title)</a></li>" })</ul>
        """
        let main: HTML = """
        <h1>Page not found</h1>
        <p>The page you asked for is not here. It may have moved; try the <a href="\(page.context.basePath)">home page</a>.</p>
        \(latest)
        """
        return Layout.page(page.context, bodyClass: "page-404", main: main)
    }

    /// A standalone page (About).
    public static func standalone(_ page: StandalonePageModel) -> HTML {
        let main: HTML = """
        <article class="article">
        <header class="article-header"><h1>\(page.context.title)</h1></header>
        <div class="prose">
        \(page.body)
        </div>
        \(page.updated.map { updated -> HTML in "<p class=\"meta\">Last updated \(Layout.time(updated))</p>" })
        </article>
        """
        return Layout.page(page.context, bodyClass: "page-standalone", main: main)
    }
}

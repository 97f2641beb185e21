/// The render phase: turns planned sources into page models and, through the
/// theme, into HTML.
struct PageRenderer: Sendable {
    let plan: SitePlan
    let theme: any Theme

    /// A rendered file and its site path.
    struct Output: Sendable {
        var path: String
        var html: HTML
    }

    /// Words per minute for reading-time estimates.
    static let wordsPerMinute = 220
    /// Articles with at least this many headings get a table of contents.
    static let tableOfContentsMinimum = 3

    private var settings: SiteSettings { plan.site.settings }

    func context(title: String, description: String, path: String) -> PageContext {
        let base = plan.basePath
        var navigation = [Link(label: "Latest", url: base), Link(label: "Tags", url: base + "tags/")]
        navigation += plan.pages.map { Link(label: $0.title, url: base + $0.path) }
        return PageContext(site: settings, title: title, description: description, path: path,
                           stylesheetURL: base + plan.stylesheetPath, navigation: navigation, basePath: base)
    }

    func tagLinks(_ names: [String]) -> [TermLink] {
        var seen = Set<String>()
        return names.compactMap { name in
            let slug = Slug.make(from: name)
            guard seen.insert(slug).inserted, let tag = plan.tags.first(where: { $0.slug == slug }) else { return nil }
            return TermLink(name: tag.name, url: plan.basePath + tag.path, count: tag.articleSlugs.count)
        }
    }

    /// Renders an article's page; returns its summary for the list pages too.
    func renderArticle(_ article: Article) throws(BuildFailure) -> (ArticleSummary, HTML) {
        var embedErrors: [SiteError] = []
        var embeds = EmbedRenderer(shows: plan.site.shows, file: article.sourcePath,
                                   lineOffset: article.bodyFirstLine - 1)
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                article.body,
                options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs),
                embedNames: EmbedRenderer.names
            ) { block in
                switch embeds.render(block) {
                case .success(let html): return html
                case .failure(let failure): embedErrors += failure.errors; return nil
                }
            }
        } catch {
            throw BuildFailure([SiteError(file: article.sourcePath, message: error.description)])
        }
        guard embedErrors.isEmpty else { throw BuildFailure(embedErrors) }
        let summaryText = article.summary ?? rendered.firstParagraph ?? ""
        let summary = ArticleSummary(
            title: article.title, url: plan.basePath + article.path, date: article.date, updated: article.updated,
            author: article.author ?? settings.author, summary: summaryText, tags: tagLinks(article.tags),
            image: article.image, imageAlt: article.imageAlt,
            readingMinutes: max(1, (rendered.wordCount + Self.wordsPerMinute - 1) / Self.wordsPerMinute))
        let performance = article.show.flatMap { plan.site.shows[$0] }.map { embeds.performanceSection(for: $0) }
        let page = ArticlePage(
            context: context(title: article.title, description: summaryText, path: article.path),
            article: summary, body: HTML(unsafeRaw: rendered.html), renewal: article.renewal, scores: article.scores,
            performance: performance, wordCount: rendered.wordCount,
            tableOfContents: rendered.headings.count >= Self.tableOfContentsMinimum
                ? rendered.headings.filter { $0.level <= 3 } : [])
        return (summary, theme.article(page))
    }

    func renderStandalone(_ page: StandalonePage) throws(BuildFailure) -> Output {
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                page.body, options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs))
        } catch {
            throw BuildFailure([SiteError(file: page.sourcePath, message: error.description)])
        }
        let model = StandalonePageModel(
            context: context(title: page.title, description: page.summary ?? rendered.firstParagraph ?? "", path: page.path),
            body: HTML(unsafeRaw: rendered.html), updated: page.updated)
        return Output(path: page.path + "index.html", html: theme.standalone(model))
    }

    /// Home pages, tag pages, the tag index and the 404 page.
    func renderLists(summaries: [ArticleSummary]) -> [Output] {
        var outputs: [Output] = []
        let bySlug = Dictionary(zip(plan.articles.map(\.slug), summaries), uniquingKeysWith: { first, _ in first })
        outputs += paginate(summaries, base: "", heading: "Latest", intro: settings.description,
                            title: settings.title, isHome: true)
        for tag in plan.tags {
            let items = tag.articleSlugs.compactMap { bySlug[$0] }
            let count = items.count == 1 ? "1 article" : "\(items.count) articles"
            outputs += paginate(items, base: tag.path, heading: "Tag: \(tag.name)", intro: count,
                                title: "Tag: \(tag.name)", isHome: false)
        }
        let terms = plan.tags.map { TermLink(name: $0.name, url: plan.basePath + $0.path, count: $0.articleSlugs.count) }
        outputs.append(Output(path: "tags/index.html", html: theme.termIndex(TermIndexPage(
            context: context(title: "Tags", description: "Every tag on \(settings.title).", path: "tags/"),
            terms: terms))))
        outputs.append(Output(path: "404.html", html: theme.notFound(NotFoundPage(
            context: context(title: "Page not found", description: "This page does not exist.", path: "404.html"),
            latest: Array(summaries.prefix(5))))))
        return outputs
    }

    private func paginate(_ items: [ArticleSummary], base: String, heading: String, intro: String?,
                          title: String, isHome: Bool) -> [Output] {
        let size = settings.pageSize
        let count = Paginator.pageCount(items: items.count, pageSize: size)
        return (1...count).map { page in
            let path = Paginator.path(base: base, page: page)
            // Later home pages are titled by their heading ("Latest, page 2"): the
            // layout adds the site name, which would otherwise appear twice.
            let pageTitle = page == 1 ? title : "\(heading), page \(page)"
            let pagination = Pagination(
                page: page, pageCount: count,
                previousURL: page > 1 ? plan.basePath + Paginator.path(base: base, page: page - 1) : nil,
                nextURL: page < count ? plan.basePath + Paginator.path(base: base, page: page + 1) : nil)
            let model = ArticleListPage(
                context: context(title: pageTitle, description: intro ?? settings.description, path: path),
                heading: heading, intro: intro,
                articles: Array(items[Paginator.range(page: page, items: items.count, pageSize: size)]),
                pagination: pagination, isHome: isHome)
            return Output(path: path + "index.html", html: theme.articleList(model))
        }
    }
}

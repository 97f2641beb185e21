/// The render phase: turns planned sources into page models and, through the
/// theme, into HTML; and writes the feeds, sitemap and redirects.
struct PageRenderer: Sendable {
    let plan: SitePlan
    let theme: any Theme
    /// The site's `footer:` Markdown, rendered once.
    var footer: HTML?

    init(plan: SitePlan, theme: any Theme, footer: HTML? = nil) {
        self.plan = plan
        self.theme = theme
        self.footer = footer
        performanceSections = PerformanceSections(layOut: theme.figure)
    }

    /// A rendered file, its site path and what to blame for its links.
    struct Output: Sendable {
        var path: String
        var text: String
        /// The source file, or a description of the generated page.
        var source: String
        /// The links written in the source's Markdown, with their lines in the
        /// source file, for the link check to point at.
        var markdownLinks: [MarkdownLink] = []
        var isHTML: Bool { path.hasSuffix(".html") }
    }

    /// Words per minute for reading-time estimates.
    static let wordsPerMinute = 220
    /// Articles with at least this many headings get a table of contents.
    static let tableOfContentsMinimum = 3

    /// "How it's performing" sections drawn so far, shared by all workers.
    let performanceSections: PerformanceSections

    private var settings: SiteSettings { plan.site.settings }

    func context(title: String, description: String, path: String,
                 social: SocialMetadata = SocialMetadata(type: "website"),
                 structuredData: String? = nil, feeds: [Link] = []) -> PageContext {
        let base = plan.basePath
        var navigation = [Link(label: "Latest", url: base), Link(label: "Shows", url: base + "shows/"),
                          Link(label: "Tags", url: base + "tags/")]
        navigation += plan.pages.map { Link(label: $0.title, url: base + $0.path) }
        let siteFeed = Link(label: "\(settings.title) (Atom)", url: base + "feed.xml")
        var context = PageContext(site: settings, title: title, description: description, path: path,
                                  stylesheetURL: base + plan.stylesheetPath, navigation: navigation, basePath: base,
                                  social: social, structuredData: structuredData,
                                  feeds: feeds.isEmpty ? [siteFeed] : feeds)
        if context.social.image == nil, let image = settings.image {
            context.social.image = Feeds.absolute(image, settings: settings, basePath: base)
            context.social.imageAlt = settings.imageAlt
        }
        context.jsonFeed = Link(label: "\(settings.title) (JSON Feed)", url: base + "feed.json")
        context.customStylesheetURL = plan.customStylesheetPath.map { base + $0 }
        context.logoURL = settings.logo.map { base + $0 }
        context.footer = footer
        return context
    }

    /// The site's `footer:` as HTML: Markdown with the site's raw-HTML setting;
    /// links to Markdown sources and site-root links resolved like an article's.
    static func footer(_ plan: SitePlan, theme: any Theme) throws(BuildFailure) -> HTML? {
        guard let footer = plan.site.settings.footer else { return nil }
        let probe = PageRenderer(plan: plan, theme: theme)
        do {
            let rendered = try MarkdownRenderer.render(
                footer, options: MarkdownOptions(allowRawHTML: plan.site.settings.allowRawHTML),
                rewriteLink: { probe.sourceLink($0, from: "content/site.yaml") })
            return HTML(unsafeRaw: rendered.html)
        } catch {
            throw BuildFailure([SiteError(file: "content/site.yaml", message: error.description)])
        }
    }

    /// A URL from content as the page must write it: site-root paths
    /// (`/images/x.jpg`) gain the base path when the site lives below one
    /// (`/blog/images/x.jpg`); absolute and relative URLs stay as written.
    func siteURL(_ url: String) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//"), !url.hasPrefix(plan.basePath) else { return url }
        return plan.basePath + url.dropFirst()
    }

    /// A link to another Markdown source ("other-article.md#part",
    /// "../pages/about.md") as the URL of that source's page, so links survive
    /// slug changes and work in any Markdown previewer too; a site-root link
    /// with the site's base path. `nil` leaves the link as written (the link
    /// check then reports it if it leads nowhere).
    func sourceLink(_ url: String, from source: String) -> String? {
        // Site-root links gain the base path of a site that lives below one.
        if url.hasPrefix("/") {
            let adjusted = siteURL(url)
            return adjusted == url ? nil : adjusted
        }
        guard !url.hasPrefix("#"), !LinkChecker.hasScheme(url) else { return nil }
        var target = url
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            target = String(target[..<hash])
        }
        guard target.hasSuffix(".md") else { return nil }
        var segments = source.split(separator: "/").dropLast().map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(String(segment))
            }
        }
        guard let sitePath = plan.sourcePaths[segments.joined(separator: "/")] else { return nil }
        return plan.basePath + sitePath + fragment
    }

    func termLinks(_ slugs: [String], in taxonomy: Taxonomy) -> [TermLink] {
        var seen = Set<String>()
        return slugs.compactMap { slug in
            guard seen.insert(slug).inserted, let term = taxonomy.term(slug) else { return nil }
            return TermLink(name: term.name, url: plan.basePath + term.path, count: term.articleSlugs.count)
        }
    }

    /// Renders an article's page; returns its summary for the list pages too,
    /// the CSV files of its charts and tables, and when `forFeeds`, the feed
    /// variant of its body (``FeedContent``).
    func renderArticle(_ article: Article, forFeeds: Bool = false) throws(BuildFailure)
        -> (ArticleSummary, Output, dataFiles: [Output], feedHTML: String?) {
        var embedErrors: [SiteError] = []
        var embeds = EmbedRenderer(shows: plan.site.shows, file: article.sourcePath,
                                   lineOffset: article.bodyFirstLine - 1, cutOff: article.dataCutOff,
                                   layOut: theme.figure)
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                article.body,
                options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs),
                embedNames: EmbedRenderer.names,
                embed: { block in
                    switch embeds.render(block) {
                    case .success(let html): return html
                    case .failure(let failure): embedErrors += failure.errors; return nil
                    }
                },
                rewriteLink: { sourceLink($0, from: article.sourcePath) },
                heading: theme.heading)
        } catch {
            throw BuildFailure([error.siteError(file: article.sourcePath, lineOffset: article.bodyFirstLine - 1)])
        }
        guard embedErrors.isEmpty else { throw BuildFailure(embedErrors) }
        let summaryText = article.summary ?? rendered.firstParagraph ?? ""
        let summary = ArticleSummary(
            title: article.title, url: plan.basePath + article.path, date: article.date, updated: article.updated,
            author: article.author ?? settings.author, summary: summaryText,
            tags: termLinks(article.tags.map(Slug.term), in: plan.tags),
            show: article.show.flatMap { termLinks([$0], in: plan.shows).first },
            renewalStatus: article.renewal?.status,
            image: article.image.map(siteURL), imageAlt: article.imageAlt,
            readingMinutes: max(1, (rendered.wordCount + Self.wordsPerMinute - 1) / Self.wordsPerMinute))
        // The section is left out when the body already shows the show's
        // figures, or the editor turned it off.
        let drawnShows = embeds.drawnShows
        let section = article.show.flatMap { plan.site.shows[$0] }
            .flatMap { article.performance && !drawnShows.contains($0.slug) ? $0 : nil }
            .map { show in
                performanceSections.section(for: show, compare: article.compare.compactMap { plan.site.shows[$0] },
                                            cutOff: article.dataCutOff)
            }
        let performance = section?.html
        let dataFiles = (embeds.dataFiles + (section?.dataFiles ?? [])).map { file in
            Output(path: article.path + file.name, text: file.csv, source: article.sourcePath)
        }
        let image = article.image.map { Feeds.absolute($0, settings: settings, basePath: plan.basePath) }
        // JSON-LD wants an image for every article: the site's default when it names none.
        let structuredImage = image ?? settings.image.map { Feeds.absolute($0, settings: settings, basePath: plan.basePath) }
        let social = SocialMetadata(type: "article", image: image, imageAlt: article.imageAlt,
                                    published: article.date, modified: article.updated ?? article.date)
        let page = ArticlePage(
            context: context(title: article.title, description: summaryText, path: article.path, social: social,
                             structuredData: StructuredData.newsArticle(summary, image: structuredImage, settings: settings,
                                                                        basePath: plan.basePath)),
            article: summary, body: HTML(unsafeRaw: rendered.html), renewal: article.renewal, scores: article.scores,
            performance: performance, wordCount: rendered.wordCount,
            tableOfContents: rendered.headings.count >= Self.tableOfContentsMinimum
                ? rendered.headings.filter { $0.level <= 3 } : [])
        let feedHTML = forFeeds ? FeedContent.html(rendered.html, pageURL: settings.baseURL + article.path,
                                                   settings: settings) : nil
        return (summary, Output(path: article.path + "index.html", text: theme.article(page).rendered,
                                source: article.sourcePath,
                                markdownLinks: Self.inFile(rendered.links, bodyFirstLine: article.bodyFirstLine)), dataFiles, feedHTML)
    }

    func renderStandalone(_ page: StandalonePage) throws(BuildFailure) -> Output {
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                page.body, options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs),
                rewriteLink: { sourceLink($0, from: page.sourcePath) },
                heading: theme.heading)
        } catch {
            throw BuildFailure([error.siteError(file: page.sourcePath, lineOffset: page.bodyFirstLine - 1)])
        }
        let model = StandalonePageModel(
            context: context(title: page.title, description: page.summary ?? rendered.firstParagraph ?? "", path: page.path),
            body: HTML(unsafeRaw: rendered.html), updated: page.updated)
        return Output(path: page.path + "index.html", text: theme.standalone(model).rendered, source: page.sourcePath,
                      markdownLinks: Self.inFile(rendered.links, bodyFirstLine: page.bodyFirstLine))
    }

    /// Links with lines counted in the whole file (front matter included).
    static func inFile(_ links: [MarkdownLink], bodyFirstLine: Int) -> [MarkdownLink] {
        links.map { link in
            var moved = link
            moved.line += bodyFirstLine - 1
            return moved
        }
    }

    /// Every generated file that is not an article or a standalone page: lists,
    /// term pages and indexes, feeds, sitemap, robots.txt, redirects, 404.
    /// - Parameter feedContent: the feed variant of each article's body, by its URL.
    func renderGenerated(summaries: [ArticleSummary], feedContent: [String: Feeds.Body] = [:]) -> [Output] {
        var outputs: [Output] = []
        let bySlug = Dictionary(zip(plan.articles.map(\.slug), summaries), uniquingKeysWith: { first, _ in first })
        outputs += paginate(summaries, base: "", heading: "Latest", intro: settings.description,
                            title: settings.title, isHome: true, source: "the home page")
        let siteFeed = Feeds.Feed(path: "feed.xml", pagePath: "", title: settings.title,
                                  entries: Array(summaries.prefix(SitePlan.feedSize)), content: feedContent)
        outputs.append(Output(path: "feed.xml", text: Feeds.atom(siteFeed, settings: settings, basePath: plan.basePath),
                              source: "the Atom feed"))
        outputs.append(Output(path: "feed.json", text: Feeds.json(siteFeed, jsonPath: "feed.json", settings: settings,
                                                                basePath: plan.basePath), source: "the JSON feed"))
        for taxonomy in plan.taxonomies {
            // Term pages are independent (and a show's carries charts): all cores.
            outputs += Parallel.map(taxonomy.terms) { term in
                renderTerm(term, of: taxonomy, summaries: bySlug, feedContent: feedContent)
            }.flatMap { $0 }
            let terms = termLinks(taxonomy.terms.map(\.slug), in: taxonomy)
            let index = TermIndexPage(
                context: context(title: taxonomy.plural, description: "Every \(taxonomy.singular.lowercased()) on \(settings.title).",
                                 path: taxonomy.path),
                heading: taxonomy.plural, terms: terms)
            outputs.append(Output(path: taxonomy.path + "index.html", text: theme.termIndex(index).rendered,
                                  source: "the \(taxonomy.singular.lowercased()) index"))
        }
        outputs.append(Output(path: "404.html", text: theme.notFound(NotFoundPage(
            context: context(title: "Page not found", description: "This page does not exist.", path: "404.html"),
            latest: Array(summaries.prefix(5)))).rendered, source: "the 404 page"))
        for article in plan.articles {
            for alias in article.aliases {
                outputs.append(Output(path: SitePlan.aliasFile(alias),
                                      text: Redirect.page(to: settings.baseURL + article.path, title: article.title,
                                                          settings: settings, theme: theme),
                                      source: article.sourcePath))
            }
        }
        outputs.append(Output(path: "sitemap.xml", text: Sitemap.xml(sitemapEntries(outputs: outputs, summaries: summaries),
                                                                   baseURL: settings.baseURL), source: "the sitemap"))
        if plan.writesRobots {
            outputs.append(Output(path: "robots.txt", text: Sitemap.robots(baseURL: settings.baseURL), source: "robots.txt"))
        }
        return outputs
    }

    /// A term's paginated list (a show's opens with its figures) and its feed.
    private func renderTerm(_ term: Taxonomy.Term, of taxonomy: Taxonomy,
                            summaries bySlug: [String: ArticleSummary], feedContent: [String: Feeds.Body]) -> [Output] {
        let items = term.articleSlugs.compactMap { bySlug[$0] }
        let count = items.count == 1 ? "1 article" : "\(items.count) articles"
        let title = "\(taxonomy.singular): \(term.name)"
        let feed = Feeds.Feed(path: term.path + "feed.xml", pagePath: term.path,
                              title: "\(settings.title): \(term.name)",
                              entries: Array(items.prefix(SitePlan.feedSize)), content: feedContent)
        let feedLink = Link(label: "\(feed.title) (Atom)", url: plan.basePath + feed.path)
        var overview: HTML?
        var dataFiles: [Output] = []
        if taxonomy.name == plan.shows.name, let show = plan.site.shows[term.slug] {
            // A show's page is not a snapshot: it draws every week.
            var embeds = EmbedRenderer(shows: plan.site.shows, file: show.sourcePath, lineOffset: 0, layOut: theme.figure)
            overview = embeds.showOverview(for: show)
            dataFiles = embeds.dataFiles.map { file in
                Output(path: term.path + file.name, text: file.csv, source: show.sourcePath)
            }
        }
        var outputs = paginate(items, base: term.path, heading: title, intro: count, title: title,
                               isHome: false, source: "the page of \(taxonomy.singular.lowercased()) '\(term.name)'",
                               feeds: [feedLink], showOverview: overview)
        outputs.append(Output(path: feed.path, text: Feeds.atom(feed, settings: settings, basePath: plan.basePath),
                              source: "the feed of \(taxonomy.singular.lowercased()) '\(term.name)'"))
        return outputs + dataFiles
    }

    private func sitemapEntries(outputs: [Output], summaries: [ArticleSummary]) -> [Sitemap.Entry] {
        var entries = zip(plan.articles, summaries).map { article, summary in
            Sitemap.Entry(path: article.path, lastModified: summary.updated ?? summary.date)
        }
        entries += plan.pages.map { Sitemap.Entry(path: $0.path, lastModified: $0.updated ?? $0.date) }
        let aliasPaths = Set(plan.articles.flatMap { $0.aliases.map(SitePlan.aliasFile) })
        for output in outputs where output.isHTML && output.path != "404.html" && !aliasPaths.contains(output.path) {
            entries.append(Sitemap.Entry(path: String(output.path.dropLast("index.html".count)), lastModified: nil))
        }
        return entries
    }

    private func paginate(_ items: [ArticleSummary], base: String, heading: String, intro: String?,
                          title: String, isHome: Bool, source: String, feeds: [Link] = [],
                          showOverview: HTML? = nil) -> [Output] {
        let size = settings.pageSize
        let count = Paginator.pageCount(items: items.count, pageSize: size)
        return Parallel.map(Array(1...count)) { page in
            let path = Paginator.path(base: base, page: page)
            // Later home pages are titled by their heading ("Latest, page 2"): the
            // layout adds the site name, which would otherwise appear twice.
            let pageTitle = page == 1 ? title : "\(heading), page \(page)"
            let pagination = Pagination(
                page: page, pageCount: count,
                previousURL: page > 1 ? plan.basePath + Paginator.path(base: base, page: page - 1) : nil,
                nextURL: page < count ? plan.basePath + Paginator.path(base: base, page: page + 1) : nil)
            let model = ArticleListPage(
                context: context(title: pageTitle, description: intro ?? settings.description, path: path, feeds: feeds),
                heading: heading, intro: intro,
                articles: Array(items[Paginator.range(page: page, items: items.count, pageSize: size)]),
                pagination: pagination, isHome: isHome, showOverview: page == 1 ? showOverview : nil)
            return Output(path: path + "index.html", text: theme.articleList(model).rendered, source: source)
        }
    }
}

/// The render phase: turns planned sources into page models and, through the
/// theme, into HTML; and writes the feeds, sitemap and redirects.
struct PageRenderer: Sendable {
    let plan: SitePlan
    let theme: any Theme
    /// The site's `footer:` Markdown, rendered once.
    var footer: HTML?

    /// - Parameter knownLinks: the links the link scan leaves out of pages
    ///   (a one-off build's early check), left out of the cards it scans once.
    init(plan: SitePlan, theme: any Theme, footer: HTML? = nil, knownLinks: LinkChecker.KnownLinks? = nil) {
        self.plan = plan
        self.theme = theme
        self.footer = footer
        self.knownLinks = knownLinks
        performanceSections = PerformanceSections(layOut: theme.figure)
        cards = ArticleCards(knownLinks: knownLinks) { [theme] article in theme.card(article) }
    }

    /// The links the link scan leaves out of pages, left out of the markup
    /// read once for it (cards, bodies) too.
    let knownLinks: LinkChecker.KnownLinks?

    /// A rendered file, its site path and what to blame for its links.
    struct Output: Sendable {
        /// What a file holds: text, or UTF-8 assembled as bytes (an Atom
        /// feed, whose entries' bodies are kept as bytes).
        enum Content: Sendable {
            case text(String)
            case utf8([UInt8])
        }

        var path: String
        var content: Content
        /// The source file, or a description of the generated page.
        var source: String
        /// The links written in the source's Markdown, with their lines in the
        /// source file, for the link check to point at.
        var markdownLinks: [MarkdownLink] = []
        /// Inputs found while rendering: shows named by embeds, Markdown
        /// sources linked to (see ``PlannedOutput/inputs``).
        var discoveredInputs: [BuildInput] = []
        /// Figures drawn for the page, in order, which the link scan passes
        /// over where the page holds them (``KnownMarkup``).
        var knownMarkup: [KnownMarkup] = []
        var isHTML: Bool { path.hasSuffix(".html") }

        init(path: String, text: String, source: String, markdownLinks: [MarkdownLink] = [],
             discoveredInputs: [BuildInput] = []) {
            self.init(path: path, content: .text(text), source: source, markdownLinks: markdownLinks,
                      discoveredInputs: discoveredInputs)
        }

        init(path: String, content: Content, source: String, markdownLinks: [MarkdownLink] = [],
             discoveredInputs: [BuildInput] = []) {
            self.path = path
            self.content = content
            self.source = source
            self.markdownLinks = markdownLinks
            self.discoveredInputs = discoveredInputs
        }
    }

    /// Words per minute for reading-time estimates.
    static let wordsPerMinute = 220
    /// Articles with at least this many headings get a table of contents.
    static let tableOfContentsMinimum = 3

    /// "How it's performing" sections drawn so far, shared by all workers.
    let performanceSections: PerformanceSections
    /// Article cards drawn so far for the list pages, shared by all workers.
    let cards: ArticleCards

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
            return HTML(unsafeRawUTF8: rendered.utf8)
        } catch {
            throw BuildFailure([SiteError(file: "content/site.yaml", message: error.description)])
        }
    }

    /// A URL from content as the page must write it: site-root paths
    /// (`/images/x.jpg`) gain the base path when the site lives below one
    /// (`/blog/images/x.jpg`); absolute and relative URLs stay as written.
    func siteURL(_ url: String) -> String {
        // A site at the root adds nothing: every root link already starts with it.
        guard plan.basePath != "/", url.hasPrefix("/"), !url.hasPrefix("//"), !url.hasPrefix(plan.basePath) else { return url }
        return plan.basePath + url.dropFirst()
    }

    /// A link to another Markdown source ("other-article.md#part",
    /// "../pages/about.md") as the URL of that source's page, so links survive
    /// slug changes and work in any Markdown previewer too; a site-root link
    /// with the site's base path. `nil` leaves the link as written (the link
    /// check then reports it if it leads nowhere).
    func sourceLink(_ url: String, from source: String) -> String? {
        sourceLink(url, linked: Self.linkedSource(url, from: source))
    }

    /// ``sourceLink(_:from:)`` given what ``linkedSource(_:from:)`` made of
    /// the link, which a render also records.
    private func sourceLink(_ url: String, linked: (source: String, fragment: String)?) -> String? {
        // Site-root links gain the base path of a site that lives below one.
        if url.utf8.first == UInt8(ascii: "/") {
            let adjusted = siteURL(url)
            return adjusted == url ? nil : adjusted
        }
        guard let (linked, fragment) = linked, let sitePath = plan.sourcePaths[linked] else { return nil }
        return plan.basePath + sitePath + fragment
    }

    /// A Markdown link's URL as the page gets it (``sourceLink(_:from:)``),
    /// adding the source it names, if any, to `linkedSources`.
    private func rewrite(_ url: String, from source: String, linkedSources: inout [String]) -> String? {
        let linked = Self.linkedSource(url, from: source)
        if let linked { linkedSources.append(linked.source) }
        return sourceLink(url, linked: linked)
    }

    /// The Markdown source a relative link names ("../pages/about.md#team" from
    /// "content/articles/x.md" -> "content/pages/about.md", "#team"), published or not.
    static func linkedSource(_ url: String, from source: String) -> (source: String, fragment: String)? {
        // First bytes, not `hasPrefix`: this runs for every link of every article.
        guard let first = url.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"),
              !LinkChecker.hasScheme(url) else { return nil }
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
        return (segments.joined(separator: "/"), fragment)
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
    /// variant of its body (``FeedContent``) as UTF-8.
    func renderArticle(_ article: Article, forFeeds: Bool = false) throws(BuildFailure)
        -> (ArticleSummary, Output, dataFiles: [Output], feedHTML: [UInt8]?) {
        var embedErrors: [SiteError] = []
        var linkedSources: [String] = []
        var embeds = EmbedRenderer(shows: plan.site.shows, file: article.sourcePath,
                                   lineOffset: article.bodyFirstLine - 1, cutOff: article.dataCutOff,
                                   layOut: theme.figure)
        let markdown: [UInt8]
        do { markdown = try article.markdownUTF8() } catch { throw BuildFailure([error]) }
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                utf8: markdown,
                options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs),
                embedNames: EmbedRenderer.names,
                embed: { block in
                    switch embeds.render(block) {
                    case .success(let html): return html
                    case .failure(let failure): embedErrors += failure.errors; return nil
                    }
                },
                rewriteLink: { rewrite($0, from: article.sourcePath, linkedSources: &linkedSources) },
                heading: theme.heading,
                charactersChecked: article.bodyCharactersChecked)
        } catch {
            throw BuildFailure([error.siteError(file: article.sourcePath, lineOffset: article.bodyFirstLine - 1)])
        }
        guard embedErrors.isEmpty else { throw BuildFailure(embedErrors) }
        let summaryText = article.summary ?? rendered.firstParagraph ?? ""
        let summary = ArticleSummary(
            title: article.title, url: plan.basePath + article.path, date: article.date, updated: article.updated,
            author: article.author ?? settings.author, summary: summaryText,
            tags: termLinks(article.tagSlugs, in: plan.tags),
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
            article: summary, body: HTML(unsafeRawUTF8: rendered.utf8), renewal: article.renewal, scores: article.scores,
            performance: performance, wordCount: rendered.wordCount,
            tableOfContents: rendered.headings.count >= Self.tableOfContentsMinimum
                ? rendered.headings.filter { $0.level <= 3 } : [])
        let feedHTML = forFeeds ? FeedContent.utf8(rendered.utf8, pageURL: settings.baseURL + article.path,
                                                   settings: settings) : nil
        var output = Output(path: article.path + "index.html", content: .utf8(theme.article(page).utf8),
                            source: article.sourcePath,
                            markdownLinks: Self.inFile(rendered.links, bodyFirstLine: article.bodyFirstLine),
                            discoveredInputs: embeds.namedShows.sorted().map { .show($0) }
                                + linkedSources.map { .sourcePath($0) })
        // A body with no embed and no raw HTML is read by its quotes, once,
        // and passed over by the page's scan; figures otherwise.
        let body = rendered.quotedAttributesOnly
            ? KnownMarkup.quoted(HTML(unsafeRawUTF8: rendered.utf8), dropping: knownLinks) : nil
        output.knownMarkup = (body.map { [$0] } ?? embeds.knownMarkup) + (section?.knownMarkup ?? [])
        return (summary, output, dataFiles, feedHTML)
    }

    func renderStandalone(_ page: StandalonePage) throws(BuildFailure) -> Output {
        var linkedSources: [String] = []
        let rendered: RenderedMarkdown
        do {
            rendered = try MarkdownRenderer.render(
                page.body, options: MarkdownOptions(allowRawHTML: settings.allowRawHTML, reservedIDs: theme.reservedIDs),
                rewriteLink: { rewrite($0, from: page.sourcePath, linkedSources: &linkedSources) },
                heading: theme.heading)
        } catch {
            throw BuildFailure([error.siteError(file: page.sourcePath, lineOffset: page.bodyFirstLine - 1)])
        }
        let model = StandalonePageModel(
            context: context(title: page.title, description: page.summary ?? rendered.firstParagraph ?? "", path: page.path),
            body: HTML(unsafeRawUTF8: rendered.utf8), updated: page.updated)
        return Output(path: page.path + "index.html", content: .utf8(theme.standalone(model).utf8), source: page.sourcePath,
                      markdownLinks: Self.inFile(rendered.links, bodyFirstLine: page.bodyFirstLine),
                      discoveredInputs: linkedSources.map { .sourcePath($0) })
    }

    /// Links with lines counted in the whole file (front matter included).
    static func inFile(_ links: [MarkdownLink], bodyFirstLine: Int) -> [MarkdownLink] {
        links.map { link in
            var moved = link
            moved.line += bodyFirstLine - 1
            return moved
        }
    }

    /// A generated file of the plan (anything but an article, a standalone page
    /// or a static file), with the data files of a show page's charts.
    /// - Parameters:
    ///   - summary: a published article's summary, by slug.
    ///   - feedBody: the feed variant of an article's body, by its URL.
    func renderGenerated(_ planned: PlannedOutput, summary: (String) -> ArticleSummary?,
                         feedBody: (String) throws(BuildFailure) -> Feeds.Body? = { _ in nil }) throws(BuildFailure) -> [Output] {
        let path = planned.path.site
        let source = planned.origin.owner
        func listed(_ slugs: some Sequence<String>) -> [ArticleSummary] { slugs.compactMap(summary) }
        // The feed bodies of a feed's entries, by URL.
        func content(_ entries: [ArticleSummary]) throws(BuildFailure) -> [String: Feeds.Body] {
            var bodies: [String: Feeds.Body] = [:]
            for entry in entries { bodies[entry.url] = try feedBody(entry.url) }
            return bodies
        }
        func output(_ text: String) -> [Output] { [Output(path: path, text: text, source: source)] }
        func output(_ utf8: [UInt8]) -> [Output] { [Output(path: path, content: .utf8(utf8), source: source)] }
        switch planned.origin {
        case .home(let page, let pageCount):
            let items = listed(plan.articles[Paginator.range(page: page, items: plan.articles.count,
                                                             pageSize: settings.pageSize)].map(\.slug))
            let list = listPage(items, page: page, pageCount: pageCount, base: "", heading: "Latest",
                                intro: settings.description, title: settings.title, isHome: true)
            var pages = output(list.utf8)
            pages[0].knownMarkup = list.knownMarkup
            return pages
        case .term(let name, let slug, _, let page, let pageCount):
            guard let taxonomy = plan.taxonomy(name), let term = taxonomy.term(slug) else { return [] }
            let items = listed(term.articleSlugs[Paginator.range(page: page, items: term.articleSlugs.count,
                                                                 pageSize: settings.pageSize)])
            let count = term.articleSlugs.count == 1 ? "1 article" : "\(term.articleSlugs.count) articles"
            let title = "\(taxonomy.singular): \(term.name)"
            let feed = termFeed(term, items: [])
            let feedLink = Link(label: "\(feed.title) (Atom)", url: plan.basePath + feed.path)
            var overview: HTML?
            var dataFiles: [Output] = []
            var knownMarkup: [KnownMarkup] = []
            if page == 1, taxonomy.name == plan.shows.name, let show = plan.site.shows[term.slug] {
                // A show's page is not a snapshot: it draws every week.
                var embeds = EmbedRenderer(shows: plan.site.shows, file: show.sourcePath, lineOffset: 0, layOut: theme.figure)
                overview = embeds.showOverview(for: show)
                knownMarkup = embeds.knownMarkup
                dataFiles = embeds.dataFiles.map { file in
                    Output(path: term.path + file.name, text: file.csv, source: show.sourcePath)
                }
            }
            let list = listPage(items, page: page, pageCount: pageCount, base: term.path, heading: title,
                                intro: count, title: title, isHome: false, feeds: [feedLink], showOverview: overview)
            var pages = output(list.utf8)
            // The overview comes before the list.
            pages[0].knownMarkup = knownMarkup + list.knownMarkup
            return pages + dataFiles
        case .termFeed(let name, let slug, _):
            guard let term = plan.taxonomy(name)?.term(slug) else { return [] }
            let entries = listed(plan.feedEntries(of: planned.origin) ?? [])
            let feed = termFeed(term, items: entries, content: try content(entries))
            return output(Feeds.atom(feed, settings: settings, basePath: plan.basePath))
        case .termIndex(let name):
            guard let taxonomy = plan.taxonomy(name) else { return [] }
            let index = TermIndexPage(
                context: context(title: taxonomy.plural, description: "Every \(taxonomy.singular.lowercased()) on \(settings.title).",
                                 path: taxonomy.path),
                heading: taxonomy.plural, terms: termLinks(taxonomy.terms.map(\.slug), in: taxonomy))
            return output(theme.termIndex(index).utf8)
        case .atomFeed, .jsonFeed:
            let entries = listed(plan.feedEntries(of: planned.origin) ?? [])
            let siteFeed = Feeds.Feed(path: "feed.xml", pagePath: "", title: settings.title,
                                      entries: entries, content: try content(entries))
            return planned.origin == .atomFeed ? output(Feeds.atom(siteFeed, settings: settings, basePath: plan.basePath))
                : output(Feeds.json(siteFeed, jsonPath: "feed.json", settings: settings, basePath: plan.basePath))
        case .notFound:
            return output(theme.notFound(NotFoundPage(
                context: context(title: "Page not found", description: "This page does not exist.", path: "404.html"),
                latest: listed(plan.articles.prefix(5).map(\.slug)))).utf8)
        case .alias(let source, _):
            guard let article = plan.article(source: source) else { return [] }
            return output(Redirect.page(to: settings.baseURL + article.path, title: article.title,
                                        settings: settings, theme: theme))
        case .sitemap:
            return output(Sitemap.xml(plan.sitemapEntries, baseURL: settings.baseURL))
        case .robots:
            return output(Sitemap.robots(baseURL: settings.baseURL))
        case .stylesheet:
            return output(plan.stylesheet)
        case .customStylesheet:
            return plan.site.customStylesheet.map { output($0) } ?? []
        case .hostHeaders:
            let hashed = [plan.stylesheetPath] + (plan.customStylesheetPath.map { [$0] } ?? [])
            return output(HostHeaders.file(immutable: hashed, basePath: plan.basePath))
        case .article, .page, .staticFile:
            return []
        }
    }

    /// A term's feed, with `items` as its entries.
    private func termFeed(_ term: Taxonomy.Term, items: [ArticleSummary], content: [String: Feeds.Body] = [:]) -> Feeds.Feed {
        Feeds.Feed(path: term.path + "feed.xml", pagePath: term.path, title: "\(settings.title): \(term.name)",
                   entries: items, content: content)
    }

    /// One page of a paginated list of articles.
    private func listPage(_ items: [ArticleSummary], page: Int, pageCount count: Int, base: String, heading: String,
                          intro: String?, title: String, isHome: Bool, feeds: [Link] = [],
                          showOverview: HTML? = nil) -> (utf8: [UInt8], knownMarkup: [KnownMarkup]) {
        let path = Paginator.path(base: base, page: page)
        // Later home pages are titled by their heading ("Latest, page 2"): the
        // layout adds the site name, which would otherwise appear twice.
        let pageTitle = page == 1 ? title : "\(heading), page \(page)"
        let pagination = Pagination(
            page: page, pageCount: count,
            previousURL: page > 1 ? plan.basePath + Paginator.path(base: base, page: page - 1) : nil,
            nextURL: page < count ? plan.basePath + Paginator.path(base: base, page: page + 1) : nil)
        let drawn = items.map(cards.card)
        let model = ArticleListPage(
            context: context(title: pageTitle, description: intro ?? settings.description, path: path, feeds: feeds),
            heading: heading, intro: intro, articles: items, cards: drawn.map(\.html),
            pagination: pagination, isHome: isHome, showOverview: showOverview)
        return (theme.articleList(model).utf8, drawn.compactMap(\.knownMarkup))
    }
}

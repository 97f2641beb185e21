import Foundation

/// The render, check and write phases over ``SitePlan/outputs``: sources
/// first (their summaries and feed bodies feed the generated pages), then
/// generated files, then static copies; then the link check.
///
/// With no `previous` build every output is rendered, and written as soon as it
/// is (only what later pages need stays in memory). After a `previous` build,
/// only stale outputs are rendered (``RenderedOutput/isStale(as:changed:)``), an
/// article's new summary or feed body making the lists and feeds that show it
/// stale in turn; they are written over the previous output only once all of
/// them rendered and the links check out.
struct RenderPhase: Sendable {
    let plan: SitePlan
    let footer: HTML?
    let theme: any Theme
    let siteDirectory: URL
    let previous: BuildState?
    /// The inputs that changed since `previous`.
    let changed: Set<BuildInput>
    /// Whether the state is kept for rebuilds (a preview): then the raw feed
    /// HTML of every feed's articles is kept, not only the JSON Feed's (a
    /// rebuild may move one into the JSON Feed), and the reverse index of
    /// inputs is made.
    let forRebuilds: Bool
    /// Where a one-off build's feed bodies wait for their feeds beyond
    /// ``FeedAssembly``'s memory budget.
    var spill: SpillFile? = nil

    /// What list pages show of an article, by its slug. Boxed: most records
    /// have none (every generated page's), and held inline it made every
    /// record 270 bytes larger (100k articles and 64k list pages).
    private final class Listing: Sendable {
        let slug: String
        let summary: ArticleSummary

        init(slug: String, summary: ArticleSummary) {
            self.slug = slug
            self.summary = summary
        }
    }

    /// An output rendered, with what the later phases need of it.
    private struct Rendered: Sendable {
        var record: RenderedOutput
        /// The files, unless already written.
        var outputs: [PageRenderer.Output] = []
        var pages: [LinkChecker.Page] = []
        var summary: Listing?
        var feedBody: Feeds.StoredBody?
        /// The feeds this article was the last to be rendered of
        /// (``FeedAssembly``), rendered and written with it.
        var feeds: [Rendered] = []
        /// Broken links found as the output was rendered (``EarlyLinkCheck``).
        var broken: [LinkChecker.Broken] = []
    }

    /// A full build checks each page's links as soon as it is rendered, as
    /// far as the planned files can tell, and keeps only the links left
    /// undecided for the check at the end (``LinkChecker/checkEarly(_:fileExists:)``).
    private struct EarlyLinkCheck: Sendable {
        let checker: LinkChecker
        /// Every file the plan writes, as on disk.
        let plannedFiles: Set<String>
        /// Links that name a planned file as they are (``LinkChecker/knownLinks(_:)``).
        let plannedLinks: LinkChecker.KnownLinks

        init(plan: SitePlan) {
            checker = LinkChecker(baseURL: plan.site.settings.baseURL, basePath: plan.basePath)
            plannedFiles = Set(plan.outputs.map(\.path.file))
            plannedLinks = checker.knownLinks(plan.outputs.map(\.path.site))
        }
    }

    func run(into folder: StagingDirectory) throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        var clock = ContinuousClock.now
        let writesAsRendered = previous == nil
        // Only a rebuild reads the records, sitemap entries and changed inputs
        // again: a one-off build keeps none of them.
        let keepsRecords = previous != nil || forRebuilds
        let feedSlugs = plan.feedArticleSlugs
        // A preview keeps every link of every page, to check again after an edit.
        let oneOff = writesAsRendered && !forRebuilds
        let earlyCheck = oneOff ? EarlyLinkCheck(plan: plan) : nil
        let renderer = PageRenderer(plan: plan, theme: theme, footer: footer, knownLinks: earlyCheck?.plannedLinks)

        // Sources.
        let sources = plan.outputs.filter { planned in
            guard planned.origin.isSource else { return false }
            guard let previous, let before = previous.rendered[planned.path] else { return true }
            if case .article(let source) = planned.origin, let article = plan.article(source: source),
               feedSlugs.contains(article.slug),
               previous.summaries[article.slug].flatMap({ previous.feedBodies[$0.url] }) == nil {
                return true  // newly in a feed: its feed body is needed
            }
            return before.isStale(as: planned, changed: self.changed)
        }
        // A one-off build writes each feed as soon as its articles are
        // rendered; a preview keeps every body, to compare on rebuilds.
        let feeds = oneOff ? FeedAssembly(plan: plan, spill: spill) : nil
        let (renderedSources, renderedFeeds) = try Self.renderSources(
            sources, renderer: renderer, feedSlugs: feedSlugs, keepsAllFeedHTML: forRebuilds, feeds: feeds,
            writeTo: writesAsRendered ? folder : nil, earlyCheck: earlyCheck)

        PhaseTimer.mark("sources", since: &clock)
        // What the generated pages show of the articles, and what changed in it.
        var changed = self.changed
        var summaries: [String: ArticleSummary] = [:]
        var feedBodies: [String: Feeds.StoredBody] = [:]
        summaries.reserveCapacity(plan.articles.count)
        for article in plan.articles {
            guard let summary = previous?.summaries[article.slug] else { continue }
            summaries[article.slug] = summary
            if feedSlugs.contains(article.slug), let body = previous?.feedBodies[summary.url] {
                feedBodies[summary.url] = body
            }
        }
        // Without a previous build nothing reads what changed, and there is
        // nothing to merge into (100k summaries merged took a second, and
        // held two dictionaries of them at once).
        let listed = Self.listings(of: renderedSources, summaryBefore: previous == nil ? nil : { summaries[$0] },
                                   feedBodyBefore: { feedBodies[$0] })
        changed.formUnion(listed.changed)
        if summaries.isEmpty { summaries = listed.summaries } else { summaries.merge(listed.summaries) { _, new in new } }
        if feedBodies.isEmpty { feedBodies = listed.feedBodies } else { feedBodies.merge(listed.feedBodies) { _, new in new } }

        // Generated files.
        // Kept only to compare with on a rebuild (the sitemap itself is
        // rendered from the plan).
        let sitemapEntries = keepsRecords ? plan.sitemapEntries : []
        let sitemapChanged = previous.map { $0.sitemapEntries != sitemapEntries } ?? true
        // Feeds an article never came for (none, once all rendered) are
        // rendered with the rest, from what they have.
        let unfinished = feeds?.unfinished() ?? []
        let written = (feeds?.feeds ?? []).subtracting(unfinished.map(\.planned.path))
        let generated = plan.outputs.filter { planned in
            switch planned.origin {
            case .article, .page, .staticFile: return false
            case .sitemap where sitemapChanged: return true
            default:
                if written.contains(planned.path) { return false }
                return previous?.rendered[planned.path]?.isStale(as: planned, changed: changed) ?? true
            }
        }
        for feed in unfinished { feedBodies.merge(feed.bodies) { kept, _ in kept } }
        let (allSummaries, allBodies) = (summaries, feedBodies)
        let renderedGenerated = try Self.renderGenerated(generated, renderer: renderer, summary: { allSummaries[$0] },
                                                         feedBody: { allBodies[$0] }, writeTo: writesAsRendered ? folder : nil,
                                                         earlyCheck: earlyCheck)
        // Side by side, not appended: appending copied every source's record
        // into a new array (170 MB at 100k articles, at the peak).
        let fresh = [renderedSources, renderedFeeds, renderedGenerated].joined()

        PhaseTimer.mark("generated", since: &clock)
        // Static files: copied as they are.
        let staticRoot = siteDirectory.appending(path: "content/static")
        let copies = plan.outputs.filter { planned in
            guard case .staticFile = planned.origin else { return false }
            return previous?.rendered[planned.path]?.isStale(as: planned, changed: changed) ?? true
        }
        if writesAsRendered { try Self.copy(copies, from: staticRoot, to: folder) }

        // What was rendered replaces what the previous build rendered. A
        // one-off build keeps just the Markdown link places of pages with
        // broken links, for the errors (a record per output was 40 MB at 100k
        // articles, at the peak).
        var rendered: [OutputPath: RenderedOutput] = [:]
        var markdownLinksWithoutRecords: [OutputPath: [MarkdownLink]] = [:]
        if keepsRecords { rendered.reserveCapacity(plan.outputs.count) }
        var pages = previous?.pages ?? [:]
        var lostIDs = false
        var files = Set<String>()
        files.reserveCapacity(plan.outputs.count * 2)
        for item in fresh {
            if keepsRecords {
                rendered[item.record.entry.path] = item.record
            } else if !item.record.markdownLinks.isEmpty {
                markdownLinksWithoutRecords[item.record.entry.path] = item.record.markdownLinks
            }
            for attachment in item.record.attachments { files.insert(attachment.file) }
            for page in item.pages {
                if let before = pages[page.path], !before.ids.isSubset(of: page.ids) { lostIDs = true }
                pages[page.path] = page
            }
        }
        if keepsRecords {
            for planned in copies { rendered[planned.path] = RenderedOutput(entry: planned) }
        }
        for planned in plan.outputs {
            files.insert(planned.path.file)
            // An output not rendered again keeps its record and data files.
            if keepsRecords, rendered[planned.path] == nil, let before = previous?.rendered[planned.path] {
                rendered[planned.path] = before
                for attachment in before.attachments { files.insert(attachment.file) }
            }
        }
        let removed = previous.map { $0.files.subtracting(files) } ?? []
        for file in removed { pages[file] = nil }

        PhaseTimer.mark("static+index", since: &clock)
        // Check: every link of every page, or after a small change, the links
        // of the pages rendered again. Only a file removed or an id gone can
        // break a link on a page that was not rendered again.
        let allPages = pages
        let allFiles = files
        // (A page without links has nothing to check.)
        try Self.checkLinks(previous == nil || !removed.isEmpty || lostIDs ? pages.values.filter { !$0.links.isEmpty }
                                : fresh.flatMap(\.pages),
                            plan: plan, page: { allPages[$0] }, fileExists: { allFiles.contains($0) },
                            markdownLinks: { rendered[$0]?.markdownLinks ?? markdownLinksWithoutRecords[$0] ?? [] },
                            foundEarly: fresh.flatMap(\.broken))

        PhaseTimer.mark("link check", since: &clock)
        // Write what a rebuild rendered, and delete what is no longer planned.
        if !writesAsRendered {
            try Self.write(fresh, copies: copies, from: staticRoot, removing: removed, to: folder)
        }

        var index: [BuildInput: [Int]] = [:]
        for (offset, planned) in (forRebuilds ? plan.outputs : []).enumerated() {
            for input in planned.inputs + (rendered[planned.path]?.discoveredInputs ?? []) {
                index[input, default: []].append(offset)
            }
        }
        let state = BuildState(plan: plan, footer: footer, rendered: rendered, summaries: summaries,
                               feedBodies: feedBodies, pages: pages, files: files,
                               renderedCount: renderedSources.count + renderedFeeds.count + renderedGenerated.count
                                   + copies.count,
                               sitemapEntries: sitemapEntries, dependents: index)
        PhaseTimer.mark("state", since: &clock)
        return (state.report, state)
    }

    /// The fast path of a rebuild whose plan is `state`'s own with only
    /// sources swapped (``SitePlan/absorb(_:options:)``): the outputs that
    /// depend on each changed input are looked up, not searched for; they are
    /// rendered, checked and written, and only then is `state` updated, in
    /// place. A failure leaves `state` as it was.
    static func update(_ state: inout BuildState, changed: Set<BuildInput>, theme: any Theme, siteDirectory: URL,
                       into folder: StagingDirectory) throws(BuildFailure) {
        // Everything that reads the state is done (and has let go of it)
        // before the state changes, so its collections change in place.
        let update = try renderCheckAndWrite(after: state, changed: changed, theme: theme,
                                             siteDirectory: siteDirectory, into: folder)
        apply(update, to: &state)
    }

    /// What a rebuild in place changes in the state.
    private struct Update: Sendable {
        var fresh: [Rendered]
        var summaries: [String: ArticleSummary]
        var feedBodies: [String: Feeds.StoredBody]
        var pages: [String: LinkChecker.Page]
        var removed: Set<String>
        var added: Set<String>
        var copies: Int
    }

    private static func renderCheckAndWrite(after state: BuildState, changed: Set<BuildInput>, theme: any Theme,
                                            siteDirectory: URL, into folder: StagingDirectory) throws(BuildFailure) -> Update {
        let plan = state.plan
        let renderer = PageRenderer(plan: plan, theme: theme, footer: state.footer)
        let feedSlugs = plan.feedArticleSlugs
        let dependents = state.dependents
        func candidates(_ inputs: Set<BuildInput>) -> [PlannedOutput] {
            Set(inputs.flatMap { dependents[$0] ?? [] }).sorted().map { plan.outputs[$0] }
        }
        var fresh = try renderSources(candidates(changed).filter(\.origin.isSource), renderer: renderer,
                                      feedSlugs: feedSlugs, keepsAllFeedHTML: true, writeTo: nil).sources

        let listed = listings(of: fresh, summaryBefore: { state.summaries[$0] }, feedBodyBefore: { state.feedBodies[$0] })
        let changed = changed.union(listed.changed)
        let (newSummaries, newFeedBodies) = (listed.summaries, listed.feedBodies)
        let summaries = state.summaries
        let feedBodies = state.feedBodies
        let generated = candidates(changed).filter { planned in
            switch planned.origin {
            case .article, .page, .staticFile, .sitemap: return false
            default: return true
            }
        }
        let summary = newSummaries
        let bodies = newFeedBodies
        fresh += try renderGenerated(generated, renderer: renderer, summary: { summary[$0] ?? summaries[$0] },
                                     feedBody: { bodies[$0] ?? feedBodies[$0] }, writeTo: nil)
        let copies = candidates(changed).filter {
            if case .staticFile = $0.origin { return true }
            return false
        }

        // The data files of outputs rendered again may differ in number.
        var removed = Set<String>()
        var added = Set<String>()
        var newPages: [String: LinkChecker.Page] = [:]
        var lostIDs = false
        for item in fresh {
            let before = state.rendered[item.record.entry.path]?.attachments ?? []
            removed.formUnion(Set(before).subtracting(item.record.attachments).map(\.file))
            added.formUnion(item.record.attachments.map(\.file))
            for page in item.pages {
                if let old = state.pages[page.path], !old.ids.isSubset(of: page.ids) { lostIDs = true }
                newPages[page.path] = page
            }
        }
        removed.subtract(added)
        let oldPages = state.pages
        let oldFiles = state.files
        let (gone, new, pagesSnapshot) = (removed, added, newPages)
        let checked = !removed.isEmpty || lostIDs
            ? Array(oldPages.merging(newPages) { _, new in new }.values.filter { !gone.contains($0.path) })
            : fresh.flatMap(\.pages)
        let freshLinks = Dictionary(fresh.map { ($0.record.entry.path, $0.record.markdownLinks) }, uniquingKeysWith: { first, _ in first })
        try checkLinks(checked, plan: plan,
                       page: { gone.contains($0) ? nil : pagesSnapshot[$0] ?? oldPages[$0] },
                       fileExists: { !gone.contains($0) && (oldFiles.contains($0) || new.contains($0)) },
                       markdownLinks: { freshLinks[$0] ?? state.rendered[$0]?.markdownLinks ?? [] })
        try write(fresh, copies: copies, from: siteDirectory.appending(path: "content/static"), removing: removed, to: folder)
        for index in fresh.indices { fresh[index].outputs = [] }
        return Update(fresh: fresh, summaries: newSummaries, feedBodies: newFeedBodies, pages: newPages,
                      removed: removed, added: added, copies: copies.count)
    }

    /// Takes a checked and written update into the state, in place.
    private static func apply(_ update: Update, to state: inout BuildState) {
        for (slug, summary) in update.summaries { state.summaries[slug] = summary }
        for (url, body) in update.feedBodies { state.feedBodies[url] = body }
        for (path, page) in update.pages { state.pages[path] = page }
        for file in update.removed { state.pages[file] = nil }
        state.files.subtract(update.removed)
        state.files.formUnion(update.added)
        let moved = update.fresh.filter { state.rendered[$0.record.entry.path]?.discoveredInputs != $0.record.discoveredInputs }
        if !moved.isEmpty {
            let plan = state.plan
            let positions = Dictionary(plan.outputs.indices.map { (plan.outputs[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
            for item in moved {
                guard let offset = positions[item.record.entry.path] else { continue }
                for input in state.rendered[item.record.entry.path]?.discoveredInputs ?? [] {
                    state.dependents[input]?.removeAll { $0 == offset }
                }
                for input in item.record.discoveredInputs { state.dependents[input, default: []].append(offset) }
            }
        }
        for item in update.fresh { state.rendered[item.record.entry.path] = item.record }
        state.renderedCount = update.fresh.count + update.copies
    }

    /// The summaries and feed bodies (by article URL) that `fresh` rendered,
    /// and the inputs they change against what was rendered before: the
    /// lists and feeds that show an article depend on them. (An article's
    /// URL follows its slug, and summaries are kept by slug: a new URL is a
    /// new article.)
    /// `summaryBefore` is nil when there is no previous build to compare
    /// with: then `changed` stays empty.
    private static func listings(of fresh: [Rendered], summaryBefore: ((String) -> ArticleSummary?)?,
                                 feedBodyBefore: (String) -> Feeds.StoredBody?)
        -> (summaries: [String: ArticleSummary], feedBodies: [String: Feeds.StoredBody], changed: Set<BuildInput>) {
        var summaries: [String: ArticleSummary] = [:]
        summaries.reserveCapacity(fresh.count)
        var feedBodies: [String: Feeds.StoredBody] = [:]
        var changed = Set<BuildInput>()
        for rendered in fresh {
            guard let listing = rendered.summary else { continue }
            let (slug, summary) = (listing.slug, listing.summary)
            summaries[slug] = summary
            if let summaryBefore, summaryBefore(slug) != summary { changed.insert(.listing(slug)) }
            guard let body = rendered.feedBody else { continue }
            if summaryBefore != nil, feedBodyBefore(summary.url) != body { changed.insert(.feedBody(slug)) }
            feedBodies[summary.url] = body
        }
        return (summaries, feedBodies, changed)
    }

    /// Renders articles and standalone pages (in parallel), written at once
    /// when `writeTo` is given. With `feeds`, articles' feed bodies go to
    /// their feeds instead of into the results, and each feed is rendered
    /// (and written) as soon as its last article is: those come back as
    /// `feeds`, in the plan's order of the articles that completed them.
    private static func renderSources(_ sources: [PlannedOutput], renderer: PageRenderer, feedSlugs: Set<String>,
                                      keepsAllFeedHTML: Bool, feeds: FeedAssembly? = nil,
                                      writeTo folder: StagingDirectory?,
                                      earlyCheck: EarlyLinkCheck? = nil)
        throws(BuildFailure) -> (sources: [Rendered], feeds: [Rendered]) {
        // The JSON Feed is the site's alone: its entries are the newest articles.
        let jsonFeedSlugs = Set(renderer.plan.articles.prefix(SitePlan.feedSize).map(\.slug))
        let order = workOrder(sources, plan: renderer.plan)
        let results = Parallel.map(order.map { sources[$0] }) { planned -> Result<Rendered, BuildFailure> in
            do throws(BuildFailure) {
                var rendered = Rendered(record: RenderedOutput(entry: planned))
                var outputs: [PageRenderer.Output]
                switch planned.origin {
                case .article(let source):
                    guard let article = renderer.plan.article(source: source) else { return .success(rendered) }
                    let (summary, page, dataFiles, feedHTML) = try renderer.renderArticle(
                        article, forFeeds: feedSlugs.contains(article.slug))
                    rendered.summary = Listing(slug: article.slug, summary: summary)
                    if let feedHTML {
                        let keepHTML = keepsAllFeedHTML || jsonFeedSlugs.contains(article.slug)
                        if let feeds {
                            let ready: [FeedAssembly.Ready]
                            do throws(SiteError) {
                                ready = try feeds.add(slug: article.slug, summary: summary, html: feedHTML, keepHTML: keepHTML)
                            } catch {
                                throw BuildFailure([error])
                            }
                            rendered.feeds = try ready.map { feed throws(BuildFailure) in
                                try renderFeed(feed, renderer: renderer, writeTo: folder)
                            }
                        } else {
                            rendered.feedBody = .inMemory(Feeds.Body(utf8: feedHTML, keepHTML: keepHTML))
                        }
                    }
                    outputs = [page] + dataFiles
                case .page(let source):
                    guard let page = renderer.plan.pagesBySource[source] else { return .success(rendered) }
                    outputs = [try renderer.renderStandalone(page)]
                default:
                    outputs = []
                }
                rendered.record.discoveredInputs = outputs.first?.discoveredInputs ?? []
                rendered.record.markdownLinks = outputs.first?.markdownLinks ?? []
                try keep(outputs, in: &rendered, writeTo: folder, earlyCheck: earlyCheck)
                return .success(rendered)
            } catch {
                return .failure(error)
            }
        }
        // Back in the plan's order, read through the permutation rather than
        // copied into a reordered array first.
        var positionInResults = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { positionInResults[index] = position }
        var rendered = try collect(positionInResults.lazy.map { results[$0] })
        var renderedFeeds: [Rendered] = []
        for index in rendered.indices where !rendered[index].feeds.isEmpty {
            renderedFeeds += rendered[index].feeds
            rendered[index].feeds = []
        }
        return (rendered, renderedFeeds)
    }

    /// Renders a feed whose articles are all rendered, written at once when
    /// `writeTo` is given.
    private static func renderFeed(_ feed: FeedAssembly.Ready, renderer: PageRenderer,
                                   writeTo folder: StagingDirectory?) throws(BuildFailure) -> Rendered {
        var rendered = Rendered(record: RenderedOutput(entry: feed.planned))
        let outputs = try renderer.renderGenerated(feed.planned, summary: { feed.summaries[$0] }) { url throws(BuildFailure) in
            do throws(SiteError) { return try feed.bodies[url]?.body() } catch { throw BuildFailure([error]) }
        }
        // A feed is no HTML page: there are no links to check.
        try keep(outputs, in: &rendered, writeTo: folder)
        return rendered
    }

    /// The order to render `sources` in (positions in it): articles that
    /// follow the same show one after another, each show's in the plan's
    /// order (newest first). Such articles share performance sections
    /// (``PerformanceSections``) and the cache keeps only the newest ones;
    /// in date order a show's articles lie years apart and the section was
    /// drawn again for most of them (measured at 100k articles: 91k sections
    /// drawn instead of 64k).
    private static func workOrder(_ sources: [PlannedOutput], plan: SitePlan) -> [Int] {
        let shows = sources.map { planned -> String in
            guard case .article(let source) = planned.origin else { return "" }
            return plan.article(source: source)?.show ?? ""
        }
        return sources.indices.sorted { shows[$0] != shows[$1] ? shows[$0] < shows[$1] : $0 < $1 }
    }

    /// Renders generated outputs (in parallel), written at once when `writeTo` is given.
    private static func renderGenerated(_ generated: [PlannedOutput], renderer: PageRenderer,
                                        summary: @escaping @Sendable (String) -> ArticleSummary?,
                                        feedBody: @escaping @Sendable (String) -> Feeds.StoredBody?,
                                        writeTo folder: StagingDirectory?,
                                        earlyCheck: EarlyLinkCheck? = nil) throws(BuildFailure) -> [Rendered] {
        try collect(Parallel.map(generated) { planned -> Result<Rendered, BuildFailure> in
            var rendered = Rendered(record: RenderedOutput(entry: planned))
            do throws(BuildFailure) {
                let outputs = try renderer.renderGenerated(planned, summary: summary) { url throws(BuildFailure) in
                    do throws(SiteError) { return try feedBody(url)?.body() } catch { throw BuildFailure([error]) }
                }
                try keep(outputs, in: &rendered, writeTo: folder, earlyCheck: earlyCheck)
            } catch {
                return .failure(error)
            }
            return .success(rendered)
        })
    }

    /// Records an output's files (the first is the output itself; the rest
    /// are its data files) and what the link check needs; writes them, or
    /// keeps them to write once everything checked out.
    private static func keep(_ outputs: [PageRenderer.Output], in rendered: inout Rendered,
                             writeTo folder: StagingDirectory?, earlyCheck: EarlyLinkCheck? = nil) throws(BuildFailure) {
        rendered.record.attachments = outputs.dropFirst().map { OutputPath($0.path) }
        rendered.pages = outputs.compactMap { scan($0, dropping: earlyCheck?.plannedLinks) }
        if let earlyCheck {
            let attachments = Set(rendered.record.attachments.map(\.file))
            for index in rendered.pages.indices {
                let (broken, undecided) = earlyCheck.checker.checkEarly(rendered.pages[index], known: earlyCheck.plannedLinks) { file in
                    earlyCheck.plannedFiles.contains(file) || attachments.contains(file)
                }
                rendered.broken += broken
                rendered.pages[index] = undecided
            }
            // Where the Markdown wrote its links matters only for a broken one.
            if rendered.broken.isEmpty && rendered.pages.allSatisfy(\.links.isEmpty) {
                rendered.record.markdownLinks = []
            }
        }
        if let folder {
            for output in outputs { try write(output, to: folder) }
        } else {
            rendered.outputs = outputs
        }
    }

    private static func collect(_ results: some Collection<Result<Rendered, BuildFailure>>) throws(BuildFailure) -> [Rendered] {
        var rendered: [Rendered] = []
        rendered.reserveCapacity(results.count)
        var errors: [SiteError] = []
        for result in results {
            switch result {
            case .success(let item): rendered.append(item)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return rendered
    }

    /// Broken links of `pages` as errors at the place in the source that
    /// wrote them (see ``SiteBuilder/linkErrors(_:markdownLinks:)``).
    private static func checkLinks(_ pages: [LinkChecker.Page], plan: SitePlan,
                                   page: @escaping @Sendable (String) -> LinkChecker.Page?,
                                   fileExists: @escaping @Sendable (String) -> Bool,
                                   markdownLinks: (OutputPath) -> [MarkdownLink],
                                   foundEarly: [LinkChecker.Broken] = []) throws(BuildFailure) {
        let checker = LinkChecker(baseURL: plan.site.settings.baseURL, basePath: plan.basePath)
        let broken = foundEarly + checker.check(pages, page: page, fileExists: fileExists)
        guard !broken.isEmpty else { return }
        var written: [String: [MarkdownLink]] = [:]
        for planned in plan.outputs where planned.origin.isSource {
            let links = markdownLinks(planned.path)
            if !links.isEmpty { written[planned.origin.owner] = links }
        }
        throw BuildFailure(SiteBuilder.linkErrors(broken, markdownLinks: written))
    }

    /// Writes what a rebuild rendered and copies its static files, then
    /// deletes the files no longer planned.
    private static func write(_ fresh: some Sequence<Rendered>, copies: [PlannedOutput], from staticRoot: URL,
                              removing removed: Set<String>, to folder: StagingDirectory) throws(BuildFailure) {
        for item in fresh {
            for output in item.outputs { try write(output, to: folder) }
        }
        try copy(copies, from: staticRoot, to: folder)
        for file in removed.sorted() { folder.remove(file: file) }
    }

    /// What the link check needs of an HTML output.
    private static func scan(_ output: PageRenderer.Output, dropping known: LinkChecker.KnownLinks?) -> LinkChecker.Page? {
        guard output.isHTML else { return nil }
        let path = StagingDirectory.filePath(output.path)
        switch output.content {
        case .text(let text): return LinkChecker.scan(text, path: path, source: output.source)
        case .utf8(let bytes):
            return LinkChecker.scan(utf8: bytes, path: path, source: output.source, dropping: known,
                                    passingOver: output.knownMarkup)
        }
    }

    private static func write(_ output: PageRenderer.Output, to folder: StagingDirectory) throws(BuildFailure) {
        do {
            switch output.content {
            case .text(let text): try folder.write(text, to: output.path)
            case .utf8(let bytes): try folder.write(utf8: bytes, to: output.path)
            }
        } catch { throw BuildFailure([error]) }
    }

    private static func copy(_ files: [PlannedOutput], from root: URL, to folder: StagingDirectory) throws(BuildFailure) {
        let errors = Parallel.map(files) { planned -> SiteError? in
            do throws(SiteError) {
                try folder.copy(root.appending(path: planned.path.file), toFile: planned.path.file)
                return nil
            } catch {
                return error
            }
        }.compactMap { $0 }
        guard errors.isEmpty else { throw BuildFailure(errors) }
    }
}

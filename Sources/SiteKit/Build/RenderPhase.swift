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
    /// Keep the raw feed HTML of every feed's articles, not only the JSON
    /// Feed's: a later rebuild may move one into the JSON Feed.
    let keepsAllFeedHTML: Bool
    /// Whether `plan` is `previous`'s plan with only sources swapped
    /// (``SitePlan/reusing(_:changed:options:)``): the same outputs, so the
    /// outputs that depend on each input are known without looking at all.
    var planIsReused = false

    /// An output rendered, with what the later phases need of it.
    private struct Rendered: Sendable {
        var record: RenderedOutput
        /// The files, unless already written.
        var outputs: [PageRenderer.Output] = []
        var pages: [LinkChecker.Page] = []
        var summary: (slug: String, ArticleSummary)?
        var feedBody: Feeds.Body?
    }

    func run(into folder: StagingDirectory) throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        let renderer = PageRenderer(plan: plan, theme: theme, footer: footer)
        let writesAsRendered = previous == nil
        let feedSlugs = plan.feedArticleSlugs
        // The JSON Feed is the site's alone: its entries are the newest articles.
        let jsonFeedSlugs = Set(plan.articles.prefix(SitePlan.feedSize).map(\.slug))
        var errors: [SiteError] = []
        // After a build of this very plan, the outputs that depend on an input
        // are known; otherwise every output is compared with its previous render.
        let dependents = planIsReused ? previous?.dependents : nil
        func candidates(_ inputs: Set<BuildInput>) -> [PlannedOutput] {
            guard let dependents else { return plan.outputs }
            return Set(inputs.flatMap { dependents[$0] ?? [] }).sorted().map { plan.outputs[$0] }
        }

        // Sources.
        let sources = candidates(self.changed).filter { planned in
            guard planned.origin.isSource else { return false }
            guard let previous, let before = previous.rendered[planned.path] else { return true }
            if case .article(let source) = planned.origin, let article = plan.article(source: source),
               feedSlugs.contains(article.slug),
               previous.summaries[article.slug].flatMap({ previous.feedBodies[$0.url] }) == nil {
                return true  // newly in a feed: its feed body is needed
            }
            return before.isStale(as: planned, changed: self.changed)
        }
        let sourceResults = Parallel.map(sources) { planned -> Result<Rendered, BuildFailure> in
            do throws(BuildFailure) {
                var rendered = Rendered(record: RenderedOutput(entry: planned))
                var outputs: [PageRenderer.Output]
                switch planned.origin {
                case .article(let source):
                    guard let article = plan.article(source: source) else { return .success(rendered) }
                    let (summary, page, dataFiles, feedHTML) = try renderer.renderArticle(
                        article, forFeeds: feedSlugs.contains(article.slug))
                    rendered.summary = (article.slug, summary)
                    rendered.feedBody = feedHTML.map {
                        Feeds.Body(html: $0, keepHTML: keepsAllFeedHTML || jsonFeedSlugs.contains(article.slug))
                    }
                    outputs = [page] + dataFiles
                case .page(let source):
                    guard let page = plan.pagesBySource[source] else { return .success(rendered) }
                    outputs = [try renderer.renderStandalone(page)]
                default:
                    outputs = []
                }
                rendered.record.discoveredInputs = outputs.first?.discoveredInputs ?? []
                rendered.record.markdownLinks = outputs.first?.markdownLinks ?? []
                rendered.record.attachments = outputs.dropFirst().map { OutputPath($0.path) }
                rendered.pages = outputs.compactMap(Self.scan)
                if writesAsRendered {
                    for output in outputs { try Self.write(output, to: folder) }
                } else {
                    rendered.outputs = outputs
                }
                return .success(rendered)
            } catch {
                return .failure(error)
            }
        }
        var fresh: [Rendered] = []
        for result in sourceResults {
            switch result {
            case .success(let rendered): fresh.append(rendered)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        // What the generated pages show of the articles, and what changed in it.
        var changed = self.changed
        var summaries: [String: ArticleSummary]
        var feedBodies: [String: Feeds.Body]
        if let previous, planIsReused {
            summaries = previous.summaries
            feedBodies = previous.feedBodies
        } else {
            summaries = [:]
            feedBodies = [:]
            summaries.reserveCapacity(plan.articles.count)
            for article in plan.articles {
                guard let summary = previous?.summaries[article.slug] else { continue }
                summaries[article.slug] = summary
                if feedSlugs.contains(article.slug), let body = previous?.feedBodies[summary.url] {
                    feedBodies[summary.url] = body
                }
            }
        }
        for rendered in fresh {
            guard let (slug, summary) = rendered.summary else { continue }
            let before = summaries[slug]
            if before != summary {
                changed.insert(.listing(slug))
                if let before, before.url != summary.url { feedBodies[before.url] = nil }
            }
            summaries[slug] = summary
            guard let body = rendered.feedBody else { continue }
            if feedBodies[summary.url] != body { changed.insert(.feedBody(slug)) }
            feedBodies[summary.url] = body
        }

        // Generated files.
        let sitemapEntries = planIsReused ? previous?.sitemapEntries ?? plan.sitemapEntries : plan.sitemapEntries
        let sitemapChanged = previous.map { $0.sitemapEntries != sitemapEntries } ?? true
        let generated = candidates(changed).filter { planned in
            switch planned.origin {
            case .article, .page, .staticFile: return false
            case .sitemap where sitemapChanged: return true
            default: return previous?.rendered[planned.path]?.isStale(as: planned, changed: changed) ?? true
            }
        }
        let listed = summaries
        let feedEntries = feedBodies
        let generatedResults = Parallel.map(generated) { planned -> Result<Rendered, BuildFailure> in
            let outputs = renderer.renderGenerated(planned, summaries: listed, feedContent: feedEntries)
            var rendered = Rendered(record: RenderedOutput(entry: planned))
            rendered.record.attachments = outputs.dropFirst().map { OutputPath($0.path) }
            rendered.pages = outputs.compactMap(Self.scan)
            do throws(BuildFailure) {
                if writesAsRendered {
                    for output in outputs { try Self.write(output, to: folder) }
                } else {
                    rendered.outputs = outputs
                }
            } catch {
                return .failure(error)
            }
            return .success(rendered)
        }
        for result in generatedResults {
            switch result {
            case .success(let rendered): fresh.append(rendered)
            case .failure(let failure): errors += failure.errors
            }
        }

        // Static files: copied as they are.
        let staticRoot = siteDirectory.appending(path: "content/static")
        let copies = candidates(changed).filter { planned in
            guard case .staticFile = planned.origin else { return false }
            return previous?.rendered[planned.path]?.isStale(as: planned, changed: changed) ?? true
        }
        if writesAsRendered { errors += Self.copy(copies, from: staticRoot, to: folder) }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        // What was rendered replaces what the previous build rendered.
        var rendered: [OutputPath: RenderedOutput]
        var pages = previous?.pages ?? [:]
        var files: Set<String>
        var removed = Set<String>()
        var lostIDs = false
        for item in fresh {
            for page in item.pages {
                if let before = pages[page.path], !before.ids.isSubset(of: page.ids) { lostIDs = true }
                pages[page.path] = page
            }
        }
        if let previous, planIsReused {
            // The same files, but for the data files of outputs rendered again.
            rendered = previous.rendered
            files = previous.files
            for item in fresh {
                let path = item.record.entry.path
                let gone = Set(rendered[path]?.attachments ?? []).subtracting(item.record.attachments)
                removed.formUnion(gone.map(\.file))
                for attachment in item.record.attachments { files.insert(attachment.file) }
                rendered[path] = item.record
            }
            files.subtract(removed)
        } else {
            rendered = [:]
            rendered.reserveCapacity(plan.outputs.count)
            for item in fresh { rendered[item.record.entry.path] = item.record }
            files = Set<String>()
            files.reserveCapacity(plan.outputs.count * 2)
            for planned in plan.outputs {
                if rendered[planned.path] == nil, let before = previous?.rendered[planned.path] {
                    rendered[planned.path] = before
                }
                files.insert(planned.path.file)
                for attachment in rendered[planned.path]?.attachments ?? [] { files.insert(attachment.file) }
            }
            removed = previous.map { $0.files.subtracting(files) } ?? []
        }
        for planned in copies { rendered[planned.path] = RenderedOutput(entry: planned) }
        for file in removed { pages[file] = nil }

        // Check: every link of every page, or after a small change, the links
        // of the pages rendered again. Only a file removed or an id gone can
        // break a link on a page that was not rendered again.
        let checker = LinkChecker(baseURL: plan.site.settings.baseURL, basePath: plan.basePath)
        let checked = previous == nil || !removed.isEmpty || lostIDs
            ? Array(pages.values) : fresh.flatMap(\.pages)
        let broken = checker.check(checked, among: pages, files: files)
        if !broken.isEmpty {
            var markdownLinks: [String: [MarkdownLink]] = [:]
            for record in rendered.values where !record.markdownLinks.isEmpty {
                markdownLinks[record.entry.origin.owner] = record.markdownLinks
            }
            throw BuildFailure(SiteBuilder.linkErrors(broken, markdownLinks: markdownLinks))
        }

        // Write what a rebuild rendered, and delete what is no longer planned.
        if !writesAsRendered {
            for item in fresh {
                for output in item.outputs { try Self.write(output, to: folder) }
            }
            errors += Self.copy(copies, from: staticRoot, to: folder)
            guard errors.isEmpty else { throw BuildFailure(errors) }
            for file in removed.sorted() { folder.remove(file: file) }
        }

        // Which outputs each input makes stale, for the next build of this plan.
        var index: [BuildInput: [Int]]
        if let previous, planIsReused, let known = previous.dependents {
            index = known
            let moved = fresh.filter { previous.rendered[$0.record.entry.path]?.discoveredInputs != $0.record.discoveredInputs }
            let positions = Dictionary(moved.map { ($0.record.entry.path, $0) }, uniquingKeysWith: { first, _ in first })
            for (offset, planned) in (positions.isEmpty ? [] : plan.outputs).enumerated() {
                guard let item = positions[planned.path],
                      let before = previous.rendered[planned.path]?.discoveredInputs,
                      before != item.record.discoveredInputs else { continue }
                for input in before { index[input]?.removeAll { $0 == offset } }
                for input in item.record.discoveredInputs { index[input, default: []].append(offset) }
            }
        } else {
            index = [:]
            for (offset, planned) in plan.outputs.enumerated() {
                for input in planned.inputs + (rendered[planned.path]?.discoveredInputs ?? []) {
                    index[input, default: []].append(offset)
                }
            }
        }

        let pageCount = pages.count
        let report = BuildReport(pages: pageCount, otherFiles: files.count - pageCount,
                                 skippedArticles: plan.skippedArticles, warnings: plan.warnings)
        let state = BuildState(site: plan.site, plan: plan, footer: footer, rendered: rendered, summaries: summaries,
                               feedBodies: feedBodies, pages: pages, files: files,
                               renderedCount: fresh.count + copies.count, sitemapEntries: sitemapEntries,
                               dependents: index)
        return (report, state)
    }

    /// What the link check needs of an HTML output.
    private static func scan(_ output: PageRenderer.Output) -> LinkChecker.Page? {
        output.isHTML ? LinkChecker.scan(output.text, path: StagingDirectory.filePath(output.path),
                                         source: output.source) : nil
    }

    private static func write(_ output: PageRenderer.Output, to folder: StagingDirectory) throws(BuildFailure) {
        do { try folder.write(output.text, to: output.path) } catch { throw BuildFailure([error]) }
    }

    private static func copy(_ files: [PlannedOutput], from root: URL, to folder: StagingDirectory) -> [SiteError] {
        Parallel.map(files) { planned -> SiteError? in
            do throws(SiteError) {
                try folder.copy(root.appending(path: planned.path.file), to: planned.path.site)
                return nil
            } catch {
                return error
            }
        }.compactMap { $0 }
    }
}

import Foundation

/// A build: load -> render -> write, with every problem collected and nothing
/// written to the output unless all of it succeeded.
public struct SiteBuilder: Sendable {
    public var theme: any Theme
    public var options: BuildOptions
    /// For tests: fails the write or copy of the site paths it returns a reason
    /// for (see ``StagingDirectory``).
    var injectedWriteFailure: (@Sendable (String) -> String?)?

    public init(theme: any Theme, options: BuildOptions) {
        self.theme = theme
        self.options = options
    }

    /// Builds the site in `siteDirectory` into `output` (default: its public/).
    public func build(siteDirectory: URL, output: URL? = nil) throws(BuildFailure) -> BuildReport {
        var site = try SiteLoader.load(siteDirectory: siteDirectory)
        if let origin = options.previewOrigin {
            site.settings.baseURL = origin + site.settings.basePath
        }
        let plan = try SitePlan(site: site, options: options, theme: theme)
        let target = output ?? siteDirectory.appending(path: "public")
        let content = siteDirectory.appending(path: "content").standardizedFileURL.path
        let targetPath = target.standardizedFileURL.path
        if targetPath == content || targetPath.hasPrefix(content + "/") {
            // The next build would read its own output back as content.
            throw BuildFailure([SiteError(file: targetPath, message: "the output folder is inside content/: choose a folder outside it, such as public/")])
        }
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: target, injectedFailure: injectedWriteFailure) } catch { throw BuildFailure([error]) }
        do throws(BuildFailure) {
            let report = try write(plan, siteDirectory: siteDirectory, into: staging)
            do { try staging.commit() } catch { throw BuildFailure([error]) }
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Renders every page of the plan, writes it with the static files, and
    /// checks the links between them.
    private func write(_ plan: SitePlan, siteDirectory: URL, into staging: StagingDirectory) throws(BuildFailure) -> BuildReport {
        let renderer = PageRenderer(plan: plan, theme: theme, footer: try PageRenderer.footer(plan, theme: theme))
        // Articles first: their summaries feed the list pages. Each page is
        // written as soon as it is rendered and only its links are kept.
        let feedSlugs = plan.feedArticleSlugs
        // The JSON Feed is the site's alone: its entries are the newest articles.
        let jsonFeedSlugs = Set(plan.articles.prefix(SitePlan.feedSize).map(\.slug))
        let articleResults = Parallel.map(plan.articles) { article -> Result<(ArticleSummary, LinkChecker.Page, [MarkdownLink], Feeds.Body?, [String]), BuildFailure> in
            do throws(BuildFailure) {
                let (summary, output, dataFiles, feedHTML) = try renderer.renderArticle(article, forFeeds: feedSlugs.contains(article.slug))
                let links = try Self.write(output, to: staging)
                for file in dataFiles { _ = try Self.write(file, to: staging) }
                let feedBody = feedHTML.map { Feeds.Body(html: $0, keepHTML: jsonFeedSlugs.contains(article.slug)) }
                return .success((summary, links!, output.markdownLinks, feedBody, dataFiles.map(\.path)))
            } catch {
                return .failure(error)
            }
        }
        var errors: [SiteError] = []
        var summaries: [ArticleSummary] = []
        var pages: [LinkChecker.Page] = []
        var markdownLinks: [String: [MarkdownLink]] = [:]
        var feedContent: [String: Feeds.Body] = [:]
        var articleDataFiles: [String] = []
        for result in articleResults {
            switch result {
            case .success(let (summary, links, written, feedHTML, dataFiles)):
                summaries.append(summary)
                pages.append(links)
                articleDataFiles += dataFiles
                if !written.isEmpty { markdownLinks[links.source] = written }
                if let feedHTML { feedContent[summary.url] = feedHTML }
            case .failure(let failure): errors += failure.errors
            }
        }
        var outputs: [PageRenderer.Output] = []
        for page in plan.pages {
            do {
                let output = try renderer.renderStandalone(page)
                outputs.append(output)
                if !output.markdownLinks.isEmpty { markdownLinks[output.source] = output.markdownLinks }
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        outputs += renderer.renderGenerated(summaries: summaries, feedContent: feedContent)
        outputs.append(PageRenderer.Output(path: plan.stylesheetPath, text: plan.stylesheet, source: "the stylesheet"))
        if let path = plan.customStylesheetPath, let css = plan.site.customStylesheet {
            outputs.append(PageRenderer.Output(path: path, text: css, source: "content/static/custom.css"))
        }
        if plan.site.settings.hostHeaders {
            let hashed = [plan.stylesheetPath] + (plan.customStylesheetPath.map { [$0] } ?? [])
            outputs.append(PageRenderer.Output(path: "_headers", text: HostHeaders.file(immutable: hashed, basePath: plan.basePath),
                                               source: "_headers"))
        }

        let written = Parallel.map(outputs) { output -> Result<LinkChecker.Page?, BuildFailure> in
            do throws(BuildFailure) { return .success(try Self.write(output, to: staging)) } catch { return .failure(error) }
        }
        let staticRoot = siteDirectory.appending(path: "content/static")
        let copied = Parallel.map(plan.site.staticFiles) { path -> SiteError? in
            do throws(SiteError) {
                try staging.copy(staticRoot.appending(path: path), to: path)
                return nil
            } catch {
                return error
            }
        }
        for result in written {
            switch result {
            case .success(let links): if let links { pages.append(links) }
            case .failure(let failure): errors += failure.errors
            }
        }
        errors += copied.compactMap { $0 }
        guard errors.isEmpty else { throw BuildFailure(errors) }

        // As written on disk: links are percent-decoded before they are resolved.
        let files = Set((outputs.map(\.path) + articleDataFiles).map(StagingDirectory.filePath) + plan.site.staticFiles)
        errors = checkLinks(pages, files: files, plan: plan, markdownLinks: markdownLinks)
        guard errors.isEmpty else { throw BuildFailure(errors) }
        var report = BuildReport(pages: pages.count, otherFiles: files.count - (pages.count - plan.articles.count),
                                 skippedArticles: plan.skippedArticles, warnings: plan.warnings)
        if options.precompress {
            // Article pages were written as they were rendered; `files` has the rest.
            let articlePages = plan.articles.map { StagingDirectory.filePath($0.path + "index.html") }
            report.compressedFiles = try Precompressor.compress(Array(files) + articlePages, in: staging.staging).get()
        }
        return report
    }

    /// Writes one output; for HTML, returns what the link check needs.
    private static func write(_ output: PageRenderer.Output, to staging: StagingDirectory) throws(BuildFailure) -> LinkChecker.Page? {
        do { try staging.write(output.text, to: output.path) } catch { throw BuildFailure([error]) }
        return output.isHTML ? LinkChecker.scan(output.text, path: StagingDirectory.filePath(output.path),
                                                source: output.source) : nil
    }

    /// Broken internal links as errors at the place in the source where they
    /// were written (recorded from the Markdown tree); links no source wrote
    /// come from templates.
    private func checkLinks(_ pages: [LinkChecker.Page], files: Set<String>, plan: SitePlan,
                            markdownLinks: [String: [MarkdownLink]]) -> [SiteError] {
        let checker = LinkChecker(baseURL: plan.site.settings.baseURL, basePath: plan.basePath)
        return checker.check(pages, files: files).map { broken in
            guard let written = Self.record(of: broken.link, in: markdownLinks[broken.source] ?? []) else {
                return SiteError(file: "templates", message: "\(broken.source) (/\(broken.page)) links to '\(broken.link)', but \(broken.reason): fix the template or the content it links to")
            }
            return SiteError(file: broken.source, line: written.line, column: written.column,
                             message: "broken \(written.isImage ? "image" : "link") '\(broken.link)': \(broken.reason); fix the \(written.isImage ? "image path" : "link") or add the \(written.isImage ? "file" : "page") it points to")
        }
    }

    /// The recorded Markdown link that wrote `link` into the page. cmark
    /// percent-encodes URLs as it writes them (`é` becomes `%C3%A9`), so both
    /// sides are compared decoded.
    static func record(of link: String, in written: [MarkdownLink]) -> MarkdownLink? {
        if let exact = written.first(where: { $0.url == link }) { return exact }
        let decoded = link.removingPercentEncoding ?? link
        return written.first { ($0.url.removingPercentEncoding ?? $0.url) == decoded }
    }
}

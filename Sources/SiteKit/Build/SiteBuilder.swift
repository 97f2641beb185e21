import Foundation

/// A build: load -> render -> write, with every problem collected and nothing
/// written to the output unless all of it succeeded.
public struct SiteBuilder: Sendable {
    public var theme: any Theme
    public var options: BuildOptions

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
        do { staging = try StagingDirectory(target: target) } catch { throw BuildFailure([error]) }
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
        let renderer = PageRenderer(plan: plan, theme: theme)
        // Articles first: their summaries feed the list pages. Each page is
        // written as soon as it is rendered and only its links are kept.
        let articleResults = Parallel.map(plan.articles) { article -> Result<(ArticleSummary, LinkChecker.Page, [String]), BuildFailure> in
            do throws(BuildFailure) {
                let (summary, output, dataFiles) = try renderer.renderArticle(article)
                let links = try Self.write(output, to: staging)
                for file in dataFiles { _ = try Self.write(file, to: staging) }
                return .success((summary, links!, dataFiles.map(\.path)))
            } catch {
                return .failure(error)
            }
        }
        var errors: [SiteError] = []
        var summaries: [ArticleSummary] = []
        var pages: [LinkChecker.Page] = []
        var articleDataFiles: [String] = []
        for result in articleResults {
            switch result {
            case .success(let (summary, links, dataFiles)):
                summaries.append(summary); pages.append(links); articleDataFiles += dataFiles
            case .failure(let failure): errors += failure.errors
            }
        }
        var outputs: [PageRenderer.Output] = []
        for page in plan.pages {
            do { outputs.append(try renderer.renderStandalone(page)) } catch { errors += error.errors }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        outputs += renderer.renderGenerated(summaries: summaries)
        outputs.append(PageRenderer.Output(path: plan.stylesheetPath, text: theme.stylesheet, source: "the stylesheet"))

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

        let files = Set(outputs.map(\.path) + articleDataFiles + plan.site.staticFiles)
        errors = checkLinks(pages, files: files, plan: plan, siteDirectory: siteDirectory)
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return BuildReport(pages: pages.count, otherFiles: files.count - (pages.count - plan.articles.count),
                           skippedArticles: plan.skippedArticles)
    }

    /// Writes one output; for HTML, returns what the link check needs.
    private static func write(_ output: PageRenderer.Output, to staging: StagingDirectory) throws(BuildFailure) -> LinkChecker.Page? {
        do { try staging.write(output.text, to: output.path) } catch { throw BuildFailure([error]) }
        return output.isHTML ? LinkChecker.scan(output.text, path: output.path, source: output.source) : nil
    }

    /// Broken internal links as errors at the line of the source that holds them.
    private func checkLinks(_ pages: [LinkChecker.Page], files: Set<String>, plan: SitePlan,
                            siteDirectory: URL) -> [SiteError] {
        let checker = LinkChecker(baseURL: plan.site.settings.baseURL, basePath: plan.basePath)
        var sources: [String: String] = [:]
        return checker.check(pages, files: files).map { broken in
            // Only .md sources can be pointed into; generated pages are named as such.
            guard broken.source.hasSuffix(".md") else {
                return SiteError(file: "templates", message: "\(broken.source) (/\(broken.page)) links to '\(broken.link)', but \(broken.reason): fix the template or the content it links to")
            }
            if sources[broken.source] == nil {
                sources[broken.source] = (try? SiteLoader.readText(siteDirectory.appending(path: broken.source),
                                                                  shownAs: broken.source)) ?? ""
            }
            let position = Self.position(of: broken.link, in: sources[broken.source] ?? "")
            return SiteError(file: broken.source, line: position.line, column: position.column,
                             message: "broken link '\(broken.link)': \(broken.reason); fix the link or add the page it points to")
        }
    }

    /// Where `link` is first written in `text` (line 1, column 1 when it was
    /// generated rather than written).
    static func position(of link: String, in text: String) -> SourcePosition {
        guard let range = text.range(of: link) ?? text.range(of: HTMLEscaping.escape(link)) else {
            return SourcePosition(line: 1, column: 1)
        }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.reversed().prefix(while: { $0 != "\n" }).count + 1
        return SourcePosition(line: line, column: column)
    }
}

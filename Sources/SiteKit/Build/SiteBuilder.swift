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
        var clock = ContinuousClock.now
        // Article and feed bodies wait in a file beside the output, not in
        // memory, so that memory does not grow with the site.
        let spill = try Self.spillFile(beside: output ?? siteDirectory.appending(path: "public"))
        let site = try load(siteDirectory: siteDirectory, bodies: spill)
        PhaseTimer.mark("load", since: &clock)
        let built = try build(site, siteDirectory: siteDirectory, output: output, spill: spill)
        // Freeing a large site and its state (every page's links and ids, every
        // summary and feed body) took a quarter of a second on one core at 10k
        // articles, after the output was complete; a process that exits next
        // need not wait for it.
        Thread.detachNewThread { withExtendedLifetime((site, built.state)) {} }
        return built.report
    }

    /// A ``SpillFile`` in the folder that will hold `target`, on the disk the
    /// output goes to; while that folder does not exist yet, in its nearest
    /// existing ancestor, so that a build failing before it writes anything
    /// creates no folder.
    static func spillFile(beside target: URL) throws(BuildFailure) -> SpillFile {
        var folder = target.standardizedFileURL.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue),
              folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        do { return try SpillFile(in: folder.path) } catch { throw BuildFailure([error]) }
    }

    /// The load phase, with the preview's origin applied.
    func load(siteDirectory: URL, bodies: SpillFile? = nil) throws(BuildFailure) -> Site {
        var site = try SiteLoader.load(siteDirectory: siteDirectory, bodies: bodies)
        if let origin = options.previewOrigin {
            site.settings.baseURL = origin + site.settings.basePath
        }
        return site
    }

    /// Plans, renders, checks and writes `site` into a staging folder swapped
    /// in on success; returns what it knows of its outputs too, for
    /// ``rebuild(_:site:reloaded:siteDirectory:output:)``.
    func build(_ site: Site, siteDirectory: URL, output: URL?, forRebuilds: Bool = false, spill: SpillFile? = nil)
        throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        var clock = ContinuousClock.now
        let plan = try SitePlan(site: site, options: options, theme: theme, recordsInputs: forRebuilds)
        PhaseTimer.mark("plan", since: &clock)
        return try build(plan, siteDirectory: siteDirectory,
                  output: output, forRebuilds: forRebuilds, spill: spill)
    }

    /// Renders, checks and writes a plan into a staging folder swapped in on success.
    private func build(_ plan: SitePlan, siteDirectory: URL, output: URL?, forRebuilds: Bool, spill: SpillFile? = nil)
        throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        let target = output ?? siteDirectory.appending(path: "public")
        let content = siteDirectory.appending(path: "content").standardizedFileURL.path
        let targetPath = target.standardizedFileURL.path
        if targetPath == content || targetPath.hasPrefix(content + "/") {
            // The next build would read its own output back as content.
            throw BuildFailure([SiteError(file: targetPath, message: "the output folder is inside content/: choose a folder outside it, such as public/")])
        }
        let footer = try PageRenderer.footer(plan, theme: theme)
        let staging: StagingDirectory
        do { staging = try StagingDirectory(target: target, injectedFailure: injectedWriteFailure) } catch { throw BuildFailure([error]) }
        do throws(BuildFailure) {
            let phase = RenderPhase(plan: plan, footer: footer, theme: theme, siteDirectory: siteDirectory,
                                    previous: nil, changed: [], forRebuilds: forRebuilds, spill: spill)
            let result = try phase.run(into: staging)
            var report = result.report
            if options.precompress {
                report.compressedFiles = try Precompressor.compress(result.state.files.sorted(), in: staging.staging).get()
            }
            var clock = ContinuousClock.now
            do { try staging.commit() } catch { throw BuildFailure([error]) }
            PhaseTimer.mark("commit", since: &clock)
            return (report, result.state)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Renders again only the outputs of `site` that the files read again
    /// since `previous` (paths relative to content/) make stale, and writes them
    /// over the output of the build that left `previous`, deleting files no
    /// longer planned. Nothing is written unless every render and the link
    /// check succeeded. A change every page shows builds everything instead.
    func rebuild(_ previous: BuildState, site: Site, reloaded: Set<String>, siteDirectory: URL,
                 output: URL) throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        let plan = try SitePlan(site: site, options: options, theme: theme)
        let footer = try PageRenderer.footer(plan, theme: theme)
        guard let changed = ChangedInputs.between(previous, and: plan, footer: footer, reloaded: reloaded) else {
            return try build(plan, siteDirectory: siteDirectory, output: output, forRebuilds: true)
        }
        let phase = RenderPhase(plan: plan, footer: footer, theme: theme, siteDirectory: siteDirectory,
                                previous: previous, changed: changed, forRebuilds: true)
        let folder: StagingDirectory
        do { folder = try StagingDirectory(updating: output, injectedFailure: injectedWriteFailure) } catch { throw BuildFailure([error]) }
        return try phase.run(into: folder)
    }

    /// Broken internal links as errors at the place in the source where they
    /// were written (recorded from the Markdown tree); links no source wrote
    /// come from templates.
    static func linkErrors(_ broken: [LinkChecker.Broken], markdownLinks: [String: [MarkdownLink]]) -> [SiteError] {
        broken.map { broken in
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

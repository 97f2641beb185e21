/// What a finished build knows about its outputs: kept by `sitegen serve` so
/// that the next build renders only what changed (see ``PreviewSession``).
public struct BuildState: Sendable {
    var plan: SitePlan
    var footer: HTML?
    /// What rendering each planned output found, by its path (empty after a
    /// build not made for rebuilds).
    var rendered: [OutputPath: RenderedOutput]
    /// Each published article's summary, by slug.
    var summaries: [String: ArticleSummary]
    /// The feed variant of the bodies of articles some feed lists, by article URL.
    var feedBodies: [String: Feeds.StoredBody]
    /// Every HTML page's ids and links, by file path, for the link check.
    var pages: [String: LinkChecker.Page]
    /// Every file written, as on disk.
    var files: Set<String>
    /// How many outputs the build rendered.
    var renderedCount: Int
    /// The sitemap's entries as written (empty after a build not made for
    /// rebuilds, like the plan's inputs: see ``SitePlan/recordsInputs``).
    var sitemapEntries: [Sitemap.Entry]
    /// The outputs (positions in `plan.outputs`) each input makes stale,
    /// counting the inputs found while rendering.
    var dependents: [BuildInput: [Int]]

    /// What the build did, for the terminal.
    var report: BuildReport {
        BuildReport(pages: pages.count, otherFiles: files.count - pages.count,
                    skippedArticles: plan.skippedArticles, warnings: plan.warnings)
    }
}

/// What rendering one planned output found besides its text.
struct RenderedOutput: Sendable {
    /// The planned output as it was rendered.
    var entry: PlannedOutput
    /// Inputs found while rendering (shows named by embeds, linked sources).
    var discoveredInputs: [BuildInput] = []
    /// The links its Markdown wrote, with their places in the source.
    var markdownLinks: [MarkdownLink] = []
    /// Files written next to it (its charts' CSV data).
    var attachments: [OutputPath] = []

    /// Whether the output must be rendered again: it is planned differently,
    /// or something it was made from changed.
    func isStale(as planned: PlannedOutput, changed: Set<BuildInput>) -> Bool {
        entry != planned || planned.inputs.contains(where: changed.contains)
            || discoveredInputs.contains(where: changed.contains)
    }
}

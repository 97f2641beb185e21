import Foundation

/// Builds one site into one output folder again and again, as `sitegen serve`
/// does: in full first, then rendering only what the changed files affect,
/// with a result byte for byte that of a full build of the same content.
public struct PreviewSession: Sendable {
    public var builder: SiteBuilder
    public let siteDirectory: URL
    public let output: URL
    /// What the last good build left.
    private var state: BuildState?
    /// Files changed since the last good build (relative to content/); `nil`
    /// when unknown, which reads everything again.
    private var pending: Set<String>? = []

    public init(builder: SiteBuilder, siteDirectory: URL, output: URL) {
        self.builder = builder
        self.siteDirectory = siteDirectory
        self.output = output
    }

    /// How many outputs the last good build rendered.
    public var renderedCount: Int { state?.renderedCount ?? 0 }

    /// Builds after `changed` files (relative to content/; `nil`: unknown)
    /// changed. A failed build keeps the output and what it was built from, so
    /// the next build takes in these changes too.
    public mutating func build(changed paths: [String]?) throws(BuildFailure) -> BuildReport {
        if let paths { pending?.formUnion(paths) } else { pending = nil }
        if let report = try rebuildInPlace() {
            pending = []
            return report
        }
        let result: (report: BuildReport, state: BuildState)
        if let state, let pending, let site = try SiteLoader.reload(state.plan.site, paths: pending, siteDirectory: siteDirectory) {
            result = try builder.rebuild(state, site: site, reloaded: pending, siteDirectory: siteDirectory, output: output)
        } else {
            result = try builder.build(builder.load(siteDirectory: siteDirectory), siteDirectory: siteDirectory,
                                       output: output, forRebuilds: true)
        }
        state = result.state
        pending = []
        return result.report
    }

    /// The rebuild of edits the plan does not see (``SitePlan/absorb(_:options:)``),
    /// on the state in place; `nil` when the edits need a new plan. A failure
    /// leaves the state as it was.
    private mutating func rebuildInPlace() throws(BuildFailure) -> BuildReport? {
        guard state != nil, let pending, !pending.isEmpty,
              let files = try SiteLoader.readChanged(pending, in: state!.plan.site, siteDirectory: siteDirectory),
              let undo = try state!.plan.absorb(files, options: builder.options) else { return nil }
        do throws(BuildFailure) {
            let folder: StagingDirectory
            do { folder = try StagingDirectory(updating: output, injectedFailure: builder.injectedWriteFailure) } catch { throw BuildFailure([error]) }
            try RenderPhase.update(&state!, changed: ChangedInputs.reloaded(pending), theme: builder.theme,
                                   siteDirectory: siteDirectory, into: folder)
        } catch {
            state!.plan.restore(undo)
            throw error
        }
        return state!.report
    }
}

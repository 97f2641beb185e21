/// How a build runs: what it publishes and as of when.
public struct BuildOptions: Sendable {
    /// Publish articles and pages marked `draft: true`.
    public var includeDrafts: Bool
    /// Publish articles dated after `now`.
    public var includeFuture: Bool
    /// The build's clock: what counts as future or expired. Injected so that
    /// builds are reproducible.
    public var now: DateTime

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: DateTime) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }
}

/// What a successful build did.
public struct BuildReport: Sendable, Equatable {
    /// HTML pages written.
    public var pages: Int
    /// Other files written (stylesheet, feeds, static files).
    public var otherFiles: Int
    /// Articles left out as drafts, future or expired.
    public var skippedArticles: Int
}

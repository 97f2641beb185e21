/// How a build runs: what it publishes and as of when.
public struct BuildOptions: Sendable {
    /// Publish articles and pages marked `draft: true`.
    public var includeDrafts: Bool
    /// Publish articles dated after `now`.
    public var includeFuture: Bool
    /// The build's clock: what counts as future or expired. Injected so that
    /// builds are reproducible.
    public var now: DateTime
    /// For a local preview: scheme, host and port ("http://127.0.0.1:1313") that
    /// replace those of `base_url`, so every absolute link stays on the preview.
    public var previewOrigin: String?
    /// Write a `.gz` and a `.br` beside every text file (`--precompress`).
    public var precompress: Bool

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: DateTime,
                previewOrigin: String? = nil, precompress: Bool = false) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.previewOrigin = previewOrigin
        self.precompress = precompress
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
    /// `.gz` and `.br` files written by `precompress`.
    public var compressedFiles: Int = 0
    /// Where robots.txt was written when that is not the host's root (a site under a
    /// sub-path): crawlers only read /robots.txt, so the caller should warn.
    public var robotsBelowHostRoot: String?
}

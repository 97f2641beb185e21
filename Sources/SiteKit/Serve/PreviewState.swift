import Foundation

/// What the server knows about the builds so far, and the browsers listening
/// for the next one.
public actor PreviewState {
    /// Where the files errors name are looked up, for the banner's source lines.
    let sourceFolders: [URL]
    let output: URL
    let liveReload: Bool
    /// The site's path on the host, known after the first good build.
    public private(set) var basePath: String?
    private var banner: HTML?
    /// Names this process's builds, so pages made before a restart reload too.
    private let session = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    private var builds = 0
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var keepAlive: Task<Void, Never>?

    public init(sourceFolders: [URL], output: URL, liveReload: Bool) {
        self.sourceFolders = sourceFolders
        self.output = output
        self.liveReload = liveReload
    }

    /// The version pages are made from: it changes with every build, good or not.
    public var version: String { "\(session)-\(builds)" }

    /// Takes the result of a build and tells every open page.
    public func update(_ result: Result<String, BuildFailure>, change: LiveReload.Change) {
        switch result {
        case .success(let path):
            basePath = path
            banner = nil
        case .failure(let failure):
            let folders = sourceFolders
            banner = ErrorBanner.html(for: failure.errors) { file in
                folders.lazy.compactMap { try? String(contentsOf: $0.appending(path: file), encoding: .utf8) }.first
            }
        }
        builds += 1
        // A failed build shows its banner only after a reload.
        let event = LiveReload.event(result.isSuccess ? change : .pages, version: version)
        for listener in listeners.values { listener.yield(Data(event.utf8)) }
    }

    /// Answers a page or file request.
    public func responder() -> PreviewResponder {
        let banner = self.banner
        let version = self.version
        let liveReload = self.liveReload
        return PreviewResponder(output: basePath == nil ? nil : output, basePath: basePath ?? "/") { html in
            var page = html
            if let banner { page = ErrorBanner.inject(banner, into: page) }
            if liveReload { page = LiveReload.inject(into: page, version: version) }
            return page
        }
    }

    /// A stream of Server-Sent Events for one browser tab, starting with the
    /// current version.
    public func listen() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        let id = UUID()
        listeners[id] = continuation
        continuation.yield(Data(LiveReload.event(nil, version: version).utf8))
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        if keepAlive == nil {
            keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    self.sendKeepAlive()
                }
            }
        }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    private func sendKeepAlive() {
        for listener in listeners.values { listener.yield(Data(LiveReload.keepAlive.utf8)) }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}

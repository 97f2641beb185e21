import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization
import SiteKit
import Templates

/// `sitegen serve`: build, serve the result on this machine, rebuild on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this machine, rebuilding whenever content/ or templates/ change.",
        discussion: """
        Serves the site on http://127.0.0.1:<port>/ (this machine only) with absolute links pointing at \
        the preview. Drafts and future articles are shown unless --no-drafts / --no-future. \
        Open pages reload when a rebuild is done (a stylesheet change is swapped in place). \
        When a rebuild fails, every page shows its errors in a banner and the last good build \
        keeps being served. When templates/ changes, the package is rebuilt and the preview \
        restarts on the new binary.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: "The port to listen on (127.0.0.1 only).")
    var port: UInt16 = 1313

    @Flag(name: .long, inversion: .prefixedNo, help: "Include drafts.")
    var drafts = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Include articles dated in the future.")
    var future = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Reload open pages in the browser after each rebuild.")
    var liveReload = true

    func run() async throws {
        let siteURL = URL(filePath: site, directoryHint: .isDirectory).standardizedFileURL
        // A port in use fails before anything is built or printed.
        do {
            try LoopbackPort.checkAvailable(port)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let workFolder = FileManager.default.temporaryDirectory
            .appending(path: "sitegen-serve-\(ContentHash.hex(of: siteURL.path))-\(getpid())")
        let output = workFolder.appending(path: "public")
        let signalHandlers = CleanUp.removeOnExit(workFolder)
        defer { withExtendedLifetime(signalHandlers) {} }

        let origin = "http://127.0.0.1:\(port)"
        // Content errors name files in the site; compile errors, files in the package.
        let preview = PreviewState(sourceFolders: [siteURL] + (TemplatePackage.ofRunningBinary().map { [$0.root] } ?? []),
                                   output: output, liveReload: liveReload)
        let builder = PreviewBuilder(site: siteURL, output: output, origin: origin, drafts: drafts, future: future)
        // IPv4 loopback: FlyingFox's `.loopback` is ::1, which "127.0.0.1" URLs miss.
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
                                handler: PreviewHandler(state: preview))
        let serving = Task { try await server.run() }
        do {
            try await server.waitUntilListening()
        } catch {
            let reason = (try? await serving.value).map { _ in "\(error)" } ?? "\(error)"
            FileHandle.standardError.write(Data("error: cannot listen on 127.0.0.1:\(port): \(reason)\n".utf8))
            CleanUp.remove(workFolder)
            throw ExitCode(1)
        }
        Diagnostics.say("Serving \(siteURL.path) at \(origin)/ (Ctrl-C to stop)")

        // Watching starts before the first build: a file saved while it runs
        // (or just after) is rebuilt next, not missed.
        let (triggers, sink) = AsyncStream.makeStream(of: Trigger.self)
        let content = siteURL.appending(path: "content")
        let contentWatch = Task {
            for await batch in FileWatcher.changes(under: content) { sink.yield(.content(batch)) }
        }
        let package = TemplatePackage.ofRunningBinary()
        let templateWatch = Task {
            guard let package else { return }
            for await batch in FileWatcher.changes(under: package.templates) { sink.yield(.templates(batch)) }
        }
        defer {
            contentWatch.cancel()
            templateWatch.cancel()
        }
        await preview.update(await builder.build(changed: nil, reason: "initial build"), change: .pages)
        if let base = await preview.basePath, base != "/" { Diagnostics.say("The site lives under \(origin)\(base)") }
        for await trigger in triggers {
            switch trigger {
            case .content(let batch):
                let reason = batch.paths.map { $0.count == 1 ? "content/\($0[0]) changed" : "\($0.count) files changed" }
                    ?? "content/ changed"
                await preview.update(await builder.build(changed: batch.paths, reason: reason),
                                     change: LiveReload.change(for: batch.paths))
            case .templates:
                guard let package else { continue }
                Diagnostics.say("templates/ changed: rebuilding sitegen …")
                switch await package.rebuild() {
                case .success:
                    Diagnostics.say("templates rebuilt: restarting the preview")
                    await server.stop(timeout: 0.2)
                    CleanUp.remove(workFolder)
                    package.restart()
                case .failure(let failure):
                    _ = Diagnostics.report(failure) { "templates do not compile (\(Diagnostics.errors($0))); still serving the last good build" }
                    await preview.update(.failure(failure), change: .pages)
                }
            }
        }
        try await serving.value
    }

    /// What woke the preview up.
    enum Trigger: Sendable {
        case content(FileWatcher.Batch)
        case templates(FileWatcher.Batch)
    }
}

/// Builds the preview off the cooperative thread pool and reports each build
/// on the terminal. After the first build, only what the changed files affect
/// is rendered again (``PreviewSession``).
actor PreviewBuilder {
    let site: URL
    let origin: String
    let drafts: Bool
    let future: Bool
    /// Held by reference and changed in place: a copy would copy the whole
    /// state of the site at the first change.
    private let session: SessionBox

    /// The preview's session, changed only by one build at a time.
    final class SessionBox: Sendable {
        let session: Mutex<PreviewSession>

        init(_ session: PreviewSession) {
            self.session = Mutex(session)
        }
    }

    init(site: URL, output: URL, origin: String, drafts: Bool, future: Bool) {
        self.site = site
        self.origin = origin
        self.drafts = drafts
        self.future = future
        session = SessionBox(PreviewSession(
            builder: SiteBuilder(theme: DefaultTheme(), options: Self.options(drafts: drafts, future: future, origin: origin)),
            siteDirectory: site, output: output))
    }

    /// The options of a build now: the clock decides what is published.
    private static func options(drafts: Bool, future: Bool, origin: String) -> BuildOptions {
        let now = DateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        return BuildOptions(includeDrafts: drafts, includeFuture: future, now: now, previewOrigin: origin)
    }

    /// One build after `changed` files (relative to content/; `nil`: unknown):
    /// the site's base path on success, the errors otherwise.
    func build(changed: [String]?, reason: String) async -> Result<String, BuildFailure> {
        let options = Self.options(drafts: drafts, future: future, origin: origin)
        let (box, site) = (session, self.site)
        // A build keeps its thread busy for seconds on a big site: run it on
        // its own thread so the server's tasks keep answering meanwhile.
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let result = box.session.withLock { session in
                    session.builder.options = options
                    return Self.buildNow(&session, changed: changed, reason: reason, site: site)
                }
                continuation.resume(returning: result)
            }
        }
    }

    private static func buildNow(_ session: inout PreviewSession, changed: [String]?, reason: String,
                                 site: URL) -> Result<String, BuildFailure> {
        let started = ContinuousClock.now
        do {
            let report = try session.build(changed: changed)
            Diagnostics.warn(report.warnings)
            let took = Diagnostics.duration(ContinuousClock.now - started)
            let rendered = session.renderedCount
            Diagnostics.say(changed == nil ? "\(reason): built \(report.pages) pages in \(took)"
                            : "\(reason): rebuilt in \(took) (\(rendered) output\(rendered == 1 ? "" : "s") rendered again)")
            // site.yaml alone: the build itself does not report where the site lives.
            return .success((try? SiteLoader.loadSettings(siteDirectory: site))?.basePath ?? "/")
        } catch {
            _ = Diagnostics.report(error) { "\(reason): build failed with \(Diagnostics.errors($0)); still serving the last good build" }
            return .failure(error)
        }
    }
}

/// Answers requests: the event stream, or pages and files from the last good build.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The raw path: `request.path` is standardized, which drops the trailing slash.
        let path = request.target.path(percentEncoded: true)
        if path == LiveReload.eventsPath && request.method == .GET {
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventStreamBody(events: await state.listen())))
        }
        let answer = await state.responder().respond(
            method: request.method.rawValue, path: path, ifNoneMatch: request.headers[HTTPHeader("If-None-Match")])
        var headers = HTTPHeaders()
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
                            headers: headers, body: answer.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}

/// The bytes of an event stream, as FlyingFox sends a body it does not know
/// the length of (chunked).
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = Array(data)
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}

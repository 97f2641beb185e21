import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation
import SiteKit
import Templates

/// `sitegen serve`: build, serve the result on this machine, rebuild on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this machine, rebuilding whenever content/ changes.",
        discussion: """
        Serves the site on http://127.0.0.1:<port>/ (this machine only) with absolute links pointing at \
        the preview. Drafts and future articles are shown unless --no-drafts / --no-future. \
        When a rebuild fails, its errors are printed and the last good build keeps being served; \
        until a first build succeeds, the browser shows the errors. Template changes need a restart \
        (templates are compiled Swift).
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
        let output = FileManager.default.temporaryDirectory
            .appending(path: "sitegen-serve-\(ContentHash.hex(of: siteURL.path))")
            .appending(path: "public")
        let origin = "http://127.0.0.1:\(port)"
        let preview = PreviewState()
        let builder = PreviewBuilder(site: siteURL, output: output, origin: origin, drafts: drafts, future: future)

        var snapshot = ContentSnapshot.take(of: siteURL)
        await preview.update(builder.build(reason: "initial build"))

        // IPv4 loopback: FlyingFox's `.loopback` is ::1, which "127.0.0.1" URLs miss.
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
                                handler: PreviewHandler(output: output, state: preview, liveReload: liveReload))
        let watcher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(400))
                let current = ContentSnapshot.take(of: siteURL)
                let changed = current.changes(since: snapshot)
                guard !changed.isEmpty else { continue }
                snapshot = current
                let reason = changed.count == 1 ? "content/\(changed[0]) changed" : "\(changed.count) files changed"
                await preview.update(builder.build(reason: reason))
            }
        }
        defer { watcher.cancel() }
        Diagnostics.say("Serving \(siteURL.path) at \(origin)\(await preview.basePath) (Ctrl-C to stop)")
        try await server.run()
    }
}

/// Builds the preview and reports each build on the terminal.
struct PreviewBuilder: Sendable {
    let site: URL
    let output: URL
    let origin: String
    let drafts: Bool
    let future: Bool

    /// One build: the site's base path on success, the errors otherwise.
    func build(reason: String) -> Result<String, BuildFailure> {
        let started = ContinuousClock.now
        let now = DateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let options = BuildOptions(includeDrafts: drafts, includeFuture: future, now: now, previewOrigin: origin)
        do {
            let report = try SiteBuilder(theme: DefaultTheme(), options: options).build(siteDirectory: site, output: output)
            Diagnostics.warn(report.warnings)
            Diagnostics.say("\(reason): built \(report.pages) pages in \(Diagnostics.seconds(ContinuousClock.now - started)) s")
            // site.yaml alone: the build itself does not report where the site lives.
            return .success((try? SiteLoader.loadSettings(siteDirectory: site))?.basePath ?? "/")
        } catch {
            _ = Diagnostics.report(error) { "\(reason): build failed with \(Diagnostics.errors($0)); still serving the last good build" }
            return .failure(error)
        }
    }
}

/// What the server knows about the builds so far.
actor PreviewState {
    private(set) var basePath = "/"
    private(set) var hasBuilt = false
    private(set) var lastErrors: BuildFailure?
    /// Counts successful builds, so open pages know when to reload.
    private(set) var buildNumber = 0

    func update(_ result: Result<String, BuildFailure>) {
        switch result {
        case .success(let path):
            basePath = path
            hasBuilt = true
            lastErrors = nil
            buildNumber += 1
        case .failure(let failure):
            lastErrors = failure
        }
    }
}

/// Answers requests from the output folder as a static host would.
struct PreviewHandler: HTTPHandler {
    let output: URL
    let state: PreviewState
    let liveReload: Bool

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.target.path(percentEncoded: true) == LiveReload.path {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                                body: Data(String(await state.buildNumber).utf8))
        }
        guard request.method == .GET || request.method == .HEAD else {
            var allow = HTTPHeaders()
            allow[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: allow)
        }
        guard await state.hasBuilt else {
            let errors = await state.lastErrors?.description ?? "The first build is still running."
            let page: HTML = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>
            <body><h1>The site does not build yet</h1><pre>\(errors)</pre><p>Fix the files and save.</p></body></html>
            """
            let text = liveReload ? LiveReload.inject(into: page.rendered, build: 0) : page.rendered
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/html; charset=utf-8"],
                                body: Data(text.utf8))
        }
        let resolver = PreviewResolver(basePath: await state.basePath)
        let root = output
        // The raw path: `request.path` is standardized, which drops the trailing slash.
        let response = resolver.resolve(request.target.path(percentEncoded: true)) { path in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appending(path: path).path, isDirectory: &isFolder) else {
                return .missing
            }
            return isFolder.boolValue ? .folder : .file
        }
        let build = liveReload ? await state.buildNumber : nil
        let body: (String) -> Data = { path in
            let data = (try? Data(contentsOf: root.appending(path: path))) ?? Data()
            guard let build, path.hasSuffix(".html") else { return data }
            return Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), build: build).utf8)
        }
        let headers: HTTPHeaders = [.cacheControl: "no-store"]
        switch response {
        case .file(let path, let contentType):
            var fileHeaders = headers
            fileHeaders[.contentType] = contentType
            return HTTPResponse(statusCode: .ok, headers: fileHeaders, body: request.method == .HEAD ? Data() : body(path))
        case .redirect(let location):
            var redirectHeaders = headers
            redirectHeaders[.location] = location
            return HTTPResponse(statusCode: .movedPermanently, headers: redirectHeaders)
        case .notFound(let page):
            var notFoundHeaders = headers
            notFoundHeaders[.contentType] = "text/html; charset=utf-8"
            return HTTPResponse(statusCode: .notFound, headers: notFoundHeaders,
                                body: page.map(body) ?? Data("Not found".utf8))
        }
    }
}

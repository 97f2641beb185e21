import Foundation
import Testing
@testable import SiteKit

#if canImport(Glibc)
import Glibc
#endif

/// The preview server's pieces that do not need a socket: HTTP answers (HEAD,
/// ETag, 304), the error banner, editor files, compiler output, and the port check.
@Suite struct PreviewServerTests {
    /// An output folder with a page, a stylesheet and a 404 page.
    static func output() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try TestSupport.write(Data("<html><body><p>Hi</p></body></html>\n".utf8), to: "index.html", in: folder)
        try TestSupport.write(Data("p{}".utf8), to: "style.css", in: folder)
        try TestSupport.write(Data("<html><body>gone</body></html>".utf8), to: "404.html", in: folder)
        return folder
    }

    static func responder(_ output: URL?, decorate: @escaping @Sendable (String) -> String = { $0 }) -> PreviewResponder {
        PreviewResponder(output: output, basePath: "/", decorate: decorate)
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() throws {
        let responder = Self.responder(try Self.output()) { $0.replacing("</body>", with: "<script></script></body>") }
        let get = responder.respond(method: "GET", path: "/")
        let head = responder.respond(method: "HEAD", path: "/")
        #expect(get.status == 200 && head.status == 200)
        #expect(head.headers == get.headers)
        #expect(get.headers["Content-Length"] == String(get.body.count))
        #expect(String(decoding: get.body, as: UTF8.self) == "<html><body><p>Hi</p><script></script></body></html>\n")
        #expect(head.body.isEmpty)
    }

    @Test func etagsAnswerConditionalRequests() throws {
        let responder = Self.responder(try Self.output())
        let first = responder.respond(method: "GET", path: "/style.css")
        let tag = try #require(first.headers["ETag"])
        #expect(tag == "\"\(ContentHash.hex(of: "p{}"))\"")
        let again = responder.respond(method: "GET", path: "/style.css", ifNoneMatch: tag)
        #expect(again.status == 304 && again.body.isEmpty && again.headers["ETag"] == tag)
        #expect(responder.respond(method: "GET", path: "/style.css", ifNoneMatch: "\"other\", W/\(tag)").status == 304)
        #expect(responder.respond(method: "GET", path: "/style.css", ifNoneMatch: "\"other\"").status == 200)
        // The same file with another decoration (a new build version) is another entity.
        let decorated = Self.responder(try Self.output()) { $0 + "<!-- v2 -->" }
        #expect(decorated.respond(method: "GET", path: "/", ifNoneMatch: responder.respond(method: "GET", path: "/").headers["ETag"]).status == 200)
    }

    @Test func otherMethodsAndMissingPages() throws {
        let responder = Self.responder(try Self.output())
        let post = responder.respond(method: "POST", path: "/")
        #expect(post.status == 405 && post.headers["Allow"] == "GET, HEAD")
        let missing = responder.respond(method: "GET", path: "/nothing/")
        #expect(missing.status == 404 && String(decoding: missing.body, as: UTF8.self).contains("gone"))
        #expect(responder.respond(method: "GET", path: "/style.css/").status == 404)
    }

    @Test func beforeTheFirstGoodBuildEveryPathShowsTheErrors() {
        let responder = Self.responder(nil) { ErrorBanner.inject("<div id=\"banner\"></div>", into: $0) }
        let answer = responder.respond(method: "GET", path: "/articles/x/")
        #expect(answer.status == 503)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("<body><div id=\"banner\"></div><h1>The site does not build yet</h1>"))
    }

    @Test func bannerShowsEachErrorWithItsSourceLines() {
        let source = "---\ntitle: A\ntitel: oops\ndate: 2024-01-01\n---\nBody <b>\n"
        let errors = [
            SiteError(file: "content/articles/a.md", line: 3, column: 1, message: "unknown key 'titel'"),
            SiteError(file: "content/gone.md", line: 9, column: 2, message: "missing <file>"),
        ]
        let banner = ErrorBanner.html(for: errors) { $0 == "content/articles/a.md" ? source : nil }.rendered
        #expect(banner.contains("The last rebuild failed (2 errors)"))
        #expect(banner.contains("<li><code>content/articles/a.md:3:1</code> unknown key &#39;titel&#39;<pre"))
        #expect(banner.contains("""
          1 | ---
          2 | title: A
        &gt; 3 | titel: oops
            | ^
          4 | date: 2024-01-01
          5 | ---
        </pre>
        """))
        #expect(banner.contains("<li><code>content/gone.md:9:2</code> missing &lt;file&gt;</li>"))
        #expect(ErrorBanner.inject("<b>!</b>", into: "<html><body class=\"x\"><p>") == "<html><body class=\"x\"><b>!</b><p>")
    }

    /// The preview's life cycle: a failed rebuild puts the banner on every
    /// page served from the last good build; the next good one removes it.
    @Test func aFailedRebuildShowsTheBannerUntilTheNextGoodOne() async throws {
        let site = try TestSupport.temporaryFolder("sitegen-preview-state")
        defer { try? FileManager.default.removeItem(at: site) }
        try TestSupport.write(["content/articles/a.md": "---\ntitle: A\ndate: 2024-01-01\nbad key: 1\n---\nBody\n",
                               "public/index.html": "<html><body><p>Home</p></body></html>"], in: site)
        let state = PreviewState(sourceFolders: [site], output: site.appending(path: "public"), liveReload: false)
        func home() async -> String {
            String(decoding: await state.responder().respond(method: "GET", path: "/").body, as: UTF8.self)
        }
        await state.update(.success("/"), change: .pages)
        #expect(await home() == "<html><body><p>Home</p></body></html>")

        let failure = BuildFailure([SiteError(file: "content/articles/a.md", line: 4, column: 1, message: "unknown key 'bad key'")])
        await state.update(.failure(failure), change: .pages)
        let failed = await home()
        #expect(failed.contains("The last rebuild failed (1 error)"))
        #expect(failed.contains("<code>content/articles/a.md:4:1</code> unknown key &#39;bad key&#39;"))
        #expect(failed.contains("&gt; 4 | bad key: 1"))
        #expect(failed.hasSuffix("<p>Home</p></body></html>"))

        await state.update(.success("/"), change: .pages)
        #expect(await home() == "<html><body><p>Home</p></body></html>")
    }

    @Test func caretSitsUnderTheColumn() {
        let excerpt = ErrorBanner.excerpt(["a", "bad: [", "c"], around: SiteError(file: "f", line: 2, column: 6, message: "m"))
        #expect(excerpt.rendered.contains("  1 | a\n&gt; 2 | bad: [\n    |      ^\n  3 | c\n</pre>"))
    }

    @Test(arguments: [
        ("a.md~", true), ("#a.md#", true), (".#a.md", true), (".a.md.swp", true), (".a.md.swo", true),
        ("4913", true), ("a.md", false), ("#tag.md", false), ("a.swp", false), ("49134", false), ("#", false),
    ])
    func editorFiles(name: String, isArtifact: Bool) {
        #expect(EditorArtifacts.contains(Substring(name)) == isArtifact)
    }

    @Test func editorBackupFilesAreNotContent() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSupport.article(title: "A"),
            "content/articles/a.md~": "stale backup, not front matter",
            "content/articles/#a.md#": "auto-save",
            "content/articles/.#a.md": "lock",
            "content/articles/4913": "",
            "content/static/style.css~": "",
        ])
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "articles/a/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "style.css~").path))
    }

    @Test func compilerErrorsBecomeSiteErrors() {
        let output = """
        Building for debugging...
        /pkg/templates/Layout.swift:94:19: error: cannot convert value of type 'String' to specified type 'Int'
        /pkg/templates/Layout.swift:94:19: error: cannot convert value of type 'String' to specified type 'Int'
        /pkg/templates/Layout.swift:90:1: warning: unused
        /elsewhere/x.swift:1:2: error: a: b
        """
        #expect(CompilerDiagnostics.errors(in: output, root: "/pkg") == [
            SiteError(file: "templates/Layout.swift", line: 94, column: 19, message: "cannot convert value of type 'String' to specified type 'Int'"),
            SiteError(file: "/elsewhere/x.swift", line: 1, column: 2, message: "a: b"),
        ])
        #expect(CompilerDiagnostics.errors(in: "linker failed\n", root: "/pkg")
            == [SiteError(file: "templates", message: "swift build failed:\nlinker failed")])
    }

    @Test func aPortInUseIsNamed() throws {
        // Take a free port the way the preview would, then ask again.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        #expect(listen(fd, 1) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        #expect(throws: LoopbackPort.Unavailable(port: port, reason:
            "port \(port) on 127.0.0.1 is already in use (another `sitegen serve`?): stop that program, or pick another port with --port \(port + 1)")) {
            try LoopbackPort.checkAvailable(port)
        }
        close(fd)
        try LoopbackPort.checkAvailable(port)
    }
}

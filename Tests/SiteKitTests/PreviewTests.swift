import Foundation
import Testing
@testable import SiteKit

/// `sitegen serve`: how requests map to the output folder, when to rebuild,
/// and links that stay on the preview.
@Suite struct PreviewTests {
    /// An output folder given as a set of files (folders are implied).
    static func kinds(_ files: Set<String>) -> (String) -> PreviewResolver.Kind {
        { path in
            if files.contains(path) { return .file }
            if files.contains(where: { $0.hasPrefix(path + "/") }) { return .folder }
            return .missing
        }
    }

    static let site: Set<String> = ["index.html", "404.html", "articles/a/index.html", "style.abc.css",
                                    "feed.xml", "sitemap.xml", "img/a b.png", ".sitegen-output"]

    @Test(arguments: [
        ("/", PreviewResolver.Response.file("index.html", contentType: "text/html; charset=utf-8")),
        ("/articles/a/", .file("articles/a/index.html", contentType: "text/html; charset=utf-8")),
        ("/articles/a", .redirect("/articles/a/")),
        ("/articles/a/index.html", .file("articles/a/index.html", contentType: "text/html; charset=utf-8")),
        ("/style.abc.css", .file("style.abc.css", contentType: "text/css; charset=utf-8")),
        ("/feed.xml", .file("feed.xml", contentType: "application/atom+xml")),
        ("/sitemap.xml", .file("sitemap.xml", contentType: "application/xml")),
        ("/img/a%20b.png", .file("img/a b.png", contentType: "image/png")),
        ("/articles/", .notFound(page: "404.html")),
        ("/nothing", .notFound(page: "404.html")),
        ("/../etc/passwd", .notFound(page: "404.html")),
        ("/articles/../../x", .notFound(page: "404.html")),
        ("/.sitegen-output", .notFound(page: "404.html")),
        ("/bad%zz", .notFound(page: "404.html")),
    ])
    func resolvesLikeAStaticHost(path: String, expected: PreviewResolver.Response) {
        #expect(PreviewResolver(basePath: "/").resolve(path, kind: Self.kinds(Self.site)) == expected)
    }

    @Test func siteBelowABasePath() {
        let resolver = PreviewResolver(basePath: "/blog/")
        let kinds = Self.kinds(Self.site)
        #expect(resolver.resolve("/blog", kind: kinds) == .redirect("/blog/"))
        #expect(resolver.resolve("/blog/", kind: kinds) == .file("index.html", contentType: "text/html; charset=utf-8"))
        #expect(resolver.resolve("/", kind: kinds) == .notFound(page: "404.html"))
        #expect(resolver.resolve("/articles/a/", kind: kinds) == .notFound(page: "404.html"))
    }

    @Test func liveReloadScriptGoesBeforeTheLastBodyEnd() throws {
        let html = LiveReload.inject(into: "<html><body><p>x</p></body></html>\n", version: "abc-7")
        let script = try #require(html.range(of: "<script>"))
        #expect(html[..<script.lowerBound] == "<html><body><p>x</p>")
        #expect(html.hasSuffix("</script>\n</body></html>\n"))
        #expect(html.contains("var v=\"abc-7\";"))
        #expect(html.contains("new EventSource(\"/__sitegen/events\")"))
        #expect(LiveReload.inject(into: "no body", version: "1").hasPrefix("no body<script>"))
    }

    @Test func eventsNameTheVersionAndWhatChanged() {
        #expect(LiveReload.event(.pages, version: "k-3") == "retry: 500\nevent: build\ndata: k-3\n\n")
        #expect(LiveReload.event(nil, version: "k-3") == "retry: 500\nevent: build\ndata: k-3\n\n")
        #expect(LiveReload.event(.stylesheets, version: "k-4") == "retry: 500\nevent: css\ndata: k-4\n\n")
    }

    @Test func onlyStylesheetChangesSwapInPlace() {
        #expect(LiveReload.change(for: ["static/custom.css"]) == .stylesheets)
        #expect(LiveReload.change(for: ["static/a.css", "static/sub/B.CSS"]) == .stylesheets)
        #expect(LiveReload.change(for: ["static/custom.css", "articles/a.md"]) == .pages)
        #expect(LiveReload.change(for: ["articles/a.css"]) == .pages)
        #expect(LiveReload.change(for: []) == .pages)
        #expect(LiveReload.change(for: nil) == .pages)
    }

    @Test func missingFourOhFourPage() {
        #expect(PreviewResolver(basePath: "/").resolve("/x", kind: Self.kinds(["index.html"])) == .notFound(page: nil))
    }

    @Test func snapshotSeesAddedChangedAndRemovedFiles() throws {
        let site = try TestSupport.site(["content/articles/a.md": "one", "content/articles/b.md": "two"])
        let before = ContentSnapshot.take(of: site)
        #expect(before.files.keys.sorted() == ["articles/a.md", "articles/b.md", "site.yaml"])
        #expect(ContentSnapshot.take(of: site).changes(since: before).isEmpty)
        try TestSupport.write(Data("one, longer".utf8), to: "content/articles/a.md", in: site)
        try TestSupport.write(Data("new".utf8), to: "content/pages/c.md", in: site)
        try FileManager.default.removeItem(at: site.appending(path: "content/articles/b.md"))
        #expect(ContentSnapshot.take(of: site).changes(since: before) == ["articles/a.md", "articles/b.md", "pages/c.md"])
    }

    @Test func previewOriginReplacesTheHostButKeepsTheBasePath() throws {
        let site = try TestSupport.site([
            "content/site.yaml": "title: T\nbase_url: https://example.org/blog/\n",
            "content/articles/a.md": TestSupport.article(title: "A"),
        ])
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        var builder = TestSupport.builder()
        builder.options.previewOrigin = "http://127.0.0.1:1313"
        try builder.build(siteDirectory: site, output: output)
        let html = String(decoding: try Data(contentsOf: output.appending(path: "articles/a/index.html")), as: UTF8.self)
        #expect(html.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:1313/blog/articles/a/\">"))
        #expect(html.contains("<a class=\"site-title\" href=\"/blog/\">"))
    }
}

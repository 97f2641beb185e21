import Foundation
import Testing
@testable import SiteKit
import Templates

/// Hosting anywhere: precompressed copies, `_headers`, robots.txt under a sub-path.
@Suite struct HostingTests {
    static let text = Array(String(repeating: "<p>Wednesday: 341,230,000 hours viewed.</p>\n", count: 200).utf8)

    @Test func gzipIsDeterministicWithoutTimeOrName() throws {
        let first = Compression.gzip(Self.text)
        #expect(first == Compression.gzip(Self.text))
        // RFC 1952: magic, deflate, no flags (no name), mtime 0.
        #expect(Array(first.prefix(8)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
        #expect(first.count < Self.text.count / 10)
        #expect(Compression.gunzip(first) == Self.text)
        #expect(Compression.gunzip(Compression.gzip([])) == [])
        #expect(Compression.gunzip([1, 2, 3]) == nil)
    }

    @Test func brotliRoundTrips() {
        let compressed = Compression.brotli(Self.text)
        #expect(compressed == Compression.brotli(Self.text))
        #expect(compressed.count < Compression.gzip(Self.text).count)
        #expect(Compression.unbrotli(compressed, expectedSize: Self.text.count) == Self.text)
        #expect(Compression.unbrotli(Compression.brotli([]), expectedSize: 0) == [])
    }

    @Test(arguments: [("index.html", true), ("a/b/style.1.css", true), ("feed.xml", true), ("feed.json", true),
                      ("robots.txt", true), ("images/x.svg", true), ("data/x.csv", true), ("x.JS", true),
                      ("images/p.png", false), ("_headers", false), ("a.b/README", false), ("x.woff2", false)])
    func textFiles(path: String, isText: Bool) {
        #expect(Precompressor.isText(path) == isText)
    }

    @Test func precompressWritesBesideEveryTextFile() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01"),
            "content/static/images/p.png": "not really a png",
            "content/static/data/x.csv": "a,b\n1,2\n",
        ])
        defer { site.remove() }
        var builder = TestSupport.builder(now: TestSite.now)
        builder.options.precompress = true
        let report = try builder.build(siteDirectory: site.root, output: site.output)
        let all = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).sorted()
        let texts = all.filter { Precompressor.isText($0) }
        #expect(texts.contains("index.html") && texts.contains("data/x.csv") && texts.contains("feed.json"))
        #expect(report.compressedFiles == texts.count * 2)
        for path in texts {
            let original = [UInt8](try Data(contentsOf: site.output.appending(path: path)))
            let gz = [UInt8](try Data(contentsOf: site.output.appending(path: path + ".gz")))
            let br = [UInt8](try Data(contentsOf: site.output.appending(path: path + ".br")))
            #expect(Compression.gunzip(gz) == original, "\(path).gz")
            #expect(Compression.unbrotli(br, expectedSize: original.count) == original, "\(path).br")
        }
        #expect(!all.contains("images/p.png.gz") && !all.contains("images/p.png.br"))
        // Without the option, nothing compressed.
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "index.html.gz").path))
    }

    @Test func headersFile() {
        #expect(HostHeaders.file(immutable: ["style.abc.css", "custom.def.css"], basePath: "/blog/") == """
        # Written by sitegen (headers: true in site.yaml).
        # Hashed files: their name changes whenever their content does.
        /blog/custom.def.css
          Cache-Control: public, max-age=31536000, immutable
        /blog/style.abc.css
          Cache-Control: public, max-age=31536000, immutable
        # Pages: served from cache for 5 minutes at most, then checked again.
        /blog/
          Cache-Control: public, max-age=300, must-revalidate
        /blog/*/
          Cache-Control: public, max-age=300, must-revalidate
        /blog/*.html
          Cache-Control: public, max-age=300, must-revalidate

        """)
    }

    @Test func headersTrueWritesTheFileWithTheHashedStylesheets() throws {
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML + "headers: true\n",
            "content/static/custom.css": "body { color: red; }\n",
        ])
        defer { site.remove() }
        try site.build()
        let headers = try #require(site.read("_headers"))
        let stylesheet = "style.\(ContentHash.hex(of: DefaultTheme().stylesheet)).css"
        #expect(headers.contains("/\(stylesheet)\n  Cache-Control: public, max-age=31536000, immutable\n"))
        #expect(headers.contains("/custom.\(ContentHash.hex(of: "body { color: red; }\n")).css\n  Cache-Control: public, max-age=31536000, immutable\n"))
        // Off by default.
        let plain = try TestSite([:])
        defer { plain.remove() }
        try plain.build()
        #expect(!plain.exists("_headers"))
    }

    @Test func headersTrueAndAStaticHeadersFileClash() throws {
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML + "headers: true\n",
            "content/static/_headers": "/*\n  X-Frame-Options: DENY\n",
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == "content/static/_headers:1:1: error: writes _headers, which headers: true in site.yaml also writes: rename or move the static file")
    }

    @Test func robotsBelowTheHostRootIsReported() throws {
        let sub = try TestSite(["content/site.yaml": TestSite.siteYAML.replacing("https://example.org/", with: "https://example.org/blog/")])
        defer { sub.remove() }
        #expect(try sub.build().robotsBelowHostRoot == "https://example.org/blog/robots.txt")
        let root = try TestSite([:])
        defer { root.remove() }
        #expect(try root.build().robotsBelowHostRoot == nil)
    }
}

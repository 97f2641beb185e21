import Foundation
import Testing
@testable import SiteKit
import Templates

/// Text from front matter and site.yaml reaches the HTML escaped, never raw.
@Suite struct EscapingTests {
    /// A value that breaks out of element content and of either attribute quote.
    static let evil = #"<script>alert("x")</script> & 'q'"#
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
    /// The same value as a YAML double-quoted scalar.
    static let yaml = #""<script>alert(\"x\")</script> & 'q'""#
    /// An external image URL holding the value (a local path would fail the link check).
    static let imageYAML = #""https://img.example/<script>alert(\"x\")</script> & 'q'""#

    @Test func htmlInterpolationEscapes() {
        let text = Self.evil
        let optional: String? = Self.evil
        let fragment = HTML(unsafeRaw: "<b>kept</b>")
        let html: HTML = "<p title=\"\(text)\">\(optional)\(fragment)\([fragment, fragment])\(42)</p>"
        #expect(html.rendered == "<p title=\"\(Self.escaped)\">\(Self.escaped)<b>kept</b><b>kept</b><b>kept</b>42</p>")
        #expect(HTMLEscaping.escape("plain text") == "plain text")
        #expect(HTMLEscaping.escape("Ünïcode & more") == "Ünïcode &amp; more")
    }

    @Test func optionalAttributeIsWrittenEscapedOrLeftOut() {
        let named: String? = "bar \"x\" <y>", none: String? = nil
        let with: HTML = "<rect \(attribute: "class", named)x=\"1\"/>"
        let without: HTML = "<rect \(attribute: "class", none)x=\"1\"/>"
        #expect(with.rendered == "<rect class=\"bar &quot;x&quot; &lt;y&gt;\" x=\"1\"/>")
        #expect(without.rendered == "<rect x=\"1\"/>")
    }

    @Test func frontMatterAndSiteSettingsAreEscapedInTheBuiltSite() throws {
        let site = try TestSupport.site([
            "content/site.yaml": """
            title: \(Self.yaml)
            base_url: https://example.com/
            description: \(Self.yaml)
            author: \(Self.yaml)

            """,
            "content/articles/evil.md": """
            ---
            title: \(Self.yaml)
            date: 2024-05-01
            summary: \(Self.yaml)
            tags: [\(Self.yaml)]
            author: \(Self.yaml)
            image: \(Self.imageYAML)
            image_alt: \(Self.yaml)
            renewal:
              status: pending
              prediction: \(Self.yaml)
            ---
            Body with <script>alert(1)</script> raw HTML and [a link](javascript:alert(1)).

            """,
            "content/articles/default-author.md": TestSupport.article(title: "Plain", date: "2024-04-01"),
            "content/pages/about.md": "---\ntitle: \(Self.yaml)\nsummary: \(Self.yaml)\n---\nAbout.\n",
        ])
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        let files = try TestSupport.snapshot(output)
        let html = files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(html.count == 8)

        // Nowhere raw: no script element, no attribute broken out of.
        for (path, text) in html {
            // The one script element allowed is sitegen's own JSON-LD.
            let withoutJSONLD = text.replacing("<script type=\"application/ld+json\">", with: "")
            #expect(!withoutJSONLD.contains("<script"), "raw <script> in \(path)")
            #expect(!text.contains(#"alert("x")"#), "unescaped quotes in \(path)")
            #expect(!text.contains("href=\"javascript:"), "javascript link in \(path)")
        }

        let article = try #require(html["articles/evil/index.html"])
        let e = Self.escaped
        for expected in [
            "<title>\(e) · \(e)</title>",                              // article and site title
            "<meta name=\"description\" content=\"\(e)\">",           // summary
            "<h1>\(e)</h1>",                                           // title
            "By <span class=\"author\">\(e)</span>",                   // author
            "<li><a href=\"/tags/script-alert-x-script-and-q/\">\(e)</a></li>", // tag
            "<img src=\"https://img.example/\(e)\" alt=\"\(e)\">",     // image and alt
            "<span class=\"fact-label\">Our prediction:</span> \(e)</p>", // renewal prediction
            "<a class=\"site-title\" href=\"/\">\(e)</a>",             // site title
            "<p>\(e) — \(e)</p>",                                      // site title and description
            "<p>Body with <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> raw HTML and <a href=\"\">a link</a>.</p>",
        ] {
            #expect(article.contains(expected), "article page lacks \(expected)")
        }
        // The site's default author is escaped too.
        #expect(html["articles/default-author/index.html"]?.contains("By <span class=\"author\">\(e)</span>") == true)

        let home = try #require(html["index.html"])
        #expect(home.contains("<p class=\"summary\">\(e)</p>"))
        #expect(home.contains("<h2><a href=\"/articles/evil/\">\(e)</a></h2>"))
        #expect(home.contains("<meta name=\"description\" content=\"\(e)\">"))
        let tagPage = try #require(html["tags/script-alert-x-script-and-q/index.html"])
        #expect(tagPage.contains("<h1>Tag: \(e)</h1>"))
        #expect(html["tags/index.html"]?.contains("<li><a href=\"/tags/script-alert-x-script-and-q/\">\(e)</a> <span class=\"count\">1</span></li>") == true)
        let about = try #require(html["about/index.html"])
        #expect(about.contains("<h1>\(e)</h1>"))
        #expect(about.contains("<li><a href=\"/about/\" aria-current=\"page\">\(e)</a></li>"))
    }

    @Test func baseURLIsEscapedInCanonicalLinks() throws {
        let site = try TestSupport.site([
            "content/site.yaml": "title: T\nbase_url: https://example.com/a\"b<c>/\n",
        ])
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        let home = String(decoding: try Data(contentsOf: output.appending(path: "index.html")), as: UTF8.self)
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.com/a&quot;b&lt;c&gt;/\">"))
    }
}

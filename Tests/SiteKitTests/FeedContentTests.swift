import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteKit
import Templates

/// Full article HTML in feeds: charts as their tables, absolute links.
@Suite struct FeedContentTests {
    static let settings = SiteSettings(title: "T", baseURL: "https://example.org/blog/")
    static let page = "https://example.org/blog/articles/a/"

    @Test func chartsBecomeTheirTableAndALink() {
        let body = """
        <p>Before</p>
        <figure class="embed embed-columns">
        <figcaption>Hours</figcaption>
        <svg xmlns="http://www.w3.org/2000/svg" class="chart"><g><svg x="1"><text>in</text></svg></g><text>5</text></svg>
        <details class="chart-data"><summary>Show the numbers</summary>
        <table class="data-table"><tr><td>341,230,000</td></tr></table>
        </details>
        </figure>
        """
        #expect(FeedContent.html(body, pageURL: Self.page, settings: Self.settings) == """
        <p>Before</p>
        <figure class="embed embed-columns">
        <figcaption>Hours</figcaption>
        <p><a href="https://example.org/blog/articles/a/">See the chart on the site</a></p>

        <table class="data-table"><tr><td>341,230,000</td></tr></table>

        </figure>
        """)
    }

    @Test func linksAndImagesBecomeAbsolute() {
        let body = """
        <h2 id="x">X <a class="heading-anchor" href="#x" aria-label="Link to section: X">#</a></h2>
        <p><a href="/blog/articles/b/">b</a> <a href="#fn-1">1</a> <img src="/blog/images/p.png" alt="">
        <a href="https://other.example/">o</a> <a href="//cdn.example/x">c</a> <a href="mailto:a@b.c">m</a>
        <img src="pic.png" alt=""> <a href="../c/?a=1&amp;b=2">c</a></p>
        """
        #expect(FeedContent.html(body, pageURL: Self.page, settings: Self.settings) == """
        <h2 id="x">X</h2>
        <p><a href="https://example.org/blog/articles/b/">b</a> <a href="https://example.org/blog/articles/a/#fn-1">1</a> <img src="https://example.org/blog/images/p.png" alt="">
        <a href="https://other.example/">o</a> <a href="//cdn.example/x">c</a> <a href="mailto:a@b.c">m</a>
        <img src="https://example.org/blog/articles/a/pic.png" alt=""> <a href="https://example.org/blog/articles/a/../c/?a=1&amp;b=2">c</a></p>
        """)
    }

    /// Steps whose opening is not in the text are skipped: the result must
    /// be what running every step in turn gives, also where one step's removal
    /// joins text into the next step's opening.
    @Test(arguments: [
        "<p>plain <b>text</b> without any of them</p>",
        "<h2 id=\"a\">A <a class=\"heading-anchor\" href=\"#a\">#</a></h2><p><a href=\"/x/\">x</a></p>",
        "<sum<a class=\"heading-anchor\" href=\"#a\">#</a>mary>hidden</summary> kept",
        "<de <a class=\"heading-anchor\">#</a>tails open>in</details>",
        "<sv<svg><text>1</text></svg>g>after</svg>",
        "<details><summary>S</summary><svg><svg></svg></svg></details><img src=\"i.png\">",
        "<a class=\"heading-anchor\"><details>unclosed",
        "</de<summary>x</summary>tails>",
    ])
    func skippedStepsChangeNothing(body: String) {
        var reference = Array(body.utf8)
        reference = FeedContent.replaceCharts(reference, pageURL: Self.page)
        reference = FeedContent.removeElements(reference, open: " <a class=\"heading-anchor\"", close: "</a>")
        reference = FeedContent.removeElements(reference, open: "<a class=\"heading-anchor\"", close: "</a>")
        reference = FeedContent.unwrapDisclosures(reference)
        reference = FeedContent.absoluteLinks(reference, pageURL: Self.page, settings: Self.settings)
        #expect(FeedContent.utf8(body, pageURL: Self.page, settings: Self.settings) == reference)
    }

    @Test(arguments: [
        ("https://example.org/blog/", "https://example.org"),
        ("http://example.org:8080/", "http://example.org:8080"),
        ("https://example.org", "https://example.org"),
        ("example.org/blog/", "example.org/blog/"),
        ("", ""),
    ])
    func originIsSchemeAndHost(baseURL: String, expected: String) {
        #expect(FeedContent.origin(of: baseURL) == expected)
    }

    @Test(arguments: [
        ("https://example.org/blog/articles/a/", "", "https://example.org/blog/articles/a/"),
        ("https://example.org/blog/articles/a/", "#fn-1", "https://example.org/blog/articles/a/#fn-1"),
        ("https://example.org/blog/articles/a/", "/blog/b/", "https://example.org/blog/b/"),
        ("https://example.org/blog/articles/a/", "//cdn.example/x", "//cdn.example/x"),
        ("https://example.org/blog/articles/a/", "mailto:a@b.c", "mailto:a@b.c"),
        ("https://example.org/blog/articles/a/", "pic.png", "https://example.org/blog/articles/a/pic.png"),
        ("https://example.org/blog/articles/a/", "../c/?a=1&amp;b=2", "https://example.org/blog/articles/a/../c/?a=1&amp;b=2"),
        ("https://example.org/blog/page.html", "pic.png", "https://example.org/blog/pic.png"),
        ("https://example.org/blog/page.html", "#top", "https://example.org/blog/page.html#top"),
        ("https://example.org/blog/articles/a/", "/", "https://example.org/"),
        ("https://example.org/blog/articles/a/", "é.png", "https://example.org/blog/articles/a/é.png"),
    ])
    func linkMadeAbsolute(page: String, url: String, expected: String) {
        let bases = FeedContent.LinkBases(pageURL: page, baseURL: Self.settings.baseURL)
        var out = Array("kept ".utf8)
        var url = url
        url.withUTF8 { bases.appendAbsolute($0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "kept " + expected)
    }

    @Test func openingsAreFoundInOnePass() {
        let openings = ["<svg", " <a class", "</details>"].map { Array($0.utf8) }
        #expect(FeedContent.openings(of: openings, in: Array("x <a class y</details".utf8)) == [false, true, false])
        #expect(FeedContent.openings(of: openings, in: Array("<a class <svg</details>".utf8)) == [true, false, true])
        #expect(FeedContent.openings(of: openings, in: []) == [false, false, false])
        // At the very end, cut short, and a `<` as the last byte.
        #expect(FeedContent.openings(of: openings, in: Array("x<svg".utf8)) == [true, false, false])
        #expect(FeedContent.openings(of: openings, in: Array("<sv <a clas </details".utf8)) == [false, false, false])
        #expect(FeedContent.openings(of: openings, in: Array("x <".utf8)) == [false, false, false])
    }

    /// After a rewrite, the openings found by moving those clear of its edits
    /// and looking around each edit are those a new pass finds.
    @Test func openingsAfterARewriteAreThoseANewPassFinds() {
        let openings = ["<svg", " <a class=\"heading-anchor\"", "<a class=\"heading-anchor\"", "<summary", "<details", "</details>"]
            .map { Array($0.utf8) }
        let pieces = ["<a class=\"heading-anchor\">", "</a>", " ", "<sum", "mary>", "<de", "tails>", "</de", "<details>",
                      "</details>", "<svg>", "<sv", "g>", "</svg>", "<summary>", "</summary>", "x", "<", ">", "<p>"]
        var random = SplitMix64(seed: 11)
        let rewrites: [([UInt8]) -> (html: [UInt8], edits: [FeedContent.Edit])] = [
            { FeedContent.removingElements($0, open: " <a class=\"heading-anchor\"", close: "</a>") },
            { FeedContent.removingElements($0, open: "<a class=\"heading-anchor\"", close: "</a>") },
            { FeedContent.removingElements($0, open: "<summary", close: "</summary>") },
            { FeedContent.removingElements($0, open: "</details>", close: "") },
            { FeedContent.replacingCharts($0, pageURL: Self.page) },
        ]
        for _ in 0..<400 {
            let text = Array((0..<Int.random(in: 1...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined().utf8)
            let before = FeedContent.occurrences(of: openings, in: text)
            for rewrite in rewrites {
                let (html, edits) = rewrite(text)
                let after = edits.isEmpty ? before
                    : FeedContent.occurrences(of: FeedContent.Openings(openings), in: html, after: edits, were: before)
                #expect(after == FeedContent.occurrences(of: openings, in: html), "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test func unclosedMarkupIsKept() {
        #expect(FeedContent.html("<p>a <svg class=\"x\">", pageURL: Self.page, settings: Self.settings) == "<p>a <svg class=\"x\">")
    }

    @Test func feedsCarryFullContentUnderASubPath() throws {
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML.replacing("https://example.org/", with: "https://example.org/blog/"),
            "content/data/shows/s.yaml": """
            title: S
            weeks:
              - {week_ending: 2024-01-07, rank: 2, hours_viewed: 1000000, weeks_in_top_10: 1}
              - {week_ending: 2024-01-14, rank: 1, hours_viewed: 2000000, weeks_in_top_10: 2}

            """,
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-02-01\nshow: s\ntags: [News]", body: """
            See [the other](b.md) and ![p](/images/p.png).

            ```viewing-chart
            show: s
            ```
            """),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-01", body: "Plain <b>text</b>."),
            "content/static/images/p.png": "png",
        ])
        defer { site.remove() }
        try site.build()
        let atom = try #require(site.read("feed.xml"))
        let content = try #require(atom.components(separatedBy: "<content type=\"html\">").dropFirst().first?
            .components(separatedBy: "</content>").first)
        #expect(content.hasPrefix("<![CDATA[") && content.hasSuffix("]]>"))
        #expect(content.contains("<a href=\"https://example.org/blog/articles/b/\">the other</a>"))
        #expect(content.contains("<img src=\"https://example.org/blog/images/p.png\""))
        #expect(content.contains("See the chart on the site"))
        #expect(content.contains("2,000,000"))
        #expect(!content.contains("<svg"))
        #expect(!content.contains("Show the numbers"))
        // The tag's feed carries the content too; the JSON feed as content_html.
        #expect(try #require(site.read("tags/news/feed.xml")).contains("See the chart on the site"))
        let json = try #require(site.read("feed.json"))
        #expect(json.contains("\"content_html\": \"\\u003cp\\u003eSee"))
        #expect(!json.contains("content_text"))
        // The Atom documents stay well-formed XML with HTML inside.
        for path in ["feed.xml", "tags/news/feed.xml", "shows/s/feed.xml"] {
            let parser = XMLParser(data: Data(try #require(site.read(path)).utf8))
            #expect(parser.parse(), "\(path): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        // Every page names both feeds.
        for page in ["index.html", "articles/a/index.html", "tags/news/index.html", "404.html"] {
            let html = try #require(site.read(page))
            #expect(html.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Test Site (JSON Feed)\" href=\"/blog/feed.json\">"), "\(page)")
        }
    }
}

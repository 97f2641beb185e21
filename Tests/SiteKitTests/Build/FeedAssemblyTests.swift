import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteKit
import Templates

/// `FeedAssembly`: a one-off build's feeds, each handed out as soon as the
/// last article it lists is rendered.
struct FeedAssemblyTests {
    /// Three articles, newest first: a (Drama, follows Partner Track), b
    /// (Drama), c (Legal). Feeds: the site's two (a, b, c), Drama's (a, b),
    /// Legal's (c), Partner Track's (a).
    private static let site = [
        "content/site.yaml": TestSupport.siteYAML,
        "content/articles/a.md": TestSupport.article(title: "A", date: "2024-05-03", "tags: [Drama]\nshow: partner-track\n"),
        "content/articles/b.md": TestSupport.article(title: "B", date: "2024-05-02", "tags: [Drama]\n"),
        "content/articles/c.md": TestSupport.article(title: "C", date: "2024-05-01", "tags: [Legal]\n"),
        "content/data/shows/partner-track.yaml": TestSupport.oneWeekShow,
    ]

    private func plan() throws -> SitePlan {
        let folder = try TestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try SiteLoader.load(siteDirectory: folder)
        return try SitePlan(site: site, options: BuildOptions(now: TestSupport.now), theme: DefaultTheme(), recordsInputs: false)
    }

    private static func summary(_ slug: String) -> ArticleSummary {
        ArticleSummary(title: slug.uppercased(), url: "/articles/\(slug)/", date: DateTime(date: CalendarDate(daysSinceEpoch: 0)),
                       summary: "About \(slug).", tags: [], readingMinutes: 1)
    }

    private static func html(_ slug: String) -> [UInt8] { Array("<p>Body of \(slug) & more</p>".utf8) }

    private static func paths(_ ready: [FeedAssembly.Ready]) -> [String] { ready.map(\.planned.path.site).sorted() }

    @Test func aFeedIsReadyWhenItsLastArticleIsAddedWithEveryEntrysSummaryAndBody() throws {
        let plan = try plan()
        let assembly = FeedAssembly(plan: plan, spill: nil)
        #expect(assembly.feeds.map(\.site).sorted()
            == ["feed.json", "feed.xml", "shows/partner-track/feed.xml", "tags/drama/feed.xml", "tags/legal/feed.xml"])

        let legal = try assembly.add(slug: "c", summary: Self.summary("c"), html: Self.html("c"), keepHTML: false)
        #expect(Self.paths(legal) == ["tags/legal/feed.xml"])
        let show = try assembly.add(slug: "a", summary: Self.summary("a"), html: Self.html("a"), keepHTML: true)
        #expect(Self.paths(show) == ["shows/partner-track/feed.xml"])
        let last = try assembly.add(slug: "b", summary: Self.summary("b"), html: Self.html("b"), keepHTML: false)
        #expect(Self.paths(last) == ["feed.json", "feed.xml", "tags/drama/feed.xml"])
        #expect(assembly.unfinished().isEmpty)

        let site = try #require(last.first { $0.planned.path.site == "feed.xml" })
        #expect(site.summaries == ["a": Self.summary("a"), "b": Self.summary("b"), "c": Self.summary("c")])
        #expect(site.bodies.keys.sorted() == ["/articles/a/", "/articles/b/", "/articles/c/"])
        let body = try #require(site.bodies["/articles/a/"]).body()
        #expect(body.xmlText == Array("<![CDATA[<p>Body of a & more</p>]]>".utf8))
        #expect(body.html == "<p>Body of a & more</p>")
        #expect(try #require(site.bodies["/articles/b/"]).body().html == nil)
    }

    /// A body that waits for its feeds keeps only about what it uses.
    @Test func aLongBodyKeepsNoRoomBeyondItsText() {
        let html = Array(String(repeating: "<p>Hours up 87% &amp; rising</p>\n", count: 200).utf8)
        let body = Feeds.Body(utf8: html, keepHTML: false)
        #expect(body.xmlText.count == html.count + "<![CDATA[]]>".utf8.count)
        #expect(body.xmlText.capacity <= body.xmlText.count * 3 / 2)
    }

    /// The body goes into the feed as CDATA: the same text as escaped HTML
    /// to an XML reader, with `]]>` split and characters XML forbids dropped.
    @Test func aBodyIsCDATAThatReadsAsTheHTML() throws {
        let html = "<p>a]]>b & <em>c</em>\u{0B}d\u{1}e\u{FFFE}</p><pre>]]]]>></pre>"
        let body = Feeds.Body(utf8: Array(html.utf8), keepHTML: false)
        #expect(String(decoding: body.xmlText, as: UTF8.self)
                == "<![CDATA[<p>a]]]]><![CDATA[>b & <em>c</em> de</p><pre>]]]]]]><![CDATA[>></pre>]]>")
        // An XML parser reads the HTML back, as it read the escaped text.
        let read = Self.text(ofXML: Data(Array("<content>".utf8) + body.xmlText + Array("</content>".utf8)))
        #expect(read == "<p>a]]>b & <em>c</em> de</p><pre>]]]]>></pre>")
        #expect(read == Self.text(ofXML: Data(("<content>" + HTMLEscaping.escape(html) + "</content>").utf8)))
    }

    /// The text an XML parser reads in a document (`nil` when it is not
    /// well-formed). XMLParser, not XMLDocument: FoundationXML's document
    /// keeps libxml2's tree past its end, which LeakSanitizer reports in CI.
    static func text(ofXML data: Data) -> String? {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.text : nil
    }

    @Test func anArticleNoFeedListsIsNotKept() throws {
        let assembly = FeedAssembly(plan: try plan(), spill: nil)
        #expect(try assembly.add(slug: "unlisted", summary: Self.summary("unlisted"), html: Self.html("x"), keepHTML: true).isEmpty)
        #expect(assembly.unfinished().count == 5)
    }

    @Test func bodiesOverTheMemoryBudgetWaitInTheSpillFileAndReadBackTheSame() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan()
        // The first body fits a budget of 60 bytes; the next two do not.
        let assembly = FeedAssembly(plan: plan, spill: try SpillFile(in: folder.path), memoryBudget: 60)
        _ = try assembly.add(slug: "a", summary: Self.summary("a"), html: Self.html("a"), keepHTML: false)
        _ = try assembly.add(slug: "b", summary: Self.summary("b"), html: Self.html("b"), keepHTML: false)
        let ready = try assembly.add(slug: "c", summary: Self.summary("c"), html: Self.html("c"), keepHTML: true)
        let site = try #require(ready.first { $0.planned.path.site == "feed.xml" })
        let kinds = ["a", "b", "c"].map { slug -> String in
            if case .inMemory = site.bodies["/articles/\(slug)/"] { return "memory" } else { return "spill" }
        }
        #expect(kinds == ["memory", "spill", "spill"])
        for slug in ["a", "b", "c"] {
            let body = try #require(site.bodies["/articles/\(slug)/"]).body()
            #expect(body == Feeds.Body(utf8: Self.html(slug), keepHTML: slug == "c"))
        }
    }

    @Test func withoutASpillFileEveryBodyStaysInMemory() throws {
        let assembly = FeedAssembly(plan: try plan(), spill: nil, memoryBudget: 0)
        let ready = try assembly.add(slug: "c", summary: Self.summary("c"), html: Self.html("c"), keepHTML: false)
        guard case .inMemory = try #require(ready.first?.bodies["/articles/c/"]) else {
            Issue.record("expected the body in memory")
            return
        }
    }

    @Test func unfinishedFeedsComeWithWhatTheyHave() throws {
        let assembly = FeedAssembly(plan: try plan(), spill: nil)
        #expect(Self.paths(try assembly.add(slug: "a", summary: Self.summary("a"), html: Self.html("a"), keepHTML: false))
            == ["shows/partner-track/feed.xml"])
        let unfinished = assembly.unfinished()
        #expect(Self.paths(unfinished) == ["feed.json", "feed.xml", "tags/drama/feed.xml", "tags/legal/feed.xml"])
        let drama = try #require(unfinished.first { $0.planned.path.site == "tags/drama/feed.xml" })
        #expect(drama.summaries.keys.sorted() == ["a"])
        #expect(drama.bodies.keys.sorted() == ["/articles/a/"])
        let legal = try #require(unfinished.first { $0.planned.path.site == "tags/legal/feed.xml" })
        #expect(legal.summaries.isEmpty && legal.bodies.isEmpty)
        // Handed out once.
        #expect(assembly.unfinished().isEmpty)
    }
}

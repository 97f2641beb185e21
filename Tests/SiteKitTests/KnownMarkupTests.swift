import Testing
@testable import SiteKit

/// Figures the link scan passes over (``KnownMarkup``): what it finds in a
/// page must be what reading every tag finds, and it must pass over a figure
/// only where a page reads it as markup.
@Suite struct KnownMarkupTests {
    /// Counts what the tokenizer reads and what it passes over.
    struct CountingSink: HTMLTokenSink {
        var startTags = 0
        var passedOver: [KnownMarkup] = []

        mutating func startTag(name: Range<Int>) { startTags += 1 }
        mutating func passedOver(_ markup: KnownMarkup) { passedOver.append(markup) }
    }

    static func tokenize(_ page: String, passingOver known: [KnownMarkup]) -> CountingSink {
        var sink = CountingSink()
        Array(page.utf8).withUnsafeBufferPointer { HTMLTokenizer.tokenize($0, passingOver: known, into: &sink) }
        return sink
    }

    static let chart = KnownMarkup(HTML(unsafeRaw: #"<svg class="chart"><title id="c.title">Hours</title><rect x="1" y="2"/></svg>"#),
                                   ids: ["c.title"])

    @Test func statesWhatItHoldsOnlyWhenTheIdsAndLinksAreThose() {
        #expect(KnownMarkup.statesWhatItHolds(Self.chart))
        // The checks behind the initializer's assertion, on markup built without it.
        let markup = #"<p id="a">x</p><a href="/b/">b</a>"#
        #expect(Self.holds(markup, ids: ["a"], links: ["/b/"]))
        #expect(!Self.holds(markup, ids: [], links: ["/b/"]))
        #expect(!Self.holds(markup, ids: ["a"], links: []))
        #expect(!Self.holds(markup, ids: ["a", "z"], links: ["/b/"]))
    }

    @Test func markupThatLeavesTheScanElsewhereIsRefused() {
        // Each would change how the page after it is read.
        #expect(!Self.holds(#"<svg class="chart"><rect/>"#, ids: [], links: []))     // foreign content left open
        #expect(!Self.holds(#"<div class="x"><!-- note"#, ids: [], links: []))       // comment left open
        #expect(!Self.holds(#"<div class="x"><script>"#, ids: [], links: []))        // raw text left open
        #expect(!Self.holds(#"<div class="x"><a href="/b/"#, ids: [], links: []))    // quote left open
        #expect(!Self.holds(#"plain text, no tag"#, ids: [], links: []))
    }

    /// `statesWhatItHolds` of markup not built through the asserting initializer.
    static func holds(_ markup: String, ids: [String], links: [String]) -> Bool {
        KnownMarkup.statesWhatItHolds(Array(markup.utf8), ids: ids, links: links)
    }

    static func text(_ markup: KnownMarkup) -> String {
        markup.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    @Test func passesOverAFigureInText() {
        let page = #"<main><p>Before</p><figure>"# + Self.text(Self.chart)
            + #"</figure><a href="/after/">after</a></main>"#
        let sink = Self.tokenize(page, passingOver: [Self.chart])
        #expect(sink.passedOver == [Self.chart])
        // main, p, figure, a: the chart's svg, title and rect are not read.
        #expect(sink.startTags == 4)
        let scanned = LinkChecker.scan(utf8: Array(page.utf8), path: "a/index.html", source: "a.md", passingOver: [Self.chart])
        let read = LinkChecker.scan(utf8: Array(page.utf8), path: "a/index.html", source: "a.md")
        #expect(scanned.ids == read.ids && scanned.links == read.links)
        #expect(scanned.ids == ["c.title"] && scanned.links == ["/after/"])
    }

    @Test func readsAFigureThatIsNotMarkupWhereItStands() {
        let chart = Self.text(Self.chart)
        // In a comment, a script, an attribute or inside another <svg> the
        // same bytes are not the figure's tags: nothing is passed over.
        for page in ["<!-- \(chart) -->", "<script>\(chart)</script>", "<svg><g>\(chart)</g></svg>",
                     "<a title='\(chart)'>x</a>"] {
            let sink = Self.tokenize(page, passingOver: [Self.chart])
            #expect(sink.passedOver.isEmpty, "\(page)")
            let scanned = LinkChecker.scan(utf8: Array(page.utf8), path: "a/index.html", source: "a.md", passingOver: [Self.chart])
            let read = LinkChecker.scan(utf8: Array(page.utf8), path: "a/index.html", source: "a.md")
            #expect(scanned.ids == read.ids && scanned.links == read.links, "\(page)")
        }
    }

    @Test func aFigureLeftOutIsLookedForNoMoreOnceALaterOneIsFound() {
        let table = KnownMarkup(HTML(unsafeRaw: #"<table class="data-table"><tr><td>1</td></tr></table>"#), ids: [])
        let tableText = Self.text(table)
        // The theme left the chart out: the table is still passed over.
        let sink = Self.tokenize("<div>\(tableText)</div>", passingOver: [Self.chart, table])
        #expect(sink.passedOver == [table])
        #expect(sink.startTags == 1)
    }

    @Test func locatesEachMarkupInTheFragmentThatHoldsIt() {
        let chart = Self.text(Self.chart)
        let section = HTML(unsafeRaw: "<figure><figcaption>Hours</figcaption>\n\(chart)<p>and</p>\(chart)</figure>")
        let located = KnownMarkup.located([Self.chart, Self.chart], in: section)
        #expect(located.map(Self.text) == [chart, chart])
        #expect(located.map(\.ids) == [["c.title"], ["c.title"]])
        // The second is looked for after the first.
        let offsets = section.utf8.withUnsafeBufferPointer { page in
            Self.chart.withUTF8 { [KnownMarkup.firstTag(holding: $0, in: page, from: 0),
                                   KnownMarkup.firstTag(holding: $0, in: page, from: 40)] }
        }
        #expect(offsets == [39, 39 + chart.utf8.count + 10])
        // Not held at all: left out.
        #expect(KnownMarkup.located([Self.chart], in: HTML(unsafeRaw: "<figure></figure>")).isEmpty)
    }

    /// Every figure an embed draws is stated rightly (the initializer asserts
    /// it in debug builds, so drawing each kind is the check), and a page
    /// that holds them scans as it reads.
    @Test func everyFigureKindStatesItsIds() throws {
        let embeds = [("viewing-chart", "show: partner-track-s1\n"),
                      ("viewing-chart", "show: partner-track-s1\nmetric: rank\n"),
                      ("viewing-table", "show: partner-track-s1\n"),
                      ("viewing-comparison", "shows: [partner-track-s1, the-lincoln-lawyer-s1]\n")]
        var renderer = EmbedRendererTests.renderer()
        var page = HTML(unsafeRaw: "<main>\n")
        for (name, body) in embeds {
            guard case .success(let html) = renderer.render(EmbedBlock(name: name, body: body, line: 3)) else {
                Issue.record("\(name) did not render"); return
            }
            page.append(html)
        }
        page.append(HTML(unsafeRaw: "</main>"))
        // A chart's two drawings and table, the rank chart's, the table's, the comparison's.
        #expect(renderer.knownMarkup.count == 7)
        #expect(renderer.knownMarkup.flatMap(\.ids).filter { $0.hasSuffix(".title") }
            == ["chart-1.title", "chart-1-narrow.title", "chart-2.title", "chart-2-narrow.title",
                "chart-3.title", "chart-3-narrow.title"])
        var sink = CountingSink()
        page.utf8.withUnsafeBufferPointer { HTMLTokenizer.tokenize($0, passingOver: renderer.knownMarkup, into: &sink) }
        #expect(sink.passedOver.count == 7)
        let scanned = LinkChecker.scan(utf8: page.utf8, path: "a/index.html", source: "a.md", passingOver: renderer.knownMarkup)
        let read = LinkChecker.scan(utf8: page.utf8, path: "a/index.html", source: "a.md")
        #expect(scanned.ids == read.ids && scanned.links == read.links)
        #expect(read.ids.contains("chart-3-narrow.desc"))
    }

    @Test func heatmapStatesItsPatternIds() {
        var renderer = EmbedRendererTests.renderer()
        guard case .success(let html) = renderer.render(EmbedBlock(name: "country-heatmap", body: "show: partner-track-s1\n", line: 3)) else {
            Issue.record("the heatmap did not render"); return
        }
        #expect(renderer.knownMarkup.count == 2)
        #expect(renderer.knownMarkup[0].ids.contains("chart-1-narrow-blank"))
        let scanned = LinkChecker.scan(utf8: html.utf8, path: "a/index.html", source: "a.md", passingOver: renderer.knownMarkup)
        let read = LinkChecker.scan(utf8: html.utf8, path: "a/index.html", source: "a.md")
        #expect(scanned.ids == read.ids && scanned.links == read.links)
    }

    @Test func markupScannedOnceReadsAsInAPage() throws {
        let card = HTML(unsafeRaw: #"<li class="card" id="c&amp;1"><a href="/articles/a/">A</a> <a href="/tags/x/">x</a> <a href="https://elsewhere.example/">e</a></li>"#)
        let markup = try #require(KnownMarkup.scanned(card, dropping: nil))
        #expect(markup.ids == ["c&1"])
        #expect(markup.links == ["/articles/a/", "/tags/x/", "https://elsewhere.example/"])
        // Links the page scan leaves out are left out of the markup too.
        let known = LinkChecker(baseURL: "https://example.org/", basePath: "/").knownLinks(["articles/a/index.html"])
        let dropping = try #require(KnownMarkup.scanned(card, dropping: known))
        #expect(dropping.links == ["/tags/x/"])
        // A page holding it twice reads the same with it passed over.
        let page = Array("<main><ol>".utf8) + card.utf8 + card.utf8 + Array("</ol><a href=\"/z/\">z</a></main>".utf8)
        for known in [nil, known] {
            let markup = try #require(KnownMarkup.scanned(card, dropping: known))
            let passed = LinkChecker.scan(utf8: page, path: "i.html", source: "s", dropping: known, passingOver: [markup, markup])
            let read = LinkChecker.scan(utf8: page, path: "i.html", source: "s", dropping: known)
            #expect(passed.ids == read.ids && passed.links == read.links)
        }
    }

    @Test func markupThatIsNotWholeIsNotScannedOnce() {
        for markup in [#"<li class="card"><svg><rect/></li>"#, #"<li class="card"><!-- open</li>"#,
                       #"<li class="card"><style>x"#, #"plain text then <a href="/x/">x</a>"#,
                       #"<li id="sitegen-known-markup-end">x</li>"#] {
            #expect(KnownMarkup.scanned(HTML(unsafeRaw: markup), dropping: nil) == nil, "\(markup)")
        }
    }
}

import Testing
@testable import SiteKit

/// Embed blocks as editors write them: what they render, and the exact error
/// for each mistake, at the right line of the .md file.
@Suite struct EmbedRendererTests {
    static let shows = Dictionary(uniqueKeysWithValues: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer,
                                                        ChartFixtures.awkward].map { ($0.slug, $0) })
    /// Front matter takes lines 1–6 of the file; the body starts on line 7.
    static let file = "content/articles/partner-track-renewal.md"

    static func renderer() -> EmbedRenderer {
        EmbedRenderer(shows: shows, file: file, lineOffset: 6)
    }

    /// The block's opening fence is on line 3 of the body (line 9 of the
    /// file), so its YAML starts on line 10.
    static func render(_ name: String, _ body: String) -> Result<HTML, BuildFailure> {
        var embeds = renderer()
        return embeds.render(EmbedBlock(name: name, body: body, line: 3))
    }

    static func error(_ name: String, _ body: String) -> String {
        switch render(name, body) {
        case .success: return "no error"
        case .failure(let failure): return failure.description
        }
    }

    @Test func namesAreTheFourEmbeds() {
        #expect(EmbedRenderer.names == ["viewing-table", "viewing-chart", "viewing-comparison", "country-heatmap"])
    }

    @Test func unknownShowSuggestsTheClosestSlug() {
        #expect(Self.error("viewing-chart", "show: partner-track-s2\n")
            == "content/articles/partner-track-renewal.md:10:7: error: unknown show 'partner-track-s2' (did you mean 'partner-track-s1'?): add content/data/shows/partner-track-s2.yaml or fix the slug")
    }

    @Test func unknownKey() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetrc: views\n")
            == "content/articles/partner-track-renewal.md:11:1: error: unknown key 'metrc' in a viewing-chart block (did you mean 'metric'?); known keys: metric, show, title")
        #expect(Self.error("viewing-table", "show: partner-track-s1\nmetric: hours\n")
            == "content/articles/partner-track-renewal.md:11:1: error: unknown key 'metric' in a viewing-table block; known keys: show, title")
    }

    @Test func unknownMetric() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetric: hour\n")
            == "content/articles/partner-track-renewal.md:11:9: error: unknown metric 'hour' (did you mean 'hours'?): use one of: hours, views, rank")
        #expect(Self.error("viewing-comparison", "shows: [partner-track-s1, the-lincoln-lawyer-s1]\nmetric: rank\n")
            == "content/articles/partner-track-renewal.md:11:9: error: unknown metric 'rank': use one of: hours, views")
    }

    @Test func viewsForAShowWithoutViews() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetric: views\n")
            == "content/articles/partner-track-renewal.md:11:9: error: 'partner-track-s1' has no views figures (Netflix publishes views only from June 2023): use `metric: hours`")
        if case .failure = Self.render("viewing-chart", "show: the-lincoln-lawyer-s1\nmetric: views\n") {
            Issue.record("The Lincoln Lawyer has views from 2023")
        }
    }

    @Test func emptyBlockPointsAtTheFence() {
        #expect(Self.error("viewing-chart", "")
            == "content/articles/partner-track-renewal.md:9:1: error: empty viewing-chart block: add a line such as `show: partner-track` after ```viewing-chart")
        #expect(Self.error("viewing-comparison", "\n# nothing yet\n")
            == "content/articles/partner-track-renewal.md:9:1: error: empty viewing-comparison block: add a line such as `shows: [partner-track, the-lincoln-lawyer-s1]` after ```viewing-comparison")
    }

    @Test func missingShowAndNotAMapping() {
        #expect(Self.error("viewing-table", "title: Weekly\n")
            == "content/articles/partner-track-renewal.md:10:1: error: missing required key 'show' in a viewing-table block: add a line `show: partner-track`")
        #expect(Self.error("viewing-table", "partner-track-s1\n")
            == "content/articles/partner-track-renewal.md:10:1: error: a viewing-table block must be a mapping of `key: value` lines, got 'partner-track-s1'")
    }

    @Test func comparisonNeedsTwoDistinctKnownShows() {
        #expect(Self.error("viewing-comparison", "shows: [partner-track-s1]\n")
            == "content/articles/partner-track-renewal.md:10:8: error: 'shows' needs at least 2 shows to compare, got 1: add another slug, or use viewing-chart for one show")
        #expect(Self.error("viewing-comparison", "shows:\n  - partner-track-s1\n  - partner-track-s1\n  - lincoln-lawyer\n")
            == """
            content/articles/partner-track-renewal.md:12:5: error: 'partner-track-s1' is listed twice in 'shows': list each show once
            content/articles/partner-track-renewal.md:13:5: error: unknown show 'lincoln-lawyer': add content/data/shows/lincoln-lawyer.yaml or fix the slug
            """)
        #expect(Self.error("viewing-comparison", "show: partner-track-s1\n")
            == """
            content/articles/partner-track-renewal.md:10:1: error: missing required key 'shows' in a viewing-comparison block: add a line `shows: [partner-track, the-lincoln-lawyer-s1]`
            content/articles/partner-track-renewal.md:10:1: error: unknown key 'show' in a viewing-comparison block (did you mean 'shows'?); known keys: metric, shows, title, weeks
            """)
    }

    @Test func heatmapOptionsAreChecked() {
        #expect(Self.error("country-heatmap", "show: partner-track-s1\ncountries: [US, UK, no]\ntop: 0\n")
            == """
            content/articles/partner-track-renewal.md:11:17: error: unknown country code 'UK' (did you mean 'GB'?): use ISO 3166-1 alpha-2 codes such as US, GB, NO
            content/articles/partner-track-renewal.md:11:21: error: unknown country code 'no' (did you mean 'NO'?): use ISO 3166-1 alpha-2 codes such as US, GB, NO
            content/articles/partner-track-renewal.md:12:6: error: 'top' must be between 1 and 94, got 0
            """)
        #expect(Self.error("country-heatmap", "show: the-lincoln-lawyer-s1\n")
            == "content/articles/partner-track-renewal.md:10:7: error: 'the-lincoln-lawyer-s1' has no country ranks: add a `countries:` list to content/data/shows/the-lincoln-lawyer-s1.yaml, or use viewing-chart")
    }

    @Test func yamlSyntaxErrorsAreAtTheirFileLine() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetric: [hours\n")
            .hasPrefix("content/articles/partner-track-renewal.md:12:1: error: invalid YAML:"))
    }

    @Test func idsAreNumberedPerArticleAndContinueIntoThePerformanceSection() {
        var embeds = Self.renderer()
        let table = try! embeds.render(EmbedBlock(name: "viewing-table", body: "show: partner-track-s1\n", line: 1)).get()
        let chart = try! embeds.render(EmbedBlock(name: "viewing-chart", body: "show: partner-track-s1\n", line: 5)).get()
        let heatmap = try! embeds.render(EmbedBlock(name: "country-heatmap", body: "show: partner-track-s1\ntitle: Where it landed\n", line: 9)).get()
        let section = embeds.performanceSection(for: ChartFixtures.partnerTrack, compare: [ChartFixtures.lincolnLawyer])
        #expect(!table.rendered.contains("<svg"))
        #expect(chart.rendered.contains("aria-labelledby=\"chart-1.title chart-1.desc\""))
        #expect(heatmap.rendered.contains("aria-labelledby=\"chart-2.title chart-2.desc\""))
        #expect(heatmap.rendered.contains("<figcaption>Where it landed</figcaption>"))
        #expect(section.rendered.contains("aria-labelledby=\"chart-3.title chart-3.desc\""))
        #expect(section.rendered.contains("aria-labelledby=\"chart-4.title chart-4.desc\""))
        #expect(section.rendered.contains("<caption>Partner Track: weekly global Top 10</caption>"))
        // The comparison covers the launches (at most 12 weeks since debut), not the return a year later.
        #expect(section.rendered.contains("Hours viewed in the first 6 weeks since debut: Partner Track and The Lincoln Lawyer"))
        // A fresh renderer for the same article gives the same bytes.
        var again = Self.renderer()
        _ = again.render(EmbedBlock(name: "viewing-table", body: "show: partner-track-s1\n", line: 1))
        #expect(try! again.render(EmbedBlock(name: "viewing-chart", body: "show: partner-track-s1\n", line: 5)).get() == chart)
    }

    @Test func showWithoutWeeksGetsASentenceNotAnEmptyChart() {
        var embeds = Self.renderer()
        let show = Show(sourcePath: "content/data/shows/new.yaml", slug: "new", title: "New & Shiny", weeks: [])
        #expect(embeds.performanceSection(for: show).rendered
                == "<p class=\"performance-empty\">New &amp; Shiny has not been in Netflix\u{2019}s global Top 10 yet.</p>\n")
        #expect(embeds.chartCount == 0)
    }

    @Test func embedsInAnArticleBody() throws {
        var embeds = Self.renderer()
        var errors: [SiteError] = []
        let markdown = "Intro.\n\n```viewing-chart\nshow: partner-track-s1\n```\n\n```viewing-table\nshow: nope\n```\n\n```swift\nlet x = 1\n```\n"
        let rendered = try MarkdownRenderer.render(markdown, embedNames: EmbedRenderer.names) { block in
            switch embeds.render(block) {
            case .success(let html): return html
            case .failure(let failure): errors += failure.errors; return nil
            }
        }
        #expect(rendered.html.contains("<figure class=\"embed embed-columns\">"))
        #expect(rendered.html.contains("<code class=\"language-swift\">"))
        // Body line 7 is the fence of the bad block: file line 13; its YAML is line 14.
        #expect(errors.map(\.description) == [
            "content/articles/partner-track-renewal.md:14:7: error: unknown show 'nope': add content/data/shows/nope.yaml or fix the slug"])
    }
}

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
            == "content/articles/partner-track-renewal.md:11:1: error: unknown key 'metrc' in a viewing-chart block (did you mean 'metric'?); known keys: from, metric, show, through, title")
        #expect(Self.error("viewing-table", "show: partner-track-s1\nmetric: hours\n")
            == "content/articles/partner-track-renewal.md:11:1: error: unknown key 'metric' in a viewing-table block; known keys: from, show, through, title")
    }

    @Test func unknownMetric() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetric: hour\n")
            == "content/articles/partner-track-renewal.md:11:9: error: unknown metric 'hour' (did you mean 'hours'?): use one of: hours, views, rank")
        #expect(Self.error("viewing-comparison", "shows: [partner-track-s1, the-lincoln-lawyer-s1]\nmetric: rank\n")
            == "content/articles/partner-track-renewal.md:11:9: error: unknown metric 'rank': use one of: hours, views")
    }

    @Test func viewsForAShowWithoutViews() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nmetric: views\n")
            == "content/articles/partner-track-renewal.md:11:9: error: 'partner-track-s1' has no views in the weeks drawn (2022-08-28 to 2022-09-11): Netflix publishes views from the week ending 2023-06-18 on; use metric: hours")
        // The Lincoln Lawyer has views in 2023, but not in its 2022 run.
        #expect(Self.error("viewing-chart", "show: the-lincoln-lawyer-s1\nmetric: views\nthrough: 2022-12-31\n")
            == "content/articles/partner-track-renewal.md:11:9: error: 'the-lincoln-lawyer-s1' has no views in the weeks drawn (2022-05-15 to 2022-06-19): Netflix publishes views from the week ending 2023-06-18 on; use metric: hours")
        if case .failure = Self.render("viewing-chart", "show: the-lincoln-lawyer-s1\nmetric: views\n") {
            Issue.record("The Lincoln Lawyer has views from 2023")
        }
    }

    @Test func viewsAreCheckedInTheComparisonsWindowSinceDebut() {
        // Its 2023 views lie beyond the first 12 weeks since its 2022 debut: the line would be empty.
        #expect(Self.error("viewing-comparison", "shows: [the-lincoln-lawyer-s1, partner-track-s1]\nmetric: views\n")
            == "content/articles/partner-track-renewal.md:11:9: error: 'the-lincoln-lawyer-s1' has no views in the weeks drawn (2022-05-15 to 2022-06-19): Netflix publishes views from the week ending 2023-06-18 on; use metric: hours")
        // A window long enough to reach the return draws them; Partner Track still has none.
        #expect(Self.error("viewing-comparison", "shows: [the-lincoln-lawyer-s1, partner-track-s1]\nmetric: views\nweeks: 100\n")
            == "content/articles/partner-track-renewal.md:11:9: error: 'partner-track-s1' has no views in the weeks drawn (2022-08-28 to 2022-09-11): Netflix publishes views from the week ending 2023-06-18 on; use metric: hours")
    }

    @Test func unicodeLineBreaksInAnEmbedAreNamedAtTheirLine() {
        #expect(Self.error("viewing-chart", "show: x\u{85}\u{85}\u{85}\nmetric: [\n")
            == "content/articles/partner-track-renewal.md:10:8: error: invisible U+0085 (next line), which YAML reads as a new line: delete it (press Enter where a new line is meant)")
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
            content/articles/partner-track-renewal.md:10:1: error: unknown key 'show' in a viewing-comparison block (did you mean 'shows'?); known keys: from, metric, shows, through, title, weeks
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

    // MARK: Ranges, near-misses, data files

    static func renderer(cutOff: String) -> EmbedRenderer {
        EmbedRenderer(shows: shows, file: file, lineOffset: 6, cutOff: ChartFixtures.date(cutOff))
    }

    static func html(_ embeds: inout EmbedRenderer, _ name: String, _ body: String) -> String {
        switch embeds.render(EmbedBlock(name: name, body: body, line: 3)) {
        case .success(let html): return html.rendered
        case .failure(let failure): return failure.description
        }
    }

    @Test func rangeKeysAreCheckedDates() {
        #expect(Self.error("viewing-table", "show: partner-track-s1\nfrom: 2022-09-11\nthrough: 2022-09-04\n")
            == "content/articles/partner-track-renewal.md:11:7: error: 'from' (2022-09-11) is after 'through' (2022-09-04): the range would hold no week; swap them")
        #expect(Self.error("viewing-table", "show: partner-track-s1\nthrough: 2022-09-31\n")
            == "content/articles/partner-track-renewal.md:11:10: error: 'through' is not a real calendar date: '2022-09-31' (check the month and day)")
        #expect(Self.error("viewing-table", "show: partner-track-s1\nfrom: last week\n")
            == "content/articles/partner-track-renewal.md:11:7: error: 'from' must be a date written YYYY-MM-DD, got 'last week'")
    }

    @Test func aRangeWithoutWeeksIsAnErrorAtTheBlock() {
        #expect(Self.error("viewing-chart", "show: partner-track-s1\nfrom: 2023-01-01\nthrough: 2023-06-30\n")
            == "content/articles/partner-track-renewal.md:9:1: error: 'partner-track-s1' has no week in the Top 10 in weeks ending 2023-01-01 to 2023-06-30: its weeks run from 2022-08-28 to 2022-09-11; change 'from' or 'through'")
        var early = Self.renderer(cutOff: "2022-08-01")
        #expect(Self.html(&early, "viewing-table", "show: partner-track-s1\n")
            == "content/articles/partner-track-renewal.md:9:1: error: 'partner-track-s1' has no week in the Top 10 in weeks ending on or before 2022-08-01 (the article\u{2019}s data cut-off: its data_as_of, else updated, else date): its weeks run from 2022-08-28 to 2022-09-11; set `through:` on the block or `data_as_of:` in the front matter to a later date")
        #expect(Self.html(&early, "viewing-comparison", "shows: [the-lincoln-lawyer-s1, partner-track-s1]\n")
            .hasPrefix("content/articles/partner-track-renewal.md:9:1: error: 'partner-track-s1' has no week in the Top 10 in weeks ending on or before 2022-08-01"))
        #expect(Self.html(&early, "country-heatmap", "show: partner-track-s1\nthrough: 2022-08-27\n")
            == "content/articles/partner-track-renewal.md:9:1: error: 'partner-track-s1' has no country ranks in weeks ending on or before 2022-08-27: its country weeks run from 2022-08-28 to 2022-09-11; change 'from' or 'through'")
        #expect(early.chartCount == 0 && early.dataFiles.isEmpty)
    }

    @Test func embedsStopAtTheCutOffUnlessThroughSaysOtherwise() {
        var embeds = Self.renderer(cutOff: "2022-09-07")
        let table = Self.html(&embeds, "viewing-table", "show: partner-track-s1\n")
        #expect(table.contains("datetime=\"2022-09-04\"") && !table.contains("datetime=\"2022-09-11\""))
        #expect(table.contains("shows no change.\n<p class=\"chart-source\">Netflix Top 10, weeks through Sep 4, 2022 \u{b7} <a href=\"table-1.csv\" download>Download the data (CSV)</a></p></figcaption>\n</figure>"))
        let chart = Self.html(&embeds, "viewing-chart", "show: partner-track-s1\n")
        let columns = SVGProbe.elements("rect", in: SVGProbe.svg(in: chart)).filter { ($0["class"] ?? "").contains("bar") }
        #expect(columns.count == 2)
        #expect(!chart.contains("2022-09-11") && !chart.contains("Sep 11"))
        // An explicit range wins over the cut-off.
        let later = Self.html(&embeds, "viewing-table", "show: partner-track-s1\nfrom: 2022-09-04\nthrough: 2022-09-30\n")
        #expect(!later.contains("datetime=\"2022-08-28\"") && later.contains("datetime=\"2022-09-11\""))
        #expect(embeds.dataFiles.map(\.name) == ["table-1.csv", "chart-1.csv", "table-2.csv"])
        #expect(embeds.dataFiles[0].csv == """
            show,week_start,week_ending,days_counted,rank,hours_viewed,views,weeks_in_top_10\r
            Partner Track,2022-08-22,2022-08-28,7,7,16660000,,1\r
            Partner Track,2022-08-29,2022-09-04,7,4,31140000,,2\r

            """)
        #expect(embeds.drawnShows == ["partner-track-s1"])
    }

    @Test func performanceSectionAsOfADayBeforeTheDebut() {
        var embeds = Self.renderer(cutOff: "2022-08-20")
        #expect(embeds.performanceSection(for: ChartFixtures.partnerTrack, compare: [ChartFixtures.lincolnLawyer]).rendered
                == "<p class=\"performance-empty\">Partner Track had not entered Netflix\u{2019}s global Top 10 as of Aug 20, 2022.</p>\n")
        #expect(embeds.chartCount == 0 && embeds.dataFiles.isEmpty)
        // Compared shows not yet in the Top 10 at the cut-off are left out of the comparison.
        var june = EmbedRenderer(shows: [:], file: "f", lineOffset: 0, cutOff: ChartFixtures.date("2022-09-05"))
        let pieces = Show(sourcePath: "p", slug: "later", title: "Later Show",
                          weeks: [ChartFixtures.week("2022-10-02", rank: 3, hours: 5, inTop10: 1)])
        let html = june.performanceSection(for: ChartFixtures.partnerTrack, compare: [pieces, ChartFixtures.lincolnLawyer]).rendered
        #expect(html.contains("Partner Track and The Lincoln Lawyer") && !html.contains("Later Show"))
        #expect(html.contains("weeks through Sep 4, 2022"))
    }

    @Test func nearMissesOfEmbedNamesFailWithASuggestion() throws {
        var embeds = Self.renderer()
        var errors: [SiteError] = []
        let markdown = "Intro.\n\n```viewing-tabel\nshow: partner-track-s1\n```\n\n```swift\nlet x = 1\n```\n\n```yaml\na: 1\n```\n\n```Viewing-Chart\nshow: x\n```\n\n```text\nviewing-table\n```\n"
        let rendered = try MarkdownRenderer.render(markdown, embedNames: EmbedRenderer.names) { block in
            switch embeds.render(block) {
            case .success(let html): return html
            case .failure(let failure): errors += failure.errors; return nil
            }
        }
        #expect(rendered.html.contains("<code class=\"language-swift\">"))
        #expect(rendered.html.contains("<code class=\"language-yaml\">"))
        #expect(errors.map(\.description) == [
            "content/articles/partner-track-renewal.md:9:1: error: unknown embed 'viewing-tabel' (did you mean 'viewing-table'?): the embeds are country-heatmap, viewing-chart, viewing-comparison, viewing-table; fix the name after the ``` fence",
            "content/articles/partner-track-renewal.md:21:1: error: unknown embed 'Viewing-Chart' (did you mean 'viewing-chart'?): the embeds are country-heatmap, viewing-chart, viewing-comparison, viewing-table; fix the name after the ``` fence",
        ])
    }

    @Test func heatmapCountriesAreListedOnce() {
        #expect(Self.error("country-heatmap", "show: partner-track-s1\ncountries: [US, NO, US]\n")
            == "content/articles/partner-track-renewal.md:11:21: error: 'US' is listed twice in 'countries': list each country once, in the order of the rows")
    }

    @Test func heatmapOfCountriesThatNeverChartedIsAnError() {
        #expect(Self.error("country-heatmap", "show: partner-track-s1\ncountries: [JP, KR]\n")
            == "content/articles/partner-track-renewal.md:11:12: error: none of these countries had 'partner-track-s1' in its Top 10 in any week: list others, or remove 'countries' to show where it charted")
        #expect(Self.error("country-heatmap", "show: partner-track-s1\ncountries: [GB]\nthrough: 2022-09-04\n")
            == "content/articles/partner-track-renewal.md:11:12: error: none of these countries had 'partner-track-s1' in its Top 10 in weeks ending on or before 2022-09-04: list others, or remove 'countries' to show where it charted")
    }

    @Test func heatmapGroupIsChecked() {
        #expect(Self.error("country-heatmap", "show: partner-track-s1\ngroup: regions\n")
            == "content/articles/partner-track-renewal.md:11:8: error: unknown grouping 'regions' (did you mean 'region'?): use `group: region`, or remove the line for one list")
        var embeds = Self.renderer()
        let html = Self.html(&embeds, "country-heatmap", "show: partner-track-s1\ngroup: region\n")
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"4\">Nordics</th>"))
        #expect(embeds.dataFiles.first?.csv.hasPrefix("country_code,country,region,week_ending,rank\r\nUS,United States,North America,2022-08-28,7\r\nUS,United States,North America,2022-09-04,3\r\n") == true)
        // A heatmap is not the weekly figures: the performance section still follows.
        #expect(embeds.drawnShows.isEmpty)
    }
}

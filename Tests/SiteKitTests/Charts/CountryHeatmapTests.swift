import Testing
@testable import SiteKit

@Suite struct CountryHeatmapTests {
    @Test func countriesAreOrderedByWeeksThenBestRankThenName() {
        // US charted 3 weeks (best #3); AT and NO 2 (best #1, #2); CA and GB 1 (best #1, #10).
        let rows = CountryHeatmap(show: ChartFixtures.partnerTrack).rows()
        #expect(rows.map(\.code) == ["US", "AT", "NO", "CA", "GB"])
    }

    @Test func tiesOnRankAndWeeksGoByName() {
        let show = Show(sourcePath: "x", slug: "x", title: "X",
                        weeks: [ChartFixtures.week("2022-08-28", rank: 1, hours: 1, inTop10: 1)],
                        countries: [CountryWeek(weekEnding: ChartFixtures.date("2022-08-28"), ranks: [
                            CountryRank(country: "SE", rank: 2), CountryRank(country: "DK", rank: 2),
                            CountryRank(country: "NO", rank: 2)])])
        // Denmark, Norway, Sweden: by name, not by code order in the file.
        #expect(CountryHeatmap(show: show).rows().map(\.name) == ["Denmark", "Norway", "Sweden"])
    }

    @Test func filterKeepsTheEditorsOrderAndTopKeepsTheLongestRunners() {
        // The US charted every week: a `top:` never drops it for a one-week #1.
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack, top: 2).rows().map(\.code) == ["US", "AT"])
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack, countries: ["US", "GB", "NO"]).rows().map(\.code)
                == ["US", "GB", "NO"])
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack, countries: ["GB", "NO", "GB"]).rows().map(\.code)
                == ["GB", "NO"])
        // A listed country that never charted is an empty row at the end, and the description says so.
        let heatmap = CountryHeatmap(show: ChartFixtures.partnerTrack, countries: ["US", "JP"])
        let rows = heatmap.rows()
        #expect(rows.map(\.code) == ["US", "JP"])
        #expect(heatmap.summary(rows).hasSuffix("Best rank: #3 in United States. Not in the Top 10 of Japan."))
    }

    @Test func shadeIsStrongestAtNumberOne() {
        let svg = CountryHeatmap(show: ChartFixtures.partnerTrack).svg(id: "chart-1", rows: CountryHeatmap(show: ChartFixtures.partnerTrack).rows()).rendered
        let grid = String(svg[svg.range(of: "<g class=\"heat\">")!.lowerBound..<svg.range(of: "<g class=\"legend\"")!.lowerBound])
        let cells = SVGProbe.elements("rect", in: grid).filter { $0["class"] == "heat-cell" }
        let ranks = SVGProbe.texts("text", in: grid).compactMap { Int($0) }
        #expect(cells.count == 9)
        #expect(ranks.count == 9)
        // Pair each cell with its rank number and check opacity falls strictly as rank rises.
        var opacityByRank: [Int: Double] = [:]
        for (cell, rank) in zip(cells, ranks) {
            let opacity = SVGProbe.number(cell, "fill-opacity")
            if let seen = opacityByRank[rank] { #expect(seen == opacity) }
            opacityByRank[rank] = opacity
        }
        let ordered = opacityByRank.keys.sorted().map { opacityByRank[$0]! }
        #expect(ordered == ordered.sorted(by: >))
        #expect(opacityByRank[1] == 1)
        let all = (1...10).map(CountryHeatmap.opacity(rank:))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func cellsSitInTheirWeekColumnAndCountryRow() {
        let heatmap = CountryHeatmap(show: ChartFixtures.partnerTrack)
        let svg = heatmap.svg(id: "chart-1", rows: heatmap.rows()).rendered
        // GB (last row) charted only in the third week, at #10.
        #expect(svg.contains("<title>United Kingdom, week Sep 5 \u{2013} Sep 11, 2022: #10</title>"))
        let cellWidth = 56.0
        let gbCell = SVGProbe.elements("rect", in: svg).first { $0["fill-opacity"] == "0.08" && $0["width"] != "24" }!
        #expect(SVGProbe.number(gbCell, "x") == CountryHeatmap.gridLeft + 2 * cellWidth + 1)
        #expect(SVGProbe.number(gbCell, "y") == CountryHeatmap.top + 4 * CountryHeatmap.cellHeight + 1)
    }

    @Test func textStaysReadableOnEveryShade() {
        #expect((1...5).allSatisfy { CountryHeatmap.textClass(rank: $0) == "on-strong" })
        #expect((6...10).allSatisfy { CountryHeatmap.textClass(rank: $0) == "on-weak" })
    }

    @Test func dataTableHasCountriesAndWeeks() {
        let heatmap = CountryHeatmap(show: ChartFixtures.partnerTrack, countries: ["AT"])
        let table = heatmap.table(heatmap.rows()).render().rendered
        #expect(table.contains("<th scope=\"col\" class=\"num\">Week ending Sep 4, 2022</th>"))
        #expect(table.contains("<tr><th scope=\"row\">Austria</th><td class=\"num\"><span aria-hidden=\"true\">\u{2014}</span><span class=\"visually-hidden\">not in the Top 10</span></td><td class=\"num\">#1</td><td class=\"num\">#5</td></tr>"))
    }

    @Test func titlesAreEscaped() {
        let html = CountryHeatmap(show: ChartFixtures.awkward).render(id: "chart-1").rendered
        #expect(html.contains("Heatmap of Tom &amp; Jerry &lt;Live&gt; &quot;Quoted&quot; &#39;n&#39;\u{2019}s weekly rank"))
        #expect(!html.contains("<Live>"))
    }
}

@Suite struct ViewingTableTests {
    @Test func partnerTrackTable() {
        let html = ViewingTable(show: ChartFixtures.partnerTrack).render().rendered
        #expect(html.contains("<caption>Partner Track: weekly global Top 10</caption>"))
        #expect(html.contains("<thead><tr><th scope=\"col\">Week</th><th scope=\"col\" class=\"num\">Hours viewed</th><th scope=\"col\" class=\"num\">Change</th><th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\" class=\"num\">Week in Top 10</th></tr></thead>"))
        #expect(html.contains("<tr><th scope=\"row\"><time datetime=\"2022-08-28\">Aug 22 \u{2013} Aug 28, 2022</time></th><td class=\"num\">16,660,000</td><td class=\"num muted\">new</td><td class=\"num\">#7</td><td class=\"num\">1</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\"><time datetime=\"2022-09-04\">Aug 29 \u{2013} Sep 4, 2022</time></th><td class=\"num\">31,140,000</td><td class=\"num change-up\">+87%</td><td class=\"num\">#4</td><td class=\"num\">2</td></tr>"))
        #expect(html.contains("<td class=\"num\">18,210,000</td><td class=\"num change-down\">\u{2212}42%</td>"))
        // No views in 2022: no views column.
        #expect(!html.contains("Views"))
    }

    @Test func reEntryStartsANewRunAndViewsAppearWhenKnown() {
        let html = ViewingTable(show: ChartFixtures.lincolnLawyer).render().rendered
        #expect(html.contains("<th scope=\"col\" class=\"num\">Views</th>"))
        // 2023-07-09 comes back after a year: no change, marked as a re-entry.
        #expect(html.contains("<td class=\"num\">19,200,000</td><td class=\"num muted\">re-entry</td><td class=\"num\">#9</td><td class=\"num\">7</td><td class=\"num\">2,300,000</td>"))
        // 2023-07-16 follows 2023-07-09: +47% (28.3M / 19.2M = +47.4%).
        #expect(html.contains("<td class=\"num\">28,300,000</td><td class=\"num change-up\">+47%</td>"))
        // Views not yet published in 2022.
        #expect(html.contains("<td class=\"num\">1</td><td class=\"num\"><span aria-hidden=\"true\">\u{2014}</span><span class=\"visually-hidden\">not published</span></td></tr>"))
    }

    @Test func captionIsEscaped() {
        let html = ViewingTable(show: ChartFixtures.awkward).render().rendered
        #expect(html.contains("<caption>Tom &amp; Jerry &lt;Live&gt; &quot;Quoted&quot; &#39;n&#39;: weekly global Top 10</caption>"))
    }
}

@Suite struct PartialWeekTests {
    /// Partner Track premiered on Friday, Aug 26, 2022: its first week counts Friday to Sunday.
    static let show: Show = {
        var show = ChartFixtures.partnerTrack
        show.premiere = ChartFixtures.date("2022-08-26")
        return show
    }()

    @Test func debutWeekDays() {
        let first = Self.show.weeks[0]
        #expect(PartialWeek.days(of: first, premiere: Self.show.premiere) == 3)
        #expect(PartialWeek.days(of: Self.show.weeks[1], premiere: Self.show.premiere) == nil)
        // A Monday premiere fills the week; an unknown one marks nothing.
        #expect(PartialWeek.days(of: first, premiere: ChartFixtures.date("2022-08-22")) == nil)
        #expect(PartialWeek.days(of: first, premiere: ChartFixtures.date("2022-08-28")) == 1)
        #expect(PartialWeek.days(of: first, premiere: nil) == nil)
        // A premiere after the week (bad data) is no partial week either.
        #expect(PartialWeek.days(of: first, premiere: ChartFixtures.date("2022-09-02")) == nil)
    }

    @Test func tableMarksThePartialWeekAndTheChangeAgainstIt() {
        let html = ViewingTable(show: Self.show).render().rendered
        #expect(html.contains("<tr><th scope=\"row\"><time datetime=\"2022-08-28\">Aug 22 \u{2013} Aug 28, 2022</time> <span class=\"partial-week\">3 days</span></th>"))
        #expect(html.contains("<td class=\"num change-up against-partial\">+87%<span class=\"partial-flag\" aria-hidden=\"true\">\u{2020}</span><span class=\"visually-hidden\"> (against a first week of only 3 days)</span></td>"))
        // The next change is between full weeks: no flag.
        #expect(html.contains("<td class=\"num change-down\">\u{2212}42%</td>"))
        #expect(html.contains("\u{2020} Against the first week, which counts only 3 days (the premiere was on Friday, Aug 26, 2022): the change overstates the growth."))
        // The debut week alone: marked, but no change to flag, so no note.
        let alone = ViewingTable(show: Self.show.restricted(to: WeekRange(through: ChartFixtures.date("2022-08-28")))).render().rendered
        #expect(alone.contains("<span class=\"partial-week\">3 days</span>") && !alone.contains("\u{2020}"))
        // Without the debut week in range, its row is not marked, but the change against it still is.
        let later = ViewingTable(show: Self.show.restricted(to: WeekRange(from: ChartFixtures.date("2022-09-04")))).render().rendered
        #expect(!later.contains("partial-week") && later.contains("\u{2020} Against the first week"))
        // The first row's change is still measured against the week before the range.
        let fromSecond = ViewingTable(show: ChartFixtures.partnerTrack.restricted(to: WeekRange(from: ChartFixtures.date("2022-09-04")))).render().rendered
        #expect(fromSecond.contains("<td class=\"num\">31,140,000</td><td class=\"num change-up\">+87%</td>"))
        #expect(later.contains("<td class=\"num\">31,140,000</td><td class=\"num change-up against-partial\">+87%"))
        // A range that starts with a return after a gap says so.
        let lincoln = ViewingTable(show: ChartFixtures.lincolnLawyer.restricted(to: WeekRange(from: ChartFixtures.date("2023-01-01")))).render().rendered
        #expect(lincoln.contains("<td class=\"num\">19,200,000</td><td class=\"num muted\">re-entry</td>"))
        let csv = ChartData.weekly(Self.show)
        #expect(csv.contains("\r\nPartner Track,2022-08-22,2022-08-28,3,7,16660000,,1\r\n"))
    }

    @Test func viewsColumnOnlyWhenAWeekInRangeHasViews() {
        let lincoln = ChartFixtures.lincolnLawyer
        #expect(ViewingTable(show: lincoln).render().rendered.contains(">Views</th>"))
        let firstRun = lincoln.restricted(to: WeekRange(through: ChartFixtures.date("2022-12-31")))
        #expect(!ViewingTable(show: firstRun).render().rendered.contains("Views"))
    }
}

@Suite struct CSVTests {
    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(CSV.document(header: ["a", "b"], rows: [["Tom & Jerry", "x,y"], ["say \"hi\"", "line\nbreak"], ["Réunion", ""]])
                == "a,b\r\nTom & Jerry,\"x,y\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\nRéunion,\r\n")
    }

    @Test func recordsEndInCRLFAndCarriageReturnsAreQuoted() {
        #expect(CSV.document(header: ["a"], rows: [["CR\rLF"], [""], ["café ✓"]]) == "a\r\n\"CR\rLF\"\r\n\r\ncafé ✓\r\n")
        #expect(CSV.record(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    @Test func comparisonRowsGoByWeekSinceDebut() {
        let csv = ChartData.comparison([ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer], metric: .hours, weekLimit: 2)
        #expect(csv == "show,week_since_debut,week_ending,hours_viewed\r\nPartner Track,1,2022-08-28,16660000\r\nPartner Track,2,2022-09-04,31140000\r\nThe Lincoln Lawyer,1,2022-05-15,45090000\r\nThe Lincoln Lawyer,2,2022-05-22,108090000\r\n")
    }

    @Test func comparisonSourceLineNamesTheLastWeekDrawn() {
        var embeds = EmbedRenderer(shows: [ChartFixtures.partnerTrack.slug: ChartFixtures.partnerTrack,
                                           ChartFixtures.lincolnLawyer.slug: ChartFixtures.lincolnLawyer],
                                   file: "a.md", lineOffset: 0)
        let html = try! embeds.render(EmbedBlock(name: "viewing-comparison",
                                                 body: "shows: [partner-track-s1, the-lincoln-lawyer-s1]\nweeks: 3\n", line: 1)).get()
        // Week 3 of Partner Track is Sep 11, 2022; The Lincoln Lawyer's 2023 return is outside the window.
        #expect(html.rendered.contains("Netflix Top 10, weeks through Sep 11, 2022"))
        #expect(!embeds.dataFiles[0].csv.contains("2023"))
    }

    @Test func dataFileNamesAreKeptFromStaticFiles() {
        for name in ["chart-1.csv", "table-12.csv", "performance-chart-2.csv", "performance-table-1.csv"] {
            #expect(ChartDataFile.isDataFileName(name), "\(name)")
        }
        for name in ["chart-.csv", "chart-1.txt", "chart-a.csv", "my-chart-1.csv", "data.csv"] {
            #expect(!ChartDataFile.isDataFileName(name), "\(name)")
        }
    }

    @Test func restrictingKeepsEverythingButTheWeeks() {
        let range = WeekRange(from: ChartFixtures.date("2022-09-01"), through: ChartFixtures.date("2022-09-10"))
        let shown = ChartFixtures.partnerTrack.restricted(to: range)
        #expect(shown.weeks.map(\.weekEnding.description) == ["2022-09-04"])
        #expect(shown.countries.map(\.weekEnding.description) == ["2022-09-04"])
        #expect(shown.title == "Partner Track" && shown.slug == "partner-track-s1")
        #expect(ChartFixtures.partnerTrack.restricted(to: .all) == ChartFixtures.partnerTrack)
        #expect(range.description == "weeks ending 2022-09-01 to 2022-09-10")
    }
}

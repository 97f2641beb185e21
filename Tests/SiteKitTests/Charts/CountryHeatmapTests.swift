import Testing
@testable import SiteKit

@Suite struct CountryHeatmapTests {
    @Test func countriesAreOrderedByBestRankThenWeeksThenName() {
        // AT and CA both reached #1; AT charted 2 weeks, CA 1. NO's best is #2, US's #3, GB's #10.
        let rows = CountryHeatmap(show: ChartFixtures.partnerTrack).rows()
        #expect(rows.map(\.code) == ["AT", "CA", "NO", "US", "GB"])
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

    @Test func filterAndTop() {
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack, top: 2).rows().map(\.code) == ["AT", "CA"])
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack, countries: ["US", "GB", "NO"]).rows().map(\.code)
                == ["NO", "US", "GB"])
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
        let heatmap = CountryHeatmap(show: ChartFixtures.partnerTrack, top: 1)
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

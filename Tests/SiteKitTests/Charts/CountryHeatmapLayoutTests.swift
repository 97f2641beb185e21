import Testing
@testable import SiteKit

/// The heatmap at each layout: the latest weeks that fit cells of 24 px,
/// labels apart and inside the SVG, and a note when weeks are left out.
@Suite struct CountryHeatmapLayoutTests {
    /// 30 weeks of ranks in three countries.
    static let show = Show(
        sourcePath: "content/data/shows/long.yaml", slug: "long", title: "A Long Run",
        weeks: ChartFixtures.run(from: "2022-01-02", count: 30),
        countries: (0..<30).map { index in
            CountryWeek(weekEnding: ChartFixtures.date("2022-01-02").adding(days: 7 * index),
                        ranks: [CountryRank(country: "US", rank: 1 + index % 10), CountryRank(country: "GB", rank: 10),
                                CountryRank(country: "BA", rank: 1 + (index * 3) % 10)])
        })

    @Test func eachLayoutShowsTheLatestWeeksThatFit() {
        let heatmap = CountryHeatmap(show: Self.show)
        // (640 − 144 − 4) / 24 = 20 weeks wide, (350 − 144 − 4) / 24 = 8 narrow.
        #expect(heatmap.shownWeeks(.wide).count == 20 && heatmap.shownWeeks(.narrow).count == 8)
        #expect(heatmap.shownWeeks(.narrow).last == ChartFixtures.date("2022-07-24"))
        #expect(heatmap.note(.narrow) == "Showing the latest 8 weeks, from the week ending Jun 5, 2022; all 30 are under \u{201C}Show the numbers\u{201D}.")
        #expect(CountryHeatmap(show: ChartFixtures.partnerTrack).note(.narrow) == nil)
        for layout in ChartLayout.all {
            let svg = heatmap.svg(id: "chart-1", rows: heatmap.rows(), layout: layout).rendered
            let grid = String(svg[..<svg.range(of: "<g class=\"legend\"")!.lowerBound])
            let cells = SVGProbe.elements("rect", in: grid).filter { $0["class"] == "heat-cell" }
            #expect(cells.count == 3 * heatmap.shownWeeks(layout).count)
            #expect(cells.allSatisfy { SVGProbe.number($0, "width") >= 22 }, "24 px cells less their 2 px gap")
            #expect(ChartGeometry.size(svg).width == layout.width)
            #expect(ChartGeometry.labelProblems(svg) == [], "\(layout.name)")
        }
        let html = heatmap.render(id: "chart-1").rendered
        #expect(html.contains("<p class=\"chart-note\">Showing the latest 8 weeks"))
        #expect(html.contains("<p class=\"chart-note\">Showing the latest 20 weeks"))
    }
}

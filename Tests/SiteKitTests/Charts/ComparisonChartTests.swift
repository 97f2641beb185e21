import Testing
@testable import SiteKit

@Suite struct ComparisonChartTests {
    static let chart = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer])

    static func series(_ svg: String, _ number: Int) -> String {
        let start = svg.range(of: "<g class=\"series series-\(number)\">")!
        let end = svg[start.upperBound...].range(of: "</g>")!
        return String(svg[start.lowerBound..<end.upperBound])
    }

    /// (x, y) pairs of a polyline's points.
    static func points(_ polyline: [String: String]) -> [(Double, Double)] {
        (polyline["points"] ?? "").split(separator: " ").map { pair in
            let parts = pair.split(separator: ",").map { Double($0)! }
            return (parts[0], parts[1])
        }
    }

    @Test func weekNumbersCountFromTheDebut() {
        #expect(ComparisonChart.weekNumbers(ChartFixtures.lincolnLawyer) == [1, 2, 3, 4, 5, 6, 61, 62, 63, 65])
        #expect(Self.chart.lastWeek == 65)
    }

    @Test func pointsAreProportionalToTheValues() {
        let svg = Self.chart.svg(id: "chart-1").rendered
        let partner = SVGProbe.elements("polyline", in: Self.series(svg, 1))
        try? #require(partner.count == 1)
        let points = Self.points(partner[0])
        let baseline = ComparisonChart.baseline
        // Heckbert for 108,090,000: steps of 50M, so the scale runs 0…150M.
        #expect(Self.chart.ticks.values == [0, 50_000_000, 100_000_000, 150_000_000])
        let pixelsPerHour = (baseline - ComparisonChart.top) / 150_000_000
        for ((_, y), hours) in zip(points, [16_660_000.0, 31_140_000, 18_210_000]) {
            #expect(abs((baseline - y) - hours * pixelsPerHour) <= 0.5)
        }
        // x: week 1 at the left edge, one week apart, on the same scale for every show.
        let step = (ComparisonChart.plotRight - ComparisonChart.left) / 64
        #expect(abs(points[0].0 - ComparisonChart.left) <= 0.05)
        #expect(abs(points[1].0 - points[0].0 - step) <= 0.1)
        #expect(abs(points[2].0 - points[1].0 - step) <= 0.1)
    }

    @Test func gapsBreakTheLine() {
        let svg = Self.chart.svg(id: "chart-1").rendered
        let lincoln = Self.series(svg, 2)
        let lines = SVGProbe.elements("polyline", in: lincoln).map { Self.points($0).count }
        // Weeks 1–6, weeks 61–63; week 65 stands alone as a dot.
        #expect(lines == [6, 3])
        #expect(SVGProbe.elements("circle", in: lincoln).count == 10)
        #expect(lincoln.contains("<title>The Lincoln Lawyer, week 65 (Jul 31 \u{2013} Aug 6, 2023): 17,300,000 hours, rank #6</title>"))
    }

    @Test func eachLineIsLabelledAtItsEnd() {
        let svg = Self.chart.svg(id: "chart-1").rendered
        for (number, title, lastWeek) in [(1, "Partner Track", 3), (2, "The Lincoln Lawyer", 65)] {
            let label = svg.range(of: "<g class=\"series series-\(number) end-label\">").map { String(svg[$0.lowerBound...]) } ?? ""
            let marker = SVGProbe.elements("circle", in: label)[0]
            let text = SVGProbe.elements("text", in: label)[0]
            #expect(abs(SVGProbe.number(marker, "cx") - Self.chart.x(lastWeek)) <= 0.05)
            #expect(SVGProbe.number(text, "x") > SVGProbe.number(marker, "cx"))
            #expect(SVGProbe.texts("text", in: label).first == title)
        }
    }

    @Test func weekLimitCutsTheWindowAndSaysSo() {
        let chart = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer], weekLimit: 6)
        #expect(chart.lastWeek == 6)
        let svg = chart.svg(id: "chart-1").rendered
        #expect(SVGProbe.elements("polyline", in: Self.series(svg, 2)).map { Self.points($0).count } == [6])
        #expect(chart.caption == "Hours viewed by week since debut (first 6 weeks): Partner Track and The Lincoln Lawyer")
        #expect(chart.summary().contains("The Lincoln Lawyer: 10 weeks in the Top 10, debut in the week ending May 15, 2022, peak 108,090,000 hours in week 2, 3 separate runs (4 later weeks after week 6 not shown)."))
        #expect(ComparisonChart.launchWindow(followed: ChartFixtures.partnerTrack, others: [ChartFixtures.lincolnLawyer]) == 6)
        #expect(ComparisonChart.launchWindow(followed: ChartFixtures.lincolnLawyer, others: [ChartFixtures.partnerTrack]) == nil)
    }

    @Test func labelsAreSpreadApartAroundTheirEnds() {
        // Three labels wanting nearly the same place spread both ways around it.
        let placed = ComparisonChart.spreadLabels([100, 102, 101], gap: 15, minimum: 0, maximum: 300)
        #expect(placed == [86, 116, 101])
        // Far-apart labels stay where they are.
        #expect(ComparisonChart.spreadLabels([50, 200], gap: 15, minimum: 0, maximum: 300) == [50, 200])
        // Near the bottom edge the block moves up.
        #expect(ComparisonChart.spreadLabels([299, 300], gap: 15, minimum: 0, maximum: 300) == [285, 300])
    }

    @Test func dataTableAlignsWeeksSinceDebut() {
        let table = Self.chart.table().render().rendered
        #expect(table.contains("<th scope=\"col\" class=\"num\">The Lincoln Lawyer</th>"))
        #expect(table.contains("<tr><th scope=\"row\">Week 2</th><td class=\"num\">31,140,000</td><td class=\"num\">108,090,000</td></tr>"))
        // Week 64 is nobody's week in the Top 10: no row.
        #expect(!table.contains("Week 64<"))
        #expect(table.contains("<tr><th scope=\"row\">Week 65</th><td class=\"num\"><span aria-hidden=\"true\">\u{2014}</span><span class=\"visually-hidden\">not in the Top 10</span></td><td class=\"num\">17,300,000</td></tr>"))
    }

    @Test func titlesAreEscapedInLabelsAndTable() {
        let chart = ComparisonChart(shows: [ChartFixtures.awkward, ChartFixtures.partnerTrack])
        let html = chart.render(id: "chart-2").rendered
        #expect(!html.contains("<Live>") && !html.contains("\"Quoted\""))
        // Shortened on the chart (26 characters), whole in the table.
        #expect(html.contains(">Tom &amp; Jerry &lt;Live&gt; &quot;Quote\u{2026}</text>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Tom &amp; Jerry &lt;Live&gt; &quot;Quoted&quot; &#39;n&#39;</th>"))
    }
}

import Testing
@testable import SiteKit

@Suite struct WeeklyColumnChartTests {
    static func svg(_ chart: WeeklyColumnChart) -> String { chart.svg(id: "chart-1").rendered }

    /// The y of the baseline (the zero line) as drawn.
    static func baseline(_ svg: String) -> Double {
        let line = SVGProbe.elements("line", in: svg).first { $0["class"] == "baseline" }!
        #expect(line["y1"] == line["y2"])
        return SVGProbe.number(line, "y1")
    }

    @Test func columnHeightsAreProportionalAndStandOnTheAxis() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        let bars = SVGProbe.elements("rect", in: svg).filter { $0["class"] == "bar" }
        let hours = [16_660_000.0, 31_140_000, 18_210_000]
        try? #require(bars.count == 3)
        let baseline = Self.baseline(svg)
        // The top of the scale is the highest tick, 40M: find its y from the grid.
        let grid = SVGProbe.elements("line", in: svg).filter { $0["class"] == nil }.map { SVGProbe.number($0, "y1") }
        let top = grid.min()!
        let pixelsPerHour = (baseline - top) / 40_000_000
        for (bar, value) in zip(bars, hours) {
            let y = SVGProbe.number(bar, "y"), height = SVGProbe.number(bar, "height")
            #expect(abs(height - value * pixelsPerHour) <= 0.5)
            #expect(abs(y + height - baseline) <= 0.5, "column must start at zero, on the axis")
        }
        // Taller means more: week 2 is the tallest.
        #expect(SVGProbe.number(bars[1], "height") > SVGProbe.number(bars[2], "height"))
    }

    @Test func ticksAreCompactAndNice() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        let labels = SVGProbe.texts("text", in: svg)
        for label in ["0", "10M", "20M", "30M", "40M"] { #expect(labels.contains(label)) }
        #expect(!labels.contains("50M"))
    }

    @Test func everyColumnCarriesItsRankAndHoverText() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        let rankLabels = SVGProbe.texts("text", in: svg).filter { $0.hasPrefix("#") }
        #expect(rankLabels == ["#7", "#4", "#6"])
        #expect(svg.contains("<title>Aug 29 \u{2013} Sep 4, 2022: 31,140,000 hours, rank #4</title>"))
    }

    @Test func gapsAreEmptySlotsOnAContinuousWeekAxis() {
        let chart = WeeklyColumnChart(show: ChartFixtures.lincolnLawyer)
        // 2022-05-15 … 2023-08-06 is 64 weeks apart: 65 slots.
        #expect(chart.slotCount == 65)
        let bars = SVGProbe.elements("rect", in: Self.svg(chart)).filter { $0["class"] == "bar" }
        #expect(bars.count == 10)
        let slotWidth = chart.slotWidth
        let xs = bars.map { SVGProbe.number($0, "x") }
        // Consecutive weeks are one slot apart; the return 55 weeks later (54 weeks out) is 55 slots on.
        #expect(abs(xs[1] - xs[0] - slotWidth) <= 0.1)
        #expect(abs(xs[6] - xs[5] - 55 * slotWidth) <= 0.1)
        // The one-week gap in 2023 leaves one empty slot.
        #expect(abs(xs[9] - xs[8] - 2 * slotWidth) <= 0.1)
        #expect(chart.summary().contains("Gap: out of the Top 10 for 54 weeks after the week ending Jun 19, 2022."))
        #expect(chart.summary().contains("Gap: out of the Top 10 for 1 week after the week ending Jul 23, 2023."))
    }

    @Test func rankColumnsAreElevenMinusRank() {
        let chart = WeeklyColumnChart(show: ChartFixtures.partnerTrack, metric: .rank)
        let svg = Self.svg(chart)
        let baseline = Self.baseline(svg)
        let bars = SVGProbe.elements("rect", in: svg).filter { $0["class"] == "bar" }
        let unit = WeeklyColumnChart.plotHeight / 10
        for (bar, rank) in zip(bars, [7, 4, 6]) {
            #expect(abs(SVGProbe.number(bar, "height") - Double(11 - rank) * unit) <= 0.5)
            #expect(abs(SVGProbe.number(bar, "y") + SVGProbe.number(bar, "height") - baseline) <= 0.5)
        }
        #expect(chart.summary().contains("the taller the column, the better the rank"))
        #expect(chart.summary().contains("Best: #4 in the week Aug 29 \u{2013} Sep 4, 2022."))
    }

    @Test func viewsSkipWeeksWithoutThem() {
        let chart = WeeklyColumnChart(show: ChartFixtures.lincolnLawyer, metric: .views)
        let bars = SVGProbe.elements("rect", in: Self.svg(chart)).filter { $0["class"] == "bar" }
        #expect(bars.count == 4)
        #expect(chart.summary().contains("Peak: 3,400,000 views in the week Jul 10 \u{2013} Jul 16, 2023, at rank #5."))
    }

    @Test func accessibleStructure() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-columns\" viewBox=\"0 0 640.0 320.0\" role=\"img\" aria-labelledby=\"chart-1.title chart-1.desc\">"))
        #expect(SVGProbe.texts("desc", in: svg) == [
            "Column chart of hours viewed per week for Partner Track: 3 weeks in the global Top 10, from the week ending Aug 28, 2022 to the week ending Sep 11, 2022. Peak: 31,140,000 hours in the week Aug 29 \u{2013} Sep 4, 2022, at rank #4. Each column is labelled with the week&#39;s rank."
        ])
        // Colours only through classes: no fill or stroke colour written in the SVG.
        #expect(!svg.contains("fill=\"#") && !svg.contains("stroke=\"#") && !svg.contains("style="))
    }

    @Test func titlesAreEscaped() {
        let html = WeeklyColumnChart(show: ChartFixtures.awkward).render(id: "chart-1").rendered
        #expect(html.contains("Tom &amp; Jerry &lt;Live&gt; &quot;Quoted&quot; &#39;n&#39;"))
        #expect(!html.contains("<Live>") && !html.contains("\"Quoted\"") && !html.contains("& "))
    }

    @Test func renderingIsDeterministic() {
        let chart = WeeklyColumnChart(show: ChartFixtures.lincolnLawyer)
        #expect(chart.render(id: "chart-3") == chart.render(id: "chart-3"))
    }
}

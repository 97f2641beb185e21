import Testing
@testable import SiteKit

@Suite struct WeeklyColumnChartTests {
    static func svg(_ chart: WeeklyColumnChart, _ layout: ChartLayout = .wide) -> String {
        chart.svg(id: "chart-1", layout: layout).rendered
    }

    static func bars(_ svg: String) -> [[String: String]] {
        SVGProbe.elements("rect", in: svg).filter { $0["class"] == "bar" }
    }

    /// The y of the baseline (the zero line) as drawn.
    static func baseline(_ svg: String) -> Double {
        let line = SVGProbe.elements("line", in: svg).first { $0["class"] == "baseline" }!
        #expect(line["y1"] == line["y2"])
        return SVGProbe.number(line, "y1")
    }

    @Test func columnHeightsAreProportionalAndStandOnTheAxis() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        let bars = Self.bars(svg)
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
        #expect(SVGProbe.number(bars[1], "height") > SVGProbe.number(bars[2], "height"))
    }

    @Test func ticksAreCompactAndNice() {
        let labels = SVGProbe.texts("text", in: Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack)))
        for label in ["0", "10M", "20M", "30M", "40M"] { #expect(labels.contains(label)) }
        #expect(!labels.contains("50M"))
    }

    @Test func everyColumnCarriesItsRankAndHoverText() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.partnerTrack))
        #expect(SVGProbe.texts("text", in: svg).filter { $0.hasPrefix("#") } == ["#7", "#4", "#6"])
        #expect(svg.contains("<title>Aug 29 \u{2013} Sep 4, 2022: 31,140,000 hours, rank #4</title>"))
    }

    @Test func aGapOfMoreThanFourWeeksIsAMarkedBreak() {
        let chart = WeeklyColumnChart(show: ChartFixtures.lincolnLawyer)
        for layout in ChartLayout.all {
            let svg = Self.svg(chart, layout)
            let frame = chart.frame(layout)
            let slot = frame.axis.slotWidth
            let xs = Self.bars(svg).map { SVGProbe.number($0, "x") }
            try? #require(xs.count == 10)
            // 54 weeks out after June 2022: one break mark, not 54 empty slots.
            #expect(SVGProbe.elements("path", in: svg).filter { $0["class"] == "axis-break" }.count == 1)
            #expect(abs(xs[6] - xs[5] - slot - frame.axis.breakWidth) <= 0.1)
            #expect(frame.axis.breakWidth == 24)
            // The break is labelled with the re-entry date, and the axis names that week.
            let texts = SVGProbe.texts("text", in: svg)
            #expect(texts.contains("Back Jul 9, 2023"))
            #expect(texts.contains("Jul 9") && texts.contains("2023"))
            // Consecutive weeks are one slot apart; the one-week gap of July 2023 stays an empty slot.
            #expect(abs(xs[1] - xs[0] - slot) <= 0.1)
            #expect(abs(xs[9] - xs[8] - 2 * slot) <= 0.1)
            // The baseline is drawn per segment: it stops at the break.
            #expect(SVGProbe.elements("line", in: svg).filter { $0["class"] == "baseline" }.count == 2)
        }
    }

    @Test func manyBreaksShortenTheirLabelsThenLabelTheLatest() {
        let chart = WeeklyColumnChart(show: ChartFixtures.comebacks)
        let dates = ["Feb 26, 2023", "Apr 23, 2023", "Jun 18, 2023", "Aug 13, 2023", "Oct 8, 2023"]
        for (layout, labelled) in [(ChartLayout.wide, dates), (.narrow, Array(dates.suffix(3)))] {
            let svg = Self.svg(chart, layout)
            #expect(SVGProbe.elements("path", in: svg).filter { $0["class"] == "axis-break" }.count == 5, "every break is marked")
            let annotations = ChartGeometry.texts(svg).filter { $0.attributes["class"] == "annotation" }.map(\.text)
            #expect(annotations == labelled, "\(layout.name)")
        }
    }

    @Test func gapsOfFourWeeksOrLessAreNoBreak() {
        #expect(WeekAxis.segments([ChartFixtures.date("2022-01-02"), ChartFixtures.date("2022-02-06")]).count == 1,
                "4 weeks out")
        #expect(WeekAxis.segments([ChartFixtures.date("2022-01-02"), ChartFixtures.date("2022-02-13")]).count == 2,
                "5 weeks out")
        for show in [ChartFixtures.partnerTrack, ChartFixtures.marathon] {
            let svg = Self.svg(WeeklyColumnChart(show: show))
            #expect(!svg.contains("axis-break") && !svg.contains("Back "))
        }
    }

    @Test func columnsAreNeverNarrowerThanSixPixels() {
        for show in [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer, ChartFixtures.longReturn, ChartFixtures.marathon] {
            for layout in ChartLayout.all {
                let widths = Self.bars(Self.svg(WeeklyColumnChart(show: show), layout)).map { SVGProbe.number($0, "width") }
                #expect(!widths.isEmpty)
                #expect(widths.allSatisfy { $0 >= 6 }, "\(show.slug) \(layout.name): \(widths.min()!)")
            }
        }
    }

    @Test func tooManyWeeksShowTheLatestThatFitAndSaySo() {
        let chart = WeeklyColumnChart(show: ChartFixtures.marathon)
        let wide = chart.frame(.wide), narrow = chart.frame(.narrow)
        // Columns of 6 px in 8 px slots: (640 − 33 − 12) / 8 and (350 − 25 − 12) / 8 weeks
        // (the left margin fits the value labels of the weeks shown: "10M", "5M").
        #expect(wide.left == 33 && narrow.left == 25)
        #expect(wide.axis.shownWeeks.count == 74 && narrow.axis.shownWeeks.count == 39)
        #expect(narrow.axis.shownWeeks.last == ChartFixtures.date("2023-12-24"))
        #expect(Self.bars(Self.svg(chart, .narrow)).count == 39)
        #expect(chart.note(narrow) == "Showing the latest 39 weeks in the Top 10, from the week ending Apr 2, 2023; all 104 are under \u{201C}Show the numbers\u{201D}.")
        #expect(chart.note(chart.frame(.wide)).map { $0.hasPrefix("Showing the latest 74 weeks") } == true)
        // The figure carries each layout's note, and the table keeps every week.
        let html = chart.render(id: "chart-1").rendered
        #expect(html.contains("<p class=\"chart-note\">Showing the latest 39 weeks"))
        #expect(html.components(separatedBy: "<th scope=\"row\">").count - 1 == 104)
        // Whole runs are dropped before a run is cut: Stranger Things 4 fits whole.
        #expect(WeeklyColumnChart(show: ChartFixtures.longReturn).frame(.narrow).axis.hiddenWeeks == 0)
        #expect(WeeklyColumnChart(show: ChartFixtures.longReturn).note(WeeklyColumnChart(show: ChartFixtures.longReturn).frame(.narrow)) == nil)
    }

    @Test func theLatestRunsThatFitAreKeptWhole() {
        // A 60-week run, then 20 weeks back after a long gap: the narrow layout
        // (37 slots) keeps only the return, not a sliver of the first run.
        let show = Show(sourcePath: "x.yaml", slug: "x", title: "X",
                        weeks: ChartFixtures.run(from: "2020-01-05", count: 60) + ChartFixtures.run(from: "2023-01-01", count: 20))
        let axis = WeeklyColumnChart(show: show).frame(.narrow).axis
        #expect(axis.segments.count == 1 && axis.shownWeeks.count == 20 && axis.hiddenWeeks == 60)
    }

    @Test func labelsNeverCollideAndStayInside() {
        for show in [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer, ChartFixtures.longReturn,
                     ChartFixtures.marathon, ChartFixtures.awkward, ChartFixtures.comebacks] {
            for metric in [ViewingMetric.hours, .rank] {
                for layout in ChartLayout.all {
                    let svg = Self.svg(WeeklyColumnChart(show: show, metric: metric), layout)
                    #expect(ChartGeometry.labelProblems(svg) == [], "\(show.slug) \(metric) \(layout.name)")
                }
            }
        }
    }

    @Test func rankIsALineWithNumberOneAtTheTop() {
        let chart = WeeklyColumnChart(show: ChartFixtures.partnerTrack, metric: .rank)
        let svg = Self.svg(chart)
        #expect(Self.bars(svg).isEmpty, "ranks are not columns")
        // Every rank 1–10 is labelled on the axis, No. 1 at the top.
        let labels = ChartGeometry.texts(svg).filter { $0.text.hasPrefix("#") }
        #expect(labels.map(\.text) == (1...10).map { "#\($0)" })
        let ys = labels.map { SVGProbe.number($0.attributes, "y") }
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 })
        // The points: #7, #4, #6 — #4 highest on the page (smallest y).
        let points = SVGProbe.elements("circle", in: svg).map { SVGProbe.number($0, "cy") }
        #expect(points.count == 3 && points[1] < points[2] && points[2] < points[0])
        let step = (ys[9] - ys[0]) / 9
        #expect(abs(points[0] - (ys[6] - 4)) <= 0.1 && abs(points[1] - points[0] + 3 * step) <= 0.1)
        #expect(SVGProbe.elements("polyline", in: svg).count == 1)
        #expect(svg.contains("class=\"chart chart-rank\""))
    }

    @Test func gapsBreakTheRankLine() {
        let svg = Self.svg(WeeklyColumnChart(show: ChartFixtures.lincolnLawyer, metric: .rank))
        // Weeks 1–6, then Jul 9–23, 2023, then Aug 6 alone: two lines and a lone dot.
        let lines = SVGProbe.elements("polyline", in: svg).map { ($0["points"] ?? "").split(separator: " ").count }
        #expect(lines == [6, 3])
        #expect(SVGProbe.elements("circle", in: svg).count == 10)
        #expect(SVGProbe.elements("path", in: svg).filter { $0["class"] == "axis-break" }.count == 1)
    }

    @Test func viewsSkipWeeksWithoutThem() {
        let chart = WeeklyColumnChart(show: ChartFixtures.lincolnLawyer, metric: .views)
        #expect(Self.bars(Self.svg(chart)).count == 4)
        #expect(chart.summary() == "In its first week with views published (Jul 9, 2023), No. 9 with 2.3M; peaked at No. 5 in week 62 with 3.4M (+48%); back in the Top 10 on Jul 9, 2023 after 54 weeks out.")
    }

    @Test func accessibleStructureWithTheSummary() {
        let chart = WeeklyColumnChart(show: ChartFixtures.partnerTrack)
        let svg = Self.svg(chart)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-columns\" width=\"640.0\" height=\"320.0\" viewBox=\"0 0 640.0 320.0\" role=\"img\" aria-labelledby=\"chart-1.title chart-1.desc\">"))
        let summary = "Entered at No. 7 with 16.7M hours; peaked at No. 4 in week 2 with 31.1M (+87%)."
        #expect(SVGProbe.texts("desc", in: svg) == [summary])
        // Both layouts in the figure, the summary under the title, the narrow SVG with its own ids.
        let html = chart.render(id: "chart-1").rendered
        #expect(html.contains("<figcaption>Partner Track: hours viewed per week</figcaption>\n<p class=\"chart-summary\">\(summary)</p>"))
        #expect(html.contains("<div class=\"chart-layout chart-layout-wide\">") && html.contains("<div class=\"chart-layout chart-layout-narrow\">"))
        #expect(html.contains("aria-labelledby=\"chart-1-narrow.title chart-1-narrow.desc\""))
        #expect(ChartGeometry.svgs(html).map { ChartGeometry.size($0).width } == [640, 350])
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

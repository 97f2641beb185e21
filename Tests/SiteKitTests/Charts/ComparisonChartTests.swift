import Testing
@testable import SiteKit

@Suite struct ComparisonChartTests {
    static let chart = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer])

    static func series(_ svg: String, _ number: Int) -> String {
        let start = svg.range(of: "<g class=\"series series-\(number)\">")!
        let end = svg[start.upperBound...].range(of: "</g>")!
        return String(svg[start.lowerBound..<end.upperBound])
    }

    static func endLabel(_ svg: String, _ number: Int) -> String {
        let start = svg.range(of: "<g class=\"series series-\(number) end-label\">")!
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
    }

    @Test func twelveWeeksSinceDebutByDefault() {
        // The Lincoln Lawyer returns in week 61: by default only weeks 1–12 count,
        // and the axis ends at the last of them that any show has (week 6).
        #expect(Self.chart.weekLimit == 12 && Self.chart.lastWeek == 6)
        #expect(Self.chart.caption == "Hours viewed in the first 6 weeks since debut: Partner Track and The Lincoln Lawyer")
        let long = ComparisonChart(shows: [ChartFixtures.marathon, ChartFixtures.partnerTrack])
        #expect(long.lastWeek == 12)
        let svg = long.svg(id: "chart-1").rendered
        #expect(SVGProbe.elements("circle", in: Self.series(svg, 1)).count == 12)
        let ticks = SVGProbe.texts("text", in: svg).compactMap(Int.init)
        #expect(ticks.contains(1) && ticks.contains(12) && !ticks.contains(13))
        // weeks: N widens the window.
        let wider = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer], weekLimit: 65)
        #expect(wider.lastWeek == 65)
        #expect(SVGProbe.elements("polyline", in: Self.series(wider.svg(id: "c").rendered, 2)).map { Self.points($0).count } == [6, 3])
    }

    @Test func xIsTheWeekSinceDebutForEveryShow() {
        for layout in ChartLayout.all {
            let frame = Self.chart.frame(layout)
            let svg = Self.chart.svg(id: "chart-1", layout: layout).rendered
            // Partner Track debuted in August, The Lincoln Lawyer in May: both start at week 1, the left edge.
            let partner = Self.points(SVGProbe.elements("polyline", in: Self.series(svg, 1))[0])
            let lincoln = Self.points(SVGProbe.elements("polyline", in: Self.series(svg, 2))[0])
            #expect(partner.count == 3 && lincoln.count == 6)
            let step = (frame.plotRight - frame.left) / 5
            for (index, point) in lincoln.enumerated() { #expect(abs(point.0 - frame.left - Double(index) * step) <= 0.05) }
            for (index, point) in partner.enumerated() { #expect(abs(point.0 - lincoln[index].0) <= 0.01) }
            // Values on a zero-based scale: 0…150M for 108M.
            #expect(frame.ticks.values == [0, 50_000_000, 100_000_000, 150_000_000])
            let perHour = (frame.baseline - ComparisonChart.top) / 150_000_000
            for ((_, y), hours) in zip(partner, [16_660_000.0, 31_140_000, 18_210_000]) {
                #expect(abs((frame.baseline - y) - hours * perHour) <= 0.5)
            }
        }
    }

    @Test func endLabelsNeverCollideNorTouchOtherLines() {
        let crowded = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer, ChartFixtures.awkward,
                                              ChartFixtures.marathon, ChartFixtures.longReturn])
        // Seven long titles ending at the same value: two-line labels all in the margin.
        let seven = ComparisonChart(shows: (1...7).map { number in
            Show(sourcePath: "s\(number).yaml", slug: "s\(number)", title: "A Rather Long Series Title Number \(number)",
                 weeks: ChartFixtures.run(from: "2023-01-01", count: 12))
        })
        for chart in [Self.chart, crowded, seven] {
            for layout in ChartLayout.all {
                let svg = chart.svg(id: "chart-1", layout: layout).rendered
                #expect(ChartGeometry.labelProblems(svg) == [], "\(layout.name)")
                // No end label crosses another series' line.
                for number in 1...chart.shows.count {
                    let labels = ChartGeometry.boxes(Self.endLabel(svg, number)).map(\.box)
                    for other in 1...chart.shows.count where other != number {
                        for line in SVGProbe.elements("polyline", in: Self.series(svg, other)).map(Self.points) {
                            for (a, b) in zip(line, line.dropFirst()) {
                                #expect(!labels.contains { $0.intersects(from: a, to: b) }, "label \(number) on line \(other) (\(layout.name))")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func movedLabelsGetALeader() {
        // Five shows ending close together: labels are spread, and each moved one is joined to its line's end.
        let crowded = ComparisonChart(shows: [ChartFixtures.marathon, ChartFixtures.longReturn,
                                              Show(sourcePath: "a.yaml", slug: "a", title: "A", weeks: ChartFixtures.run(from: "2023-01-01", count: 12)),
                                              Show(sourcePath: "b.yaml", slug: "b", title: "B", weeks: ChartFixtures.run(from: "2024-01-07", count: 12))])
        let svg = crowded.svg(id: "chart-1").rendered
        let frame = crowded.frame(.wide)
        for number in 1...4 {
            let label = Self.endLabel(svg, number)
            let marker = SVGProbe.elements("circle", in: label)[0]
            let text = SVGProbe.elements("text", in: label)[0]
            #expect(abs(SVGProbe.number(marker, "cx") - frame.x(12)) <= 0.05, "every line ends in week 12")
            #expect(SVGProbe.number(text, "x") >= frame.plotRight, "labels sit in the right margin")
            let moved = abs(SVGProbe.number(text, "y") - 4 - SVGProbe.number(marker, "cy")) > 1
            #expect(label.contains("class=\"leader\"") == moved)
        }
        #expect(svg.contains("class=\"leader\""), "identical runs must be moved apart")
    }

    @Test func aShortLineIsLabelledAtItsEndWhenThatIsClear() {
        let svg = Self.chart.svg(id: "chart-1").rendered
        let label = Self.endLabel(svg, 1)
        let marker = SVGProbe.elements("circle", in: label)[0]
        #expect(abs(SVGProbe.number(marker, "cx") - Self.chart.frame(.wide).x(3)) <= 0.05)
        #expect(SVGProbe.texts("text", in: label) == ["Partner Track"])
        #expect(!label.contains("leader"))
    }

    @Test func longTitlesWrapOnPhones() {
        #expect(ComparisonChart.wrapped("The Lincoln Lawyer", to: 14) == ["The Lincoln", "Lawyer"])
        #expect(ComparisonChart.wrapped("Partner Track", to: 14) == ["Partner Track"])
        #expect(ComparisonChart.wrapped("Tom & Jerry <Live> \"Quoted\" 'n'", to: 14) == ["Tom & Jerry", "<Live> \"Quote\u{2026}"])
        #expect(ComparisonChart.wrapped("Supercalifragilistic", to: 14) == ["Supercalifrag\u{2026}"])
    }

    @Test func summarySaysWhoHadTheBiggerLaunch() {
        #expect(Self.chart.summary() == "The Lincoln Lawyer had the bigger launch, peaking at 108M hours in week 2, ahead of Partner Track (31.1M in week 2).")
        let views = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer], metric: .views, weekLimit: 65)
        #expect(views.summary() == "The Lincoln Lawyer had the bigger launch, peaking at 3.4M views in week 62; no views figures for Partner Track.")
    }

    @Test func dataTableAlignsWeeksSinceDebut() {
        let table = ComparisonChart(shows: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer], weekLimit: 65).table().render().rendered
        #expect(table.contains("<th scope=\"col\" class=\"num\">The Lincoln Lawyer</th>"))
        #expect(table.contains("<tr><th scope=\"row\">Week 2</th><td class=\"num\">31,140,000</td><td class=\"num\">108,090,000</td></tr>"))
        #expect(!table.contains("Week 64<"))
        #expect(table.contains("<tr><th scope=\"row\">Week 65</th><td class=\"num\"><span aria-hidden=\"true\">\u{2014}</span><span class=\"visually-hidden\">not in the Top 10</span></td><td class=\"num\">17,300,000</td></tr>"))
        // The default window leaves the return out of the table too.
        #expect(!Self.chart.table().render().rendered.contains("Week 61<"))
    }

    @Test func titlesAreEscapedInLabelsAndTable() {
        let chart = ComparisonChart(shows: [ChartFixtures.awkward, ChartFixtures.partnerTrack])
        let html = chart.render(id: "chart-2").rendered
        #expect(!html.contains("<Live>") && !html.contains("\"Quoted\""))
        // On two lines at the wide size; shortened at the narrow one.
        #expect(html.contains(">Tom &amp; Jerry &lt;Live&gt;</text>") && html.contains(">&quot;Quoted&quot; &#39;n&#39;</text>"))
        #expect(html.contains(">&lt;Live&gt; &quot;Quote\u{2026}</text>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Tom &amp; Jerry &lt;Live&gt; &quot;Quoted&quot; &#39;n&#39;</th>"))
    }
}

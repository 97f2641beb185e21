import Foundation
import Testing
@testable import SiteKit
import Templates

/// The heatmap on real-shaped data: regions, long histories, and a blank cell
/// that cannot pass for #10.
@Suite struct HeatmapRegionTests {
    static func show(_ ranks: [(String, [(String, Int)])]) -> Show {
        Show(sourcePath: "x", slug: "x", title: "X",
             weeks: [ChartFixtures.week("2022-08-28", rank: 1, hours: 1, inTop10: 1)],
             countries: ranks.map { week, entries in
                 CountryWeek(weekEnding: ChartFixtures.date(week),
                             ranks: entries.map { CountryRank(country: $0.0, rank: $0.1) })
             })
    }

    @Test func everyCountryHasExactlyOneRegion() {
        let assigned = Region.members.values.flatMap { $0 }
        #expect(assigned.count == Countries.names.count)
        #expect(Set(assigned) == Set(Countries.names.keys))
        #expect(Countries.region(of: "NO") == .nordics)
        #expect(Countries.region(of: "PL") == .easternEurope)
        #expect(Countries.region(of: "US") == .northAmerica)
    }

    @Test func groupByRegionKeepsTheOrderWithinEachRegion() {
        let show = Self.show([("2022-08-28", [("PL", 1), ("US", 2), ("SE", 3), ("NO", 4), ("BR", 5)]),
                              ("2022-09-04", [("PL", 1), ("US", 2), ("NO", 3)])])
        let heatmap = CountryHeatmap(show: show, groupByRegion: true)
        // Ranked: PL, US, NO (2 weeks; by best rank), then SE, BR (1 week; SE #3, BR #5).
        // Grouped in the order of each region's first row: Eastern Europe (PL), North America (US),
        // Nordics (NO, SE), Latin America (BR).
        #expect(heatmap.rows().map(\.code) == ["PL", "US", "NO", "SE", "BR"])
        let rows = heatmap.rows()
        let layout = heatmap.layout(rows)
        #expect(layout.headings.map(\.name) == ["Eastern Europe", "North America", "Nordics", "Latin America & Caribbean"])
        // Each heading takes a row's height above its first country.
        let top = CountryHeatmap.top, h = CountryHeatmap.cellHeight
        #expect(layout.headings.map(\.y) == [top, top + 2 * h, top + 4 * h, top + 7 * h])
        #expect(layout.rowY == [top + h, top + 3 * h, top + 5 * h, top + 6 * h, top + 8 * h])
        let svg = heatmap.svg(id: "chart-1", rows: rows).rendered
        #expect(SVGProbe.texts("text", in: svg).filter { ["Nordics", "Eastern Europe"].contains($0) }.count == 2)
        // The table groups its rows in tbody elements headed for screen readers.
        let table = heatmap.table(rows).render().rendered
        #expect(table.contains("<tbody>\n<tr class=\"row-group\"><th scope=\"rowgroup\" colspan=\"3\">Eastern Europe</th></tr>\n<tr><th scope=\"row\">Poland</th>"))
        #expect(table.contains("</tbody>\n<tbody>\n<tr class=\"row-group\"><th scope=\"rowgroup\" colspan=\"3\">Nordics</th></tr>\n<tr><th scope=\"row\">Norway</th>"))
        // An editor's list keeps its order inside each region.
        #expect(CountryHeatmap(show: show, countries: ["US", "SE", "PL", "NO"], groupByRegion: true).rows().map(\.code)
                == ["US", "SE", "NO", "PL"])
    }

    /// WCAG relative luminance of a #rrggbb colour.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : Foundation.pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The values of a custom property in the stylesheet: light first, dark second.
    static func values(of property: String, in css: String) -> [String] {
        css.ranges(of: "\(property): #").map { range in
            "#" + css[range.upperBound...].prefix(6)
        }
    }

    @Test func blankCellsAreHatchedWithEnoughContrastInBothModes() {
        let css = DefaultTheme().stylesheet
        let blanks = Self.values(of: "--heat-0", in: css), hatches = Self.values(of: "--heat-hatch", in: css)
        #expect(blanks.count == 2 && hatches.count == 2)
        for (blank, hatch) in zip(blanks, hatches) {
            #expect(Self.contrast(blank, hatch) >= 3, "hatch \(hatch) on \(blank)")
        }
        // Every blank cell (5 countries x 3 weeks, 9 ranked) and the legend's swatch are filled with
        // the chart's own hatch pattern; ranked cells are solid over --heat-0.
        let heatmap = CountryHeatmap(show: ChartFixtures.partnerTrack)
        let svg = heatmap.svg(id: "chart-7", rows: heatmap.rows()).rendered
        #expect(svg.contains("<pattern id=\"chart-7-blank\" class=\"heat-hatch\""))
        let blankCells = SVGProbe.elements("rect", in: svg).filter { $0["class"] == "heat-none" }
        #expect(blankCells.count == 6 + 1 && blankCells.allSatisfy { $0["fill"] == "url(#chart-7-blank)" })
        let bases = SVGProbe.elements("rect", in: svg).filter { $0["class"] == "heat-base" }
        let cells = SVGProbe.elements("rect", in: svg).filter { $0["class"] == "heat-cell" }
        #expect(bases.count == cells.count)
        #expect(css.contains(".chart .heat-base, .chart .heat-blank { fill: var(--heat-0); }"))
        #expect(css.contains(".chart .heat-hatch path { stroke: var(--heat-hatch);"))
    }

    @Test func longHistoriesShowTheLatestWeeksWithBreaksAtLongGaps() {
        // 30 weeks from 2022-01-02, then a 10-week gap, then 4 weeks; and a 2-week gap inside the first run.
        var weeks: [(String, [(String, Int)])] = []
        let start = ChartFixtures.date("2022-01-02")
        for index in 0..<30 where index != 20 && index != 21 {
            weeks.append((start.adding(days: index * 7).description, [("US", 5)]))
        }
        for index in 40..<44 { weeks.append((start.adding(days: index * 7).description, [("US", 2)])) }
        let heatmap = CountryHeatmap(show: Self.show(weeks))
        // The short gap stays as blank columns; the long one is a break.
        #expect(heatmap.allWeeks.count == 34 && heatmap.weeks.count == 34)
        let shown = heatmap.shownWeeks(.wide)
        #expect(shown.count == 20 && shown.last == start.adding(days: 43 * 7))
        let breaks = heatmap.breaks(in: shown)
        #expect(breaks == [16])
        #expect(shown[16] == start.adding(days: 40 * 7))
        let svg = heatmap.svg(id: "c", rows: heatmap.rows(), layout: .wide).rendered
        let line = SVGProbe.elements("line", in: svg).filter { $0["class"] == "heat-break" }
        let cellWidth = (ChartLayout.wide.width - CountryHeatmap.gridLeft - CountryHeatmap.right) / 20
        #expect(line.count == 1)
        #expect(abs(SVGProbe.number(line[0], "x1") - (CountryHeatmap.gridLeft + 16 * cellWidth)) < 0.06)
        #expect(cellWidth >= CountryHeatmap.minimumCell)
        // No week label runs past the right edge: those near it end there.
        for label in SVGProbe.elements("text", in: svg) where label["text-anchor"] == "middle" && label["class"] == nil {
            #expect(SVGProbe.number(label, "x") + 3.5 * 6 <= ChartLayout.wide.width - CountryHeatmap.right)
        }
        // The re-entry week is labelled with its date.
        #expect(SVGProbe.texts("text", in: svg).contains(DateFormatting.shortDay(shown[16])))
        // The CSV has every week of every row.
        let csv = ChartData.heatmap(heatmap.rows(), weeks: heatmap.allWeeks)
        #expect(csv.split(separator: "\r\n").count == 1 + 34)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteKit

/// Inline SVG must also be well-formed XML (no `&nbsp;`, every tag closed,
/// every attribute quoted), so it works when saved as an .svg file too.
@Suite struct WellFormedSVGTests {
    static func isWellFormed(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    @Test func everyChartIsWellFormedXML() {
        let awkward = ChartFixtures.awkward
        let figures: [HTML] = [
            WeeklyColumnChart(show: ChartFixtures.partnerTrack).render(id: "chart-1"),
            WeeklyColumnChart(show: ChartFixtures.lincolnLawyer, metric: .views).render(id: "chart-2"),
            WeeklyColumnChart(show: awkward, metric: .rank).render(id: "chart-3"),
            ComparisonChart(shows: [awkward, ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer]).render(id: "chart-4"),
            CountryHeatmap(show: awkward).render(id: "chart-5"),
            CountryHeatmap(show: ChartFixtures.partnerTrack).render(id: "chart-6"),
        ]
        for figure in figures {
            let svg = SVGProbe.svg(in: figure.rendered)
            #expect(!svg.isEmpty)
            #expect(Self.isWellFormed(svg), "\(svg.prefix(200))")
            // The whole figure (with its table) is well-formed too.
            #expect(Self.isWellFormed(figure.rendered))
        }
        #expect(!Self.isWellFormed("<svg><text>a&nbsp;b</text></svg>"))
    }
}

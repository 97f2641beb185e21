import Testing
@testable import SiteKit

/// The performance section is drawn once per (shows, weeks kept): correct for
/// every article's cut-off, and still shared by articles that see the same weeks.
@Suite struct PerformanceSectionsTests {
    static func key(_ cutOff: String?) -> String {
        PerformanceSections.key(show: ChartFixtures.partnerTrack, compare: [ChartFixtures.lincolnLawyer],
                                cutOff: cutOff.map(ChartFixtures.date))
    }

    @Test func articlesThatSeeTheSameWeeksShareASection() {
        // Sep 5 and Sep 10 both keep Partner Track's weeks up to Sep 4.
        #expect(Self.key("2022-09-05") == Self.key("2022-09-10"))
        #expect(Self.key("2022-09-05") == "partner-track-s1@2022-09-04 the-lincoln-lawyer-s1@2022-06-19")
        #expect(Self.key("2022-09-11") != Self.key("2022-09-10"))
        // After every week, the same as no cut-off for Partner Track, but not for The Lincoln Lawyer's return.
        #expect(Self.key("2022-12-31") != Self.key(nil))
        #expect(Self.key("2023-12-31") == Self.key(nil))
        // Before the debut, the sentence names the day: one section per day.
        #expect(Self.key("2022-08-01") != Self.key("2022-08-02"))
    }

    @Test func sectionsDifferByCutOffAndAreReused() {
        let sections = PerformanceSections()
        let early = sections.section(for: ChartFixtures.partnerTrack, compare: [], cutOff: ChartFixtures.date("2022-09-05"))
        let late = sections.section(for: ChartFixtures.partnerTrack, compare: [], cutOff: nil)
        #expect(early.html.rendered.contains("weeks through Sep 4, 2022") && !early.html.rendered.contains("datetime=\"2022-09-11\""))
        #expect(late.html.rendered.contains("datetime=\"2022-09-11\""))
        #expect(early.dataFiles.map(\.name) == ["performance-chart-1.csv", "performance-table-1.csv"])
        let again = sections.section(for: ChartFixtures.partnerTrack, compare: [], cutOff: ChartFixtures.date("2022-09-10"))
        #expect(again.html == early.html && again.dataFiles == early.dataFiles)
    }

    @Test func onlyTheNewestSectionsAreKeptAndAnEvictedOneIsDrawnTheSame() {
        let sections = PerformanceSections(capacity: 2)
        let cutOffs = ["2022-08-30", "2022-09-05", "2022-09-12"]
        let first = cutOffs.map { sections.section(for: ChartFixtures.partnerTrack, compare: [], cutOff: ChartFixtures.date($0)) }
        let key = { (day: String) in
            PerformanceSections.key(show: ChartFixtures.partnerTrack, compare: [], cutOff: ChartFixtures.date(day))
        }
        #expect(Set(cutOffs.map(key)).count == 3)
        #expect(sections.keptKeys == [key("2022-09-05"), key("2022-09-12")])
        let redrawn = sections.section(for: ChartFixtures.partnerTrack, compare: [], cutOff: ChartFixtures.date("2022-08-30"))
        #expect(redrawn.html == first[0].html && redrawn.dataFiles == first[0].dataFiles)
        #expect(sections.keptKeys == [key("2022-08-30"), key("2022-09-12")])
    }
}

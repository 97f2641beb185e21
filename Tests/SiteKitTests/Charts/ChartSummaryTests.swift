import Testing
@testable import SiteKit

@Suite struct ChartSummaryTests {
    static func week(_ date: String, _ rank: Int, _ hours: Int) -> ShowWeek {
        ChartFixtures.week(date, rank: rank, hours: hours, inTop10: 1)
    }

    @Test func weeklyEntryAndPeak() {
        #expect(ChartSummary.weekly(ChartFixtures.partnerTrack.weeks, metric: .hours)
                == "Entered at No. 7 with 16.7M hours; peaked at No. 4 in week 2 with 31.1M (+87%).")
        #expect(ChartSummary.weekly(ChartFixtures.lincolnLawyer.weeks, metric: .hours)
                == "Entered at No. 2 with 45.1M hours; peaked at No. 1 in week 2 with 108M (+140%); back in the Top 10 on Jul 9, 2023 after 54 weeks out.")
        // A debut that is the biggest week, and a single week.
        #expect(ChartSummary.weekly([Self.week("2022-05-29", 1, 286_790_000), Self.week("2022-06-05", 1, 135_010_000)], metric: .hours)
                == "Entered at No. 1 with 287M hours, its biggest week; 2 weeks in the Top 10.")
        #expect(ChartSummary.weekly(ChartFixtures.awkward.weeks, metric: .hours)
                == "Entered at No. 1 with 1K hours, its only week in the Top 10.")
        #expect(ChartSummary.weekly(ChartFixtures.partnerTrack.weeks, metric: .views) == "No views figures.")
    }

    @Test func aPartialDebutWeekIsNamedAndTheChangeFromItQualified() {
        // Stranger Things 4 premiered on Friday, May 27, 2022: its first week counts 3 days.
        let weeks = [Self.week("2022-05-29", 1, 286_790_000), ChartFixtures.week("2022-06-05", rank: 1, hours: 335_010_000, inTop10: 2)]
        #expect(ChartSummary.weekly(weeks, metric: .hours, premiere: CalendarDate(year: 2022, month: 5, day: 27))
                == "Entered at No. 1 with 287M hours in a 3-day first week; peaked at No. 1 in week 2 with 335M (+17% on the 3-day week).")
        // A premiere on the Monday is a full week.
        #expect(ChartSummary.weekly(weeks, metric: .hours, premiere: CalendarDate(year: 2022, month: 5, day: 23))
                == "Entered at No. 1 with 287M hours; peaked at No. 1 in week 2 with 335M (+17%).")
    }

    @Test func rankEntryBestAndWeeksAtNumberOne() {
        #expect(ChartSummary.rank(ChartFixtures.partnerTrack.weeks)
                == "Entered at No. 7 and peaked at No. 4 in week 2; 3 weeks in the Top 10, none at No. 1.")
        #expect(ChartSummary.rank(ChartFixtures.lincolnLawyer.weeks)
                == "Entered at No. 2 and reached No. 1 in week 2; 1 of its 10 weeks in the Top 10 at No. 1; back in the Top 10 on Jul 9, 2023 after 54 weeks out.")
        #expect(ChartSummary.rank([Self.week("2022-05-29", 1, 1), Self.week("2022-06-05", 1, 1), Self.week("2022-06-12", 3, 1)])
                == "Entered at No. 1 and spent 2 of its 3 weeks in the Top 10 at No. 1.")
        #expect(ChartSummary.rank([Self.week("2022-05-29", 3, 1), Self.week("2022-06-05", 5, 1)])
                == "Entered at No. 3, its best rank, and spent 2 weeks in the Top 10.")
    }

    @Test func heatmapSaysHowWidelyItReachedTheTop() {
        #expect(ChartSummary.heatmap([("Poland", [1, 1, 1, 2]), ("Serbia", [1, 1, 1, 1]), ("Japan", [3, 4]), ("Chile", [])])
                == "No. 1 in 2 of the 4 countries shown; longest at No. 1 in Serbia (4 weeks); not in the Top 10 of 1 of them.")
        #expect(ChartSummary.heatmap([("Japan", [3, 4]), ("India", [5, 3, 3])])
                == "Best rank No. 3, in 2 of the 2 countries shown; longest at No. 3 in India (2 weeks).")
        #expect(ChartSummary.heatmap([("Japan", [2])]) == "Best rank No. 2, in the one country shown.")
        #expect(ChartSummary.heatmap([("Japan", []), ("India", [])]) == "Not in the Top 10 of any country shown.")
    }

    @Test func comparisonNamesTheBiggestLaunch() {
        #expect(ChartSummary.comparison([("A", (2, 31_140_000)), ("B", (1, 286_790_000)), ("C", nil)], metric: .hours)
                == "B had the biggest launch, peaking at 287M hours in week 1, ahead of A (31.1M in week 2); no hours figures for C.")
        // A tie goes to the show listed first.
        #expect(ChartSummary.comparison([("A", (3, 5_000_000)), ("B", (1, 5_000_000))], metric: .views)
                == "A had the bigger launch, peaking at 5M views in week 3, ahead of B (5M in week 1).")
    }
}

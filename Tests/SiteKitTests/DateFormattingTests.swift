import Testing
@testable import SiteKit

/// Dates and times are written digit by digit: the text must be what padding
/// each number gives, `YYYY-MM-DD` and `hh:mm:ss`, at every edge.
@Suite struct DateFormattingTests {
    static func padded(_ date: CalendarDate) -> String {
        "\(CalendarDate.pad(date.year, 4))-\(CalendarDate.pad(date.month, 2))-\(CalendarDate.pad(date.day, 2))"
    }

    @Test func calendarDatesArePaddedToFourTwoAndTwoDigits() throws {
        #expect(try #require(CalendarDate(year: 1, month: 2, day: 3)).description == "0001-02-03")
        #expect(try #require(CalendarDate(year: 2024, month: 12, day: 31)).description == "2024-12-31")
        #expect(try #require(CalendarDate(year: 9999, month: 12, day: 31)).description == "9999-12-31")
        // Days far from the epoch, beyond four-digit years and before year 0,
        // take the general path and must agree with it.
        for days in [-800_000, -719_529, -719_528, -1, 0, 1, 19_000, 2_932_896, 2_932_897, 3_500_000] {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.description == Self.padded(date), "\(days)")
        }
    }

    @Test func shortMonthsAreTheFirstThreeLettersOfEach() {
        #expect((1...12).map(DateFormatting.shortMonth)
            == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    }

    @Test func timesArePaddedToTwoDigitsEach() throws {
        let day = try #require(CalendarDate(year: 2022, month: 8, day: 26))
        #expect(DateTime(date: day, secondsOfDay: 0, hasTime: true).rfc3339 == "2022-08-26T00:00:00Z")
        #expect(DateTime(date: day, secondsOfDay: 34_200, utcOffsetMinutes: 120, hasTime: true).rfc3339
            == "2022-08-26T09:30:00+02:00")
        #expect(DateTime(date: day, secondsOfDay: 86_399, utcOffsetMinutes: -570, hasTime: true).rfc3339
            == "2022-08-26T23:59:59-09:30")
        // Out of a day's range (no parsed value is): the numbers as they are.
        #expect(DateTime(date: day, secondsOfDay: 360_000, hasTime: true).rfc3339 == "2022-08-26T100:00:00Z")
    }
}

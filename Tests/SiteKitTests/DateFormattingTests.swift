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

    /// Week and day labels are written byte by byte: they must read as the
    /// same text built from strings, at every edge (one-digit days and years,
    /// years before 1 and after 9999, weeks spanning two years).
    @Test func weekAndDayLabelsAreWhatStringsWouldGive() {
        func expectedWeek(_ sunday: CalendarDate) -> String {
            let monday = sunday.adding(days: -6)
            let start = "\(DateFormatting.shortMonth(monday.month)) \(monday.day)"
                + (monday.year != sunday.year ? ", \(monday.year)" : "")
            return "\(start) \u{2013} \(DateFormatting.shortMonth(sunday.month)) \(sunday.day), \(sunday.year)"
        }
        let edges = [-800_000, -719_529, -719_528, -1, 0, 1, 19_000, 19_358, 19_359, 2_932_896, 2_932_897, 3_500_000]
        for days in edges.flatMap({ [$0 - 3, $0, $0 + 3] }) + Array(stride(from: -1_000_000, to: 4_000_000, by: 9_973)) {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(DateFormatting.week(ending: date) == expectedWeek(date), "\(days)")
            #expect(DateFormatting.shortDay(date) == "\(DateFormatting.shortMonth(date.month)) \(date.day)", "\(days)")
        }
        #expect(DateFormatting.week(ending: CalendarDate(daysSinceEpoch: 19_358)) == "Dec 26, 2022 \u{2013} Jan 1, 2023")
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

    /// RFC 3339 text is written digit by digit for years 0-9999, times within
    /// the day and offsets under 100 hours: it must read as padding each
    /// number gives, inside those bounds and just outside them.
    @Test func rfc3339IsWhatPaddingGivesAtEveryEdge() {
        func expected(_ moment: DateTime) -> String {
            let seconds = moment.secondsOfDay, offset = abs(moment.utcOffsetMinutes)
            let time = "\(CalendarDate.pad(seconds / 3600, 2)):\(CalendarDate.pad((seconds / 60) % 60, 2)):\(CalendarDate.pad(seconds % 60, 2))"
            let zone = moment.utcOffsetMinutes == 0 ? "Z"
                : (moment.utcOffsetMinutes < 0 ? "-" : "+") + "\(CalendarDate.pad(offset / 60, 2)):\(CalendarDate.pad(offset % 60, 2))"
            return "\(Self.padded(moment.date))T\(time)\(zone)"
        }
        let days = [-800_000, -719_529, -719_528, -1, 0, 19_230, 2_932_896, 2_932_897]
        let seconds = [0, 1, 59, 3_599, 34_200, 86_399, 86_400, 360_000]
        let offsets = [0, 1, -1, 59, -59, 120, -570, 5_999, -5_999, 6_000, -6_000]
        for day in days {
            for second in seconds {
                for offset in offsets {
                    let moment = DateTime(date: CalendarDate(daysSinceEpoch: day), secondsOfDay: second,
                                          utcOffsetMinutes: offset, hasTime: true)
                    #expect(moment.rfc3339 == expected(moment), "\(day) \(second) \(offset)")
                }
            }
        }
    }
}

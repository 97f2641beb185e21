import Testing
@testable import SiteKit

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (16_660_000.0, "16.7M"), (31_140_000, "31.1M"), (1_100_000_000, "1.1B"), (950_000, "950K"),
        (0, "0"), (999, "999"), (1_000, "1K"), (1_500, "1.5K"), (10_000_000, "10M"), (108_090_000, "108M"),
        (999_950, "1M"), (99_950, "100K"), (2_500_000, "2.5M"), (-42_000, "\u{2212}42K"),
    ])
    func compactLabels(value: Double, expected: String) {
        #expect(NumberFormatting.compact(value) == expected)
    }

    /// `compact` is built as bytes: it must read as the same label built
    /// from strings, on a sweep of magnitudes and at the edges (a unit's
    /// roll-over, beyond trillions, zero of either sign, infinities, NaN).
    @Test func compactAgreesWithTheLabelBuiltFromStrings() {
        func reference(_ value: Double) -> String {
            let suffixes = ["", "K", "M", "B", "T"]
            let magnitude = abs(value)
            var unit = 0
            func power(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { result, _ in result * 1000 } }
            while unit < suffixes.count - 1 && magnitude >= power(unit + 1) { unit += 1 }
            var text = ""
            while true {
                let scaled = magnitude / power(unit)
                text = NumberFormatting.decimal(scaled, places: scaled < 100 ? 1 : 0)
                if text.hasSuffix(".0") { text.removeLast(2) }
                guard text == "1000", unit < suffixes.count - 1 else { break }
                unit += 1
            }
            return (value < 0 && text != "0" ? NumberFormatting.minus : "") + text + suffixes[unit]
        }
        var values: [Double] = [0, -0.0, 0.04, -0.04, 999.95, 999_950, 1e15, 9.99e14, -1e15, .infinity, -.infinity, .nan]
        var value = 0.3
        while value < 1e16 {
            values += [value, -value, value.rounded(), (value * 1.0005).rounded()]
            value *= 1.37
        }
        for value in values {
            #expect(NumberFormatting.compact(value) == reference(value), "\(value)")
        }
    }

    @Test(arguments: [
        (7.25, 1, "7.3"), (-7.25, 1, "-7.3"), (0, 1, "0.0"), (-0.04, 1, "0.0"), (0.05, 2, "0.05"),
        (123.456, 0, "123"), (0.5, 0, "1"), (-0.5, 0, "-1"), (1_234_567.891, 2, "1234567.89"), (9.5, 3, "9.500"),
        (0.000_000_001, 9, "0.000000001"), (42, 9, "42.000000000"),
    ])
    func decimalRoundsHalfAwayFromZero(value: Double, places: Int, expected: String) {
        #expect(NumberFormatting.decimal(value, places: places) == expected)
    }

    /// Digits are written from the end of a buffer; every number of places on
    /// chart-like values agrees with building the text from the whole and
    /// fractional parts.
    @Test func decimalAgreesWithWholeAndFraction() {
        for places in 0...4 {
            var value = -1_234.5
            while value < 20_000 {
                var scale: Int64 = 1
                for _ in 0..<places { scale *= 10 }
                let units = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
                var expected = (value < 0 && units != 0 ? "-" : "") + String(units / scale)
                if places > 0 {
                    let fraction = String(units % scale)
                    expected += "." + String(repeating: "0", count: places - fraction.count) + fraction
                }
                #expect(NumberFormatting.decimal(value, places: places) == expected, "\(value), \(places) places")
                value += 13.37
            }
        }
    }

    /// An SVG number interpolated into markup is the decimal text with one
    /// place, appended after what is there; so is one too large for whole units.
    @Test(arguments: [0.0, 7.25, -7.25, -0.04, 12.05, 1_234_567.891, 3.0e20, -3.0e20])
    func svgNumberInterpolatesItsDecimalText(value: Double) {
        let markup: HTML = "<rect x=\"\(ChartSVG.number(value))\"/>"
        #expect(markup.rendered == "<rect x=\"\(NumberFormatting.decimal(value, places: 1))\"/>")
        #expect(ChartSVG.number(value).description == NumberFormatting.decimal(value, places: 1))
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (16_660_000, "16,660,000"), (123_456, "123,456"),
        (-1_234, "-1,234"), (-999, "-999"), (Int.max, "9,223,372,036,854,775,807"), (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func groupedPutsACommaEveryThreeDigits(value: Int, expected: String) {
        #expect(NumberFormatting.grouped(value) == expected)
    }

    @Test func signedPercentUsesTheMinusSign() {
        #expect(NumberFormatting.signedPercent(87) == "+87%")
        #expect(NumberFormatting.signedPercent(-42) == "\u{2212}42%")
        #expect(NumberFormatting.signedPercent(0) == "0%")
    }

    @Test func percentChangeRoundsHalfAwayFromZero() {
        // The real Partner Track weeks: +86.9% and −41.5%.
        #expect(WeekOverWeek.percentChange(from: 16_660_000, to: 31_140_000) == 87)
        #expect(WeekOverWeek.percentChange(from: 31_140_000, to: 18_210_000) == -42)
        // Exact halves, which a Double would compute as 41.4999…
        #expect(WeekOverWeek.percentChange(from: 200, to: 117) == -42) // −41.5%
        #expect(WeekOverWeek.percentChange(from: 200, to: 283) == 42) // +41.5%
        #expect(WeekOverWeek.percentChange(from: 200, to: 199) == -1) // −0.5%
        #expect(WeekOverWeek.percentChange(from: 1000, to: 1004) == 0) // +0.4%
        #expect(WeekOverWeek.percentChange(from: 0, to: 5) == nil)
    }

    @Test func weekPeriods() {
        #expect(DateFormatting.week(ending: ChartFixtures.date("2022-09-04")) == "Aug 29 \u{2013} Sep 4, 2022")
        #expect(DateFormatting.week(ending: ChartFixtures.date("2022-08-28")) == "Aug 22 \u{2013} Aug 28, 2022")
        #expect(DateFormatting.week(ending: ChartFixtures.date("2023-01-01")) == "Dec 26, 2022 \u{2013} Jan 1, 2023")
    }
}

@Suite struct NiceTicksTests {
    /// Whether `step` is 1, 2 or 5 × 10^k.
    static func isNice(_ step: Double) -> Bool {
        var mantissa = step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        return [1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test(arguments: [0.3, 1, 7, 10, 16_660_000, 31_140_000, 108_090_000, 99_999, 100_000, 100_001, 1_100_000_000, 3.7e12])
    func ticksAreNiceAndCoverTheMaximum(maximum: Double) {
        let ticks = NiceTicks(covering: maximum)
        #expect(Self.isNice(ticks.step))
        #expect(ticks.values.first == 0)
        #expect(ticks.top >= maximum)
        // Not needlessly loose: one step less would no longer cover the data.
        #expect(ticks.top - ticks.step < maximum)
        #expect((3...11).contains(ticks.values.count))
        for (index, value) in ticks.values.enumerated() {
            #expect(abs(value - Double(index) * ticks.step) <= ticks.step * 1e-9)
        }
    }

    @Test func partnerTrackScale() {
        let ticks = NiceTicks(covering: 31_140_000)
        #expect(ticks.step == 10_000_000)
        #expect(ticks.values == [0, 10_000_000, 20_000_000, 30_000_000, 40_000_000])
    }

    @Test func exactMultipleGetsNoExtraTick() {
        #expect(NiceTicks(covering: 30).values == [0, 10, 20, 30])
    }

    @Test func emptyDataStillHasAScale() {
        #expect(NiceTicks(covering: 0).values == [0, 1])
    }
}

@Suite struct WeekOverWeekTests {
    static let weeks = [ChartFixtures.week("2022-08-28", rank: 7, hours: 100, inTop10: 1),
                        ChartFixtures.week("2022-09-04", rank: 4, hours: 150, inTop10: 2),
                        // Six days later is not the next week (cannot come from valid data, but must not compare).
                        ChartFixtures.week("2022-09-10", rank: 4, hours: 300, inTop10: 3),
                        ChartFixtures.week("2022-11-06", rank: 9, hours: 50, inTop10: 4),
                        ChartFixtures.week("2022-11-13", rank: 8, hours: 60, inTop10: 5)]

    @Test func changeOnlyBetweenWeeksSevenDaysApart() {
        #expect(WeekOverWeek.changes(Self.weeks) { $0.hoursViewed } == [nil, 50, nil, nil, 20])
    }

    @Test func runsSplitAtGaps() {
        #expect(WeekOverWeek.runs(Self.weeks) == [0..<2, 2..<3, 3..<5])
        #expect(WeekOverWeek.runs([]) == [])
    }

    @Test func unknownValuesGiveNoChange() {
        let weeks = [ChartFixtures.week("2023-06-04", rank: 3, hours: 10, views: nil, inTop10: 1),
                     ChartFixtures.week("2023-06-11", rank: 2, hours: 20, views: 5, inTop10: 2),
                     ChartFixtures.week("2023-06-18", rank: 2, hours: 20, views: 10, inTop10: 3)]
        #expect(WeekOverWeek.changes(weeks) { $0.views } == [nil, nil, 100])
    }
}

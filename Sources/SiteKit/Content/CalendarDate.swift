/// A day in the proleptic Gregorian calendar, free of time zones and locales.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Why a date string was rejected.
    public struct ParseError: Error, Sendable {
        /// Completes "'date' …": what is wrong and the accepted form.
        public let reason: String
    }

    /// A validated date; `nil` if the day does not exist (no roll-over).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysInMonth(month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly: 2024-13-45 is an error, not a roll-over.
    public init(parsing text: String) throws(ParseError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10]) else {
            throw ParseError(reason: "must be a date written YYYY-MM-DD, got '\(text)'")
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw ParseError(reason: "is not a real calendar date: '\(text)' (check the month and day)")
        }
        self = date
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        ((daysSinceEpoch % 7) + 7 + 4) % 7
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit: dates fill every card, feed entry, sitemap
        // line and chart data file, and interpolating padded numbers was
        // nearly 1% of a large build.
        guard (0...9999).contains(year) else { return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
        return Self.digits(year, month, day, widths: (4, 2, 2), separator: UInt8(ascii: "-"))
    }

    /// `first`, `second` and `third` (not negative, each within its width)
    /// written with `widths` digits each and `separator` between them.
    static func digits(_ first: Int, _ second: Int, _ third: Int, widths: (Int, Int, Int), separator: UInt8) -> String {
        let count = widths.0 + widths.1 + widths.2 + 2
        return String(unsafeUninitializedCapacity: count) { buffer in
            writeDigits(first, second, third, widths: widths, separator: separator, to: buffer, at: 0)
        }
    }

    /// ``digits(_:_:_:widths:separator:)`` written into `buffer` at `offset`;
    /// returns the offset after them.
    @discardableResult
    static func writeDigits(_ first: Int, _ second: Int, _ third: Int, widths: (Int, Int, Int), separator: UInt8,
                            to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        writeDigits(first, count: widths.0, to: buffer, at: offset)
        buffer[offset + widths.0] = separator
        writeDigits(second, count: widths.1, to: buffer, at: offset + widths.0 + 1)
        buffer[offset + widths.0 + widths.1 + 1] = separator
        writeDigits(third, count: widths.2, to: buffer, at: offset + widths.0 + widths.1 + 2)
        return offset + widths.0 + widths.1 + widths.2 + 2
    }

    /// Writes the last `count` decimal digits of `value` (not negative) at `offset`.
    static func writeDigits(_ value: Int, count: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for index in stride(from: offset + count - 1, through: offset, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

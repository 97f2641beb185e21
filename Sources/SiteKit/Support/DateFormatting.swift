/// Locale-independent English date formats, so output never depends on the
/// machine's settings.
public enum DateFormatting {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "August 26, 2022".
    public static func long(_ date: CalendarDate) -> String {
        "\(monthNames[date.month - 1]) \(date.day), \(date.year)"
    }

    /// "Aug 26, 2022".
    public static func medium(_ date: CalendarDate) -> String {
        "\(shortMonth(date.month)) \(date.day), \(date.year)"
    }

    static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    /// "Aug", "Sep", …
    public static func shortMonth(_ month: Int) -> String {
        shortMonthNames[month - 1]
    }
}

extension DateFormatting {
    /// The Monday–Sunday week that ends on `sunday`, as readers write it:
    /// "Aug 29 – Sep 4, 2022"; the year twice only when the week spans two
    /// years ("Dec 26, 2022 – Jan 1, 2023").
    public static func week(ending sunday: CalendarDate) -> String {
        let monday = sunday.adding(days: -6)
        // Written as bytes into the string's memory: charts write this for
        // every week they draw, and a dozen appends cost 4,000 instructions.
        return DateText.written { text in
            text.put(month: monday.month)
            text.put(" ")
            text.put(monday.day)
            if monday.year != sunday.year {
                text.put(", ")
                text.put(monday.year)
            }
            text.put(" \u{2013} ")
            text.put(month: sunday.month)
            text.put(" ")
            text.put(sunday.day)
            text.put(", ")
            text.put(sunday.year)
        }
    }

    /// "Friday": the day of the week, locale-free.
    public static func weekday(_ date: CalendarDate) -> String {
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][date.weekday]
    }

    /// "Sep 4": a short day label for chart axes.
    public static func shortDay(_ date: CalendarDate) -> String {
        DateText.written { text in
            text.put(month: date.month)
            text.put(" ")
            text.put(date.day)
        }
    }
}

/// A short date text written byte by byte into a new string's memory.
private struct DateText {
    /// Room for the longest text written: two dates with years of up to 20
    /// characters each, and their months, days and separators.
    static let capacity = 64

    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    static func written(_ write: (inout DateText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = DateText(buffer: buffer)
            write(&text)
            return text.count
        }
    }

    mutating func put(_ literal: StaticString) {
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in bytes { append(byte) }
    }

    /// "Jan" … "Dec": ``DateFormatting/shortMonth(_:)``.
    mutating func put(month: Int) {
        for byte in DateFormatting.shortMonth(month).utf8 { append(byte) }
    }

    /// `number` in decimal digits, as `String(number)` writes it.
    mutating func put(_ number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        while divisor <= number.magnitude / 10 { divisor *= 10 }
        repeat {
            append(UInt8(ascii: "0") + UInt8(number.magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    private mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
}

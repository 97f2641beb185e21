/// A moment written in content: a date (`2022-08-26`) or an RFC 3339 date-time
/// (`2022-08-26T09:30:00+02:00`). Keeps the writer's local date and offset so it
/// can be shown as written, and the instant so it can be compared and put in feeds.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar date as written (in its own offset).
    public let date: CalendarDate
    /// Seconds after local midnight.
    public let secondsOfDay: Int
    /// Offset from UTC in minutes (0 for a plain date).
    public let utcOffsetMinutes: Int
    /// Whether a time of day was written.
    public let hasTime: Bool

    public init(date: CalendarDate, secondsOfDay: Int = 0, utcOffsetMinutes: Int = 0, hasTime: Bool = false) {
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
        self.hasTime = hasTime
    }

    /// The instant this moment denotes, as seconds since 1970-01-01T00:00:00Z.
    /// A plain date is midnight UTC.
    public var secondsSinceEpoch: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(secondsOfDay) - Int64(utcOffsetMinutes) * 60
    }

    /// The moment at a given instant, in UTC.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        date = CalendarDate(daysSinceEpoch: days)
        secondsOfDay = Int(seconds - Int64(days) * 86_400)
        utcOffsetMinutes = 0
        hasTime = true
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`T` or space, seconds
    /// required, optional fraction, `Z` or `±HH:MM`).
    public init(parsing text: String) throws(CalendarDate.ParseError) {
        let form = "must be a date (YYYY-MM-DD) or an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ), got '\(text)'"
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { throw CalendarDate.ParseError(reason: form) }
        let date = try CalendarDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
        if bytes.count == 10 {
            self.init(date: date)
            return
        }
        guard bytes.count >= 20, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = CalendarDate.number(bytes[11..<13]), let minute = CalendarDate.number(bytes[14..<16]),
              let second = CalendarDate.number(bytes[17..<19]) else {
            throw CalendarDate.ParseError(reason: form)
        }
        guard hour < 24, minute < 60, second < 61 else {
            throw CalendarDate.ParseError(reason: "is not a real time of day: '\(text)'")
        }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > start else { throw CalendarDate.ParseError(reason: form) }
        }
        guard index < bytes.count else { throw CalendarDate.ParseError(reason: form) }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { throw CalendarDate.ParseError(reason: form) }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = CalendarDate.number(bytes[(index + 1)..<(index + 3)]),
                  let minutes = CalendarDate.number(bytes[(index + 4)..<(index + 6)]),
                  hours < 24, minutes < 60 else { throw CalendarDate.ParseError(reason: form) }
            offset = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            throw CalendarDate.ParseError(reason: form)
        }
        self.init(date: date, secondsOfDay: hour * 3600 + minute * 60 + min(second, 59),
                  utcOffsetMinutes: offset, hasTime: true)
    }

    /// RFC 3339, as feeds and sitemaps want it (`2022-08-26T09:30:00+02:00`).
    public var rfc3339: String {
        let h = secondsOfDay / 3600, m = (secondsOfDay / 60) % 60, s = secondsOfDay % 60
        let offset = abs(utcOffsetMinutes)
        // The usual moment is written digit by digit into one string: cards,
        // feed entries, page heads and the sitemap write 16 for each article,
        // and joining the date, time and zone strings cost 1,700 instructions.
        if (0...9999).contains(date.year), (0..<86_400).contains(secondsOfDay), offset < 100 * 60 {
            let count = utcOffsetMinutes == 0 ? 20 : 25
            return String(unsafeUninitializedCapacity: count) { buffer in
                // The date as its description writes it, then the time.
                CalendarDate.writeDigits(date.year, date.month, date.day, widths: (4, 2, 2),
                                         separator: UInt8(ascii: "-"), to: buffer, at: 0)
                buffer[10] = UInt8(ascii: "T")
                CalendarDate.writeDigits(h, m, s, widths: (2, 2, 2), separator: UInt8(ascii: ":"), to: buffer, at: 11)
                if utcOffsetMinutes == 0 {
                    buffer[19] = UInt8(ascii: "Z")
                } else {
                    buffer[19] = utcOffsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
                    CalendarDate.writeDigits(offset / 60, count: 2, to: buffer, at: 20)
                    buffer[22] = UInt8(ascii: ":")
                    CalendarDate.writeDigits(offset % 60, count: 2, to: buffer, at: 23)
                }
                return count
            }
        }
        let time = !(0..<86_400).contains(secondsOfDay)
            ? "\(CalendarDate.pad(h, 2)):\(CalendarDate.pad(m, 2)):\(CalendarDate.pad(s, 2))"
            : CalendarDate.digits(h, m, s, widths: (2, 2, 2), separator: UInt8(ascii: ":"))
        let zone: String
        if utcOffsetMinutes == 0 {
            zone = "Z"
        } else {
            zone = (utcOffsetMinutes < 0 ? "-" : "+")
                + "\(CalendarDate.pad(offset / 60, 2)):\(CalendarDate.pad(offset % 60, 2))"
        }
        return "\(date)T\(time)\(zone)"
    }

    public var description: String { hasTime ? rfc3339 : date.description }

    /// Whether an update at `updated` comes before publication at `published`.
    /// Two date-times compare as instants; when either is a plain date, the
    /// calendar days compare, each as written in its own zone: an article
    /// published 2022-09-14T21:00:00-04:00 (already the 15th in UTC) may say
    /// `updated: 2022-09-14`, the day it appeared where it was written.
    public static func update(_ updated: DateTime, precedes published: DateTime) -> Bool {
        if updated.hasTime && published.hasTime { return updated < published }
        return updated.date < published.date
    }

    /// The moment to publish as the last update (feeds, sitemap, JSON-LD) for
    /// an `updated` that does not precede `published` by
    /// ``update(_:precedes:)``, so that no reader sees a modification before
    /// the publication: a plain date is read in the article's zone, and an
    /// update on the day of publication is the publication itself.
    public static func effectiveUpdate(_ updated: DateTime, published: DateTime) -> DateTime {
        guard updated < published else { return updated }
        if !updated.hasTime {
            let local = DateTime(date: updated.date, utcOffsetMinutes: published.utcOffsetMinutes)
            if !(local < published) { return local }
        }
        return published
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

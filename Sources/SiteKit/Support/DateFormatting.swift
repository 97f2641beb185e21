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

    /// "Aug", "Sep", …
    public static func shortMonth(_ month: Int) -> String {
        String(monthNames[month - 1].prefix(3))
    }
}

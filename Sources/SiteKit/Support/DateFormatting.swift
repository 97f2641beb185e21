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
        // Appended to one string: charts write this for every week they draw.
        var text = shortMonth(monday.month)
        text.reserveCapacity(32)
        text += " "
        text += String(monday.day)
        if monday.year != sunday.year {
            text += ", "
            text += String(monday.year)
        }
        text += " \u{2013} "
        text += shortMonth(sunday.month)
        text += " "
        text += String(sunday.day)
        text += ", "
        text += String(sunday.year)
        return text
    }

    /// "Friday": the day of the week, locale-free.
    public static func weekday(_ date: CalendarDate) -> String {
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][date.weekday]
    }

    /// "Sep 4": a short day label for chart axes.
    public static func shortDay(_ date: CalendarDate) -> String {
        "\(shortMonth(date.month)) \(date.day)"
    }
}

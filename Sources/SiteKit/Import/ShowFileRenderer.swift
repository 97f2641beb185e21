/// Writes the parts of a show data file that the importer owns, in the schema that
/// ``Show/parse(_:file:slug:)`` reads: two-space indentation, weeks oldest first,
/// country ranks as a flow mapping sorted by code (`{CA: 2, NO: 1, US: 3}`), views
/// only when Netflix published them.
enum ShowFileRenderer {
    /// The complete text of a new data file.
    static func newFile(title: String, netflix: NetflixIdentity, runtimeHours: Double?,
                        weeks: [ShowWeek], countries: [CountryWeek]) -> String {
        var lines = ["title: \(YAMLScalar.quoted(title))"]
        lines += netflixBlock(netflix)
        if let runtimeHours { lines.append(runtimeLine(runtimeHours)) }
        lines += weeksBlock(weeks)
        if !countries.isEmpty { lines += countriesBlock(countries) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `netflix:` and its three indented lines.
    static func netflixBlock(_ identity: NetflixIdentity) -> [String] {
        ["netflix:"] + netflixBody(identity)
    }

    /// The indented lines under `netflix:`.
    static func netflixBody(_ identity: NetflixIdentity) -> [String] {
        ["  show_title: \(YAMLScalar.quoted(identity.showTitle))",
         "  season_title: \(YAMLScalar.quoted(identity.seasonTitle))",
         "  category: \(YAMLScalar.quoted(identity.category))"]
    }

    /// `runtime_hours: 8.3167`: at most four decimals, as Netflix publishes it, without trailing zeros.
    static func runtimeLine(_ hours: Double) -> String {
        var text = NumberFormatting.decimal(hours, places: 4)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return "runtime_hours: \(text)"
    }

    /// `weeks:` and one entry per week, oldest first.
    static func weeksBlock(_ weeks: [ShowWeek]) -> [String] {
        ["weeks:"] + weeksBody(weeks)
    }

    /// The entries under `weeks:`, oldest first.
    static func weeksBody(_ weeks: [ShowWeek]) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(weeks.count * 5)
        for week in weeks.sorted(by: { $0.weekEnding < $1.weekEnding }) {
            lines.append("  - week_ending: \(week.weekEnding)")
            lines.append("    rank: \(week.rank)")
            lines.append("    hours_viewed: \(week.hoursViewed)")
            if let views = week.views { lines.append("    views: \(views)") }
            lines.append("    weeks_in_top_10: \(week.weeksInTop10)")
        }
        return lines
    }

    /// `countries:` and one entry per week, oldest first.
    static func countriesBlock(_ countries: [CountryWeek]) -> [String] {
        ["countries:"] + countriesBody(countries)
    }

    /// The entries under `countries:`, oldest first, codes sorted.
    static func countriesBody(_ countries: [CountryWeek]) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(countries.count * 2)
        for week in countries.sorted(by: { $0.weekEnding < $1.weekEnding }) {
            // Codes are two capital letters, checked against Countries.names on import, so
            // they are safe as plain keys; Show.parse reads them as text, so NO stays Norway.
            let ranks = week.ranks.sorted { $0.country < $1.country }
                .map { "\($0.country): \($0.rank)" }.joined(separator: ", ")
            lines.append("  - week_ending: \(week.weekEnding)")
            lines.append("    ranks: {\(ranks)}")
        }
        return lines
    }
}

/// The numbers behind each kind of chart and table, as CSV for readers who
/// want to check or reuse them: one row per drawn figure, plain digits (no
/// separators or units), dates as YYYY-MM-DD, an empty field where Netflix
/// published nothing.
enum ChartData {
    /// A show's weeks: the weekly column chart and the viewing table.
    static func weekly(_ show: Show) -> String {
        CSV.document(
            header: ["show", "week_start", "week_ending", "days_counted", "rank", "hours_viewed", "views", "weeks_in_top_10"],
            rows: show.weeks.map { week in
                [show.title, week.weekEnding.adding(days: -6).description, week.weekEnding.description,
                 String(PartialWeek.days(of: week, premiere: show.premiere) ?? 7), String(week.rank),
                 String(week.hoursViewed), week.views.map(String.init) ?? "", String(week.weeksInTop10)]
            })
    }

    /// A comparison: each show's weeks by week number since its first week
    /// in the range drawn, up to `weekLimit`.
    static func comparison(_ shows: [Show], metric: ViewingMetric, weekLimit: Int?) -> String {
        var rows: [[String]] = []
        for show in shows {
            for (number, week) in comparisonWeeks(show, weekLimit: weekLimit) {
                rows.append([show.title, String(number), week.weekEnding.description,
                             metric.value(of: week).map(String.init) ?? ""])
            }
        }
        let column = metric == .hours ? "hours_viewed" : metric.rawValue
        return CSV.document(header: ["show", "week_since_debut", "week_ending", column], rows: rows)
    }

    /// A show's weeks in a comparison window, with their week number since
    /// its first week in the range (week 1).
    static func comparisonWeeks(_ show: Show, weekLimit: Int?) -> [(number: Int, week: ShowWeek)] {
        guard let debut = show.weeks.first?.weekEnding else { return [] }
        return show.weeks.map { ((($0.weekEnding.daysSinceEpoch - debut.daysSinceEpoch) / 7 + 1), $0) }
            .filter { weekLimit == nil || $0.0 <= weekLimit! }
    }

    /// A heatmap's rows in their drawn order: one record per country and
    /// week, the rank empty when the title was not in that country's Top 10.
    static func heatmap(_ rows: [CountryHeatmap.Row], weeks: [CalendarDate]) -> String {
        var records: [[String]] = []
        for row in rows {
            for week in weeks {
                records.append([row.code, row.name, Countries.region(of: row.code)?.name ?? "", week.description,
                                row.ranks[week].map(String.init) ?? ""])
            }
        }
        return CSV.document(header: ["country_code", "country", "region", "week_ending", "rank"], rows: records)
    }
}

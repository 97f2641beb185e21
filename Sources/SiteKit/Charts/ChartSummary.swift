/// The one sentence that goes with every chart: what a reader should take
/// from it, written from the data. It is the SVG's `<desc>` and is shown
/// under the chart's title. Numbers are compact ("16.7M"), as on the axes;
/// the exact figures are in the table.
enum ChartSummary {
    /// A weekly hours or views chart: entry, peak and the change from entry
    /// to peak, and the latest re-entry after a break:
    /// "Entered at No. 7 with 16.7M hours; peaked at No. 4 in week 2 with 31.1M (+87%)."
    /// - Parameter premiere: the title's premiere, so a debut week that counts
    ///   only a few days says so ("in a 3-day first week") and the change from
    ///   it is not read as growth.
    static func weekly(_ weeks: [ShowWeek], metric: ViewingMetric, premiere: CalendarDate? = nil) -> String {
        let unit = metric == .views ? "views" : "hours"
        let plotted = weeks.compactMap { week in metric.value(of: week).map { (week: week, value: $0) } }
        guard let debut = weeks.first, let first = plotted.first,
              let peak = plotted.max(by: { $0.value < $1.value }) else {
            return "No \(metric.noun) figures."
        }
        let partialDays = first.week == debut ? PartialWeek.days(of: debut, premiere: premiere) : nil
        let opening = first.week == debut
            ? "Entered at No. \(first.week.rank) with \(compact(first.value)) \(unit)"
                + (partialDays.map { " in a \($0)-day first week" } ?? "")
            : "In its first week with \(unit) published (\(DateFormatting.medium(first.week.weekEnding))), "
                + "No. \(first.week.rank) with \(compact(first.value))"
        var text: String
        if plotted.count == 1 {
            text = opening + ", its only week in the Top 10"
        } else if peak.week == first.week {
            text = opening + ", its biggest week; \(plural(weeks.count, "week")) in the Top 10"
        } else {
            // Against a few days' figures a rise is no growth: say what it is measured on.
            let base = partialDays.map { " on the \($0)-day week" } ?? ""
            let change = WeekOverWeek.percentChange(from: first.value, to: peak.value)
                .map { " (\(NumberFormatting.signedPercent($0))\(base))" } ?? ""
            text = opening + "; peaked at No. \(peak.week.rank) in week \(weekNumber(peak.week, since: debut)) "
                + "with \(compact(peak.value))\(change)"
        }
        return text + reentry(weeks) + "."
    }

    /// A rank chart: entry, best rank and weeks at No. 1.
    static func rank(_ weeks: [ShowWeek]) -> String {
        guard let first = weeks.first, let best = weeks.min(by: { $0.rank < $1.rank }) else {
            return "No rank figures."
        }
        let atTop = weeks.filter { $0.rank == 1 }.count
        let total = plural(weeks.count, "week")
        var text: String
        if best.rank == first.rank {
            text = best.rank == 1
                ? "Entered at No. 1 and spent \(atTop) of its \(total) in the Top 10 at No. 1"
                : "Entered at No. \(first.rank), its best rank, and spent \(total) in the Top 10"
        } else {
            let week = weekNumber(best, since: first)
            text = best.rank == 1
                ? "Entered at No. \(first.rank) and reached No. 1 in week \(week); \(atTop) of its \(total) in the Top 10 at No. 1"
                : "Entered at No. \(first.rank) and peaked at No. \(best.rank) in week \(week); \(total) in the Top 10, none at No. 1"
        }
        return text + reentry(weeks) + "."
    }

    /// A comparison: which show had the bigger launch (the highest week in
    /// the window), and the others' peaks:
    /// "The Lincoln Lawyer had the bigger launch, peaking at 108M hours in week 2, ahead of Partner Track (31.1M in week 2)."
    /// - Parameter peaks: per show, its title and its highest week in the
    ///   window (week number since debut and value), or `nil` without figures.
    static func comparison(_ peaks: [(title: String, peak: (week: Int, value: Int)?)], metric: ViewingMetric) -> String {
        let unit = metric == .views ? "views" : "hours"
        let ranked = peaks.enumerated().compactMap { index, entry in entry.peak.map { (index, entry.title, $0) } }
            .sorted { ($0.2.value, -$0.0) > ($1.2.value, -$1.0) }
        guard let leader = ranked.first else { return "No \(metric.noun) figures in these weeks." }
        var text = "\(leader.1) had the \(peaks.count == 2 ? "bigger" : "biggest") launch, peaking at "
            + "\(compact(leader.2.value)) \(unit) in week \(leader.2.week)"
        let others = ranked.dropFirst().map { "\($0.1) (\(compact($0.2.value)) in week \($0.2.week))" }
        if !others.isEmpty { text += ", ahead of \(ComparisonChart.list(others))" }
        let missing = peaks.filter { $0.peak == nil }.map(\.title)
        if !missing.isEmpty { text += "; no \(unit) figures for \(ComparisonChart.list(missing))" }
        return text + "."
    }

    /// A country heatmap: how widely the title reached No. 1 (or its best
    /// rank) and where it stayed there longest:
    /// "No. 1 in 24 of the 28 countries shown; longest at No. 1 in Poland (7 weeks)."
    /// - Parameter rows: per country, its name and its rank in each week shown.
    static func heatmap(_ rows: [(name: String, ranks: [Int])]) -> String {
        let charted = rows.filter { !$0.ranks.isEmpty }
        guard let best = charted.flatMap(\.ranks).min() else { return "Not in the Top 10 of any country shown." }
        let shown = rows.count == 1 ? "the one country shown" : "\(rows.count) countries shown"
        let atBest = charted.filter { $0.ranks.contains(best) }
        // Longest stay at the best rank; ties go to the row listed first.
        var leader = atBest[0]
        for row in atBest.dropFirst() where row.ranks.filter({ $0 == best }).count > leader.ranks.filter({ $0 == best }).count {
            leader = row
        }
        let weeksAtBest = leader.ranks.filter { $0 == best }.count
        let reach = rows.count == 1 ? shown : "\(atBest.count) of the \(shown)"
        var text = best == 1 ? "No. 1 in \(reach)" : "Best rank No. \(best), in \(reach)"
        if atBest.count > 1 || weeksAtBest > 1 {
            text += "; longest at No. \(best) in \(leader.name) (\(plural(weeksAtBest, "week")))"
        }
        let missing = rows.count - charted.count
        if missing > 0 { text += "; not in the Top 10 of \(missing == 1 ? "1 of them" : "\(missing) of them")" }
        return text + "."
    }

    /// "; back in the Top 10 on Nov 23, 2025 after 162 weeks out" for the
    /// latest return after an axis break, else nothing.
    private static func reentry(_ weeks: [ShowWeek]) -> String {
        let segments = WeekAxis.segments(weeks.map(\.weekEnding))
        guard segments.count > 1, let back = segments.last?.first, let left = segments[segments.count - 2].last else {
            return ""
        }
        let out = (back.daysSinceEpoch - left.daysSinceEpoch) / 7 - 1
        return "; back in the Top 10 on \(DateFormatting.medium(back)) after \(plural(out, "week")) out"
    }

    /// Week 1 is the first week in the Top 10.
    static func weekNumber(_ week: ShowWeek, since debut: ShowWeek) -> Int {
        (week.weekEnding.daysSinceEpoch - debut.weekEnding.daysSinceEpoch) / 7 + 1
    }

    private static func compact(_ value: Int) -> String {
        NumberFormatting.compact(Double(value))
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}

/// The weekly table of a show: one row per week in the global Top 10, with the
/// week as a readable period, hours viewed, the change against the week
/// before, rank, week in the Top 10 and, when a week shown has them, views.
///
/// A debut week that starts after its Monday (the premiere fell within it) is
/// marked with the days it counts, and the change against it is flagged: it
/// compares a full week with a partial one.
public struct ViewingTable: Sendable {
    /// The show whose weeks are listed.
    public var show: Show
    /// The table's caption.
    public var caption: String

    /// A table; `caption` defaults to "<title>: weekly global Top 10".
    public init(show: Show, caption: String? = nil) {
        self.show = show
        self.caption = caption ?? "\(show.title): weekly global Top 10"
    }

    /// What the figure caption says about reading the table.
    static let note = "Global weekly list (Monday to Sunday). "
        + "Change is against the week before; a week after a gap in the Top 10 starts a new run and shows no change."

    /// The marker on a change measured against a partial week.
    static let partialMarker = "\u{2020}"

    /// The table in sitegen's standard figure.
    public func render() -> HTML {
        ChartFigure.standard(figure())
    }

    /// What the figure holds: the table, and a note on how to read it (and on
    /// the partial debut week when one is shown).
    public func figure() -> FigureModel {
        var note = Self.note
        if let days = flaggedPartialDays, let premiere = show.premiere {
            note += " \(Self.partialMarker) Against the first week, which counts only \(Self.days(days)) "
                + "(the premiere was on \(DateFormatting.weekday(premiere)), \(DateFormatting.medium(premiere))): "
                + "the change overstates the growth."
        }
        return FigureModel(kind: "table", caption: note, table: table().render())
    }

    /// The days of the partial debut week when the table shows a change
    /// against it (the next week is in the table too).
    var flaggedPartialDays: Int? {
        let weeks = weeksWithContext.weeks
        for index in weeks.indices.dropFirst() where WeekOverWeek.isNextWeek(weeks[index - 1].weekEnding, weeks[index].weekEnding) {
            if let days = PartialWeek.days(of: weeks[index - 1], premiere: show.premiere) { return days }
        }
        return nil
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// The weeks shown, after the week before the range when there is one:
    /// the first row's change is measured against it.
    var weeksWithContext: (weeks: [ShowWeek], offset: Int) {
        guard let before = show.weekBefore else { return (show.weeks, 0) }
        return ([before] + show.weeks, 1)
    }

    func table() -> DataTable {
        let weeks = show.weeks
        let (context, offset) = weeksWithContext
        let hasViews = weeks.contains { $0.views != nil }
        let changes = WeekOverWeek.changes(context) { $0.hoursViewed }
        var columns = [DataTable.Column(label: "Week", numeric: false),
                       DataTable.Column(label: "Hours viewed", numeric: true),
                       DataTable.Column(label: "Change", numeric: true),
                       DataTable.Column(label: "Rank", numeric: true),
                       DataTable.Column(label: "Week in Top 10", numeric: true)]
        if hasViews { columns.append(DataTable.Column(label: "Views", numeric: true)) }
        let rows = weeks.indices.map { index -> DataTable.Row in
            let week = weeks[index]
            var cells = [DataTable.Cell(content: "\(NumberFormatting.grouped(week.hoursViewed))"),
                         Self.changeCell(changes[index + offset], index: index + offset, weeks: context, premiere: show.premiere),
                         DataTable.Cell(content: "#\(week.rank)"),
                         DataTable.Cell(content: "\(week.weeksInTop10)")]
            if hasViews {
                cells.append(week.views.map { DataTable.Cell(content: "\(NumberFormatting.grouped($0))") }
                             ?? .missing("not published"))
            }
            let partial = PartialWeek.days(of: week, premiere: show.premiere)
            return DataTable.Row(header: Self.weekHeader(week.weekEnding, partialDays: partial), cells: cells)
        }
        return DataTable(caption: caption, columns: columns, rows: rows)
    }

    /// "Aug 29 – Sep 4, 2022" with the machine-readable week end, and the
    /// days a partial debut week counts ("3 days").
    static func weekHeader(_ weekEnding: CalendarDate, partialDays: Int? = nil) -> HTML {
        let time: HTML = "<time datetime=\"\(weekEnding.description)\">\(DateFormatting.week(ending: weekEnding))</time>"
        guard let partialDays else { return time }
        return "\(time) <span class=\"partial-week\">\(days(partialDays))</span>"
    }

    /// "+87%" in the colour of its direction, or why there is no change; a
    /// change against a partial debut week carries a marker and says so to
    /// screen readers.
    static func changeCell(_ change: Int?, index: Int, weeks: [ShowWeek], premiere: CalendarDate? = nil) -> DataTable.Cell {
        if let change {
            let direction = change > 0 ? ["change-up"] : change < 0 ? ["change-down"] : []
            if index > 0, let days = PartialWeek.days(of: weeks[index - 1], premiere: premiere) {
                return DataTable.Cell(
                    content: "\(NumberFormatting.signedPercent(change))<span class=\"partial-flag\" aria-hidden=\"true\">\(partialMarker)</span><span class=\"visually-hidden\"> (against a first week of only \(Self.days(days)))</span>",
                    classes: direction + ["against-partial"])
            }
            return DataTable.Cell(content: "\(NumberFormatting.signedPercent(change))", classes: direction)
        }
        if index > 0 && !WeekOverWeek.isNextWeek(weeks[index - 1].weekEnding, weeks[index].weekEnding) {
            return DataTable.Cell(content: "re-entry", classes: ["muted"])
        }
        if weeks[index].weeksInTop10 == 1 {
            return DataTable.Cell(content: "new", classes: ["muted"])
        }
        // The first row of a range that starts after the debut: the week before is not in the table.
        return .missing(index == 0 ? "earlier weeks not shown" : "no previous week")
    }
}

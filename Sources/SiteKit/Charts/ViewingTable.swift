/// The weekly table of a show: one row per week in the global Top 10, with the
/// week as a readable period, hours viewed, the change against the week
/// before, rank, week in the Top 10 and, once Netflix published them, views.
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
    static let note = "Source: Netflix Top 10, global weekly list (Monday to Sunday). "
        + "Change is against the week before; a week after a gap in the Top 10 starts a new run and shows no change."

    /// The table in its figure.
    public func render() -> HTML {
        ChartFigure.table(table(), note: Self.note)
    }

    func table() -> DataTable {
        let weeks = show.weeks
        let hasViews = weeks.contains { $0.views != nil }
        let changes = WeekOverWeek.changes(weeks) { $0.hoursViewed }
        var columns = [DataTable.Column(label: "Week", numeric: false),
                       DataTable.Column(label: "Hours viewed", numeric: true),
                       DataTable.Column(label: "Change", numeric: true),
                       DataTable.Column(label: "Rank", numeric: true),
                       DataTable.Column(label: "Week in Top 10", numeric: true)]
        if hasViews { columns.append(DataTable.Column(label: "Views", numeric: true)) }
        let rows = weeks.indices.map { index -> DataTable.Row in
            let week = weeks[index]
            var cells = [DataTable.Cell(content: "\(NumberFormatting.grouped(week.hoursViewed))"),
                         Self.changeCell(changes[index], index: index, weeks: weeks),
                         DataTable.Cell(content: "#\(week.rank)"),
                         DataTable.Cell(content: "\(week.weeksInTop10)")]
            if hasViews {
                cells.append(week.views.map { DataTable.Cell(content: "\(NumberFormatting.grouped($0))") }
                             ?? .missing("not published"))
            }
            return DataTable.Row(header: Self.weekHeader(week.weekEnding), cells: cells)
        }
        return DataTable(caption: caption, columns: columns, rows: rows)
    }

    /// "Aug 29 – Sep 4, 2022" with the machine-readable week end.
    static func weekHeader(_ weekEnding: CalendarDate) -> HTML {
        "<time datetime=\"\(weekEnding.description)\">\(DateFormatting.week(ending: weekEnding))</time>"
    }

    /// "+87%" in the colour of its direction, or why there is no change.
    static func changeCell(_ change: Int?, index: Int, weeks: [ShowWeek]) -> DataTable.Cell {
        if let change {
            let direction = change > 0 ? ["change-up"] : change < 0 ? ["change-down"] : []
            return DataTable.Cell(content: "\(NumberFormatting.signedPercent(change))", classes: direction)
        }
        if index > 0 && !WeekOverWeek.isNextWeek(weeks[index - 1].weekEnding, weeks[index].weekEnding) {
            return DataTable.Cell(content: "re-entry", classes: ["muted"])
        }
        if weeks[index].weeksInTop10 == 1 {
            return DataTable.Cell(content: "new", classes: ["muted"])
        }
        return .missing("no previous week")
    }
}

/// One column per week for one show, on a continuous week axis: a week out of
/// the Top 10 is an empty slot, so gaps look like gaps. Each column carries
/// the week's rank.
///
/// For `rank`, a column's height is 11 − rank (rank 1 tallest, rank 10 one
/// unit high, zero meaning "not in the Top 10"), so taller is better as for
/// the other metrics; the description says so in words.
public struct WeeklyColumnChart: Sendable {
    /// The show whose weeks are drawn.
    public var show: Show
    /// What the columns measure.
    public var metric: ViewingMetric
    /// The figure caption and the SVG's title.
    public var caption: String

    /// A chart; `caption` defaults to "<title>: hours viewed per week".
    public init(show: Show, metric: ViewingMetric = .hours, caption: String? = nil) {
        self.show = show
        self.metric = metric
        self.caption = caption ?? "\(show.title): \(metric.noun) per week"
    }

    static let width = 640.0, height = 320.0
    static let left = 52.0, right = 12.0, top = 28.0, bottom = 56.0
    static var baseline: Double { height - bottom }
    static var plotHeight: Double { baseline - top }

    /// A column's geometry and the week it stands for.
    struct Column {
        var week: ShowWeek
        var value: Int
        var slot: Int
        var x: Double, y: Double, width: Double, height: Double
        var center: Double { x + width / 2 }
    }

    /// The weeks with a figure for the metric, oldest first.
    var plotted: [(week: ShowWeek, value: Int)] {
        show.weeks.compactMap { week in metric.value(of: week).map { (week, $0) } }
    }

    /// The width of one week on the axis.
    var slotWidth: Double { (Self.width - Self.left - Self.right) / Double(slotCount) }

    /// Whether a rank label ("#10" in small type) fits above each column;
    /// on a long axis (about 40 weeks and more) the ranks stay in the hover
    /// text and the table, and the description says so.
    var labelsFit: Bool { slotWidth >= 14 }

    /// Slots on the week axis: one per week from the show's first to its last.
    var slotCount: Int {
        guard let first = show.weeks.first, let last = show.weeks.last else { return 1 }
        return (last.weekEnding.daysSinceEpoch - first.weekEnding.daysSinceEpoch) / 7 + 1
    }

    /// The top of the value scale and the labelled ticks (value, label).
    var scale: (top: Double, ticks: [(Double, String)]) {
        if metric == .rank {
            return (10, [(10, "#1"), (6, "#5"), (1, "#10")])
        }
        let ticks = NiceTicks(covering: Double(plotted.map(\.value).max() ?? 0))
        return (ticks.top, ticks.values.map { ($0, NumberFormatting.compact($0)) })
    }

    /// The height a value is drawn at, in scale units.
    func scaled(_ value: Int) -> Double {
        metric == .rank ? Double(11 - value) : Double(value)
    }

    func columns() -> [Column] {
        guard let first = show.weeks.first?.weekEnding else { return [] }
        let barWidth = min(slotWidth * 0.7, 64)
        let top = scale.top
        return plotted.map { week, value in
            let slot = (week.weekEnding.daysSinceEpoch - first.daysSinceEpoch) / 7
            let height = scaled(value) / top * Self.plotHeight
            return Column(week: week, value: value, slot: slot,
                          x: Self.left + Double(slot) * slotWidth + (slotWidth - barWidth) / 2,
                          y: Self.baseline - height, width: barWidth, height: height)
        }
    }

    /// The chart in its figure with its data table.
    /// - Parameter id: unique on the page.
    public func render(id: String) -> HTML {
        ChartFigure.chart(kind: "columns", caption: caption, svg: svg(id: id), table: table())
    }

    func svg(id: String) -> HTML {
        let plotRight = Self.width - Self.right
        let (top, ticks) = scale
        var grid: [HTML] = []
        var axis: [HTML] = []
        for (value, label) in ticks {
            let y = Self.baseline - value / top * Self.plotHeight
            if value > 0 { grid.append(ChartSVG.horizontalLine(y: y, from: Self.left, to: plotRight)) }
            axis.append(ChartSVG.text(label, x: Self.left - 6, y: y + 4, anchor: "end"))
        }
        axis.append(ChartSVG.horizontalLine(y: Self.baseline, from: Self.left, to: plotRight, className: "baseline"))
        axis += weekLabels()
        axis.append(ChartSVG.text(metric == .rank ? "Rank (taller is better)" : capitalized(metric.noun),
                                  x: 0, y: 12, className: "axis-title"))
        axis.append(ChartSVG.text("Week ending", x: (Self.left + plotRight) / 2, y: Self.height - 4,
                                  anchor: "middle", className: "axis-title"))
        let columns = columns()
        let bars = columns.map { column -> HTML in
            let hover = "\(DateFormatting.week(ending: column.week.weekEnding)): "
                + (metric == .rank ? "#\(column.value)" : "\(metric.describe(column.value)), rank #\(column.week.rank)")
            let label = labelsFit
                ? ChartSVG.text("#\(column.week.rank)", x: column.center, y: column.y - 5, anchor: "middle",
                                className: slotWidth < 24 ? "bar-label small" : "bar-label")
                : HTML.empty
            return """
            <rect class="bar" x="\(ChartSVG.number(column.x))" y="\(ChartSVG.number(column.y))" width="\(ChartSVG.number(column.width))" height="\(ChartSVG.number(column.height))"><title>\(hover)</title></rect>
            \(label)
            """
        }
        let content: HTML = """
        <g class="grid">
        \(grid)</g>
        <g class="axis">
        \(axis)</g>
        <g class="bars">
        \(bars)</g>

        """
        return ChartSVG.document(id: id, kind: "columns", width: Self.width, height: Self.height,
                                 title: caption, summary: summary(), content: content)
    }

    /// Date labels under the slots, thinned out so they never overlap; the
    /// year under the first label and wherever it changes.
    func weekLabels() -> [HTML] {
        guard let first = show.weeks.first?.weekEnding else { return [] }
        let every = max(1, Int((46 / slotWidth).rounded(.up)))
        var labels: [HTML] = []
        var lastYear: Int?
        for slot in stride(from: 0, to: slotCount, by: every) {
            let date = first.adding(days: slot * 7)
            let x = Self.left + (Double(slot) + 0.5) * slotWidth
            labels.append(ChartSVG.text(DateFormatting.shortDay(date), x: x, y: Self.baseline + 16, anchor: "middle"))
            if date.year != lastYear {
                labels.append(ChartSVG.text(String(date.year), x: x, y: Self.baseline + 30, anchor: "middle",
                                            className: "muted-text"))
                lastYear = date.year
            }
        }
        return labels
    }

    /// The chart in words: what it shows, the span, the peak and any gaps.
    func summary() -> String {
        let weeks = plotted
        guard let first = weeks.first, let last = weeks.last else {
            return "No \(metric.noun) figures for \(show.title)."
        }
        let count = weeks.count == 1 ? "1 week" : "\(weeks.count) weeks"
        var text = "Column chart of \(metric.noun) per week for \(show.title): \(count) in the global Top 10, "
            + "from the week ending \(DateFormatting.medium(first.week.weekEnding)) to the week ending \(DateFormatting.medium(last.week.weekEnding)). "
        if metric == .rank {
            text += "Column height shows rank: the taller the column, the better the rank; a full-height column is #1. "
            let best = weeks.min { $0.value < $1.value }!
            text += "Best: #\(best.value) in the week \(DateFormatting.week(ending: best.week.weekEnding)). "
        } else {
            let peak = weeks.max { $0.value < $1.value }!
            text += "Peak: \(metric.describe(peak.value)) in the week \(DateFormatting.week(ending: peak.week.weekEnding)), at rank #\(peak.week.rank). "
            text += labelsFit ? "Each column is labelled with the week's rank. " : "The ranks are in the table of numbers. "
        }
        let runs = WeekOverWeek.runs(show.weeks)
        for (earlier, later) in zip(runs, runs.dropFirst()) {
            let left = show.weeks[earlier.upperBound - 1].weekEnding, back = show.weeks[later.lowerBound].weekEnding
            let missed = (back.daysSinceEpoch - left.daysSinceEpoch) / 7 - 1
            text += "Gap: out of the Top 10 for \(missed == 1 ? "1 week" : "\(missed) weeks") after the week ending \(DateFormatting.medium(left)). "
        }
        return String(text.dropLast())
    }

    func table() -> DataTable {
        var columns = [DataTable.Column(label: "Week", numeric: false)]
        if metric != .rank { columns.append(DataTable.Column(label: capitalized(metric.noun), numeric: true)) }
        columns.append(DataTable.Column(label: "Rank", numeric: true))
        let rows = show.weeks.map { week -> DataTable.Row in
            var cells: [DataTable.Cell] = []
            if metric != .rank {
                cells.append(metric.value(of: week).map { DataTable.Cell(content: "\(NumberFormatting.grouped($0))") }
                             ?? .missing("not published"))
            }
            cells.append(DataTable.Cell(content: "#\(week.rank)"))
            return DataTable.Row(header: ViewingTable.weekHeader(week.weekEnding), cells: cells)
        }
        return DataTable(caption: caption, columns: columns, rows: rows)
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// One show's weeks in the Top 10: a column per week for hours or views, a
/// line of ranks (No. 1 at the top) for `rank`.
///
/// Weeks sit on a ``WeekAxis``: a short absence is an empty slot, a gap of
/// more than four weeks is a marked break labelled with the re-entry date,
/// and columns never get narrower than ``minimumColumn`` (when the weeks do
/// not fit, the latest runs that fit are drawn and the note under the chart
/// says so). Drawn once per ``ChartLayout``.
public struct WeeklyColumnChart: Sendable {
    /// The show whose weeks are drawn.
    public var show: Show
    /// What the chart measures.
    public var metric: ViewingMetric
    /// The figure caption and the SVG's title.
    public var caption: String

    /// A chart; `caption` defaults to "<title>: hours viewed per week".
    public init(show: Show, metric: ViewingMetric = .hours, caption: String? = nil) {
        self.show = show
        self.metric = metric
        self.caption = caption ?? "\(show.title): \(metric.noun) per week"
    }

    static let top = 32.0, bottom = 56.0, right = 12.0
    /// No column is drawn narrower than this (px at the layout's size).
    static let minimumColumn = 6.0
    /// A column's share of its week's slot, and its widest.
    static let columnShare = 0.75, maximumColumn = 48.0

    /// Where things go at one layout: the plot's edges, the week axis and the value scale.
    struct Frame {
        var layout: ChartLayout
        var left: Double
        var right: Double
        var top: Double
        var baseline: Double
        var axis: WeekAxis
        /// Value ticks with their labels, and the value drawn at `top`.
        var ticks: [(value: Double, label: String)]
        var scaleTop: Double

        /// The y of a value (rank charts: of a rank, No. 1 at `top`).
        func y(_ value: Double, rank: Bool) -> Double {
            rank ? top + (value - 1) / 9 * (baseline - 10 - top)
                : baseline - value / scaleTop * (baseline - top)
        }
    }

    /// A column's geometry and the week it stands for.
    struct Column {
        /// The week's place in ``plotted``.
        var index: Int
        var week: ShowWeek
        var value: Int
        var x: Double, y: Double, width: Double, height: Double
        var center: Double { x + width / 2 }
    }

    /// The weeks with a figure for the metric, oldest first.
    var plotted: [(week: ShowWeek, value: Int)] {
        show.weeks.compactMap { week in metric.value(of: week).map { (week, $0) } }
    }

    func frame(_ layout: ChartLayout) -> Frame {
        let baseline = layout.height - Self.bottom
        let right = layout.width - Self.right
        // The value scale depends on the weeks shown, which depend on the
        // left margin, which depends on the tick labels: fit with the widest
        // label first, then with the real ones.
        var left = 52.0
        var frame: Frame?
        for _ in 0..<2 {
            let axis = WeekAxis(weeks: plotted.map(\.week.weekEnding), left: left, right: right,
                                minimumSlot: Self.minimumColumn / Self.columnShare)
            let shown = Set(axis.shownWeeks)
            let ticks: [(Double, String)]
            let scaleTop: Double
            if metric == .rank {
                ticks = (1...10).map { (Double($0), "#\($0)") }
                scaleTop = 1
            } else {
                let nice = NiceTicks(covering: Double(plotted.filter { shown.contains($0.week.weekEnding) }.map(\.value).max() ?? 0))
                ticks = nice.values.map { ($0, NumberFormatting.compact($0)) }
                scaleTop = nice.top
            }
            frame = Frame(layout: layout, left: left, right: right, top: Self.top, baseline: baseline,
                          axis: axis, ticks: ticks, scaleTop: scaleTop)
            let widest = ticks.map { ChartLayout.box($0.1, x: 0, y: 0).width }.max() ?? 0
            let needed = (widest + 10).rounded(.up)
            if needed == left { break }
            left = needed
        }
        return frame!
    }

    func columns(in frame: Frame) -> [Column] {
        let width = min(frame.axis.slotWidth * Self.columnShare, Self.maximumColumn)
        return plotted.enumerated().compactMap { index, plotted in
            let (week, value) = plotted
            guard let slot = frame.axis.slotX(week.weekEnding) else { return nil }
            let y = frame.y(Double(value), rank: false)
            return Column(index: index, week: week, value: value, x: slot + (frame.axis.slotWidth - width) / 2, y: y,
                          width: width, height: frame.baseline - y)
        }
    }

    /// The chart in sitegen's standard figure.
    /// - Parameter id: unique on the page.
    public func render(id: String) -> HTML {
        ChartFigure.standard(figure(id: id))
    }

    /// What the figure holds: the chart once per layout, its summary and data table.
    /// - Parameter id: unique on the page.
    public func figure(id: String) -> FigureModel {
        // One summary for the figure and every drawing's description.
        let summary = summary()
        // Hover texts are the same at every layout.
        let hovers = metric == .rank ? [] : hoverTexts()
        let drawings = ChartLayout.all.map { layout in
            let frame = frame(layout)
            return (layout, svg(id: ChartSVG.id(id, layout), frame: frame, summary: summary, hovers: hovers), note(frame))
        }
        return FigureModel(kind: metric == .rank ? "rank" : "columns", caption: caption, summary: summary,
                           graphic: ChartSVG.layouts(drawings),
                           graphicIDs: ChartSVG.layoutIDs(id), table: table().render())
    }

    func svg(id: String, layout: ChartLayout = .wide) -> HTML {
        svg(id: id, frame: frame(layout))
    }

    /// - Parameters:
    ///   - summary: ``summary()``, when the caller has it.
    ///   - hovers: ``hoverTexts()``, when the caller has them.
    func svg(id: String, frame: Frame, summary: String? = nil, hovers: [String]? = nil) -> HTML {
        let rank = metric == .rank
        var grid: [HTML] = []
        var axis: [HTML] = []
        for (value, label) in frame.ticks {
            let y = frame.y(value, rank: rank)
            if rank || value > 0 {
                for segment in frame.axis.segments {
                    grid.append(ChartSVG.horizontalLine(y: y, from: segment.x, to: frame.axis.end(of: segment)))
                }
            }
            axis.append(ChartSVG.text(label, x: frame.left - 6, y: y + 4, anchor: "end"))
        }
        for segment in frame.axis.segments {
            axis.append(ChartSVG.horizontalLine(y: frame.baseline, from: segment.x, to: frame.axis.end(of: segment),
                                                className: "baseline"))
        }
        axis += frame.axis.labels(baseline: frame.baseline, width: frame.layout.width).map {
            ChartSVG.text($0.text, x: $0.x, y: $0.y, anchor: "middle", className: $0.className)
        }
        axis.append(ChartSVG.text("Week ending", x: (frame.left + frame.right) / 2, y: frame.layout.height - 4,
                                  anchor: "middle", className: "axis-title"))
        let title = rank ? "Global rank" : capitalized(metric.noun)
        axis.append(ChartSVG.text(title, x: 0, y: 14, className: "axis-title"))
        let marks = rank ? rankLine(frame) : bars(frame, hovers: hovers ?? hoverTexts())
        let content: HTML = """
        <g class="grid">
        \(grid)</g>
        <g class="axis">
        \(axis)</g>
        \(breaks(frame, after: ChartLayout.box(title, x: 0, y: 14, className: "axis-title")))\(marks)
        """
        return ChartSVG.document(id: id, kind: rank ? "rank" : "columns", width: frame.layout.width,
                                 height: frame.layout.height, title: caption, summary: summary ?? self.summary(), content: content)
    }

    /// The columns, each with its rank above it when "#10" fits the slot.
    /// Each plotted week's hover text: its dates, figure and rank.
    func hoverTexts() -> [String] {
        plotted.map { week, value in "\(DateFormatting.week(ending: week.weekEnding)): \(metric.describe(value)), rank #\(week.rank)" }
    }

    /// - Parameter hovers: ``hoverTexts()``.
    func bars(_ frame: Frame, hovers: [String]) -> HTML {
        let labelsFit = frame.axis.slotWidth >= ChartLayout.box("#10", x: 0, y: 0, className: "bar-label").width + 2
        let bars = columns(in: frame).map { column -> HTML in
            let hover = hovers[column.index]
            let label = labelsFit
                ? ChartSVG.text("#\(column.week.rank)", x: column.center, y: column.y - 5, anchor: "middle", className: "bar-label")
                : HTML.empty
            return """
            <rect class="bar" x="\(ChartSVG.number(column.x))" y="\(ChartSVG.number(column.y))" width="\(ChartSVG.number(column.width))" height="\(ChartSVG.number(column.height))"><title>\(hover)</title></rect>
            \(label)
            """
        }
        return "<g class=\"bars\">\n\(bars)</g>\n"
    }

    /// Each axis break: a gap in the baseline marked with a double slash, a
    /// dashed guide up to its label, and the label "Back <date>" in the top
    /// band, spread so labels keep clear of each other and of `obstacle`
    /// (the axis title). When the band is too narrow for every label, they
    /// lose the "Back", then the earliest lose their label (their re-entry
    /// week still starts a run on the date axis).
    func breaks(_ frame: Frame, after obstacle: LabelBox) -> HTML {
        let breaks = frame.axis.breaks
        guard !breaks.isEmpty else { return .empty }
        let padding = 8.0, minimum = obstacle.right + 4, maximum = frame.layout.width
        func widths(_ texts: [String]) -> [Double] {
            texts.map { ChartLayout.box($0, x: 0, y: 0, className: "annotation").width }
        }
        func fits(_ texts: ArraySlice<String>) -> Bool {
            widths(Array(texts)).reduce(0) { $0 + $1 + padding } <= maximum - minimum
        }
        var texts = breaks.map { "Back \(DateFormatting.medium($0.reentry))" }
        if !fits(texts[...]) { texts = breaks.map { DateFormatting.medium($0.reentry) } }
        var first = 0
        while first < texts.count && !fits(texts[first...]) { first += 1 }
        let labelled = Array(breaks[first...]), labels = Array(texts[first...])
        let sizes = widths(labels)
        let centres = LabelPlacement.spread(zip(labelled, sizes).map { $0.x + 4 + $1 / 2 }, sizes: sizes, padding: padding,
                                            minimum: minimum, maximum: maximum)
        var parts: [HTML] = []
        for mark in breaks {
            let x = mark.x, y = frame.baseline
            parts.append("<path class=\"axis-break\" d=\"M\(ChartSVG.number(x - 6)),\(ChartSVG.number(y + 6)) L\(ChartSVG.number(x - 2)),\(ChartSVG.number(y - 6)) M\(ChartSVG.number(x + 2)),\(ChartSVG.number(y + 6)) L\(ChartSVG.number(x + 6)),\(ChartSVG.number(y - 6))\"/>\n")
            parts.append(ChartSVG.line(x1: x, y1: 19, x2: x, y2: y - 8, className: "break-guide"))
        }
        for (text, (width, centre)) in zip(labels, zip(sizes, centres)) {
            parts.append(ChartSVG.text(text, x: centre - width / 2, y: 14, className: "annotation"))
        }
        return "<g class=\"breaks\">\n\(parts)</g>\n"
    }

    /// Under the chart, when the axis leaves weeks out: which weeks it shows.
    func note(_ frame: Frame) -> String? {
        guard frame.axis.hiddenWeeks > 0, let first = frame.axis.shownWeeks.first else { return nil }
        let shown = frame.axis.shownWeeks.count
        return "Showing the latest \(shown == 1 ? "week" : "\(shown) weeks") in the Top 10, from the week ending "
            + "\(DateFormatting.medium(first)); all \(plotted.count) are under \u{201C}Show the numbers\u{201D}."
    }

    /// The chart in one sentence (see ``ChartSummary``).
    func summary() -> String {
        metric == .rank ? ChartSummary.rank(show.weeks) : ChartSummary.weekly(show.weeks, metric: metric, premiere: show.premiere)
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

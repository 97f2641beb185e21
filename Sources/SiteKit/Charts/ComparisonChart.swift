/// Several shows on one chart, aligned by week since debut (week 1 = a show's
/// first week in the Top 10), so launches of different dates compare fairly.
///
/// One line per show, broken where the show left the Top 10 (each run of
/// consecutive weeks is its own `<polyline>`), every week marked with a dot
/// that carries hover text, and each line labelled at its end with the show's
/// title, so nobody hunts through a legend. Colours are `--chart-line-N`
/// (Okabe–Ito) through the classes `series-N`.
public struct ComparisonChart: Sendable {
    /// The shows, one line each, in palette order.
    public var shows: [Show]
    /// `.hours` or `.views`.
    public var metric: ViewingMetric
    /// Weeks 1…`weekLimit` since debut (default ``defaultWeeks``); later
    /// weeks are left out of the chart and its table.
    public var weekLimit: Int
    /// The figure caption and the SVG's title.
    public var caption: String

    /// The palette has this many colours, so at most this many shows.
    public static let maximumShows = 7
    /// A launch is compared over this many weeks unless `weeks:` says otherwise.
    public static let defaultWeeks = 12

    /// A comparison; `caption` defaults to "Hours viewed in the first 12 weeks since debut: A, B and C".
    public init(shows: [Show], metric: ViewingMetric = .hours, weekLimit: Int? = nil, caption: String? = nil) {
        precondition(metric != .rank, "a comparison plots hours or views")
        self.shows = shows
        self.metric = metric
        self.weekLimit = weekLimit ?? Self.defaultWeeks
        self.caption = ""
        let last = lastWeek
        self.caption = caption ?? "\(Self.capitalized(metric.noun)) in the first \(last == 1 ? "week" : "\(last) weeks") since debut: \(Self.list(shows.map(\.title)))"
    }

    static let top = 24.0, bottom = 44.0
    /// Space between the plot and the end labels in the margin, where a
    /// short key in the series' colour (from 9 to 17) ties each label to its line.
    static let labelGap = 22.0

    /// A plotted week: the show's week, its week number since debut and the point.
    struct Point {
        var week: ShowWeek
        var weekNumber: Int
        var value: Int
        var x: Double, y: Double
    }

    /// Where things go at one layout.
    struct Frame {
        var layout: ChartLayout
        var left: Double
        var plotRight: Double
        var baseline: Double
        var ticks: NiceTicks
        var lastWeek: Int
        /// The end-label lines of each show, wrapped to the layout.
        var labels: [[String]]

        func x(_ weekNumber: Int) -> Double {
            let span = plotRight - left
            guard lastWeek > 1 else { return left + span / 2 }
            return left + Double(weekNumber - 1) / Double(lastWeek - 1) * span
        }

        func y(_ value: Double) -> Double {
            baseline - value / ticks.top * (baseline - ComparisonChart.top)
        }
    }

    /// The week number since debut of each week of a show (week 1 = its first week).
    static func weekNumbers(_ show: Show) -> [Int] {
        guard let debut = show.weeks.first?.weekEnding else { return [] }
        return show.weeks.map { ($0.weekEnding.daysSinceEpoch - debut.daysSinceEpoch) / 7 + 1 }
    }

    /// `show` with only the weeks a comparison of `weekLimit` weeks since debut draws.
    static func window(_ show: Show, weekLimit: Int) -> Show {
        var windowed = show
        windowed.weeks = zip(show.weeks, weekNumbers(show)).filter { $0.1 <= weekLimit }.map(\.0)
        return windowed
    }

    /// The last week number on the x axis: the window, or the last week any
    /// show has inside it.
    var lastWeek: Int {
        let last = shows.map { Self.weekNumbers($0).filter { $0 <= weekLimit }.last ?? 1 }.max() ?? 1
        return max(1, min(last, weekLimit))
    }

    /// The weeks of a show inside the window, with their week numbers.
    func shownWeeks(_ show: Show) -> [(number: Int, week: ShowWeek)] {
        zip(Self.weekNumbers(show), show.weeks).filter { $0.0 <= lastWeek }.map { ($0.0, $0.1) }
    }

    var ticks: NiceTicks {
        NiceTicks(covering: Double(shows.flatMap { shownWeeks($0).compactMap { metric.value(of: $0.week) } }.max() ?? 0))
    }

    /// The plot's edges at a layout: the left margin fits the value labels,
    /// the right margin the widest end label (titles shortened to the layout).
    func frame(_ layout: ChartLayout) -> Frame {
        let ticks = ticks
        let widest = ticks.values.map { ChartLayout.box(NumberFormatting.compact($0), x: 0, y: 0).width }.max() ?? 0
        let labels = shows.map { Self.wrapped($0.title, to: layout.titleCharacters) }
        let labelWidth = labels.joined().map { ChartLayout.box($0, x: 0, y: 0, className: "end-label-text").width }.max() ?? 0
        return Frame(layout: layout, left: (widest + 10).rounded(.up),
                     plotRight: (layout.width - labelWidth - Self.labelGap - 2).rounded(.down),
                     baseline: layout.height - Self.bottom, ticks: ticks, lastWeek: lastWeek, labels: labels)
    }

    /// Each show's lines: one list of points per run of consecutive weeks with
    /// a figure (a week without one, such as views before June 2023, breaks
    /// the line too).
    func segments(of show: Show, in frame: Frame) -> [[Point]] {
        var segments: [[Point]] = []
        var current: [Point] = []
        for (number, week) in shownWeeks(show) {
            guard let value = metric.value(of: week) else { continue }
            let point = Point(week: week, weekNumber: number, value: value, x: frame.x(number), y: frame.y(Double(value)))
            if let previous = current.last, point.weekNumber != previous.weekNumber + 1 {
                segments.append(current)
                current = []
            }
            current.append(point)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// The chart in sitegen's standard figure.
    public func render(id: String) -> HTML {
        ChartFigure.standard(figure(id: id))
    }

    /// What the figure holds: the chart once per layout, its summary and data table.
    public func figure(id: String) -> FigureModel {
        // One summary for the figure and every drawing's description.
        let summary = summary()
        let drawings = ChartLayout.all.map { layout in
            (layout, svg(id: ChartSVG.id(id, layout), layout: layout, summary: summary), String?.none)
        }
        return FigureModel(kind: "comparison", caption: caption, summary: summary,
                           graphic: ChartSVG.layouts(drawings),
                           graphicIDs: ChartSVG.layoutIDs(id), table: table().render())
    }

    /// - Parameter summary: ``summary()``, when the caller has it.
    func svg(id: String, layout: ChartLayout = .wide, summary: String? = nil) -> HTML {
        let frame = frame(layout)
        var grid: [HTML] = []
        var axis: [HTML] = []
        for value in frame.ticks.values {
            let y = frame.y(value)
            if value > 0 { grid.append(ChartSVG.horizontalLine(y: y, from: frame.left, to: frame.plotRight)) }
            axis.append(ChartSVG.text(NumberFormatting.compact(value), x: frame.left - 6, y: y + 4, anchor: "end"))
        }
        axis.append(ChartSVG.horizontalLine(y: frame.baseline, from: frame.left, to: frame.plotRight, className: "baseline"))
        axis += weekLabels(frame)
        axis.append(ChartSVG.text(Self.capitalized(metric.noun), x: 0, y: 12, className: "axis-title"))
        axis.append(ChartSVG.text(layout.isNarrow ? "Week since debut" : "Week since debut (week 1 = first week in the Top 10)",
                                  x: (frame.left + frame.plotRight) / 2, y: layout.height - 6, anchor: "middle",
                                  className: "axis-title"))
        var series: [HTML] = []
        var lines: [[Point]] = []
        var ends: [(index: Int, point: Point)] = []
        for (index, show) in shows.enumerated() {
            let segments = segments(of: show, in: frame)
            var marks: [HTML] = []
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(ChartSVG.number($0.x)),\(ChartSVG.number($0.y))" }.joined(separator: " ")
                marks.append("<polyline class=\"line\" points=\"\(points)\"/>\n")
            }
            for point in segments.joined() {
                let hover = "\(show.title), week \(point.weekNumber) (\(DateFormatting.week(ending: point.week.weekEnding))): "
                    + "\(metric.describe(point.value)), rank #\(point.week.rank)"
                marks.append("<circle class=\"marker\" cx=\"\(ChartSVG.number(point.x))\" cy=\"\(ChartSVG.number(point.y))\" r=\"3.5\"><title>\(hover)</title></circle>\n")
            }
            lines.append(contentsOf: segments.map { $0 })
            if let last = segments.last?.last { ends.append((index, last)) }
            series.append("<g class=\"series series-\(index + 1)\">\n\(marks)</g>\n")
        }
        let endLabels = placeEndLabels(ends, lines: lines, frame: frame).map { label -> HTML in
            let end = label.end
            let keyStart = frame.plotRight + 9
            var leader: HTML = label.leader
                ? "<polyline class=\"leader\" points=\"\(ChartSVG.number(end.x + 6)),\(ChartSVG.number(end.y)) \(ChartSVG.number(keyStart)),\(ChartSVG.number(label.y))\"/>"
                : .empty
            if label.inMargin {
                leader.append(ChartSVG.line(x1: keyStart, y1: label.y, x2: keyStart + 8, y2: label.y, className: "key"))
            }
            let lines = frame.labels[label.index]
            let first = label.y + 4 - Double(lines.count - 1) * Self.lineHeight / 2
            let texts = lines.enumerated().map { number, line in
                ChartSVG.text(line, x: label.x, y: first + Double(number) * Self.lineHeight, className: "end-label-text")
            }
            return """
            <g class="series series-\(label.index + 1) end-label"><circle class="marker" cx="\(ChartSVG.number(end.x))" cy="\(ChartSVG.number(end.y))" r="5"/>\(leader)\(texts)</g>

            """
        }
        let content: HTML = """
        <g class="grid">
        \(grid)</g>
        <g class="axis">
        \(axis)</g>
        \(series)\(endLabels)
        """
        return ChartSVG.document(id: id, kind: "comparison", width: layout.width, height: layout.height,
                                 title: caption, summary: summary ?? self.summary(), content: content)
    }

    /// Week numbers under the axis: week 1 and the last week always, then
    /// steps of 1, 2, 5… thinned so that no two overlap.
    func weekLabels(_ frame: Frame) -> [HTML] {
        let last = frame.lastWeek
        let step = max(1, Int(NiceTicks(covering: Double(last), targetCount: frame.layout.isNarrow ? 5 : 10).step.rounded()))
        let weeks = [1, last] + stride(from: step, through: last, by: step).filter { $0 != 1 && $0 != last }
        let unique = weeks.enumerated().filter { index, week in !weeks[..<index].contains(week) }.map(\.element)
        let boxes = unique.map { ChartLayout.box(String($0), x: frame.x($0), y: frame.baseline + 16, anchor: "middle") }
        return LabelPlacement.thin(boxes, gap: 6).map {
            ChartSVG.text(String(unique[$0]), x: frame.x(unique[$0]), y: frame.baseline + 16, anchor: "middle")
        }
    }

    /// An end label: which show, where its line ends, where its text starts
    /// (x, and y of the text's middle), and whether a leader joins the two.
    struct EndLabel {
        var index: Int
        var end: Point
        var x: Double, y: Double
        var leader: Bool
        /// In the right margin, with a key in the series' colour.
        var inMargin: Bool
    }

    /// Direct labels at the ends of the lines. A line that ends before the
    /// last week is labelled beside its end when the label touches no other
    /// line, dot or label there; every other label goes into the right
    /// margin, where they are spread vertically so none overlap (in the
    /// lines' order), kept inside the SVG, and joined to their line's end by
    /// a leader when moved.
    func placeEndLabels(_ ends: [(index: Int, point: Point)], lines: [[Point]], frame: Frame) -> [EndLabel] {
        var placed: [EndLabel] = []
        var inside: [LabelBox] = []
        var margin: [(index: Int, point: Point)] = []
        for end in ends {
            let box = { (x: Double, y: Double) in self.labelBox(frame.labels[end.index], x: x, y: y) }
            // Beside the end, else just above or below it.
            let candidates = [(end.point.x + 9, end.point.y), (end.point.x + 4, end.point.y - 14), (end.point.x + 4, end.point.y + 14)]
            let spot = end.point.weekNumber < frame.lastWeek ? candidates.first { x, y in
                let box = box(x, y)
                return box.right <= frame.plotRight && box.y >= 0 && box.bottom <= frame.baseline - 2
                    && !inside.contains { $0.overlaps(box) }
                    && !lines.contains { line in
                        line.contains { LabelBox(x: $0.x - 5, y: $0.y - 5, width: 10, height: 10).overlaps(box) }
                            || zip(line, line.dropFirst()).contains { box.intersects(from: ($0.x, $0.y), to: ($1.x, $1.y)) }
                    }
            } : nil
            if let (x, y) = spot {
                inside.append(box(x, y))
                placed.append(EndLabel(index: end.index, end: end.point, x: x, y: y, leader: false, inMargin: false))
            } else {
                margin.append(end)
            }
        }
        let heights = margin.map { labelBox(frame.labels[$0.index], x: 0, y: 0).height }
        let ys = LabelPlacement.spread(margin.map(\.point.y), sizes: heights, padding: 3,
                                       minimum: 2, maximum: frame.baseline + 6)
        for (end, y) in zip(margin, ys) {
            let x = frame.plotRight + Self.labelGap
            let moved = abs(y - end.point.y) > 1 || end.point.x < frame.plotRight - 1
            placed.append(EndLabel(index: end.index, end: end.point, x: x, y: y, leader: moved, inMargin: true))
        }
        return placed.sorted { $0.index < $1.index }
    }

    /// Baseline to baseline of a two-line end label.
    static let lineHeight = 14.0

    /// The box of an end label whose lines are centred on `y`.
    func labelBox(_ lines: [String], x: Double, y: Double) -> LabelBox {
        let font = ChartLayout.font(ofClass: "end-label-text")
        let width = lines.map { LabelPlacement.textWidth($0, fontSize: font.size, bold: font.bold) }.max() ?? 0
        let height = font.size + Double(lines.count - 1) * Self.lineHeight
        return LabelBox(x: x, y: y + 4 - 0.8 * font.size - Double(lines.count - 1) * Self.lineHeight / 2,
                        width: width, height: height)
    }

    /// The title as it fits beside the chart, on at most two lines of
    /// `characters`, shortened with an ellipsis when it needs more; the full
    /// title is in the hover text, the summary and the table.
    static func wrapped(_ title: String, to characters: Int) -> [String] {
        guard title.count > characters else { return [title] }
        var lines: [String] = [""]
        for word in title.split(separator: " ") {
            let candidate = lines[lines.count - 1].isEmpty ? String(word) : lines[lines.count - 1] + " " + word
            if candidate.count <= characters || lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = candidate
            } else {
                lines.append(String(word))
            }
        }
        if lines.count > 2 { lines = [lines[0], lines[1...].joined(separator: " ")] }
        return lines.map { $0.count <= characters ? $0 : String($0.prefix(characters - 1)).trimmingTrailingSpaces + "\u{2026}" }
    }

    /// Which show had the bigger launch (see ``ChartSummary``).
    func summary() -> String {
        ChartSummary.comparison(shows.map { show in
            let points = shownWeeks(show).compactMap { entry in metric.value(of: entry.week).map { (week: entry.number, value: $0) } }
            return (show.title, points.max { $0.value < $1.value })
        }, metric: metric)
    }

    /// Week since debut down, one column per show.
    func table() -> DataTable {
        let columns = [DataTable.Column(label: "Week since debut", numeric: false)]
            + shows.map { DataTable.Column(label: $0.title, numeric: true) }
        let weeks: [[Int: ShowWeek]] = shows.map { show in
            Dictionary(shownWeeks(show).map { ($0.number, $0.week) }, uniquingKeysWith: { first, _ in first })
        }
        let rows = (1...max(1, lastWeek)).compactMap { number -> DataTable.Row? in
            guard weeks.contains(where: { $0[number] != nil }) else { return nil }
            let cells = weeks.map { byNumber -> DataTable.Cell in
                guard let week = byNumber[number] else { return .missing("not in the Top 10") }
                return metric.value(of: week).map { DataTable.Cell(content: "\(NumberFormatting.grouped($0))") }
                    ?? .missing("not published")
            }
            return DataTable.Row(header: "Week \(number)", cells: cells)
        }
        return DataTable(caption: caption, columns: columns, rows: rows)
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

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
    /// Only weeks 1…`weekLimit` since debut, when given; later weeks are left
    /// out of the chart and its table, and the description says how many.
    public var weekLimit: Int?
    /// The figure caption and the SVG's title.
    public var caption: String

    /// The palette has this many colours, so at most this many shows.
    public static let maximumShows = 7

    /// A comparison; `caption` defaults to "Hours viewed by week since debut: A, B and C".
    public init(shows: [Show], metric: ViewingMetric = .hours, weekLimit: Int? = nil, caption: String? = nil) {
        precondition(metric != .rank, "a comparison plots hours or views")
        self.shows = shows
        self.metric = metric
        self.weekLimit = weekLimit
        let weeks = weekLimit.map { " (first \($0 == 1 ? "week" : "\($0) weeks"))" } ?? ""
        self.caption = caption ?? "\(Self.capitalized(metric.noun)) by week since debut\(weeks): \(Self.list(shows.map(\.title)))"
    }

    /// The window the performance section uses: long enough for every
    /// show's first run and all of `followed`'s weeks, so that a re-entry
    /// years later does not squeeze the launches into a corner; `nil` when
    /// that already covers every week.
    public static func launchWindow(followed: Show, others: [Show]) -> Int? {
        let all = [followed] + others
        let firstRuns = all.map { WeekOverWeek.runs($0.weeks).first?.count ?? 0 }
        let window = max(firstRuns.max() ?? 1, weekNumbers(followed).last ?? 1, 1)
        let last = all.map { weekNumbers($0).last ?? 1 }.max() ?? 1
        return window < last ? window : nil
    }

    static let width = 640.0, height = 330.0
    static let left = 52.0, top = 24.0, bottom = 44.0
    /// Room for end labels: about 6.5 units per character at the chart's
    /// 12px text, capped; longer titles are shortened on the chart only.
    static let labelCharacters = 26
    static let right = 6.5 * Double(labelCharacters) + 14
    static var baseline: Double { height - bottom }
    static var plotRight: Double { width - right }

    /// A plotted week: the show's week, its week number since debut and the point.
    struct Point {
        var week: ShowWeek
        var weekNumber: Int
        var value: Int
        var x: Double, y: Double
    }

    /// The week number since debut of each week of a show (week 1 = its first week).
    static func weekNumbers(_ show: Show) -> [Int] {
        guard let debut = show.weeks.first?.weekEnding else { return [] }
        return show.weeks.map { ($0.weekEnding.daysSinceEpoch - debut.daysSinceEpoch) / 7 + 1 }
    }

    /// The last week number on the x axis.
    var lastWeek: Int {
        let last = shows.map { Self.weekNumbers($0).last ?? 1 }.max() ?? 1
        return min(last, weekLimit ?? last)
    }

    /// The weeks of a show inside the window, with their week numbers.
    func shownWeeks(_ show: Show) -> [(number: Int, week: ShowWeek)] {
        zip(Self.weekNumbers(show), show.weeks).filter { $0.0 <= lastWeek }.map { ($0.0, $0.1) }
    }

    var ticks: NiceTicks {
        NiceTicks(covering: Double(shows.flatMap { shownWeeks($0).compactMap { metric.value(of: $0.week) } }.max() ?? 0))
    }

    func x(_ weekNumber: Int) -> Double {
        let span = Self.plotRight - Self.left
        guard lastWeek > 1 else { return Self.left + span / 2 }
        return Self.left + Double(weekNumber - 1) / Double(lastWeek - 1) * span
    }

    func y(_ value: Double) -> Double {
        Self.baseline - value / ticks.top * (Self.baseline - Self.top)
    }

    /// Each show's lines: one list of points per run of consecutive weeks with
    /// a figure (a week without one, such as views before June 2023, breaks
    /// the line too).
    func segments(of show: Show) -> [[Point]] {
        var segments: [[Point]] = []
        var current: [Point] = []
        for (number, week) in shownWeeks(show) {
            guard let value = metric.value(of: week) else { continue }
            let point = Point(week: week, weekNumber: number, value: value, x: x(number), y: y(Double(value)))
            if let previous = current.last, point.weekNumber != previous.weekNumber + 1 {
                segments.append(current)
                current = []
            }
            current.append(point)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// The chart in its figure with its data table.
    public func render(id: String) -> HTML {
        ChartFigure.chart(kind: "comparison", caption: caption, svg: svg(id: id), table: table())
    }

    func svg(id: String) -> HTML {
        var grid: [HTML] = []
        var axis: [HTML] = []
        let ticks = ticks
        for value in ticks.values {
            if value > 0 { grid.append(ChartSVG.horizontalLine(y: y(value), from: Self.left, to: Self.plotRight)) }
            axis.append(ChartSVG.text(NumberFormatting.compact(value), x: Self.left - 6, y: y(value) + 4, anchor: "end"))
        }
        axis.append(ChartSVG.horizontalLine(y: Self.baseline, from: Self.left, to: Self.plotRight, className: "baseline"))
        let weekTicks = NiceTicks(covering: Double(lastWeek), targetCount: 8)
        let weekStep = max(1, Int(weekTicks.step.rounded()))
        for week in Set([1] + stride(from: weekStep, through: lastWeek, by: weekStep).map { $0 }).sorted() {
            axis.append(ChartSVG.text(String(week), x: x(week), y: Self.baseline + 16, anchor: "middle"))
        }
        axis.append(ChartSVG.text(Self.capitalized(metric.noun), x: 0, y: 12, className: "axis-title"))
        axis.append(ChartSVG.text("Week since debut (week 1 = first week in the Top 10)",
                                  x: (Self.left + Self.plotRight) / 2, y: Self.height - 6, anchor: "middle",
                                  className: "axis-title"))
        var series: [HTML] = []
        var ends: [(show: Show, point: Point, series: Int)] = []
        for (index, show) in shows.enumerated() {
            let segments = segments(of: show)
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
            if let last = segments.last?.last { ends.append((show, last, index + 1)) }
            series.append("<g class=\"series series-\(index + 1)\">\n\(marks)</g>\n")
        }
        let labels = Self.spreadLabels(ends.map(\.point.y), gap: 15, minimum: Self.top, maximum: Self.baseline)
        let endLabels = zip(ends, labels).map { end, labelY -> HTML in
            """
            <g class="series series-\(end.series) end-label"><circle class="marker" cx="\(ChartSVG.number(end.point.x))" cy="\(ChartSVG.number(end.point.y))" r="5"/>\(ChartSVG.text(Self.shortened(end.show.title), x: end.point.x + 9, y: labelY + 4))</g>

            """
        }
        let content: HTML = """
        <g class="grid">
        \(grid)</g>
        <g class="axis">
        \(axis)</g>
        \(series)\(endLabels)
        """
        return ChartSVG.document(id: id, kind: "comparison", width: Self.width, height: Self.height,
                                 title: caption, summary: summary(), content: content)
    }

    /// Label positions near `wanted` (in that order), at least `gap` apart and
    /// within `minimum...maximum`. Overlapping labels form a block centred on
    /// the mean of their wanted positions (so a crowd spreads both ways rather
    /// than down into the axis); blocks merge until none overlap.
    static func spreadLabels(_ wanted: [Double], gap: Double, minimum: Double, maximum: Double) -> [Double] {
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        // Each block: the wanted positions of its labels (sorted) and its first label's position.
        var blocks: [(wanted: [Double], start: Double)] = []
        for index in order {
            blocks.append(([wanted[index]], wanted[index]))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.start + Double(previous.wanted.count) * gap > last.start else { break }
                let merged = previous.wanted + last.wanted
                let mean = merged.reduce(0, +) / Double(merged.count)
                blocks.removeLast(2)
                blocks.append((merged, mean - Double(merged.count - 1) * gap / 2))
            }
        }
        var placed: [Double] = []
        for block in blocks {
            for offset in block.wanted.indices { placed.append(block.start + Double(offset) * gap) }
        }
        // Keep inside the plot: push down from the top, then up from the bottom.
        for index in placed.indices {
            placed[index] = max(placed[index], index == 0 ? minimum : placed[index - 1] + gap)
        }
        for index in placed.indices.reversed() {
            placed[index] = min(placed[index], index == placed.count - 1 ? maximum : placed[index + 1] - gap)
        }
        var result = wanted
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }

    /// The title as it fits beside the chart; the full title is in the hover
    /// text, the description and the table.
    static func shortened(_ title: String) -> String {
        title.count <= labelCharacters ? title : String(title.prefix(labelCharacters - 1)) + "\u{2026}"
    }

    /// Each show's peak and its number of weeks, in words.
    func summary() -> String {
        var text = "Line chart of \(metric.noun) by week since debut for \(shows.count) shows. "
        for show in shows {
            let shown = shownWeeks(show)
            let points = shown.compactMap { entry in metric.value(of: entry.week).map { (entry.number, $0) } }
            guard let peak = points.max(by: { $0.1 < $1.1 }) else {
                text += "\(show.title): no \(metric.noun) figures. "
                continue
            }
            let weeks = show.weeks.count == 1 ? "1 week" : "\(show.weeks.count) weeks"
            text += "\(show.title): \(weeks) in the Top 10, debut in the week ending \(DateFormatting.medium(show.weeks[0].weekEnding)), "
                + "peak \(metric.describe(peak.1)) in week \(peak.0)"
            let runs = WeekOverWeek.runs(show.weeks).count
            if runs > 1 { text += ", \(runs) separate runs" }
            let hidden = show.weeks.count - shown.count
            if hidden > 0 {
                text += " (\(hidden == 1 ? "1 later week" : "\(hidden) later weeks") after week \(lastWeek) not shown)"
            }
            text += ". "
        }
        return String(text.dropLast())
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

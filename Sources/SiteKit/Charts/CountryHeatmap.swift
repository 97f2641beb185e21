/// A show's rank in each country's weekly Top 10: countries down, weeks
/// across, each cell shaded by rank (the strongest shade is #1) and showing
/// the rank number, so the shade is never the only cue. A week out of a
/// country's Top 10 is a hatched cell, never a pale shade that could pass for
/// #10.
///
/// Rows: an explicit `countries` list keeps the editor's order; otherwise
/// countries are ranked by weeks in the Top 10, then best rank, then name,
/// and `top` keeps the first ones. With `groupByRegion`, rows are grouped
/// under region headings (``Region``): regions in the order of their first
/// row, rows in their order within each region.
///
/// Columns: the weeks with country data, with short gaps (up to
/// ``shortGap`` weeks) kept as blank columns and longer ones drawn as a
/// break; each layout draws the latest weeks that fit, so cells stay wide
/// enough to read on real histories.
public struct CountryHeatmap: Sendable {
    /// The show, with its `countries` ranks (already restricted to the range
    /// drawn).
    public var show: Show
    /// Only these countries (ISO codes), in this order, when given.
    public var countries: [String]?
    /// Only the first `top` countries of the order, when given.
    public var top: Int?
    /// Whether rows are grouped under region headings.
    public var groupByRegion: Bool
    /// The figure caption and the SVG's title.
    public var caption: String

    /// A heatmap; `caption` defaults to "<title>: rank by country and week".
    public init(show: Show, countries: [String]? = nil, top: Int? = nil, groupByRegion: Bool = false,
                caption: String? = nil) {
        self.show = show
        self.countries = countries
        self.top = top
        self.groupByRegion = groupByRegion
        self.caption = caption ?? "\(show.title): rank by country and week"
    }

    static let width = 640.0
    static let gridLeft = 144.0, right = 4.0, top = 40.0, cellHeight = 22.0, legendHeight = 64.0
    /// Gaps of up to this many weeks without country data stay as blank
    /// columns; longer ones become a break.
    static let shortGap = 4

    /// One country's row.
    struct Row: Equatable {
        var code: String
        var name: String
        var ranks: [CalendarDate: Int]
        var best: Int? { ranks.values.min() }
        var region: Region? { Countries.region(of: code) }
    }

    /// The share of the `--heat-1` shade laid over `--heat-0` for a rank.
    ///
    /// Monotonic, with a step between #5 and #6 so that every cell's number
    /// reaches 4.5:1 contrast in light and dark mode: ranks 1–5 take the
    /// "on strong" text colour, ranks 6–10 the "on weak" one.
    static func opacity(rank: Int) -> Double {
        [1.0, 0.9, 0.8, 0.72, 0.64, 0.38, 0.3, 0.22, 0.15, 0.08][min(max(rank, 1), 10) - 1]
    }

    /// The text class that keeps a cell's number readable on its shade.
    static func textClass(rank: Int) -> String {
        rank <= 5 ? "on-strong" : "on-weak"
    }

    /// Every week with country data, with short gaps filled in: what the CSV
    /// holds.
    var allWeeks: [CalendarDate] {
        let charted = show.countries.filter { !$0.ranks.isEmpty }.map(\.weekEnding)
        var weeks: [CalendarDate] = []
        for week in charted {
            if let previous = weeks.last {
                let gap = (week.daysSinceEpoch - previous.daysSinceEpoch) / 7
                if gap > 1 && gap <= Self.shortGap + 1 {
                    weeks += (1..<gap).map { previous.adding(days: $0 * 7) }
                }
            }
            weeks.append(week)
        }
        return weeks
    }

    /// The week columns: every week with country data; each layout draws
    /// the latest that fit (``shownWeeks(_:)``).
    var weeks: [CalendarDate] { allWeeks }

    /// The indices of columns that start a new run after a long gap.
    func breaks(in weeks: [CalendarDate]) -> [Int] {
        weeks.indices.dropFirst().filter { !WeekOverWeek.isNextWeek(weeks[$0 - 1], weeks[$0]) }
    }

    /// The rows shown, in order: the editor's list or the ranking, cut to
    /// `top`, then grouped by region when asked.
    func rows() -> [Row] {
        var byCode: [String: [CalendarDate: Int]] = [:]
        for week in show.countries {
            for entry in week.ranks { byCode[entry.country, default: [:]][week.weekEnding] = entry.rank }
        }
        var rows: [Row]
        if let countries {
            var seen = Set<String>()
            rows = countries.filter { seen.insert($0).inserted }
                .map { Row(code: $0, name: Countries.name(of: $0), ranks: byCode[$0] ?? [:]) }
        } else {
            rows = byCode.map { Row(code: $0.key, name: Countries.name(of: $0.key), ranks: $0.value) }
            rows.sort(by: Self.ranksBefore)
        }
        if let top { rows = Array(rows.prefix(top)) }
        if groupByRegion {
            // Regions in the order of their first row, so the editor's order
            // (or the ranking) still leads; rows keep their order inside.
            var order: [Region?: Int] = [:]
            for row in rows where order[row.region] == nil { order[row.region] = order.count }
            rows = rows.enumerated().sorted { a, b in
                (order[a.element.region] ?? 0, a.offset) < (order[b.element.region] ?? 0, b.offset)
            }.map(\.element)
        }
        return rows
    }

    /// The ranking of `top:` and of the default order: more weeks in the
    /// Top 10 first, then the better best rank, then the name.
    static func ranksBefore(_ a: Row, _ b: Row) -> Bool {
        if a.ranks.count != b.ranks.count { return a.ranks.count > b.ranks.count }
        let bestA = a.best ?? 11, bestB = b.best ?? 11
        if bestA != bestB { return bestA < bestB }
        return (a.name, a.code) < (b.name, b.code)
    }

    /// Where each row and region heading sits: the y of every row, and the
    /// headings with their y, in drawing order.
    func layout(_ rows: [Row]) -> (rowY: [Double], headings: [(name: String, y: Double)], height: Double) {
        var y = Self.top
        var rowY: [Double] = []
        var headings: [(String, Double)] = []
        var region: Region??
        for row in rows {
            if groupByRegion && region != .some(row.region) {
                region = .some(row.region)
                headings.append((row.region?.name ?? "Other", y))
                y += Self.cellHeight
            }
            rowY.append(y)
            y += Self.cellHeight
        }
        return (rowY, headings, y)
    }

    /// The chart in sitegen's standard figure.
    public func render(id: String) -> HTML {
        ChartFigure.standard(figure(id: id))
    }

    /// What the figure holds: the chart once per layout, its headline and data table.
    public func figure(id: String) -> FigureModel {
        let rows = rows()
        let drawings = ChartLayout.all.map { layout in
            (layout, svg(id: ChartSVG.id(id, layout), rows: rows, layout: layout), note(layout))
        }
        let shownWeeks = Set(weeks)
        let headline = ChartSummary.heatmap(rows.map { row in
            (row.name, row.ranks.filter { shownWeeks.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value))
        })
        return FigureModel(kind: "heatmap", caption: caption, summary: headline, graphic: ChartSVG.layouts(drawings),
                           graphicIDs: ChartSVG.layoutIDs(id, drawing: Self.ids(svg:)), table: table(rows).render())
    }

    /// Cells are never narrower than this, so a rank stays readable: a
    /// layout shows the latest weeks that fit.
    static let minimumCell = 24.0

    /// The weeks drawn at a layout: the latest that fit.
    func shownWeeks(_ layout: ChartLayout) -> [CalendarDate] {
        Array(weeks.suffix(Int((layout.width - Self.gridLeft - Self.right) / Self.minimumCell)))
    }

    /// Under the heatmap, when it leaves weeks out: which weeks it shows.
    func note(_ layout: ChartLayout) -> String? {
        let shown = shownWeeks(layout), all = weeks.count
        guard shown.count < all, let first = shown.first else { return nil }
        return "Showing the latest \(shown.count) weeks, from the week ending \(DateFormatting.medium(first)); "
            + "all \(all) are under \u{201C}Show the numbers\u{201D}."
    }

    /// The `id`s a drawing writes: its document's and its hatch pattern's.
    static func ids(svg id: String) -> [String] {
        ChartSVG.documentIDs(id) + ["\(id)-blank"]
    }

    func svg(id: String, rows: [Row], layout: ChartLayout = .wide) -> HTML {
        let weeks = shownWeeks(layout)
        let cellWidth = min((layout.width - Self.gridLeft - Self.right) / Double(max(weeks.count, 1)), 56)
        let (rowY, headings, gridBottom) = self.layout(rows)
        let height = gridBottom + Self.legendHeight
        let blankFill = "url(#\(id)-blank)"
        var labels: [HTML] = [ChartSVG.text("Week ending", x: 0, y: Self.top - 10, className: "axis-title")]
        let every = max(1, Int((44 / cellWidth).rounded(.up)))
        let breaks = breaks(in: weeks)
        var lastYear: Int?
        var labelled = Set(stride(from: 0, to: weeks.count, by: every))
        // A re-entry is labelled with its date, and its neighbours give way.
        for index in breaks {
            labelled.insert(index)
            for near in (index - every + 1)..<(index + every) where near != index { labelled.remove(near) }
        }
        for index in labelled.sorted() {
            let x = Self.gridLeft + (Double(index) + 0.5) * cellWidth
            let label = DateFormatting.shortDay(weeks[index])
            // A label centred on the last columns would run past the edge:
            // end it at the edge instead (about 7 units per character at 12px).
            if x + 3.5 * Double(label.count) > layout.width - Self.right {
                labels.append(ChartSVG.text(label, x: layout.width - Self.right, y: Self.top - 10, anchor: "end"))
            } else {
                labels.append(ChartSVG.text(label, x: x, y: Self.top - 10, anchor: "middle"))
            }
            if weeks[index].year != lastYear || breaks.contains(index) {
                labels.append(ChartSVG.text(String(weeks[index].year), x: x, y: Self.top - 25, anchor: "middle",
                                            className: "muted-text"))
                lastYear = weeks[index].year
            }
        }
        let cellLabelClass = cellWidth < 20 ? "heat-label small" : "heat-label"
        var body: [HTML] = []
        for heading in headings {
            body.append(ChartSVG.text(heading.name, x: 0, y: heading.y + Self.cellHeight / 2 + 6, className: "heat-group"))
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = rowY[rowIndex]
            body.append(ChartSVG.text(row.name, x: Self.gridLeft - 8, y: y + Self.cellHeight / 2 + 4, anchor: "end"))
            for (index, week) in weeks.enumerated() {
                let x = Self.gridLeft + Double(index) * cellWidth
                guard let rank = row.ranks[week] else {
                    body.append("<rect class=\"heat-none\" x=\"\(ChartSVG.number(x + 1))\" y=\"\(ChartSVG.number(y + 1))\" width=\"\(ChartSVG.number(cellWidth - 2))\" height=\"\(ChartSVG.number(Self.cellHeight - 2))\" fill=\"\(blankFill)\"/>\n")
                    continue
                }
                let hover = "\(row.name), week \(DateFormatting.week(ending: week)): #\(rank)"
                body.append("""
                <rect class="heat-base" x="\(ChartSVG.number(x + 1))" y="\(ChartSVG.number(y + 1))" width="\(ChartSVG.number(cellWidth - 2))" height="\(ChartSVG.number(Self.cellHeight - 2))"/>
                <rect class="heat-cell" x="\(ChartSVG.number(x + 1))" y="\(ChartSVG.number(y + 1))" width="\(ChartSVG.number(cellWidth - 2))" height="\(ChartSVG.number(Self.cellHeight - 2))" fill-opacity="\(NumberFormatting.decimal(Self.opacity(rank: rank), places: 2))"><title>\(hover)</title></rect>
                \(ChartSVG.text(String(rank), x: x + cellWidth / 2, y: y + Self.cellHeight / 2 + 4, anchor: "middle",
                                className: "\(cellLabelClass) \(Self.textClass(rank: rank))"))
                """)
            }
        }
        for index in breaks {
            let x = Self.gridLeft + Double(index) * cellWidth
            body.append("<line class=\"heat-break\" x1=\"\(ChartSVG.number(x))\" y1=\"\(ChartSVG.number(Self.top - 4))\" x2=\"\(ChartSVG.number(x))\" y2=\"\(ChartSVG.number(gridBottom))\"/>\n")
        }
        let content: HTML = """
        <defs><pattern id="\(id)-blank" class="heat-hatch" patternUnits="userSpaceOnUse" width="6" height="6"><rect class="heat-blank" width="6" height="6"/><path d="M-1 1L1 -1M0 6L6 0M5 7L7 5"/></pattern></defs>
        <g class="axis">
        \(labels)</g>
        <g class="heat">
        \(body)</g>
        \(legend(y: gridBottom + 14, blankFill: blankFill, swatch: layout.isNarrow ? 20 : 26))
        """
        return ChartSVG.document(id: id, kind: "heatmap", width: layout.width, height: height,
                                 title: caption, summary: summary(rows), content: content)
    }

    /// Swatches #1 … #10 and, on its own line, the hatched "not in the Top 10".
    func legend(y: Double, blankFill: String, swatch: Double = 26) -> HTML {
        var parts: [HTML] = [ChartSVG.text("Rank", x: Self.gridLeft - 8, y: y + 14, anchor: "end", className: "muted-text")]
        for rank in 1...10 {
            let x = Self.gridLeft + Double(rank - 1) * swatch
            parts.append("<rect class=\"heat-base\" x=\"\(ChartSVG.number(x))\" y=\"\(ChartSVG.number(y))\" width=\"\(Int(swatch - 2))\" height=\"20\"/>")
            parts.append("<rect class=\"heat-cell\" x=\"\(ChartSVG.number(x))\" y=\"\(ChartSVG.number(y))\" width=\"\(Int(swatch - 2))\" height=\"20\" fill-opacity=\"\(NumberFormatting.decimal(Self.opacity(rank: rank), places: 2))\"/>\n")
            parts.append(ChartSVG.text(String(rank), x: x + swatch / 2 - 1, y: y + 14, anchor: "middle",
                                       className: "heat-label \(Self.textClass(rank: rank))"))
        }
        // On its own line: beside the swatches it would run out of the SVG.
        let blankX = swatch < 26 ? 0 : Self.gridLeft
        parts.append("<rect class=\"heat-none\" x=\"\(ChartSVG.number(blankX))\" y=\"\(ChartSVG.number(y + 26))\" width=\"\(Int(swatch - 2))\" height=\"16\" fill=\"\(blankFill)\"/>\n")
        parts.append(ChartSVG.text("Not in that country\u{2019}s Top 10", x: blankX + swatch + 4, y: y + 38,
                                   className: "muted-text"))
        return "<g class=\"legend\" aria-hidden=\"true\">\n\(parts)</g>\n"
    }

    /// The heatmap in words: how many countries and weeks, where it hit #1.
    func summary(_ rows: [Row]) -> String {
        let weeks = weeks
        guard let first = weeks.first, let last = weeks.last else {
            return "No country ranks for \(show.title)."
        }
        let countryCount = rows.count == 1 ? "1 country" : "\(rows.count) countries"
        let order = countries != nil ? "in the order chosen"
            : "ordered by weeks in the Top 10, then best rank"
        var text = "Heatmap of \(show.title)\u{2019}s weekly rank in the Top 10 of \(countryCount), "
            + "weeks ending \(DateFormatting.medium(first)) to \(DateFormatting.medium(last)). "
            + "Rows are countries \(order)\(groupByRegion ? ", grouped by region" : ""); "
            + "darker cells mean a better rank and show the rank number; "
            + "hatched cells mean not in that country\u{2019}s Top 10. "
        let charted = rows.filter { $0.best != nil }
        if let best = charted.map({ $0.best ?? 11 }).min() {
            let leaders = charted.filter { $0.best == best }.map(\.name)
            let shown = leaders.count > 5 ? Array(leaders.prefix(5)) + ["\(leaders.count - 5) more"] : leaders
            text += "Best rank: #\(best) in \(ComparisonChart.list(shown))."
        }
        let never = rows.filter { $0.best == nil }.map(\.name)
        if !never.isEmpty { text += " Not in the Top 10 of \(ComparisonChart.list(never))." }
        return text
    }

    /// Countries down (under region headings when grouped), weeks across,
    /// ranks in the cells.
    func table(_ rows: [Row]) -> DataTable {
        let weeks = weeks
        let columns = [DataTable.Column(label: "Country", numeric: false)]
            + weeks.map { DataTable.Column(label: "Week ending \(DateFormatting.medium($0))", numeric: true) }
        var region: Region??
        let tableRows = rows.map { row in
            var group: String?
            if groupByRegion && region != .some(row.region) {
                region = .some(row.region)
                group = row.region?.name ?? "Other"
            }
            return DataTable.Row(header: "\(row.name)", cells: weeks.map { week in
                row.ranks[week].map { DataTable.Cell(content: "#\($0)") } ?? .missing("not in the Top 10")
            }, group: group)
        }
        return DataTable(caption: caption, columns: columns, rows: tableRows)
    }
}

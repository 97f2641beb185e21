/// A show's rank in each country's weekly Top 10: countries down, weeks
/// across, each cell shaded by rank (the strongest shade is #1) and showing
/// the rank number, so the shade is never the only cue.
///
/// Countries are ordered by their best rank, then by more weeks charted, then
/// by name. Weeks run continuously from the first to the last week with
/// country data; a blank cell means "not in that country's Top 10".
public struct CountryHeatmap: Sendable {
    /// The show, with its `countries` ranks.
    public var show: Show
    /// Only these countries (ISO codes), when given.
    public var countries: [String]?
    /// Only the first `top` countries of the order, when given.
    public var top: Int?
    /// The figure caption and the SVG's title.
    public var caption: String

    /// A heatmap; `caption` defaults to "<title>: rank by country and week".
    public init(show: Show, countries: [String]? = nil, top: Int? = nil, caption: String? = nil) {
        self.show = show
        self.countries = countries
        self.top = top
        self.caption = caption ?? "\(show.title): rank by country and week"
    }

    static let width = 640.0
    static let gridLeft = 144.0, right = 4.0, top = 40.0, cellHeight = 22.0, legendHeight = 64.0

    /// One country's row.
    struct Row: Equatable {
        var code: String
        var name: String
        var ranks: [CalendarDate: Int]
        var best: Int? { ranks.values.min() }
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

    /// Every week from the first to the last week with country data.
    var weeks: [CalendarDate] {
        guard let first = show.countries.first?.weekEnding, let last = show.countries.last?.weekEnding else { return [] }
        return stride(from: 0, through: (last.daysSinceEpoch - first.daysSinceEpoch) / 7, by: 1).map {
            first.adding(days: $0 * 7)
        }
    }

    /// The rows shown, in order: filtered by `countries`, sorted, cut to `top`.
    func rows() -> [Row] {
        var byCode: [String: [CalendarDate: Int]] = [:]
        for week in show.countries {
            for entry in week.ranks { byCode[entry.country, default: [:]][week.weekEnding] = entry.rank }
        }
        let codes = countries ?? Array(byCode.keys)
        var rows = Set(codes).map { Row(code: $0, name: Countries.name(of: $0), ranks: byCode[$0] ?? [:]) }
        rows.sort { a, b in
            let bestA = a.best ?? 11, bestB = b.best ?? 11
            if bestA != bestB { return bestA < bestB }
            if a.ranks.count != b.ranks.count { return a.ranks.count > b.ranks.count }
            return (a.name, a.code) < (b.name, b.code)
        }
        if let top { rows = Array(rows.prefix(top)) }
        return rows
    }

    /// The chart in its figure with its data table.
    public func render(id: String) -> HTML {
        let rows = rows()
        let drawings = ChartLayout.all.map { layout in
            (layout, svg(id: ChartSVG.id(id, layout), rows: rows, layout: layout), note(layout))
        }
        return ChartFigure.chart(kind: "heatmap", caption: caption, svg: ChartSVG.layouts(drawings), table: table(rows))
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

    func svg(id: String, rows: [Row], layout: ChartLayout = .wide) -> HTML {
        let weeks = shownWeeks(layout)
        let cellWidth = min((layout.width - Self.gridLeft - Self.right) / Double(max(weeks.count, 1)), 56)
        let gridWidth = cellWidth * Double(weeks.count)
        let height = Self.top + Double(rows.count) * Self.cellHeight + Self.legendHeight
        var labels: [HTML] = [ChartSVG.text("Week ending", x: 0, y: Self.top - 10, className: "axis-title")]
        let every = max(1, Int((44 / cellWidth).rounded(.up)))
        var lastYear: Int?
        for index in stride(from: 0, to: weeks.count, by: every) {
            let x = Self.gridLeft + (Double(index) + 0.5) * cellWidth
            labels.append(ChartSVG.text(DateFormatting.shortDay(weeks[index]), x: x, y: Self.top - 10, anchor: "middle"))
            if weeks[index].year != lastYear {
                labels.append(ChartSVG.text(String(weeks[index].year), x: x, y: Self.top - 25, anchor: "middle",
                                            className: "muted-text"))
                lastYear = weeks[index].year
            }
        }
        let cellLabelClass = cellWidth < 20 ? "heat-label small" : "heat-label"
        var body: [HTML] = []
        for (rowIndex, row) in rows.enumerated() {
            let y = Self.top + Double(rowIndex) * Self.cellHeight
            body.append(ChartSVG.text(row.name, x: Self.gridLeft - 8, y: y + Self.cellHeight / 2 + 4, anchor: "end"))
            body.append("<rect class=\"heat-row\" x=\"\(ChartSVG.number(Self.gridLeft))\" y=\"\(ChartSVG.number(y + 1))\" width=\"\(ChartSVG.number(gridWidth))\" height=\"\(ChartSVG.number(Self.cellHeight - 2))\"/>\n")
            for (index, week) in weeks.enumerated() {
                guard let rank = row.ranks[week] else { continue }
                let x = Self.gridLeft + Double(index) * cellWidth
                let hover = "\(row.name), week \(DateFormatting.week(ending: week)): #\(rank)"
                body.append("""
                <rect class="heat-cell" x="\(ChartSVG.number(x + 1))" y="\(ChartSVG.number(y + 1))" width="\(ChartSVG.number(cellWidth - 2))" height="\(ChartSVG.number(Self.cellHeight - 2))" fill-opacity="\(NumberFormatting.decimal(Self.opacity(rank: rank), places: 2))"><title>\(hover)</title></rect>
                \(ChartSVG.text(String(rank), x: x + cellWidth / 2, y: y + Self.cellHeight / 2 + 4, anchor: "middle",
                                className: "\(cellLabelClass) \(Self.textClass(rank: rank))"))
                """)
            }
        }
        let content: HTML = """
        <g class="axis">
        \(labels)</g>
        <g class="heat">
        \(body)</g>
        \(legend(y: Self.top + Double(rows.count) * Self.cellHeight + 14, swatch: layout.isNarrow ? 20 : 26))
        """
        return ChartSVG.document(id: id, kind: "heatmap", width: layout.width, height: height,
                                 title: caption, summary: summary(rows), content: content)
    }

    /// Swatches #1 … #10 and what a blank cell means.
    func legend(y: Double, swatch: Double = 26) -> HTML {
        var parts: [HTML] = [ChartSVG.text("Rank", x: Self.gridLeft - 8, y: y + 14, anchor: "end", className: "muted-text")]
        for rank in 1...10 {
            let x = Self.gridLeft + Double(rank - 1) * swatch
            parts.append("<rect class=\"heat-row\" x=\"\(ChartSVG.number(x))\" y=\"\(ChartSVG.number(y))\" width=\"\(Int(swatch - 2))\" height=\"20\"/>")
            parts.append("<rect class=\"heat-cell\" x=\"\(ChartSVG.number(x))\" y=\"\(ChartSVG.number(y))\" width=\"\(Int(swatch - 2))\" height=\"20\" fill-opacity=\"\(NumberFormatting.decimal(Self.opacity(rank: rank), places: 2))\"/>\n")
            parts.append(ChartSVG.text(String(rank), x: x + swatch / 2 - 1, y: y + 14, anchor: "middle",
                                       className: "heat-label \(Self.textClass(rank: rank))"))
        }
        // On its own line: beside the swatches it would run out of the SVG.
        parts.append(ChartSVG.text("Blank: not in that country\u{2019}s Top 10", x: swatch < 26 ? 0 : Self.gridLeft, y: y + 38,
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
        var text = "Heatmap of \(show.title)\u{2019}s weekly rank in the Top 10 of \(countryCount), "
            + "weeks ending \(DateFormatting.medium(first)) to \(DateFormatting.medium(last)). "
            + "Rows are countries ordered by best rank; darker cells mean a better rank and show the rank number; "
            + "blank cells mean not in that country\u{2019}s Top 10. "
        let charted = rows.filter { $0.best != nil }
        if let best = charted.first?.best {
            let leaders = charted.filter { $0.best == best }.map(\.name)
            let shown = leaders.count > 5 ? Array(leaders.prefix(5)) + ["\(leaders.count - 5) more"] : leaders
            text += "Best rank: #\(best) in \(ComparisonChart.list(shown))."
        }
        let never = rows.filter { $0.best == nil }.map(\.name)
        if !never.isEmpty { text += " Not in the Top 10 of \(ComparisonChart.list(never))." }
        return text
    }

    /// Countries down, weeks across, ranks in the cells.
    func table(_ rows: [Row]) -> DataTable {
        let weeks = weeks
        let columns = [DataTable.Column(label: "Country", numeric: false)]
            + weeks.map { DataTable.Column(label: "Week ending \(DateFormatting.medium($0))", numeric: true) }
        let tableRows = rows.map { row in
            DataTable.Row(header: "\(row.name)", cells: weeks.map { week in
                row.ranks[week].map { DataTable.Cell(content: "#\($0)") } ?? .missing("not in the Top 10")
            })
        }
        return DataTable(caption: caption, columns: columns, rows: tableRows)
    }
}

import Yams

/// Renders the data embeds that articles place with fenced blocks, and the
/// "How it's performing" section of an article that follows a show.
///
/// Made once per article: it numbers the charts it draws ("chart-1",
/// "chart-2", …) so their ids are unique on the page and stable between
/// builds. The performance section numbers its own ("performance-chart-1", …),
/// so it is the same HTML on every article that follows the same shows and is
/// drawn once per build.
///
/// Every embed draws the weeks of its range: `from:`/`through:` when given,
/// else the weeks ending on or before the article's data cut-off
/// (``Article/dataCutOff``). Each chart and table also yields its numbers as
/// a CSV file (``dataFiles``), linked from its figure.
public struct EmbedRenderer {
    /// Info strings that mark embed blocks.
    public static let names: Set<String> = ["viewing-table", "viewing-chart", "viewing-comparison", "country-heatmap"]

    /// The keys each embed accepts.
    static let keys: [String: [String]] = [
        "viewing-table": ["show", "title", "from", "through"],
        "viewing-chart": ["show", "metric", "title", "from", "through"],
        "viewing-comparison": ["shows", "metric", "weeks", "title", "from", "through"],
        "country-heatmap": ["show", "countries", "top", "group", "title", "from", "through"],
    ]

    /// The first week for which Netflix published views (checked against
    /// all-weeks-global.tsv: the week ending 2023-06-11 has none, every title
    /// of the next week has them).
    static let firstViewsWeek = CalendarDate(year: 2023, month: 6, day: 18)!

    let shows: [String: Show]
    /// The article file, for errors.
    let file: String
    /// Lines of the file before the Markdown body.
    let lineOffset: Int
    /// The last day whose weeks embeds draw unless `through:` says otherwise
    /// (the article's data cut-off); `nil` draws every week.
    let cutOff: CalendarDate?
    /// Charts drawn so far on this page.
    private(set) var chartCount = 0
    /// Tables drawn so far on this page.
    private(set) var tableCount = 0
    /// The first part of chart ids: "chart" gives "chart-1", "chart-2", …
    let idPrefix: String
    /// The first part of table data files: "table" gives "table-1.csv", …
    let tablePrefix: String
    /// The numbers of every chart and table drawn, as CSV files for the
    /// page's folder.
    private(set) var dataFiles: [ChartDataFile] = []
    /// The shows whose weekly chart, table or comparison the embeds drew, so
    /// the performance section does not repeat them.
    private(set) var drawnShows: Set<String> = []
    /// The slugs of every show the blocks named, for incremental rebuilds.
    private(set) var namedShows: Set<String> = []
    /// Every figure's drawings and table with the ids they hold, in the
    /// order drawn, for the link check to pass over (``KnownMarkup``).
    private(set) var knownMarkup: [KnownMarkup] = []

    /// Lays out each figure: the theme's `figure(_:)`.
    let layOut: @Sendable (FigureModel) -> HTML

    /// A renderer for the embeds of one page.
    /// - Parameters:
    ///   - shows: the site's show data by slug, which embeds name.
    ///   - file: the page's source, named in errors.
    ///   - lineOffset: lines of `file` before the Markdown body, so errors point into the file.
    ///   - cutOff: the article's data cut-off (`nil`: every week).
    ///   - layOut: the theme's figure layout.
    public init(shows: [String: Show], file: String, lineOffset: Int, cutOff: CalendarDate? = nil,
                idPrefix: String = "chart", tablePrefix: String = "table",
                layOut: @escaping @Sendable (FigureModel) -> HTML = ChartFigure.standard) {
        self.layOut = layOut
        self.shows = shows
        self.file = file
        self.lineOffset = lineOffset
        self.cutOff = cutOff
        self.idPrefix = idPrefix
        self.tablePrefix = tablePrefix
    }

    /// The HTML for one embed block, or the problems with it.
    public mutating func render(_ block: EmbedBlock) -> Result<HTML, BuildFailure> {
        // The YAML starts on the line after the opening fence.
        let fenceLine = lineOffset + block.line
        guard block.body.utf8.count <= InputLimits.embedBytes else {
            return .failure(BuildFailure([SiteError(
                file: file, line: fenceLine, column: 1,
                message: "this \(block.name) block is longer than \(InputLimits.embedBytes / 1024) KB: an embed needs a few keys such as `show:`; check that its closing ``` is there")]))
        }
        guard Self.names.contains(block.name) else {
            // The Markdown step hands over near-misses of embed names only.
            let hint = Suggestion.hint(for: block.name, in: Self.names.sorted())
            return .failure(BuildFailure([SiteError(
                file: file, line: fenceLine, column: 1,
                message: "unknown embed '\(block.name)'\(hint): the embeds are \(Self.names.sorted().joined(separator: ", ")); fix the name after the ``` fence")]))
        }
        let reader = YAMLReader(file: file, lineOffset: fenceLine)
        guard let root = reader.compose(block.body) else {
            if !reader.errors.isEmpty { return .failure(BuildFailure(reader.errors)) }
            let example = block.name == "viewing-comparison" ? "shows: [partner-track, the-lincoln-lawyer-s1]" : "show: partner-track"
            return .failure(BuildFailure([SiteError(
                file: file, line: fenceLine, column: 1,
                message: "empty \(block.name) block: add a line such as `\(example)` after ```\(block.name)")]))
        }
        let allowed = Self.keys[block.name] ?? []
        guard let map = reader.mapping(root, keys: allowed, what: "a \(block.name) block") else {
            return .failure(BuildFailure(reader.errors))
        }
        let caption = map.string("title")
        if let caption, caption.allSatisfy(\.isWhitespace) {
            map.fail("title", "'title' is empty: write the caption, or remove the line to use the default one")
        }
        let range = weekRange(in: map)
        let place = SourcePosition(line: fenceLine, column: 1)
        var html: HTML?
        switch block.name {
        case "viewing-table":
            if let show = show(in: map, what: block.name), let range,
               let shown = restrict(show, to: range, at: place, reader: reader) {
                html = table(shown, caption: caption)
                drawnShows.insert(show.slug)
            }
        case "viewing-chart":
            let show = show(in: map, what: block.name)
            let shown = range.flatMap { range in show.flatMap { restrict($0, to: range, at: place, reader: reader) } }
            let metric = metric(in: map, allowed: [.hours, .views, .rank], shows: shown.map { [$0] } ?? [])
            if let shown, let metric, reader.errors.isEmpty {
                html = columnChart(shown, metric: metric, caption: caption)
                drawnShows.insert(shown.slug)
            }
        case "viewing-comparison":
            let list = showList(in: map)
            let shown = range.flatMap { range in
                list.flatMap { list in list.map { restrict($0, to: range, at: place, reader: reader) } }
            }
            let complete = shown.flatMap { $0.contains(where: { $0 == nil }) ? nil : $0.compactMap { $0 } }
            let weeks = map.int("weeks", range: 1...520)
            // Views are checked in the weeks since debut that the chart draws: a
            // show with views only after a later return would draw an empty line.
            let limit = weeks ?? ComparisonChart.defaultWeeks
            let metric = metric(in: map, allowed: [.hours, .views],
                                shows: (complete ?? []).map { ComparisonChart.window($0, weekLimit: limit) })
            if let complete, let metric, reader.errors.isEmpty {
                html = comparison(complete, metric: metric, weekLimit: weeks, caption: caption)
                drawnShows.formUnion(complete.map(\.slug))
            }
        case "country-heatmap":
            let show = show(in: map, what: block.name)
            if let show, show.countries.isEmpty {
                map.fail("show", "'\(show.slug)' has no country ranks: add a `countries:` list to \(show.sourcePath), or use viewing-chart")
            }
            let codes = countryList(in: map)
            let top = map.int("top", range: 1...Countries.names.count)
            let grouping = grouping(in: map)
            if let show, let range, reader.errors.isEmpty,
               let shown = restrictCountries(show, to: range, at: place, reader: reader) {
                let chart = CountryHeatmap(show: shown, countries: codes, top: top, groupByRegion: grouping,
                                           caption: caption)
                if !chart.rows().contains(where: { $0.best != nil }) {
                    // Only an explicit list can pick rows without a rank: every cell would be blank.
                    map.fail("countries", "none of these countries had '\(show.slug)' in its Top 10 in \(range.isAll ? "any week" : range.description): list others, or remove 'countries' to show where it charted")
                } else {
                    html = heatmap(chart)
                }
            }
        default:
            break
        }
        guard reader.errors.isEmpty, let html else {
            return .failure(BuildFailure(reader.errors.isEmpty
                ? [SiteError(file: file, line: fenceLine, message: "unknown embed '\(block.name)'")] : reader.errors))
        }
        return .success(html)
    }

    /// The weekly chart and table of the show an article follows, and the
    /// comparison with the shows in its `compare:` list, as of `cutOff`.
    /// Compared shows that had not charted by then are left out.
    mutating func performanceSection(for show: Show, compare: [Show] = []) -> HTML {
        let range = WeekRange(through: cutOff)
        let shown = show.restricted(to: range)
        guard !shown.weeks.isEmpty else {
            if let cutOff, !show.weeks.isEmpty {
                return "<p class=\"performance-empty\">\(show.title) had not entered Netflix\u{2019}s global Top 10 as of \(DateFormatting.medium(cutOff)).</p>\n"
            }
            return "<p class=\"performance-empty\">\(show.title) has not been in Netflix\u{2019}s global Top 10 yet.</p>\n"
        }
        // The chart and the table offer the same numbers: one CSV for both files.
        let csv = ChartData.weekly(shown)
        var html = columnChart(shown, metric: .hours, caption: nil, csv: csv)
        html.append(table(shown, caption: nil, csv: csv))
        let others = Array(compare.map { $0.restricted(to: range) }.filter { !$0.weeks.isEmpty }
            .prefix(ComparisonChart.maximumShows - 1))
        if !others.isEmpty {
            html.append(comparison([shown] + others, metric: .hours, weekLimit: nil, caption: nil))
        }
        return html
    }

    /// A show's own page: its weekly chart and table, and where it charted
    /// country by country (the 15 countries where it ranked best).
    mutating func showOverview(for show: Show) -> HTML {
        var html = performanceSection(for: show)
        if show.countries.contains(where: { !$0.ranks.isEmpty }) {
            html.append(heatmap(CountryHeatmap(show: show, top: Self.overviewCountries)))
        }
        return html
    }

    /// Countries in the heatmap of a show's page.
    static let overviewCountries = 15

    private mutating func nextID() -> String {
        chartCount += 1
        return "\(idPrefix)-\(chartCount)"
    }

    // MARK: Drawing, with the source line and the data file

    /// - Parameter csv: `ChartData.weekly(show)`, when the caller has it.
    private mutating func columnChart(_ show: Show, metric: ViewingMetric, caption: String?, csv: String? = nil) -> HTML {
        let id = nextID()
        let figure = WeeklyColumnChart(show: show, metric: metric, caption: caption).figure(id: id)
        return withData(figure, name: id, csv: csv ?? ChartData.weekly(show), lastWeek: show.weeks.last?.weekEnding)
    }

    /// - Parameter csv: `ChartData.weekly(show)`, when the caller has it.
    private mutating func table(_ show: Show, caption: String?, csv: String? = nil) -> HTML {
        tableCount += 1
        let name = "\(tablePrefix)-\(tableCount)"
        return withData(ViewingTable(show: show, caption: caption).figure(), name: name,
                        csv: csv ?? ChartData.weekly(show), lastWeek: show.weeks.last?.weekEnding)
    }

    private mutating func comparison(_ shows: [Show], metric: ViewingMetric, weekLimit: Int?, caption: String?) -> HTML {
        let id = nextID()
        let chart = ComparisonChart(shows: shows, metric: metric, weekLimit: weekLimit, caption: caption)
        // The chart's own window (it may apply a default), so the file holds the weeks drawn.
        return withData(chart.figure(id: id), name: id, csv: ChartData.comparison(shows, metric: metric, weekLimit: chart.weekLimit),
                        lastWeek: shows.compactMap { ChartData.comparisonWeeks($0, weekLimit: chart.weekLimit).last?.week.weekEnding }.max())
    }

    private mutating func heatmap(_ heatmap: CountryHeatmap) -> HTML {
        let id = nextID()
        let rows = heatmap.rows()
        return withData(heatmap.figure(id: id), name: id, csv: ChartData.heatmap(rows, weeks: heatmap.allWeeks),
                        lastWeek: heatmap.weeks.last)
    }

    /// The figure laid out with its source line ("Netflix Top 10, weeks
    /// through Sep 4, 2022") and a link to its numbers, which it records as a
    /// data file.
    private mutating func withData(_ figure: FigureModel, name: String, csv: String, lastWeek: CalendarDate?) -> HTML {
        let file = ChartDataFile(name: name + ".csv", csv: csv)
        dataFiles.append(file)
        var figure = figure
        figure.source = lastWeek.map(ChartDataFile.sourceLine)
        figure.dataFile = file.name
        if let graphic = figure.graphic { knownMarkup.append(KnownMarkup(graphic, ids: figure.graphicIDs)) }
        knownMarkup.append(KnownMarkup(figure.table, ids: []))
        return layOut(figure)
    }

    // MARK: Ranges

    /// The weeks a block draws: its `from:` and `through:`, with the page's
    /// cut-off when `through:` is absent; `nil` when they are wrong.
    private func weekRange(in map: YAMLMapping) -> WeekRange? {
        let from = map.calendarDate("from")
        let through = map.calendarDate("through")
        if (map.value("from") != nil && from == nil) || (map.value("through") != nil && through == nil) { return nil }
        if let from, let through, from > through {
            map.fail("from", "'from' (\(from)) is after 'through' (\(through)): the range would hold no week; swap them")
            return nil
        }
        return WeekRange(from: from, through: through ?? cutOff)
    }

    /// What a range is called in errors, saying where an implicit end came from.
    private func describe(_ range: WeekRange, explicitThrough: Bool) -> String {
        guard let through = range.through, !explicitThrough, through == cutOff else { return range.description }
        return range.description + " (the article\u{2019}s data cut-off: its data_as_of, else updated, else date)"
    }

    /// The show as of `range`; an error at the block when no week is left,
    /// since an empty chart says nothing.
    private func restrict(_ show: Show, to range: WeekRange, at place: SourcePosition, reader: YAMLReader) -> Show? {
        let shown = show.restricted(to: range)
        guard shown.weeks.isEmpty, let first = show.weeks.first, let last = show.weeks.last else { return shown }
        let implicit = range.through == cutOff && cutOff != nil
        let fix = implicit && range.from == nil
            ? "set `through:` on the block or `data_as_of:` in the front matter to a later date"
            : "change 'from' or 'through'"
        reader.fail(fileLine: place.line, column: place.column,
                    "'\(show.slug)' has no week in the Top 10 in \(describe(range, explicitThrough: !implicit)): its weeks run from \(first.weekEnding) to \(last.weekEnding); \(fix)")
        return nil
    }

    /// The show as of `range` for a heatmap, which needs country ranks in it.
    private func restrictCountries(_ show: Show, to range: WeekRange, at place: SourcePosition,
                                   reader: YAMLReader) -> Show? {
        let shown = show.restricted(to: range)
        guard !shown.countries.contains(where: { !$0.ranks.isEmpty }) else { return shown }
        let charted = show.countries.filter { !$0.ranks.isEmpty }
        guard let first = charted.first, let last = charted.last else { return shown }
        let implicit = range.through == cutOff && cutOff != nil
        reader.fail(fileLine: place.line, column: place.column,
                    "'\(show.slug)' has no country ranks in \(describe(range, explicitThrough: !implicit)): its country weeks run from \(first.weekEnding) to \(last.weekEnding); change 'from' or 'through'")
        return nil
    }

    // MARK: Reading the block

    /// The show named by a slug, or an error with a did-you-mean hint.
    private mutating func lookUp(_ slug: String, at node: Node, reader: YAMLReader) -> Show? {
        // Named, found or not: adding the file later changes the page.
        namedShows.insert(slug)
        if let show = shows[slug] { return show }
        let hint = Suggestion.hint(for: slug, in: Array(shows.keys))
        reader.fail(at: node, "unknown show '\(slug)'\(hint): add content/data/shows/\(slug).yaml or fix the slug")
        return nil
    }

    /// The `show:` of a block, which must exist and have weeks.
    private mutating func show(in map: YAMLMapping, what: String) -> Show? {
        guard let node = map.value("show") else {
            map.missing("show", example: "partner-track", what: "a \(what) block")
            return nil
        }
        guard let slug = map.string("show"), let show = lookUp(slug, at: node, reader: map.reader) else { return nil }
        guard !show.weeks.isEmpty else {
            map.fail("show", "'\(slug)' has no weeks in the Top 10 yet: add them to \(show.sourcePath), or remove this block")
            return nil
        }
        return show
    }

    /// The `shows:` list of a comparison: 2 to 7 distinct known shows.
    private mutating func showList(in map: YAMLMapping) -> [Show]? {
        let reader = map.reader
        guard let node = map.value("shows") else {
            map.missing("shows", example: "[partner-track, the-lincoln-lawyer-s1]", what: "a viewing-comparison block")
            return nil
        }
        guard let items = reader.sequence(node, what: "'shows'") else { return nil }
        var result: [Show] = []
        var seen = Set<String>()
        for item in items {
            guard let slug = reader.string(item, what: "each entry of 'shows'") else { continue }
            guard seen.insert(slug).inserted else {
                reader.fail(at: item, "'\(slug)' is listed twice in 'shows': list each show once")
                continue
            }
            if let show = lookUp(slug, at: item, reader: reader) { result.append(show) }
        }
        if items.count < 2 {
            reader.fail(at: node, "'shows' needs at least 2 shows to compare, got \(items.count): add another slug, or use viewing-chart for one show")
        } else if items.count > ComparisonChart.maximumShows {
            reader.fail(at: node, "'shows' lists \(items.count) shows, but a comparison stays readable with at most \(ComparisonChart.maximumShows): split it into two charts")
        }
        return result.count == items.count ? result : nil
    }

    /// The `metric:` of a block (default hours), checked against what the
    /// embed draws and what the shows have.
    private func metric(in map: YAMLMapping, allowed: [ViewingMetric], shows: [Show]) -> ViewingMetric? {
        guard let text = map.string("metric") else { return map.value("metric") == nil ? .hours : nil }
        let names = allowed.map(\.rawValue)
        guard let metric = ViewingMetric(rawValue: text), allowed.contains(metric) else {
            map.fail("metric", "unknown metric '\(text)'\(Suggestion.hint(for: text, in: names)): use one of: \(names.joined(separator: ", "))")
            return nil
        }
        if metric == .views {
            for show in shows where !show.weeks.contains(where: { $0.views != nil }) {
                let weeks = show.weeks.first.map { first in
                    " in the weeks drawn (\(first.weekEnding) to \(show.weeks.last?.weekEnding ?? first.weekEnding))"
                } ?? ""
                map.fail("metric", "'\(show.slug)' has no views\(weeks): Netflix publishes views from the week ending \(Self.firstViewsWeek) on; use metric: hours")
                return nil
            }
        }
        return metric
    }

    /// The `group:` of a heatmap: `region` groups its rows by region.
    private func grouping(in map: YAMLMapping) -> Bool {
        guard let text = map.string("group") else { return false }
        guard text == "region" else {
            map.fail("group", "unknown grouping '\(text)'\(Suggestion.hint(for: text, in: ["region"])): use `group: region`, or remove the line for one list")
            return false
        }
        return true
    }

    /// The `countries:` filter of a heatmap: known ISO codes.
    private func countryList(in map: YAMLMapping) -> [String]? {
        let reader = map.reader
        guard let node = map.value("countries"), let items = reader.sequence(node, what: "'countries'") else { return nil }
        var codes: [String] = []
        for item in items {
            guard let code = reader.string(item, what: "each entry of 'countries'") else { continue }
            guard Countries.names[code] != nil else {
                reader.fail(at: item, "unknown country code '\(code)'\(Countries.hint(for: code)): use ISO 3166-1 alpha-2 codes such as US, GB, NO")
                continue
            }
            guard !codes.contains(code) else {
                reader.fail(at: item, "'\(code)' is listed twice in 'countries': list each country once, in the order of the rows")
                continue
            }
            codes.append(code)
        }
        if items.isEmpty {
            reader.fail(at: node, "'countries' is empty: list codes such as [US, GB], or remove the line to show every country")
        }
        return codes
    }
}

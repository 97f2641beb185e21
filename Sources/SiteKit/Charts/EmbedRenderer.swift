import Yams

/// Renders the data embeds that articles place with fenced blocks, and the
/// "How it's performing" section of an article that follows a show.
///
/// Made once per article: it numbers the charts it draws ("chart-1",
/// "chart-2", …) so their ids are unique on the page and stable between
/// builds. The performance section numbers its own ("performance-chart-1", …),
/// so it is the same HTML on every article that follows the same shows and is
/// drawn once per build.
public struct EmbedRenderer {
    /// Info strings that mark embed blocks.
    public static let names: Set<String> = ["viewing-table", "viewing-chart", "viewing-comparison", "country-heatmap"]

    /// The keys each embed accepts.
    static let keys: [String: [String]] = [
        "viewing-table": ["show", "title"],
        "viewing-chart": ["show", "metric", "title"],
        "viewing-comparison": ["shows", "metric", "weeks", "title"],
        "country-heatmap": ["show", "countries", "top", "title"],
    ]

    let shows: [String: Show]
    /// The article file, for errors.
    let file: String
    /// Lines of the file before the Markdown body.
    let lineOffset: Int
    /// Charts drawn so far on this page.
    private(set) var chartCount = 0
    /// The first part of chart ids: "chart" gives "chart-1", "chart-2", …
    let idPrefix: String

    /// A renderer for the embeds of one page.
    /// - Parameters:
    ///   - shows: the site's show data by slug, which embeds name.
    ///   - file: the page's source, named in errors.
    ///   - lineOffset: lines of `file` before the Markdown body, so errors point into the file.
    public init(shows: [String: Show], file: String, lineOffset: Int, idPrefix: String = "chart") {
        self.shows = shows
        self.file = file
        self.lineOffset = lineOffset
        self.idPrefix = idPrefix
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
        let html: HTML?
        switch block.name {
        case "viewing-table":
            html = show(in: map, what: block.name).map { ViewingTable(show: $0, caption: caption).render() }
        case "viewing-chart":
            let show = show(in: map, what: block.name)
            let metric = metric(in: map, allowed: [.hours, .views, .rank], shows: show.map { [$0] } ?? [])
            if let show, let metric {
                html = WeeklyColumnChart(show: show, metric: metric, caption: caption).render(id: nextID())
            } else {
                html = nil
            }
        case "viewing-comparison":
            let list = showList(in: map)
            let metric = metric(in: map, allowed: [.hours, .views], shows: list ?? [])
            let weeks = map.int("weeks", range: 1...520)
            if let list, let metric, reader.errors.isEmpty {
                html = ComparisonChart(shows: list, metric: metric, weekLimit: weeks, caption: caption).render(id: nextID())
            } else {
                html = nil
            }
        case "country-heatmap":
            let show = show(in: map, what: block.name)
            if let show, show.countries.isEmpty {
                map.fail("show", "'\(show.slug)' has no country ranks: add a `countries:` list to \(show.sourcePath), or use viewing-chart")
            }
            let codes = countryList(in: map)
            let top = map.int("top", range: 1...Countries.names.count)
            if let show, reader.errors.isEmpty {
                html = CountryHeatmap(show: show, countries: codes, top: top, caption: caption).render(id: nextID())
            } else {
                html = nil
            }
        default:
            html = nil
        }
        guard reader.errors.isEmpty, let html else {
            return .failure(BuildFailure(reader.errors.isEmpty
                ? [SiteError(file: file, line: fenceLine, message: "unknown embed '\(block.name)'")] : reader.errors))
        }
        return .success(html)
    }

    /// The weekly chart and table of the show an article follows, and the
    /// comparison with the shows in its `compare:` list.
    mutating func performanceSection(for show: Show, compare: [Show] = []) -> HTML {
        guard !show.weeks.isEmpty else {
            return "<p class=\"performance-empty\">\(show.title) has not been in Netflix\u{2019}s global Top 10 yet.</p>\n"
        }
        var html = WeeklyColumnChart(show: show, metric: .hours).render(id: nextID())
        html.append(ViewingTable(show: show).render())
        if !compare.isEmpty {
            let others = Array(compare.prefix(ComparisonChart.maximumShows - 1))
            html.append(ComparisonChart(shows: [show] + others, metric: .hours,
                                        weekLimit: ComparisonChart.launchWindow(followed: show, others: others))
                .render(id: nextID()))
        }
        return html
    }

    /// A show's own page: its weekly chart and table, and where it charted
    /// country by country (the 15 countries where it ranked best).
    mutating func showOverview(for show: Show) -> HTML {
        var html = performanceSection(for: show)
        if show.countries.contains(where: { !$0.ranks.isEmpty }) {
            html.append(CountryHeatmap(show: show, top: Self.overviewCountries).render(id: nextID()))
        }
        return html
    }

    /// Countries in the heatmap of a show's page.
    static let overviewCountries = 15

    private mutating func nextID() -> String {
        chartCount += 1
        return "\(idPrefix)-\(chartCount)"
    }

    // MARK: Reading the block

    /// The show named by a slug, or an error with a did-you-mean hint.
    private func lookUp(_ slug: String, at node: Node, reader: YAMLReader) -> Show? {
        if let show = shows[slug] { return show }
        let hint = Suggestion.hint(for: slug, in: Array(shows.keys))
        reader.fail(at: node, "unknown show '\(slug)'\(hint): add content/data/shows/\(slug).yaml or fix the slug")
        return nil
    }

    /// The `show:` of a block, which must exist and have weeks.
    private func show(in map: YAMLMapping, what: String) -> Show? {
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
    private func showList(in map: YAMLMapping) -> [Show]? {
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
                map.fail("metric", "'\(show.slug)' has no views figures (Netflix publishes views only from June 2023): use `metric: hours`")
                return nil
            }
        }
        return metric
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
            codes.append(code)
        }
        if items.isEmpty {
            reader.fail(at: node, "'countries' is empty: list codes such as [US, GB], or remove the line to show every country")
        }
        return codes
    }
}

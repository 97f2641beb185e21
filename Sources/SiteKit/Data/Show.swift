import Yams

/// One show season or film and its weekly Netflix Top 10 figures, from
/// `content/data/shows/<slug>.yaml`.
public struct Show: Sendable, Equatable {
    /// The data file, relative to the site folder.
    public var sourcePath: String
    /// The file name without `.yaml`; how articles refer to the show.
    public var slug: String
    /// Display name ("Partner Track").
    public var title: String
    /// How the title appears in Netflix's files.
    public var netflix: NetflixIdentity?
    public var premiere: CalendarDate?
    public var episodes: Int?
    /// Runtime in hours (8.3167 = 8 h 19 m).
    public var runtimeHours: Double?
    /// The global weekly Top 10 entries, oldest first.
    public var weeks: [ShowWeek]
    /// Weekly ranks per country, oldest first.
    public var countries: [CountryWeek]
    /// For a show restricted to a range that starts after its first week
    /// (``restricted(to:)``): its last week before the range, so a table can
    /// still give the first row's change, or call it a re-entry.
    public var weekBefore: ShowWeek? = nil

    public init(sourcePath: String, slug: String, title: String, netflix: NetflixIdentity? = nil,
                premiere: CalendarDate? = nil, episodes: Int? = nil, runtimeHours: Double? = nil,
                weeks: [ShowWeek], countries: [CountryWeek] = []) {
        self.sourcePath = sourcePath
        self.slug = slug
        self.title = title
        self.netflix = netflix
        self.premiere = premiere
        self.episodes = episodes
        self.runtimeHours = runtimeHours
        self.weeks = weeks.sorted { $0.weekEnding < $1.weekEnding }
        self.countries = countries.sorted { $0.weekEnding < $1.weekEnding }
    }

    static let keys = ["title", "netflix", "premiere", "episodes", "runtime_hours", "weeks", "countries"]

    /// Parses the text of a show data file.
    public static func parse(_ yaml: String, file: String, slug: String) throws(BuildFailure) -> Show {
        let reader = YAMLReader(file: file)
        let root = reader.compose(yaml) ?? .mapping(.init([]))
        guard let map = reader.mapping(root, keys: keys, what: "show data") else { throw BuildFailure(reader.errors) }
        let title = map.requiredText("title", example: "Partner Track", what: "show data")
        let netflix = map.value("netflix").flatMap { NetflixIdentity.decode($0, reader: reader) }
        var weeks: [ShowWeek] = []
        if let node = map.value("weeks") {
            weeks = ShowWeek.decodeList(node, reader: reader)
        } else {
            map.missing("weeks", example: "[]", what: "show data")
        }
        let countries = map.value("countries").map { CountryWeek.decodeList($0, reader: reader) } ?? []
        let show = Show(sourcePath: file, slug: slug, title: title ?? slug, netflix: netflix,
                        premiere: map.calendarDate("premiere"), episodes: map.int("episodes", range: 1...10_000),
                        runtimeHours: map.double("runtime_hours", range: 0...10_000),
                        weeks: weeks, countries: countries)
        guard reader.errors.isEmpty else { throw BuildFailure(reader.errors) }
        return show
    }

    /// Checks that `date` is a Sunday and not seen before; reports otherwise.
    static func checkWeek(_ date: CalendarDate, at node: Node, seen: inout [CalendarDate: Int],
                          reader: YAMLReader, what: String) {
        if date.weekday != 0 {
            let sunday = date.adding(days: (7 - date.weekday) % 7)
            reader.fail(at: node, "week_ending \(date) is not a Sunday: Netflix weeks run Monday to Sunday, so use \(sunday)")
        }
        if let line = seen[date] {
            reader.fail(at: node, "week \(date) appears twice in \(what) (first on line \(line)): keep one entry per week")
        } else {
            seen[date] = reader.lineOffset + (node.mark?.line ?? 1)
        }
    }
}

/// How a title is written in Netflix's Top 10 files, for matching on import.
public struct NetflixIdentity: Sendable, Equatable {
    public var showTitle: String
    /// "Partner Track: Season 1", or "N/A" for films.
    public var seasonTitle: String
    /// "TV (English)", "Films (Non-English)", …
    public var category: String

    public init(showTitle: String, seasonTitle: String, category: String) {
        self.showTitle = showTitle
        self.seasonTitle = seasonTitle
        self.category = category
    }

    static let categories = ["Films (English)", "Films (Non-English)", "TV (English)", "TV (Non-English)"]

    static func decode(_ node: Node, reader: YAMLReader) -> NetflixIdentity? {
        guard let map = reader.mapping(node, keys: ["show_title", "season_title", "category"], what: "'netflix'") else {
            return nil
        }
        let showTitle = map.string("show_title")
        if showTitle == nil { map.missing("show_title", example: "Partner Track", what: "'netflix'") }
        let seasonTitle = map.string("season_title")
        if seasonTitle == nil { map.missing("season_title", example: "\"Partner Track: Season 1\"", what: "'netflix'") }
        let category = map.string("category")
        if let category, !categories.contains(category) {
            map.fail("category", "unknown category '\(category)'\(Suggestion.hint(for: category, in: categories)); use one of: \(categories.joined(separator: ", "))")
        } else if category == nil {
            map.missing("category", example: "TV (English)", what: "'netflix'")
        }
        guard let showTitle, let seasonTitle, let category, categories.contains(category) else { return nil }
        return NetflixIdentity(showTitle: showTitle, seasonTitle: seasonTitle, category: category)
    }
}

/// One week of a title in the global Top 10.
public struct ShowWeek: Sendable, Equatable {
    /// The Sunday that ends the Monday–Sunday week.
    public var weekEnding: CalendarDate
    /// 1–10.
    public var rank: Int
    public var hoursViewed: Int
    /// Views (hours ÷ runtime); Netflix publishes it from June 2023.
    public var views: Int?
    /// The running count of weeks in the Top 10.
    public var weeksInTop10: Int

    public init(weekEnding: CalendarDate, rank: Int, hoursViewed: Int, views: Int? = nil, weeksInTop10: Int) {
        self.weekEnding = weekEnding
        self.rank = rank
        self.hoursViewed = hoursViewed
        self.views = views
        self.weeksInTop10 = weeksInTop10
    }

    /// A count that cannot be negative; reported as such rather than as a
    /// range up to `Int.max`.
    private static func count(_ map: YAMLMapping, _ key: String) -> Int? {
        guard let value = map.int(key) else { return nil }
        guard value >= 0 else {
            map.fail(key, "'\(key)' must be 0 or more, got \(value): Netflix's figures are never negative")
            return nil
        }
        return value
    }

    static func decodeList(_ node: Node, reader: YAMLReader) -> [ShowWeek] {
        guard let items = reader.sequence(node, what: "'weeks'") else { return [] }
        var seen: [CalendarDate: Int] = [:]
        var weeks: [ShowWeek] = []
        for item in items {
            guard let map = reader.mapping(item, keys: ["week_ending", "rank", "hours_viewed", "views", "weeks_in_top_10"],
                                           what: "a week") else { continue }
            let date = map.calendarDate("week_ending")
            let rank = map.int("rank", range: 1...10)
            let hours = count(map, "hours_viewed")
            let views = count(map, "views")
            let inTop10 = map.int("weeks_in_top_10", range: 1...10_000)
            for (key, value) in [("week_ending", date != nil), ("rank", rank != nil), ("hours_viewed", hours != nil),
                                 ("weeks_in_top_10", inTop10 != nil)] where !value && map.value(key) == nil {
                map.missing(key, example: key == "week_ending" ? "2022-08-28" : "1", what: "a week")
            }
            if let date, let dateNode = map.value("week_ending") {
                Show.checkWeek(date, at: dateNode, seen: &seen, reader: reader, what: "'weeks'")
            }
            if let date, let rank, let hours, let inTop10 {
                weeks.append(ShowWeek(weekEnding: date, rank: rank, hoursViewed: hours, views: views, weeksInTop10: inTop10))
            }
        }
        return weeks
    }
}

/// One week of a title's ranks in the countries where it made the Top 10.
public struct CountryWeek: Sendable, Equatable {
    public var weekEnding: CalendarDate
    /// Rank by ISO 3166-1 alpha-2 code, sorted by code.
    public var ranks: [CountryRank]

    public init(weekEnding: CalendarDate, ranks: [CountryRank]) {
        self.weekEnding = weekEnding
        self.ranks = ranks.sorted { $0.country < $1.country }
    }

    static func decodeList(_ node: Node, reader: YAMLReader) -> [CountryWeek] {
        guard let items = reader.sequence(node, what: "'countries'") else { return [] }
        var seen: [CalendarDate: Int] = [:]
        var result: [CountryWeek] = []
        for item in items {
            guard let map = reader.mapping(item, keys: ["week_ending", "ranks"], what: "a country week") else { continue }
            let date = map.calendarDate("week_ending")
            if date == nil && map.value("week_ending") == nil {
                map.missing("week_ending", example: "2022-09-04", what: "a country week")
            }
            if let date, let dateNode = map.value("week_ending") {
                Show.checkWeek(date, at: dateNode, seen: &seen, reader: reader, what: "'countries'")
            }
            var ranks: [CountryRank] = []
            if let node = map.value("ranks"), let pairs = reader.pairs(node, what: "'ranks'") {
                for (key, value) in pairs {
                    // Read the key as text, so YAML 1.1's `NO: 1` stays Norway.
                    guard let code = reader.string(key, what: "a country code") else { continue }
                    guard Countries.names[code] != nil else {
                        reader.fail(at: key, "unknown country code '\(code)'\(Countries.hint(for: code)): use an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)")
                        continue
                    }
                    if let rank = reader.int(value, what: "the rank for \(code)", range: 1...10) {
                        ranks.append(CountryRank(country: code, rank: rank))
                    }
                }
            } else if map.value("ranks") == nil {
                map.missing("ranks", example: "{US: 3, CA: 2, NO: 1}", what: "a country week")
            }
            if let date { result.append(CountryWeek(weekEnding: date, ranks: ranks)) }
        }
        return result
    }
}

/// A title's rank in one country's Top 10.
public struct CountryRank: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 code.
    public var country: String
    /// 1–10.
    public var rank: Int

    public init(country: String, rank: Int) {
        self.country = country
        self.rank = rank
    }
}

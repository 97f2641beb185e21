/// Netflix's all-weeks-global.tsv: one row per week, category and rank.
public struct GlobalTop10: Sendable {
    /// The file the rows came from, as shown in errors and notes.
    public let file: String
    /// The rows in file order (Netflix writes the newest week first).
    public let rows: [GlobalTop10Row]

    /// The columns every variant of the file has had (7, 9, 11 and 12 columns so far);
    /// `runtime` and `weekly_views` are read when present, other columns are ignored.
    static let requiredColumns = ["week", "category", "weekly_rank", "show_title", "season_title",
                                  "weekly_hours_viewed", "cumulative_weeks_in_top_10"]

    /// Parses the text of all-weeks-global.tsv, collecting every bad field.
    public static func parse(_ text: String, file: String) throws(BuildFailure) -> GlobalTop10 {
        let reader = TSVReader(text, file: file)
        do {
            try reader.requireColumns(requiredColumns, what: "all-weeks-global.tsv")
        } catch {
            throw BuildFailure([error])
        }
        var rows: [GlobalTop10Row] = []
        rows.reserveCapacity(reader.bytes.count / 80)
        let errors = reader.forEachRow { row, errors in
            let week = row.week("week", errors: &errors)
            let category = row.choice("category", NetflixIdentity.categories, errors: &errors)
            let rank = row.int("weekly_rank", range: 1...10, errors: &errors)
            let showTitle = row.text("show_title", errors: &errors)
            let seasonTitle = row.text("season_title", errors: &errors)
            let hours = row.int("weekly_hours_viewed", range: 0...Int.max, errors: &errors)
            let runtime = row.double("runtime", range: 0...10_000, errors: &errors)
            let views = row.int("weekly_views", range: 0...Int.max, optional: true, errors: &errors)
            let inTop10 = row.int("cumulative_weeks_in_top_10", range: 1...10_000, errors: &errors)
            guard let week, let category, let rank, let showTitle, let seasonTitle, let hours, let inTop10 else { return }
            rows.append(GlobalTop10Row(week: week, category: category, rank: rank, showTitle: showTitle,
                                       seasonTitle: seasonTitle, hoursViewed: hours, runtime: runtime, views: views,
                                       weeksInTop10: inTop10, line: row.line))
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return GlobalTop10(file: file, rows: rows)
    }
}

/// One row of all-weeks-global.tsv.
public struct GlobalTop10Row: Sendable, Equatable {
    /// The Sunday that ends the week.
    public var week: CalendarDate
    /// "TV (English)", "Films (Non-English)", …
    public var category: String
    /// 1–10.
    public var rank: Int
    /// As Netflix writes it ("PIECES OF HER").
    public var showTitle: String
    /// "Partner Track: Season 1", or "N/A" for films and specials.
    public var seasonTitle: String
    public var hoursViewed: Int
    /// Hours; absent before June 2023 (an empty field is absent, not zero).
    public var runtime: Double?
    /// Absent before June 2023.
    public var views: Int?
    /// Netflix's running count of weeks in the Top 10.
    public var weeksInTop10: Int
    /// The row's line in the file.
    public var line: Int

    /// Memberwise initialiser.
    public init(week: CalendarDate, category: String, rank: Int, showTitle: String, seasonTitle: String,
                hoursViewed: Int, runtime: Double? = nil, views: Int? = nil, weeksInTop10: Int, line: Int = 0) {
        self.week = week
        self.category = category
        self.rank = rank
        self.showTitle = showTitle
        self.seasonTitle = seasonTitle
        self.hoursViewed = hoursViewed
        self.runtime = runtime
        self.views = views
        self.weeksInTop10 = weeksInTop10
        self.line = line
    }

    /// The title a data file is matched by: the season title, or the show title for films.
    public var matchTitle: String { seasonTitle == "N/A" ? showTitle : seasonTitle }
}

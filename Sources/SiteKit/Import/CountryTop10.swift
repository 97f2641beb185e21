/// Netflix's all-weeks-countries.tsv: one row per country, week, category and rank.
public struct CountryTop10: Sendable {
    /// The file the rows came from, as shown in errors and notes.
    public let file: String
    /// The rows in file order.
    public let rows: [CountryTop10Row]

    /// The columns the importer reads; `country_name` and the running count are ignored.
    static let requiredColumns = ["country_iso2", "week", "category", "weekly_rank", "show_title", "season_title"]

    /// The country file's two categories (it does not split by language).
    static let categories = ["Films", "TV"]

    /// Parses the text of all-weeks-countries.tsv, collecting every bad field.
    public static func parse(_ text: String, file: String) throws(BuildFailure) -> CountryTop10 {
        let reader = TSVReader(text, file: file)
        do {
            try reader.requireColumns(requiredColumns, what: "all-weeks-countries.tsv")
        } catch {
            throw BuildFailure([error])
        }
        var rows: [CountryTop10Row] = []
        rows.reserveCapacity(reader.bytes.count / 60)
        let errors = reader.forEachRow { row, errors in
            let country = row.text("country_iso2", errors: &errors)
            if let country, Countries.names[country] == nil {
                let known = Countries.names.keys.sorted()
                errors.append(row.error("country_iso2", "unknown country code '\(country)'\(Suggestion.hint(for: country, in: known)): expected an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)"))
            }
            let week = row.week("week", errors: &errors)
            let category = row.choice("category", categories, errors: &errors)
            let rank = row.int("weekly_rank", range: 1...10, errors: &errors)
            let showTitle = row.text("show_title", errors: &errors)
            let seasonTitle = row.text("season_title", errors: &errors)
            guard let country, Countries.names[country] != nil, let week, let category, let rank,
                  let showTitle, let seasonTitle else { return }
            rows.append(CountryTop10Row(country: country, week: week, category: category, rank: rank,
                                        showTitle: showTitle, seasonTitle: seasonTitle, line: row.line))
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return CountryTop10(file: file, rows: rows)
    }
}

/// One row of all-weeks-countries.tsv.
public struct CountryTop10Row: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 code.
    public var country: String
    /// The Sunday that ends the week.
    public var week: CalendarDate
    /// `Films` or `TV`.
    public var category: String
    /// 1–10.
    public var rank: Int
    public var showTitle: String
    /// "N/A" for films.
    public var seasonTitle: String
    /// The row's line in the file.
    public var line: Int

    /// Memberwise initialiser.
    public init(country: String, week: CalendarDate, category: String, rank: Int, showTitle: String,
                seasonTitle: String, line: Int = 0) {
        self.country = country
        self.week = week
        self.category = category
        self.rank = rank
        self.showTitle = showTitle
        self.seasonTitle = seasonTitle
        self.line = line
    }

    /// The title a data file is matched by: the season title, or the show title for films.
    public var matchTitle: String { seasonTitle == "N/A" ? showTitle : seasonTitle }
}

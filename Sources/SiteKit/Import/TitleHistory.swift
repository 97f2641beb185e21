/// Everything the global file says about one title: its weeks, oldest first.
struct TitleHistory: Sendable {
    let key: TitleKey
    /// The spelling of the newest row (Netflix's spelling can change over time).
    let identity: NetflixIdentity
    /// The global weekly entries, oldest first.
    let weeks: [ShowWeek]
    /// The newest runtime above zero (Netflix publishes runtimes from June 2023 and
    /// sometimes writes 0, which is no runtime).
    let runtime: Double?

    /// The week the title first appears in the file.
    var firstWeek: CalendarDate { weeks[0].weekEnding }

    /// The title's match title in the newest spelling ("Partner Track: Season 1").
    var matchTitle: String {
        identity.seasonTitle == "N/A" ? identity.showTitle : identity.seasonTitle
    }

    /// Groups the rows of the global file by title; a title listed twice for one
    /// week is an error (a damaged download).
    static func group(_ global: GlobalTop10) throws(BuildFailure) -> [TitleKey: TitleHistory] {
        struct Builder {
            var newest: GlobalTop10Row
            var weeks: [CalendarDate: (week: ShowWeek, line: Int)] = [:]
            var runtime: (week: CalendarDate, hours: Double)?
        }
        var builders: [TitleKey: Builder] = [:]
        var errors: [SiteError] = []
        // Lowercasing is the costly part of a key: do it once per distinct spelling.
        var lowered: [String: TitleKey] = [:]
        for row in global.rows {
            let spelling = row.category + "\t" + row.matchTitle
            let key: TitleKey
            if let known = lowered[spelling] {
                key = known
            } else {
                key = TitleKey(category: row.category, matchTitle: row.matchTitle)
                lowered[spelling] = key
            }
            var builder = builders[key] ?? Builder(newest: row)
            if let first = builder.weeks[row.week] {
                errors.append(SiteError(file: global.file, line: row.line, column: 1,
                                        message: "'\(row.matchTitle)' (\(row.category)) is listed twice for the week ending \(row.week) (also on line \(first.line)): the file holds one row per title and week, so the download is damaged; download it again"))
                continue
            }
            builder.weeks[row.week] = (ShowWeek(weekEnding: row.week, rank: row.rank, hoursViewed: row.hoursViewed,
                                                views: row.views, weeksInTop10: row.weeksInTop10), row.line)
            if row.week > builder.newest.week { builder.newest = row }
            if let runtime = row.runtime, runtime > 0, row.week > (builder.runtime?.week ?? CalendarDate(daysSinceEpoch: -1_000_000)) {
                builder.runtime = (row.week, runtime)
            }
            builders[key] = builder
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        var histories: [TitleKey: TitleHistory] = [:]
        histories.reserveCapacity(builders.count)
        for (key, builder) in builders {
            let newest = builder.newest
            histories[key] = TitleHistory(
                key: key,
                identity: NetflixIdentity(showTitle: newest.showTitle, seasonTitle: newest.seasonTitle, category: newest.category),
                weeks: builder.weeks.values.map(\.week).sorted { $0.weekEnding < $1.weekEnding },
                runtime: builder.runtime?.hours)
        }
        return histories
    }
}

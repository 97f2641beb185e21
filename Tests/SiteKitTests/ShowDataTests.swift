import Testing
@testable import SiteKit

/// The strict decoder of content/data/shows/<slug>.yaml: good files keep every
/// figure, bad files give the exact `path:line:col: error:` text.
@Suite struct ShowDataTests {
    static let file = "content/data/shows/partner-track-s1.yaml"

    static func errors(_ yaml: String) -> String {
        do {
            _ = try Show.parse(yaml, file: file, slug: "partner-track-s1")
            return "no error"
        } catch {
            return error.description
        }
    }

    /// A file whose `weeks:` holds `entries` (already indented by two spaces).
    static func weeks(_ entries: String) -> String {
        "title: Partner Track\nweeks:\n" + entries
    }

    @Test func decodesEveryField() throws {
        let yaml = """
        title: Partner Track
        netflix:
          show_title: Partner Track
          season_title: "Partner Track: Season 1"
          category: TV (English)
        premiere: 2022-08-26
        episodes: 10
        runtime_hours: 8.3167
        weeks:
          - week_ending: 2022-09-04
            rank: 4
            hours_viewed: 31140000
            weeks_in_top_10: 2
          - week_ending: 2022-08-28
            rank: 7
            hours_viewed: 16660000
            views: null
            weeks_in_top_10: 1
        countries:
          - week_ending: 2022-09-04
            ranks: {US: 3, CA: 2, NO: 1}
        """
        let show = try Show.parse(yaml, file: Self.file, slug: "partner-track-s1")
        #expect(show.title == "Partner Track")
        #expect(show.netflix == NetflixIdentity(showTitle: "Partner Track", seasonTitle: "Partner Track: Season 1",
                                                category: "TV (English)"))
        #expect(show.premiere == CalendarDate(year: 2022, month: 8, day: 26))
        #expect(show.episodes == 10)
        #expect(show.runtimeHours == 8.3167)
        // Any order in the file, oldest first in the model.
        #expect(show.weeks.map(\.weekEnding.description) == ["2022-08-28", "2022-09-04"])
        #expect(show.weeks[0] == ShowWeek(weekEnding: CalendarDate(year: 2022, month: 8, day: 28)!, rank: 7,
                                          hoursViewed: 16_660_000, views: nil, weeksInTop10: 1))
        // YAML 1.1 would read `NO` as false; it must stay Norway.
        #expect(show.countries[0].ranks == [CountryRank(country: "CA", rank: 2), CountryRank(country: "NO", rank: 1),
                                            CountryRank(country: "US", rank: 3)])
    }

    /// YAML's digit separators read as the number; a number without them is
    /// read as written.
    @Test func underscoresBetweenDigitsAreDropped() throws {
        let show = try Show.parse("""
        title: Partner Track
        runtime_hours: 8.316_7
        weeks:
          - week_ending: 2022-09-04
            rank: 4
            hours_viewed: 31_140_000
            weeks_in_top_10: 2

        """, file: Self.file, slug: "partner-track-s1")
        #expect(show.weeks.first?.hoursViewed == 31_140_000)
        #expect(show.runtimeHours == 8.3167)
        #expect(YAMLReader.withoutUnderscores("1_000") == "1000")
        #expect(YAMLReader.withoutUnderscores("1000") == "1000")
    }

    @Test func weekEndingMustBeASunday() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-29\n    rank: 7\n    hours_viewed: 1\n    weeks_in_top_10: 1\n"))
            == "content/data/shows/partner-track-s1.yaml:3:18: error: week_ending 2022-08-29 is not a Sunday: Netflix weeks run Monday to Sunday, so use 2022-09-04")
    }

    @Test func weekEndingMustBeARealDate() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-02-30\n    rank: 7\n    hours_viewed: 1\n    weeks_in_top_10: 1\n"))
            == "content/data/shows/partner-track-s1.yaml:3:18: error: 'week_ending' is not a real calendar date: '2022-02-30' (check the month and day)")
    }

    @Test func rankMustBeOneToTen() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-28\n    rank: 11\n    hours_viewed: 1\n    weeks_in_top_10: 1\n"))
            == "content/data/shows/partner-track-s1.yaml:4:11: error: 'rank' must be between 1 and 10, got 11")
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-28\n    rank: 0\n    hours_viewed: 1\n    weeks_in_top_10: 1\n"))
            == "content/data/shows/partner-track-s1.yaml:4:11: error: 'rank' must be between 1 and 10, got 0")
    }

    @Test func hoursAndViewsCannotBeNegative() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-28\n    rank: 7\n    hours_viewed: -5\n    views: -1\n    weeks_in_top_10: 1\n"))
            == """
            content/data/shows/partner-track-s1.yaml:5:19: error: 'hours_viewed' must be 0 or more, got -5: Netflix's figures are never negative
            content/data/shows/partner-track-s1.yaml:6:12: error: 'views' must be 0 or more, got -1: Netflix's figures are never negative
            """)
    }

    @Test func hoursMustBeDigits() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-28\n    rank: 7\n    hours_viewed: 16,660,000\n    weeks_in_top_10: 1\n"))
            == "content/data/shows/partner-track-s1.yaml:5:19: error: 'hours_viewed' must be a whole number, got '16,660,000': write digits only, without separators")
    }

    @Test func duplicateWeeksAreRejected() {
        let entry = "  - week_ending: 2022-08-28\n    rank: 7\n    hours_viewed: 1\n    weeks_in_top_10: 1\n"
        #expect(Self.errors(Self.weeks(entry + entry))
            == "content/data/shows/partner-track-s1.yaml:7:18: error: week 2022-08-28 appears twice in 'weeks' (first on line 3): keep one entry per week")
    }

    @Test func unknownAndMissingKeysInAWeek() {
        #expect(Self.errors(Self.weeks("  - week_ending: 2022-08-28\n    rank: 7\n    hours: 5\n    weeks_in_top_10: 1\n"))
            == """
            content/data/shows/partner-track-s1.yaml:3:5: error: missing required key 'hours_viewed' in a week: add a line `hours_viewed: 1`
            content/data/shows/partner-track-s1.yaml:5:5: error: unknown key 'hours' in a week; known keys: hours_viewed, rank, views, week_ending, weeks_in_top_10
            """)
    }

    @Test func missingWeeksAndEmptyTitle() {
        #expect(Self.errors("title: \"\"\n")
            == """
            content/data/shows/partner-track-s1.yaml:1:1: error: missing required key 'weeks' in show data: add a line `weeks: []`
            content/data/shows/partner-track-s1.yaml:1:8: error: 'title' is empty: give it a value, such as `title: Partner Track`
            """)
    }

    @Test func unknownCountryCodesAndCountryRanks() {
        let yaml = Self.weeks("  []\ncountries:\n  - week_ending: 2022-08-28\n    ranks: {NO: 1, XX: 2, us: 3, GB: 11, UK: 1}\n")
        #expect(Self.errors(yaml) == """
            content/data/shows/partner-track-s1.yaml:6:20: error: unknown country code 'XX' (did you mean 'MX'?): use an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)
            content/data/shows/partner-track-s1.yaml:6:27: error: unknown country code 'us' (did you mean 'US'?): use an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)
            content/data/shows/partner-track-s1.yaml:6:38: error: the rank for GB must be between 1 and 10, got 11
            content/data/shows/partner-track-s1.yaml:6:42: error: unknown country code 'UK' (did you mean 'GB'?): use an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)
            """)
    }

    @Test func countryWeeksAreCheckedLikeWeeks() {
        let yaml = Self.weeks("  []\ncountries:\n  - ranks: {NO: 1}\n  - week_ending: 2022-08-27\n    ranks: {NO: 1}\n")
        #expect(Self.errors(yaml) == """
            content/data/shows/partner-track-s1.yaml:5:5: error: missing required key 'week_ending' in a country week: add a line `week_ending: 2022-09-04`
            content/data/shows/partner-track-s1.yaml:6:18: error: week_ending 2022-08-27 is not a Sunday: Netflix weeks run Monday to Sunday, so use 2022-08-28
            """)
    }

    @Test func unknownCategory() {
        let yaml = "title: X\nweeks: []\nnetflix:\n  show_title: X\n  season_title: N/A\n  category: TV (english)\n"
        #expect(Self.errors(yaml)
            == "content/data/shows/partner-track-s1.yaml:6:13: error: unknown category 'TV (english)' (did you mean 'TV (English)'?); use one of: Films (English), Films (Non-English), TV (English), TV (Non-English)")
    }
}

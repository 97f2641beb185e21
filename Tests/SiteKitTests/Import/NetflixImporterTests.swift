import Testing
@testable import SiteKit

/// Planning an import: matching, merging, slugs, hand-written text and idempotence.
@Suite struct NetflixImporterTests {
    typealias F = ImportFixtures

    @Test func newFileHasTheSchemaOfTheChartsIssue() throws {
        let plan = try F.plan(F.partnerTrackRows, countryRows: [
            "Norway|NO|2022-09-04|TV|1|Partner Track|Partner Track: Season 1|1",
            "United States|US|2022-09-04|TV|3|Partner Track|Partner Track: Season 1|2",
            "Canada|CA|2022-09-04|TV|2|Partner Track|Partner Track: Season 1|2",
            "Canada|CA|2022-09-04|Films|1|Partner Track|Partner Track: Season 1|2",
            "Canada|CA|2022-09-04|TV|5|Dark|Dark: Season 1|2",
        ], add: ["partner track: season 1"])
        #expect(plan.changes.count == 1)
        let file = try #require(plan.changes.first)
        #expect(file.path == "content/data/shows/partner-track-season-1.yaml")
        #expect(file.isNew)
        #expect(file.text == """
        title: "Partner Track: Season 1"
        netflix:
          show_title: Partner Track
          season_title: "Partner Track: Season 1"
          category: TV (English)
        weeks:
          - week_ending: 2022-08-28
            rank: 7
            hours_viewed: 16660000
            weeks_in_top_10: 1
          - week_ending: 2022-09-04
            rank: 4
            hours_viewed: 31140000
            weeks_in_top_10: 2
          - week_ending: 2022-09-11
            rank: 6
            hours_viewed: 18210000
            weeks_in_top_10: 3
        countries:
          - week_ending: 2022-09-04
            ranks: {CA: 2, NO: 1, US: 3}

        """)
        let show = try Show.parse(file.text, file: file.path, slug: "partner-track-season-1")
        #expect(show.countries.first?.ranks.map(\.country) == ["CA", "NO", "US"])
    }

    @Test func runtimeAndViewsWhenPublished() throws {
        let plan = try F.plan([
            "2023-06-25|Films (English)|3|Extraction 2|N/A|30000000|2.0500|14600000|2",
            "2023-06-18|Films (English)|1|Extraction 2|N/A|88100000|2.05|43000000|1",
            "2023-06-18|TV (English)|9|Zero Show|Zero Show: Season 1|1100000|0||1",
        ], all: true)
        let film = try #require(plan.changes.first { $0.title == "Extraction 2" })
        #expect(film.path == "content/data/shows/extraction-2.yaml")
        #expect(film.text.contains("runtime_hours: 2.05\nweeks:\n  - week_ending: 2023-06-18\n    rank: 1\n    hours_viewed: 88100000\n    views: 43000000\n    weeks_in_top_10: 1\n"))
        // A runtime of 0 is no runtime; empty views are left out, not written as 0.
        let zero = try #require(plan.changes.first { $0.title == "Zero Show: Season 1" })
        #expect(!zero.text.contains("runtime_hours"))
        #expect(!zero.text.contains("views"))
    }

    @Test func matchesExistingFilesCaseInsensitivelyAndFilmsByShowTitle() throws {
        let pieces = try F.dataFile("pieces-of-her", """
        title: Pieces of Her
        netflix:
          show_title: Pieces of Her
          season_title: "Pieces of Her: Season 1"
          category: TV (English)
        weeks: []
        """)
        let film = try F.dataFile("the-mummy", """
        title: The Mummy
        netflix:
          show_title: the mummy
          season_title: N/A
          category: Films (English)
        weeks: []
        """)
        let wrongCategory = try F.dataFile("dark", """
        title: Dark
        netflix:
          show_title: Dark
          season_title: "Dark: Season 1"
          category: TV (English)
        weeks: []
        """)
        let plan = try F.plan([
            "2022-08-28|Films (English)|6|The Mummy|N/A|11540000|||1",
            "2022-03-06|TV (English)|1|PIECES OF HER|PIECES OF HER: Season 1|40990000|||1",
            "2022-03-06|TV (Non-English)|2|Dark|Dark: Season 1|1000000|||1",
        ], existing: [film, pieces, wrongCategory])
        #expect(plan.changes.map(\.path) == ["content/data/shows/pieces-of-her.yaml", "content/data/shows/the-mummy.yaml"])
        #expect(plan.changes.allSatisfy { !$0.isNew })
        // The importer owns `netflix:`: it now has Netflix's newest spelling.
        #expect(plan.changes[0].text.contains("  show_title: PIECES OF HER\n  season_title: \"PIECES OF HER: Season 1\"\n"))
        #expect(plan.changes[0].text.hasPrefix("title: Pieces of Her\n"))
        #expect(plan.notes == ["content/data/shows/dark.yaml: 'Dark: Season 1' (TV (English)) is not in all-weeks-global.tsv; left as it was"])
    }

    @Test func keepsHandWrittenFieldsAndComments() throws {
        let original = """
        # Partner Track, season 1: written by the desk, figures by sitegen import.
        title: Partner Track        # display name
        premiere: 2022-08-26
        episodes: 10
        netflix:                    # how Netflix writes it
          show_title: Partner Track
          season_title: "Partner Track: Season 1"
          category: TV (English)

        # Global weekly Top 10
        weeks:                      # any order
          # sitegen import rewrites the entries below
          - week_ending: 2022-08-28
            rank: 7
            hours_viewed: 16600000    # a typo the import fixes
            weeks_in_top_10: 1

        # The end.
        """
        let file = try F.dataFile("partner-track", original)
        let plan = try F.plan(F.partnerTrackRows, countryRows: [
            "Norway|NO|2022-09-04|TV|1|Partner Track|Partner Track: Season 1|1",
        ], existing: [file])
        let updated = try #require(plan.changes.first)
        #expect(updated.weeksAdded == [F.date("2022-09-04"), F.date("2022-09-11")])
        #expect(updated.weeksChanged == [F.date("2022-08-28")])
        #expect(updated.countryWeeksAdded == 1)
        #expect(updated.text == """
        # Partner Track, season 1: written by the desk, figures by sitegen import.
        title: Partner Track        # display name
        premiere: 2022-08-26
        episodes: 10
        netflix:                    # how Netflix writes it
          show_title: Partner Track
          season_title: "Partner Track: Season 1"
          category: TV (English)

        # Global weekly Top 10
        weeks:                      # any order
          # sitegen import rewrites the entries below
          - week_ending: 2022-08-28
            rank: 7
            hours_viewed: 16660000
            weeks_in_top_10: 1
          - week_ending: 2022-09-04
            rank: 4
            hours_viewed: 31140000
            weeks_in_top_10: 2
          - week_ending: 2022-09-11
            rank: 6
            hours_viewed: 18210000
            weeks_in_top_10: 3
        countries:
          - week_ending: 2022-09-04
            ranks: {NO: 1}

        # The end.

        """)
        let show = try Show.parse(updated.text, file: updated.path, slug: "partner-track")
        #expect(show.title == "Partner Track" && show.premiere == F.date("2022-08-26") && show.episodes == 10)

        // Importing the same files again changes nothing.
        let again = try F.plan(F.partnerTrackRows, countryRows: [
            "Norway|NO|2022-09-04|TV|1|Partner Track|Partner Track: Season 1|1",
        ], existing: [try F.dataFile("partner-track", updated.text)])
        #expect(again.changes.isEmpty)
        #expect(again.unchanged == ["content/data/shows/partner-track.yaml"])
    }

    @Test func handWrittenRuntimeWinsAndMissingRuntimeIsAdded() throws {
        let rows = ["2023-06-18|TV (English)|1|Show|Show: Season 1|10000000|8.3167|1200000|1"]
        let withRuntime = try F.dataFile("show", """
        title: Show
        netflix: {show_title: Show, season_title: "Show: Season 1", category: TV (English)}
        runtime_hours: 8.5
        weeks: []
        """)
        let kept = try #require(try F.plan(rows, existing: [withRuntime]).changes.first)
        #expect(kept.text.contains("runtime_hours: 8.5\n"))
        #expect(!kept.text.contains("8.3167"))
        // The flow-style netflix mapping decodes equal, so it is left as written.
        #expect(kept.text.hasPrefix("title: Show\nnetflix: {show_title: Show, season_title: \"Show: Season 1\", category: TV (English)}\n"))

        let nullRuntime = try F.dataFile("show", """
        title: Show
        netflix:
          show_title: Show
          season_title: "Show: Season 1"
          category: TV (English)
        runtime_hours: null
        weeks: []
        """)
        let added = try #require(try F.plan(rows, existing: [nullRuntime]).changes.first)
        #expect(added.text.contains("  category: TV (English)\nruntime_hours: 8.3167\nweeks:\n  - week_ending: 2023-06-18\n"))
    }

    @Test func reEntryAfterAGapKeepsBothRuns() throws {
        // The file has the first run; the new download holds only the comeback months later.
        let file = try F.dataFile("wednesday", """
        title: Wednesday
        netflix:
          show_title: Wednesday
          season_title: "Wednesday: Season 1"
          category: TV (English)
        weeks:
          - week_ending: 2022-11-27
            rank: 1
            hours_viewed: 341230000
            weeks_in_top_10: 1
          - week_ending: 2022-12-04
            rank: 1
            hours_viewed: 411290000
            weeks_in_top_10: 2
        """)
        let plan = try F.plan(["2023-08-06|TV (English)|8|Wednesday|Wednesday: Season 1|4900000|6.4|800000|20"],
                              existing: [file])
        let updated = try #require(plan.changes.first)
        #expect(updated.weeksAdded == [F.date("2023-08-06")])
        #expect(updated.weeksChanged.isEmpty)
        let show = try Show.parse(updated.text, file: updated.path, slug: "wednesday")
        #expect(show.weeks.map(\.weekEnding) == ["2022-11-27", "2022-12-04", "2023-08-06"].map(F.date))
        #expect(show.weeks.map(\.weeksInTop10) == [1, 2, 20])
        #expect(show.runtimeHours == 6.4)
    }

    @Test func trickyTitlesRoundTripThroughTheStrictDecoder() throws {
        let titles = [
            ("Tom & Jerry", "N/A"), ("\"Weird\": The Al Yankovic Story", "N/A"), ("It's #1", "It's #1: Season 2"),
            ("비상선언", "N/A"), ("أصحاب ...ولا أعزّ", "N/A"), ("- Dash", "- Dash: Part 1"), ("Null", "N/A"),
            ("Yes", "N/A"), ("1899", "1899: Season 1"), ("Back\\slash & 'single'", "N/A"), ("Trailing:", "N/A"),
            ("[Brackets] {braces}", "N/A"), ("Ends with space ", "N/A"), ("Pokémon: Indigo League", "Pokémon: Indigo League: Season 1"),
            ("Mrithyunjay\u{200B}", "N/A"), ("@home *star* !bang %pct `tick`", "N/A"), ("Line\u{2028}Separator", "N/A"),
        ]
        let rows = titles.enumerated().map { index, title in
            "2022-03-06|\(title.1 == "N/A" ? "Films (Non-English)" : "TV (Non-English)")|\(index % 10 + 1)|\(title.0)|\(title.1)|1000000|||1"
        }
        let plan = try F.plan(rows, all: true)
        #expect(plan.changes.count == titles.count)
        for file in plan.changes {
            let slug = NetflixImporter.slug(ofPath: file.path)
            #expect(Slug.isValid(slug), "\(slug)")
            let show = try Show.parse(file.text, file: file.path, slug: slug)
            let identity = try #require(show.netflix)
            #expect(titles.contains { $0.0 == identity.showTitle && $0.1 == identity.seasonTitle })
            #expect(show.title == (identity.seasonTitle == "N/A" ? identity.showTitle : identity.seasonTitle))
        }
        let paths = Set(plan.changes.map(\.path))
        #expect(paths.contains("content/data/shows/tom-jerry.yaml"))
        #expect(paths.contains("content/data/shows/pokemon-indigo-league-season-1.yaml"))
        // No Latin letters or digits: named by category and first week, then numbered.
        #expect(paths.contains("content/data/shows/films-non-english-2022-03-06.yaml"))
        #expect(paths.contains("content/data/shows/films-non-english-2022-03-06-2.yaml"))
    }

    @Test func slugClashAddsTheCategory() throws {
        let existing = try F.dataFile("inheritance", """
        title: My notes on inheritance
        weeks: []
        """)
        let plan = try F.plan([
            "2024-06-23|Films (Non-English)|1|Inheritance|N/A|16600000|1.5833|10500000|1",
            "2024-06-23|Films (English)|4|Inheritance|N/A|9500000|1.85|5100000|4",
            "2022-10-02|Films (English)|8|Inheritance|N/A|6420000|||1",
            "2022-10-02|Films (English)|9|Carry On|N/A|6420000|||1",
            "2024-12-15|Films (English)|1|Carry-On|N/A|6420000|||1",
        ], existing: [existing], add: ["INHERITANCE", "carry on", "carry-on"])
        #expect(plan.changes.map(\.path) == [
            "content/data/shows/carry-on-films-english.yaml",
            "content/data/shows/carry-on.yaml",
            "content/data/shows/inheritance-films-english.yaml",
            "content/data/shows/inheritance-films-non-english.yaml",
        ])
        #expect(plan.changes.map(\.title) == ["Carry-On", "Carry On", "Inheritance", "Inheritance"])
    }

    @Test func countryRanksOfTwoTitlesWithOneName() throws {
        let plan = try F.plan([
            "2024-06-23|Films (Non-English)|1|Inheritance|N/A|16600000|1.5833|10500000|1",
            "2022-10-02|Films (English)|8|Inheritance|N/A|6420000|||1",
        ], countryRows: [
            "Latvia|LV|2022-10-02|Films|4|Inheritance|N/A|1",
            "Latvia|LV|2022-10-02|Films|8|Inheritance|N/A|1",
            "Latvia|LV|2024-06-30|Films|2|Inheritance|N/A|1",
        ], all: true)
        let english = try #require(plan.changes.first { $0.category == "Films (English)" })
        let other = try #require(plan.changes.first { $0.category == "Films (Non-English)" })
        #expect(english.text.hasSuffix("countries:\n  - week_ending: 2022-10-02\n    ranks: {LV: 4}\n"))
        #expect(other.text.hasSuffix("countries:\n  - week_ending: 2024-06-30\n    ranks: {LV: 2}\n"))
        #expect(plan.notes == ["all-weeks-countries.tsv:3: 'Inheritance' is ranked twice in LV for the week ending 2022-10-02 (also on line 2), probably two titles with one name; kept rank 4"])
    }

    @Test func errorsNameTheProblemAndTheFix() throws {
        let a = try F.dataFile("a", "title: A\nnetflix:\n  show_title: Dark\n  season_title: \"Dark: Season 1\"\n  category: TV (Non-English)\nweeks: []\n")
        let b = try F.dataFile("b", "title: B\nweeks: []\nnetflix:\n  show_title: DARK\n  season_title: \"DARK: Season 1\"\n  category: TV (Non-English)\n")
        let rows = ["2022-03-06|TV (Non-English)|2|Dark|Dark: Season 1|1000000|||1",
                    "2022-03-06|TV (Non-English)|2|Dark|Dark: Season 1|1000000|||1"]
        let failure = #expect(throws: BuildFailure.self) {
            try F.plan(rows, existing: [a, b], add: ["Drak: Season 1", "Partner Track"])
        }
        #expect(failure?.errors.map(\.description) == [
            "all-weeks-global.tsv:3:1: error: 'Dark: Season 1' (TV (Non-English)) is listed twice for the week ending 2022-03-06 (also on line 2): the file holds one row per title and week, so the download is damaged; download it again",
        ])
        let second = #expect(throws: BuildFailure.self) {
            try F.plan([rows[0]], existing: [a, b], add: ["Drak: Season 1", "Partner Track"])
        }
        #expect(second?.errors.map(\.description) == [
            "all-weeks-global.tsv:1:1: error: no title 'Drak: Season 1' in this file (did you mean 'Dark: Season 1'?): --add takes the season_title as Netflix writes it (\"Partner Track: Season 1\"), or a film's show_title",
            "all-weeks-global.tsv:1:1: error: no title 'Partner Track' in this file: --add takes the season_title as Netflix writes it (\"Partner Track: Season 1\"), or a film's show_title",
            "content/data/shows/b.yaml:3:1: error: this file and content/data/shows/a.yaml both follow 'DARK: Season 1' (TV (Non-English)): keep one of them",
        ])
    }
}

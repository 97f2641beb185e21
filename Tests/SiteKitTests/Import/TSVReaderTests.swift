import Testing
@testable import SiteKit

/// Reading Netflix's TSV files: header variants, quoting, line ends and bad downloads.
@Suite struct TSVReaderTests {
    static let partnerTrack = GlobalTop10Row(
        week: CalendarDate(year: 2022, month: 8, day: 28)!, category: "TV (English)", rank: 7,
        showTitle: "Partner Track", seasonTitle: "Partner Track: Season 1", hoursViewed: 16_660_000,
        weeksInTop10: 1, line: 2)

    /// The rows without their line numbers, to compare variants whose rows sit on other lines.
    func values(_ rows: [GlobalTop10Row]) -> [GlobalTop10Row] {
        rows.map { var row = $0; row.line = 0; return row }
    }

    @Test func sevenColumns2021() throws {
        let text = """
        week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\tcumulative_weeks_in_top_10
        2022-08-28\tTV (English)\t7\tPartner Track\tPartner Track: Season 1\t16660000\t1
        """
        let global = try GlobalTop10.parse(text, file: "g.tsv")
        #expect(global.rows == [Self.partnerTrack])
    }

    @Test func nineColumnsWithRuntimeAndViews() throws {
        let text = """
        week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\tweekly_views\tcumulative_weeks_in_top_10
        2022-08-28\tTV (English)\t7\tPartner Track\tPartner Track: Season 1\t16660000\t\t\t1
        2023-06-18\tFilms (English)\t1\tExtraction 2\tN/A\t88100000\t2.05\t43000000\t1

        """
        let rows = try GlobalTop10.parse(text, file: "g.tsv").rows
        // Empty runtime and views are absent, not zero.
        #expect(rows[0] == Self.partnerTrack)
        #expect(rows[1].runtime == 2.05)
        #expect(rows[1].views == 43_000_000)
        #expect(rows[1].matchTitle == "Extraction 2")
    }

    @Test func elevenColumnsWithQuotedJSON() throws {
        let text = "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\tweekly_views\tcumulative_weeks_in_top_10\tis_staggered_launch\tepisode_launch_details\n"
            + "2022-08-28\tTV (English)\t7\tPartner Track\tPartner Track: Season 1\t16660000\t\t\t1\tFalse\t\"{\"\"1\"\": \"\"2022-08-26\"\",\t\"\"note\"\": \"\"tab and\nnewline\"\"}\"\n"
            + "2022-09-04\tTV (English)\t4\tPartner Track\tPartner Track: Season 1\t31140000\t\t\t2\tFalse\t\n"
        let reader = TSVReader(text, file: "g.tsv")
        var json: [String] = []
        _ = reader.forEachRow { row, _ in
            json.append(TSVReader.text(of: row.fields[reader.columns["episode_launch_details"]!], in: reader.bytes))
        }
        #expect(json == ["{\"1\": \"2022-08-26\",\t\"note\": \"tab and\nnewline\"}", ""])
        let rows = try GlobalTop10.parse(text, file: "g.tsv").rows
        #expect(values(rows) == values([Self.partnerTrack, GlobalTop10Row(
            week: CalendarDate(year: 2022, month: 9, day: 4)!, category: "TV (English)", rank: 4,
            showTitle: "Partner Track", seasonTitle: "Partner Track: Season 1", hoursViewed: 31_140_000, weeksInTop10: 2)]))
        // The quoted field spans two lines, so the next record starts on line 4.
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test func twelveColumnsReorderedAndUnknownColumnsIgnored() throws {
        let text = """
        cumulative_weeks_in_top_10\tseason_title\truntime_override_flag\tweekly_views\tshow_title\tepisode_launch_details\truntime\tweek\tis_staggered_launch\tweekly_rank\tweekly_hours_viewed\tcategory
        1\tPartner Track: Season 1\t0\t\tPartner Track\t\t\t2022-08-28\tFalse\t7\t16660000\tTV (English)
        """
        #expect(try GlobalTop10.parse(text, file: "g.tsv").rows == [Self.partnerTrack])
    }

    @Test func crlfByteOrderMarkAndMissingFinalLineEnd() throws {
        let text = "\u{FEFF}week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\tcumulative_weeks_in_top_10\r\n"
            + "2022-08-28\tTV (English)\t7\tPartner Track\tPartner Track: Season 1\t16660000\t1\r\n"
            + "\r\n"
            + "2022-09-04\tTV (English)\t4\tPartner Track\tPartner Track: Season 1\t31140000\t2"
        let rows = try GlobalTop10.parse(text, file: "g.tsv").rows
        #expect(rows.count == 2)
        #expect(rows[0] == Self.partnerTrack)
        #expect(rows[1].hoursViewed == 31_140_000 && rows[1].weeksInTop10 == 2 && rows[1].line == 4)
    }

    @Test func quotesInsideAnUnquotedFieldAreKept() throws {
        // As in the real country file: `Yo, "El Vaquilla"` is not a quoted field.
        let text = """
        country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title\tcumulative_weeks_in_top_10
        Spain\tES\t2022-10-30\tFilms\t9\tYo, "El Vaquilla"\tN/A\t2
        Norway\tNO\t2022-10-30\tTV\t1\t"Quoted"\t"Quoted: Season 1"\t1
        """
        let rows = try CountryTop10.parse(text, file: "c.tsv").rows
        #expect(rows.map(\.matchTitle) == ["Yo, \"El Vaquilla\"", "Quoted: Season 1"])
        #expect(rows.map(\.country) == ["ES", "NO"])
    }

    // MARK: Bad downloads

    @Test func htmlPageIsRejectedWithTheExpectedHeader() {
        let text = "<!DOCTYPE html>\n<html><body>503 Service Unavailable</body></html>\n"
        #expect(errors(of: text, file: "downloads/all-weeks-global.tsv") == [
            "downloads/all-weeks-global.tsv:1:1: error: the file is an HTML page, not a TSV file (the download failed): expected Netflix's tab-separated all-weeks-global.tsv, whose first line names the columns week, category, weekly_rank, show_title, season_title, weekly_hours_viewed, cumulative_weeks_in_top_10; download all-weeks-global.tsv again from https://top10.netflix.com",
        ])
    }

    @Test func theWordNullIsRejected() {
        #expect(errors(of: "null", file: "g.tsv") == [
            "g.tsv:1:1: error: the file holds only the word 'null', not a TSV file (the download failed): expected Netflix's tab-separated all-weeks-global.tsv, whose first line names the columns week, category, weekly_rank, show_title, season_title, weekly_hours_viewed, cumulative_weeks_in_top_10; download all-weeks-global.tsv again from https://top10.netflix.com",
        ])
        #expect(errors(of: "", file: "g.tsv") == [
            "g.tsv:1:1: error: the file is empty: expected Netflix's tab-separated all-weeks-global.tsv, whose first line names the columns week, category, weekly_rank, show_title, season_title, weekly_hours_viewed, cumulative_weeks_in_top_10; download all-weeks-global.tsv again from https://top10.netflix.com",
        ])
    }

    @Test func countryFileInPlaceOfTheGlobalFile() {
        let text = "country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title\tcumulative_weeks_in_top_10\n"
        #expect(errors(of: text, file: "g.tsv") == [
            "g.tsv:1:1: error: the header lacks the column 'weekly_hours_viewed' (found country_name, country_iso2, week, category, weekly_rank, show_title, season_title, cumulative_weeks_in_top_10): expected Netflix's tab-separated all-weeks-global.tsv, whose first line names the columns week, category, weekly_rank, show_title, season_title, weekly_hours_viewed, cumulative_weeks_in_top_10; check that this is all-weeks-global.tsv",
        ])
    }

    @Test func badFieldsAreReportedAtTheirLineAndColumn() {
        let text = """
        week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\tweekly_views\tcumulative_weeks_in_top_10
        2022-08-28\tTV (English)\t7\tPartner Track\tPartner Track: Season 1\t16,660,000\t\t\t1
        2022-08-29\tTV (Non-English)\t11\t비상선언\tN/A\t100\t1.5x\t\t1
        2022-09-04\tTV (english)\t4\tPartner Track\tPartner Track: Season 1\t31140000\t\t
        """
        #expect(errors(of: text, file: "g.tsv") == [
            "g.tsv:2:65: error: 'weekly_hours_viewed' must be a whole number, got '16,660,000'",
            "g.tsv:3:1: error: 'week' 2022-08-29 is not a Sunday: Netflix's weeks end on Sunday; check that the file is not damaged",
            // Columns count characters, not bytes: 비상선언 is 4 columns wide.
            "g.tsv:3:29: error: 'weekly_rank' must be between 1 and 10, got 11",
            "g.tsv:3:45: error: 'runtime' must be a number such as 1.5, got '1.5x'",
            "g.tsv:4:1: error: this line has 8 fields but the header has 9: a tab is missing or extra, or a quoted field is not closed",
        ])
        let wrongCategory = """
        week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\tcumulative_weeks_in_top_10
        2022-09-04\tTV (english)\t4\tPartner Track\tPartner Track: Season 1\t31140000\t
        """
        #expect(errors(of: wrongCategory, file: "g.tsv") == [
            "g.tsv:2:12: error: unknown category 'TV (english)' (did you mean 'TV (English)'?): expected one of Films (English), Films (Non-English), TV (English), TV (Non-English)",
            "g.tsv:2:74: error: 'cumulative_weeks_in_top_10' is empty: every row needs a whole number here",
        ])
    }

    @Test func unknownCountryCode() {
        let text = """
        country_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title
        NX\t2022-10-30\tTV\t1\tDark\tDark: Season 1
        """
        let failure = #expect(throws: BuildFailure.self) { try CountryTop10.parse(text, file: "c.tsv") }
        #expect(failure?.errors.map(\.description) == [
            "c.tsv:2:1: error: unknown country code 'NX' (did you mean 'MX'?): expected an ISO 3166-1 alpha-2 code of a country in Netflix's Top 10 (such as US, GB, NO)",
        ])
    }

    func errors(of text: String, file: String) -> [String] {
        do {
            _ = try GlobalTop10.parse(text, file: file)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}

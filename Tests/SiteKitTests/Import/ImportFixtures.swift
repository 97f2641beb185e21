import Foundation
@testable import SiteKit

/// Small inline Netflix files and data files for the import tests.
enum ImportFixtures {
    static let globalHeader = "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\tweekly_views\tcumulative_weeks_in_top_10"
    static let countryHeader = "country_name\tcountry_iso2\tweek\tcategory\tweekly_rank\tshow_title\tseason_title\tcumulative_weeks_in_top_10"

    /// A global file from rows written `week|category|rank|show|season|hours|runtime|views|weeks`.
    static func global(_ rows: [String]) -> String {
        ([globalHeader] + rows.map { $0.replacingOccurrences(of: "|", with: "\t") }).joined(separator: "\n")
    }

    /// A country file from rows written `name|code|week|category|rank|show|season|weeks`.
    static func countries(_ rows: [String]) -> String {
        ([countryHeader] + rows.map { $0.replacingOccurrences(of: "|", with: "\t") }).joined(separator: "\n")
    }

    /// Partner Track's real first three weeks (all-weeks-global.tsv), newest first as Netflix writes them.
    static let partnerTrackRows = [
        "2022-09-11|TV (English)|6|Partner Track|Partner Track: Season 1|18210000|||3",
        "2022-09-04|TV (English)|4|Partner Track|Partner Track: Season 1|31140000|||2",
        "2022-08-28|TV (English)|7|Partner Track|Partner Track: Season 1|16660000|||1",
    ]

    /// Parses a data file as the importer would find it on disk.
    static func dataFile(_ slug: String, _ text: String) throws -> ShowDataFile {
        let path = "content/data/shows/\(slug).yaml"
        return ShowDataFile(path: path, text: text, show: try Show.parse(text, file: path, slug: slug))
    }

    /// Plans an import from inline texts.
    static func plan(_ globalRows: [String], countryRows: [String]? = nil, existing: [ShowDataFile] = [],
                     add: [String] = [], all: Bool = false) throws -> ImportPlan {
        let globalTop10 = try GlobalTop10.parse(global(globalRows), file: "all-weeks-global.tsv")
        let countryTop10 = try countryRows.map { try CountryTop10.parse(countries($0), file: "all-weeks-countries.tsv") }
        return try NetflixImporter.plan(global: globalTop10, countries: countryTop10, existing: existing,
                                        selection: .init(add: add, all: all))
    }

    static func date(_ text: String) -> CalendarDate {
        try! CalendarDate(parsing: text)
    }
}

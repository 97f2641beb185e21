@testable import SiteKit

/// Reads back what the charts emit, so tests check geometry rather than
/// presence: the attributes of each element of a kind, in document order.
enum SVGProbe {
    /// The attributes of every `<name …>` start tag in `markup`.
    static func elements(_ name: String, in markup: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var rest = markup[...]
        while let start = rest.range(of: "<\(name) ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            result.append(attributes(String(rest[start.upperBound..<end])))
            rest = rest[end...]
        }
        return result
    }

    /// `key="value"` pairs of a start tag's inside.
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag[...]
        while let equals = rest.range(of: "=\"") {
            let key = rest[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            guard let close = rest[equals.upperBound...].firstIndex(of: "\"") else { break }
            result[key] = String(rest[equals.upperBound..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// A numeric attribute.
    static func number(_ element: [String: String], _ key: String) -> Double {
        Double(element[key] ?? "") ?? .nan
    }

    /// The text content of every `<name>…</name>`.
    static func texts(_ name: String, in markup: String) -> [String] {
        var result: [String] = []
        var rest = markup[...]
        while let start = rest.range(of: "<\(name)") {
            guard let close = rest[start.upperBound...].firstIndex(of: ">"),
                  let end = rest[close...].range(of: "</\(name)>") else { break }
            result.append(String(rest[rest.index(after: close)..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// The part of `markup` from the first `<svg` to its `</svg>`.
    static func svg(in markup: String) -> String {
        guard let start = markup.range(of: "<svg"), let end = markup.range(of: "</svg>") else { return "" }
        return String(markup[start.lowerBound..<end.upperBound])
    }
}

/// Shows with real figures for tests (Netflix Top 10, global).
enum ChartFixtures {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    static func week(_ date: String, rank: Int, hours: Int, views: Int? = nil, inTop10: Int) -> ShowWeek {
        ShowWeek(weekEnding: Self.date(date), rank: rank, hoursViewed: hours, views: views, weeksInTop10: inTop10)
    }

    /// Partner Track: Season 1, its three weeks in the global Top 10.
    static let partnerTrack = Show(
        sourcePath: "content/data/shows/partner-track-s1.yaml", slug: "partner-track-s1", title: "Partner Track",
        weeks: [week("2022-08-28", rank: 7, hours: 16_660_000, inTop10: 1),
                week("2022-09-04", rank: 4, hours: 31_140_000, inTop10: 2),
                week("2022-09-11", rank: 6, hours: 18_210_000, inTop10: 3)],
        countries: [CountryWeek(weekEnding: date("2022-08-28"), ranks: [CountryRank(country: "US", rank: 7),
                                                                        CountryRank(country: "NO", rank: 5)]),
                    CountryWeek(weekEnding: date("2022-09-04"), ranks: [CountryRank(country: "US", rank: 3),
                                                                        CountryRank(country: "NO", rank: 2),
                                                                        CountryRank(country: "CA", rank: 1),
                                                                        CountryRank(country: "AT", rank: 1)]),
                    CountryWeek(weekEnding: date("2022-09-11"), ranks: [CountryRank(country: "AT", rank: 5),
                                                                        CountryRank(country: "US", rank: 6),
                                                                        CountryRank(country: "GB", rank: 10)])])

    /// The Lincoln Lawyer: Season 1: a first run in 2022, a return in 2023
    /// (with views) after a gap, and a one-week gap inside that return.
    static let lincolnLawyer = Show(
        sourcePath: "content/data/shows/the-lincoln-lawyer-s1.yaml", slug: "the-lincoln-lawyer-s1",
        title: "The Lincoln Lawyer",
        weeks: [week("2022-05-15", rank: 2, hours: 45_090_000, inTop10: 1),
                week("2022-05-22", rank: 1, hours: 108_090_000, inTop10: 2),
                week("2022-05-29", rank: 2, hours: 64_820_000, inTop10: 3),
                week("2022-06-05", rank: 5, hours: 42_530_000, inTop10: 4),
                week("2022-06-12", rank: 8, hours: 27_190_000, inTop10: 5),
                week("2022-06-19", rank: 9, hours: 17_550_000, inTop10: 6),
                week("2023-07-09", rank: 9, hours: 19_200_000, views: 2_300_000, inTop10: 7),
                week("2023-07-16", rank: 5, hours: 28_300_000, views: 3_400_000, inTop10: 8),
                week("2023-07-23", rank: 9, hours: 17_800_000, views: 2_100_000, inTop10: 9),
                week("2023-08-06", rank: 6, hours: 17_300_000, views: 2_100_000, inTop10: 10)])

    /// A show whose title needs escaping everywhere.
    static let awkward = Show(
        sourcePath: "content/data/shows/awkward.yaml", slug: "awkward", title: "Tom & Jerry <Live> \"Quoted\" 'n'",
        weeks: [week("2022-08-28", rank: 1, hours: 1_000, inTop10: 1)],
        countries: [CountryWeek(weekEnding: date("2022-08-28"), ranks: [CountryRank(country: "US", rank: 1)])])
}

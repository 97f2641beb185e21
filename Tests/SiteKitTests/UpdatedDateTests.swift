import Testing
@testable import SiteKit

/// `updated` against `date`: calendar days in each value's own zone when either
/// is a plain date, instants otherwise; never a modification before publication
/// in the output.
@Suite struct UpdatedDateTests {
    static func parse(date: String, updated: String) throws -> Article {
        try Article.parse("---\ntitle: T\ndate: \(date)\nupdated: \(updated)\n---\n", file: "content/articles/a.md", fileSlug: "a")
    }

    static func error(date: String, updated: String) -> [String] {
        TestSupport.articleErrors("---\ntitle: T\ndate: \(date)\nupdated: \(updated)\n---\n")
    }

    @Test func westOfUTCTheDayOfPublicationIsAccepted() throws {
        // 21:00 in New York is already the 15th in UTC.
        let sameDay = try Self.parse(date: "2022-09-14T21:00:00-04:00", updated: "2022-09-14")
        #expect(sameDay.updated?.rfc3339 == "2022-09-14T21:00:00-04:00")
        let nextDay = try Self.parse(date: "2022-09-14T21:00:00-04:00", updated: "2022-09-15")
        #expect(nextDay.updated?.rfc3339 == "2022-09-15T00:00:00-04:00")
        #expect(nextDay.updated?.description == "2022-09-15")
        #expect(Self.error(date: "2022-09-14T21:00:00-04:00", updated: "2022-09-13") == [
            "content/articles/a.md:4:10: error: 'updated' (2022-09-13) is before 'date' (2022-09-14T21:00:00-04:00): an article cannot be updated before it is published; fix one of them",
        ])
    }

    @Test func eastOfUTCTheDayBeforeInUTCIsRefused() throws {
        // 01:00 in Tokyo is still the 14th in UTC, but the article appeared on the 15th.
        #expect(Self.error(date: "2022-09-15T01:00:00+09:00", updated: "2022-09-14") == [
            "content/articles/a.md:4:10: error: 'updated' (2022-09-14) is before 'date' (2022-09-15T01:00:00+09:00): an article cannot be updated before it is published; fix one of them",
        ])
        let sameDay = try Self.parse(date: "2022-09-15T01:00:00+09:00", updated: "2022-09-15")
        #expect(sameDay.updated?.rfc3339 == "2022-09-15T00:00:00Z")
    }

    @Test func aPlainPublicationDateComparesWithTheUpdatesOwnDay() throws {
        #expect(Self.error(date: "2022-09-15", updated: "2022-09-14T22:00:00-04:00") == [
            "content/articles/a.md:4:10: error: 'updated' (2022-09-14T22:00:00-04:00) is before 'date' (2022-09-15): an article cannot be updated before it is published; fix one of them",
        ])
        let sameDay = try Self.parse(date: "2022-09-15", updated: "2022-09-15T01:00:00+09:00")
        #expect(sameDay.updated?.rfc3339 == "2022-09-15T00:00:00Z")
    }

    @Test func twoDateTimesCompareAsInstants() throws {
        #expect(Self.error(date: "2022-09-15T01:00:00+09:00", updated: "2022-09-15T00:30:00+09:00").count == 1)
        let later = try Self.parse(date: "2022-09-15T01:00:00+09:00", updated: "2022-09-14T17:00:00Z")
        #expect(later.updated?.rfc3339 == "2022-09-14T17:00:00Z")
    }
}

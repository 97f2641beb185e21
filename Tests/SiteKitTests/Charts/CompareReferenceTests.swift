import Testing
@testable import SiteKit

/// Front matter `compare:` names shows that must exist, next to a `show:`.
@Suite struct CompareReferenceTests {
    static let shows = Dictionary(uniqueKeysWithValues: [ChartFixtures.partnerTrack, ChartFixtures.lincolnLawyer].map { ($0.slug, $0) })

    static func errors(_ frontMatter: String) throws -> [String] {
        let article = try Article.parse("---\ntitle: T\ndate: 2022-09-20\n\(frontMatter)---\nBody.\n",
                                        file: "content/articles/t.md", fileSlug: "t")
        return SitePlan.checkShowReferences(article, shows: shows).map(\.description)
    }

    @Test func validCompareHasNoErrors() throws {
        #expect(try Self.errors("show: partner-track-s1\ncompare: [the-lincoln-lawyer-s1]\n") == [])
    }

    @Test func unknownSlugWithSuggestion() throws {
        #expect(try Self.errors("show: partner-track-s1\ncompare:\n  - the-lincoln-lawyer-s2\n") == [
            "content/articles/t.md:6:5: error: unknown show 'the-lincoln-lawyer-s2' (did you mean 'the-lincoln-lawyer-s1'?): add content/data/shows/the-lincoln-lawyer-s2.yaml or fix the slug"])
    }

    @Test func compareNeedsShow() throws {
        #expect(try Self.errors("compare: [the-lincoln-lawyer-s1]\n") == [
            "content/articles/t.md:4:10: error: 'compare' needs 'show': add `show: <slug>` for the show the article follows, which is compared with these"])
    }

    @Test func duplicates() throws {
        #expect(try Self.errors("show: partner-track-s1\ncompare: [the-lincoln-lawyer-s1, the-lincoln-lawyer-s1]\n") == [
            "content/articles/t.md:5:34: error: 'compare' lists 'the-lincoln-lawyer-s1' twice: list each show once"])
    }
}

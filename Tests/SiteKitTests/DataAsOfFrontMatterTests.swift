import Testing
@testable import SiteKit

/// `data_as_of:` and `performance:` in front matter: what they mean and the
/// exact errors for each mistake.
@Suite struct DataAsOfFrontMatterTests {
    static func article(_ extra: String, date: String = "2022-09-14T09:00:00-04:00") throws -> Article {
        try Article.parse(TestSupport.article(date: date, extra), file: "content/articles/a.md", fileSlug: "a")
    }

    @Test func cutOffIsDataAsOfElseUpdatedElseDate() throws {
        #expect(try Self.article("").dataCutOff == ChartFixtures.date("2022-09-14"))
        #expect(try Self.article("updated: 2022-09-16\n").dataCutOff == ChartFixtures.date("2022-09-16"))
        #expect(try Self.article("updated: 2022-09-16\ndata_as_of: 2022-09-04\n").dataCutOff == ChartFixtures.date("2022-09-04"))
        #expect(try Self.article("data_as_of: latest\n").dataCutOff == nil)
        // The day as written, in the article's own time zone.
        #expect(try Self.article("", date: "2022-09-14T23:30:00-04:00").dataCutOff == ChartFixtures.date("2022-09-14"))
        #expect(try Self.article("").performance)
        #expect(try !Self.article("performance: false\n").performance)
    }

    @Test func mistakesAreErrors() {
        #expect(TestSupport.articleErrors(TestSupport.article("data_as_of: 2022-02-30\n"))
                == ["content/articles/a.md:4:13: error: 'data_as_of' is not a real calendar date: '2022-02-30' (check the month and day)"])
        #expect(TestSupport.articleErrors(TestSupport.article("data_as_of: Latest\n"))
                == ["content/articles/a.md:4:13: error: 'data_as_of' must be a date written YYYY-MM-DD or `latest`, got 'Latest': the article's charts draw the weeks ending on or before it"])
        #expect(TestSupport.articleErrors(TestSupport.article("performance: off\n"))
                == ["content/articles/a.md:4:14: error: 'performance' must be true or false, got 'off'"])
        #expect(TestSupport.articleErrors(TestSupport.article("performance: [false]\n")).count == 1)
    }
}

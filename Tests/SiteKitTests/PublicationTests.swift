import Foundation
import Testing
@testable import SiteKit

/// Pagination arithmetic and which articles a build publishes.
@Suite struct PublicationTests {
    @Test(arguments: [(0, 1), (1, 1), (9, 1), (10, 1), (11, 2), (20, 2), (21, 3)])
    func pageCount(items: Int, pages: Int) {
        #expect(Paginator.pageCount(items: items, pageSize: 10) == pages)
    }

    @Test func pageRangesAndPaths() {
        #expect(Paginator.range(page: 1, items: 0, pageSize: 10) == 0..<0)
        #expect(Paginator.range(page: 1, items: 10, pageSize: 10) == 0..<10)
        #expect(Paginator.range(page: 1, items: 11, pageSize: 10) == 0..<10)
        #expect(Paginator.range(page: 2, items: 11, pageSize: 10) == 10..<11)
        #expect(Paginator.path(base: "", page: 1) == "")
        #expect(Paginator.path(base: "", page: 2) == "page/2/")
        #expect(Paginator.path(base: "tags/netflix/", page: 3) == "tags/netflix/page/3/")
    }

    @Test func listPagesInABuild() throws {
        func homePages(articles: Int) throws -> [String] {
            var files = ["content/site.yaml": TestSupport.siteYAML + "page_size: 2\n"]
            for index in 0..<articles {
                files["content/articles/a\(index).md"] = TestSupport.article(title: "A\(index)", date: "2024-05-0\(index + 1)")
            }
            let output = try TestSupport.temporaryFolder().appending(path: "public")
            _ = try TestSupport.builder().build(siteDirectory: try TestSupport.site(files), output: output)
            return try TestSupport.snapshot(output).keys.filter { $0 == "index.html" || $0.hasPrefix("page/") }.sorted()
        }
        #expect(try homePages(articles: 0) == ["index.html"])
        #expect(try homePages(articles: 2) == ["index.html"])
        #expect(try homePages(articles: 3) == ["index.html", "page/2/index.html"])
    }

    func article(date: String, draft: Bool = false, expires: String? = nil) throws -> Article {
        let extra = (draft ? "draft: true\n" : "") + (expires.map { "expires: \($0)\n" } ?? "")
        return try Article.parse(TestSupport.article(date: date, extra), file: "content/articles/a.md", fileSlug: "a")
    }

    @Test func draftsFutureAndExpired() throws {
        let now = try DateTime(parsing: "2024-06-01T12:00:00Z")
        let options = BuildOptions(now: now)
        #expect(Publication.isPublished(try article(date: "2024-06-01"), options: options))
        #expect(Publication.isPublished(try article(date: "2024-06-01T12:00:00Z"), options: options))
        #expect(!Publication.isPublished(try article(date: "2024-06-01T12:00:01Z"), options: options))
        // 13:00 at +02:00 is 11:00 UTC: already published.
        #expect(Publication.isPublished(try article(date: "2024-06-01T13:00:00+02:00"), options: options))
        #expect(!Publication.isPublished(try article(date: "2024-06-02"), options: options))
        #expect(Publication.isPublished(try article(date: "2024-06-02"), options: BuildOptions(includeFuture: true, now: now)))
        #expect(!Publication.isPublished(try article(date: "2024-05-01", draft: true), options: options))
        #expect(Publication.isPublished(try article(date: "2024-05-01", draft: true), options: BuildOptions(includeDrafts: true, now: now)))
        #expect(!Publication.isPublished(try article(date: "2024-05-01", expires: "2024-06-01T12:00:00Z"), options: options))
        #expect(Publication.isPublished(try article(date: "2024-05-01", expires: "2024-06-01T12:00:01Z"), options: options))
        #expect(!Publication.isPublished(try article(date: "2024-05-01", expires: "2024-05-31"), options: options))
        let page = try StandalonePage.parse("---\ntitle: P\ndraft: true\n---\n", file: "content/pages/p.md", fileSlug: "p")
        #expect(!Publication.isPublished(page, options: options))
        #expect(Publication.isPublished(page, options: BuildOptions(includeDrafts: true, now: now)))
    }

    @Test func unpublishedArticlesLeaveNoTraceInTheBuild() throws {
        let site = try TestSupport.site([
            "content/articles/live.md": TestSupport.article(title: "Live", "tags: [Shared]\n"),
            "content/articles/draft.md": TestSupport.article(title: "Draft", "draft: true\ntags: [Shared, Secret]\n"),
            "content/articles/future.md": TestSupport.article(title: "Future", date: "2024-07-01", "tags: [Later]\n"),
        ])
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        let report = try TestSupport.builder().build(siteDirectory: site, output: output)
        #expect(report.skippedArticles == 2)
        let files = try TestSupport.snapshot(output)
        #expect(files.keys.filter { $0.hasPrefix("articles/") || $0.hasPrefix("tags/") }.sorted() == [
            "articles/live/index.html", "tags/index.html", "tags/shared/feed.xml", "tags/shared/index.html",
        ])
        let home = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("Live") && !home.contains("Draft") && !home.contains("Future"))
        // A later clock publishes the future article.
        let later = try TestSupport.builder(now: try DateTime(parsing: "2024-07-01")).build(siteDirectory: site, output: output)
        #expect(later.skippedArticles == 1)
        #expect(try TestSupport.snapshot(output)["articles/future/index.html"] != nil)
    }
}

import Foundation
import Testing
@testable import SiteKit
import Templates

/// `SitePlan.outputs`: every file once, typed by origin, with what it is made from.
struct SitePlanOutputsTests {
    private func plan(_ files: [String: String], recordsInputs: Bool = true) throws -> SitePlan {
        let folder = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try SiteLoader.load(siteDirectory: folder)
        return try SitePlan(site: site, options: BuildOptions(now: TestSupport.now), theme: DefaultTheme(),
                            recordsInputs: recordsInputs)
    }

    /// A one-off build's plan lists the same outputs, without the inputs only
    /// rebuilds read.
    @Test func planWithoutInputsListsTheSameOutputs() throws {
        let full = try plan(Self.site)
        let lean = try plan(Self.site, recordsInputs: false)
        #expect(full.outputs.contains { !$0.inputs.isEmpty })
        #expect(lean.outputs.allSatisfy { $0.inputs.isEmpty })
        #expect(lean.outputs.map(\.path) == full.outputs.map(\.path))
        #expect(lean.outputs.map(\.origin) == full.outputs.map(\.origin))
    }

    /// Two articles (one with a show, tags and an alias), a page and a static file.
    private static let site = [
        "content/site.yaml": TestSupport.siteYAML + "page_size: 1\n",
        "content/articles/new.md": TestSupport.article(title: "New", date: "2024-05-02",
                                                       "tags: [Drama]\nshow: partner-track\naliases: [/old/]\n"),
        "content/articles/old.md": TestSupport.article(title: "Old", date: "2024-05-01", "tags: [Drama, Legal]\n"),
        "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
        "content/data/shows/partner-track.yaml": TestSupport.oneWeekShow,
        "content/static/logo.txt": "logo",
    ]


    @Test func everyOutputIsPlannedOnceWithItsOriginAndInputs() throws {
        let plan = try plan(Self.site)
        let paths = plan.outputs.map(\.path.site)
        #expect(Set(paths).count == paths.count)
        func entry(_ path: String) -> PlannedOutput? { plan.outputs.first { $0.path.site == path } }

        #expect(entry("articles/new/index.html")?.origin == .article(source: "content/articles/new.md"))
        #expect(entry("articles/new/index.html")?.inputs == [
            .source("content/articles/new.md"), .show("partner-track"), .term("tags", "drama"), .term("shows", "partner-track"),
        ])
        #expect(entry("old/index.html")?.origin == .alias(source: "content/articles/new.md", alias: "/old/"))
        // Page size 1: the home page's second page lists the older article.
        #expect(entry("index.html")?.origin == .home(page: 1, pageCount: 2))
        #expect(entry("index.html")?.inputs == [.listing("new")])
        #expect(entry("page/2/index.html")?.inputs == [.listing("old")])
        #expect(entry("tags/drama/page/2/index.html")?.origin
            == .term(taxonomy: "tags", slug: "drama", name: "Drama", page: 2, pageCount: 2))
        #expect(entry("tags/drama/page/2/index.html")?.inputs == [.term("tags", "drama"), .listing("old")])
        // A show's first page draws its figures.
        #expect(entry("shows/partner-track/index.html")?.inputs
            == [.term("shows", "partner-track"), .show("partner-track"), .listing("new")])
        #expect(entry("tags/index.html")?.inputs == [.term("tags", "drama"), .term("tags", "legal")])
        #expect(entry("feed.xml")?.inputs == [.listing("new"), .feedBody("new"), .listing("old"), .feedBody("old")])
        #expect(entry("about/index.html")?.origin == .page(source: "content/pages/about.md"))
        #expect(entry("logo.txt")?.origin == .staticFile("logo.txt"))
        for generated in ["404.html", "sitemap.xml", "robots.txt", "feed.json", "tags/legal/feed.xml", plan.stylesheetPath] {
            #expect(entry(generated) != nil, "\(generated) is not planned")
        }
    }

    @Test func theSitemapListsArticlesPagesAndListPagesFromThePlan() throws {
        let plan = try plan([
            "content/articles/a.md": TestSupport.article(title: "A", "tags: [Drama]\naliases: [/gone/]\n"),
            "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
        ])
        let paths = plan.sitemapEntries.map(\.path).sorted()
        #expect(paths == ["", "about/", "articles/a/", "shows/", "tags/", "tags/drama/"])
    }
}

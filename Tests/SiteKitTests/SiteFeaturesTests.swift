import Foundation
import Testing
@testable import SiteKit
import Templates

/// Site features around the articles: publication filtering, pagination,
/// taxonomies, feeds, sitemap, aliases, structured data and the link check.
@Suite struct SiteFeaturesTests {
    static func articles(_ count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 1...max(count, 1) where count > 0 {
            files["content/articles/a\(index).md"] = TestSite.article(
                "title: Article \(index)\ndate: 2024-01-\(index < 10 ? "0" : "")\(index)\ntags: [News]")
        }
        return files
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (3, 2), (5, 3)])
    func homePagination(articles: Int, pages: Int) throws {
        let site = try TestSite(Self.articles(articles))
        defer { site.remove() }
        try site.build()
        #expect(site.exists("index.html"))
        for page in 2...max(2, pages) {
            #expect(site.exists("page/\(page)/index.html") == (page <= pages))
        }
        #expect(!site.exists("page/\(pages + 1)/index.html"))
        let first = try #require(site.read("index.html"))
        #expect(first.contains("<link rel=\"prev\"") == false)
        #expect(first.contains("<link rel=\"next\" href=\"/page/2/\">") == (pages > 1))
        if pages > 1 {
            let last = try #require(site.read("page/\(pages)/index.html"))
            #expect(last.contains("<link rel=\"prev\" href=\"\(pages == 2 ? "/" : "/page/\(pages - 1)/")\">"))
            #expect(!last.contains("<link rel=\"next\""))
        }
    }

    @Test func emptySiteHasEmptyHomeAndNoTerms() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try site.build()
        #expect(try #require(site.read("index.html")).contains("No articles yet."))
        #expect(try #require(site.read("tags/index.html")).contains("Nothing here yet."))
    }

    @Test func draftsFutureAndExpiredAreLeftOut() throws {
        let site = try TestSite([
            "content/articles/live.md": TestSite.article("title: Live\ndate: 2024-05-01"),
            "content/articles/draft.md": TestSite.article("title: Draft\ndate: 2024-05-01\ndraft: true"),
            "content/articles/future.md": TestSite.article("title: Future\ndate: 2024-06-01T12:00:01Z"),
            "content/articles/now.md": TestSite.article("title: Now\ndate: 2024-06-01T12:00:00Z"),
            "content/articles/expired.md": TestSite.article("title: Expired\ndate: 2024-01-01\nexpires: 2024-06-01T12:00:00Z"),
            "content/articles/expiring.md": TestSite.article("title: Expiring\ndate: 2024-01-01\nexpires: 2024-06-02"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(site.exists("articles/live/index.html"))
        #expect(site.exists("articles/now/index.html"))
        #expect(site.exists("articles/expiring/index.html"))
        #expect(!site.exists("articles/draft/index.html"))
        #expect(!site.exists("articles/future/index.html"))
        #expect(!site.exists("articles/expired/index.html"))
        #expect(report.skippedArticles == 3)

        try site.build(drafts: true, future: true)
        #expect(site.exists("articles/draft/index.html"))
        #expect(site.exists("articles/future/index.html"))
        #expect(!site.exists("articles/expired/index.html"))

        // A later clock expires the other one too.
        try site.build(now: DateTime(date: CalendarDate(year: 2024, month: 6, day: 2)!))
        #expect(!site.exists("articles/expiring/index.html"))
    }

    @Test func feedsAndSitemapListPublishedArticles() throws {
        let site = try TestSite([
            "content/articles/old.md": TestSite.article("title: Old & <dusty>\ndate: 2024-01-01\ntags: [Drama]"),
            "content/articles/new.md": TestSite.article(
                "title: New\ndate: 2024-02-01T10:00:00+02:00\nupdated: 2024-03-01\nauthor: Ana\ntags: [Drama, Crime]"),
            "content/pages/about.md": "---\ntitle: About\nupdated: 2024-04-01\n---\nHello.\n",
        ])
        defer { site.remove() }
        try site.build()
        let atom = try #require(site.read("feed.xml"))
        #expect(atom.contains("<id>https://example.org/feed.xml</id>"))
        #expect(atom.contains("<updated>2024-03-01T00:00:00Z</updated>\n<author><name>Test Desk</name></author>"))
        #expect(atom.contains("<title>Old &amp; &lt;dusty&gt;</title>"))
        let newIndex = try #require(atom.range(of: "<title>New</title>")).lowerBound
        let oldIndex = try #require(atom.range(of: "<title>Old")).lowerBound
        #expect(newIndex < oldIndex, "newest entry first")
        #expect(atom.contains("<published>2024-02-01T10:00:00+02:00</published>"))
        #expect(atom.contains("<author><name>Ana</name></author>"))
        let tagFeed = try #require(site.read("tags/crime/feed.xml"))
        #expect(tagFeed.contains("<title>New</title>") && !tagFeed.contains("<title>Old"))

        let json = try #require(site.read("feed.json"))
        #expect(json.contains("\"version\": \"https://jsonfeed.org/version/1.1\""))
        #expect(json.contains("\"title\": \"Old \\u0026 \\u003cdusty\\u003e\""))
        #expect(json.contains("\"url\": \"https://example.org/articles/new/\""))

        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://example.org/articles/new/</loc><lastmod>2024-03-01T00:00:00Z</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/about/</loc><lastmod>2024-04-01T00:00:00Z</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/tags/drama/</loc></url>"))
        #expect(!sitemap.contains("404"))
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    @Test func staticRobotsTxtWins() throws {
        let site = try TestSite(["content/static/robots.txt": "User-agent: *\nDisallow: /\n"])
        defer { site.remove() }
        try site.build()
        #expect(site.read("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test func brokenLinkFailsAtItsLine() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01",
                                                      body: "Intro.\n\nSee [b](/articles/b/) and\n[nothing](/articles/nothing/)."),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-02",
                                                      body: "Back to [a](../a/#missing-part)."),
        ])
        defer { site.remove() }
        let before = site.exists("index.html")
        #expect(site.buildErrors() == """
        content/articles/a.md:8:1: error: broken link '/articles/nothing/': no page or file is written at /articles/nothing/; fix the link or add the page it points to
        content/articles/b.md:5:9: error: broken link '../a/#missing-part': /articles/a/index.html has no element with id 'missing-part'; fix the link or add the page it points to
        """)
        #expect(site.exists("index.html") == before)
    }

    @Test func brokenLinksArePlacedFromTheMarkdownTreeUnderASubPath() throws {
        // Under a sub-path every root-relative link is rewritten, so its text in
        // the page never matches the source: positions come from the tree.
        let site = try TestSite([
            "content/site.yaml": "title: T\nbase_url: https://example.org/blog/\n",
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01", body: """
            Café [one](/nowhere/) and `[code](/also-nowhere/)`.

            - item ![pic](/img/missing.png)

            | a |
            |---|
            | [cell](/articles/a/#no-such-id) |
            """),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:5:6: error: broken link '/blog/nowhere/': no page or file is written at /nowhere/; fix the link or add the page it points to
        content/articles/a.md:7:8: error: broken image '/blog/img/missing.png': no page or file is written at /img/missing.png; fix the image path or add the file it points to
        content/articles/a.md:11:3: error: broken link '/blog/articles/a/#no-such-id': /articles/a/index.html has no element with id 'no-such-id'; fix the link or add the page it points to
        """)
    }

    @Test func anchorsToHeadingsResolve() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01",
                                                      body: "## The numbers\n\nJump to [the numbers](#the-numbers) or [b](/articles/b/#more)."),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-02", body: "## More\n\nText."),
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("articles/a/index.html"))
    }

    @Test func linksToMarkdownSourcesBecomePageURLs() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01",
                                                      body: "See [b](b.md#more), [about](../pages/about.md) and [x](./b.md)."),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-02\nslug: renamed-b", body: "## More\n\nText."),
            "content/pages/about.md": "---\ntitle: About\n---\nBack to [a](../articles/a.md).\n",
        ])
        defer { site.remove() }
        try site.build()
        let a = try #require(site.read("articles/a/index.html"))
        #expect(a.contains("See <a href=\"/articles/renamed-b/#more\">b</a>, <a href=\"/about/\">about</a> and <a href=\"/articles/renamed-b/\">x</a>."))
        #expect(try #require(site.read("about/index.html")).contains("Back to <a href=\"/articles/a/\">a</a>."))
    }

    @Test func linkToAnUnpublishedSourceFailsAtItsLine() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01", body: "Read [the draft](draft.md)."),
            "content/articles/draft.md": TestSite.article("title: D\ndate: 2024-01-01\ndraft: true"),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:5:6: error: broken link 'draft.md': it names no published content file (it may not exist, or be a draft, future or expired); fix the link or add the page it points to
        """)
    }

    @Test func aliasesWriteRedirects() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\naliases: [/2024/01/old-a/, /old.html]"),
        ])
        defer { site.remove() }
        try site.build()
        let redirect = try #require(site.read("2024/01/old-a/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/articles/a/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/articles/a/\">"))
        #expect(site.read("old.html")?.contains("url=https://example.org/articles/a/") == true)
        #expect(!site.exists("old.html/index.html"))
        #expect(!(try #require(site.read("sitemap.xml"))).contains("old-a"))
    }

    @Test func badAliasAndAliasCollisionAreErrors() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\naliases:\n  - ../escape/"),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-01\naliases: [/articles/a/]"),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:5:5: error: alias '../escape/' must be a path on this site starting with / (such as /2022/09/old-title/), without .., //, ?, # or spaces
        """)
        // Found by Fuzz/ (output-path): an empty segment inside the path.
        try site.write(Data(TestSite.article("title: A\ndate: 2024-01-01\naliases: [/2022/09//old-a/]").utf8), to: "content/articles/a.md")
        #expect(site.buildErrors() == """
        content/articles/a.md:4:11: error: alias '/2022/09//old-a/' must be a path on this site starting with / (such as /2022/09/old-title/), without .., //, ?, # or spaces
        """)
        // Written percent-decoded, as hosts look the path up: %2E%2E is `..`.
        try site.write(Data(TestSite.article("title: A\ndate: 2024-01-01\naliases: [/%2E%2E/escape/, /caf%C3%A9/]").utf8),
                       to: "content/articles/a.md")
        #expect(site.buildErrors() == """
        content/articles/a.md:4:11: error: alias '/%2E%2E/escape/' must be a path on this site starting with / (such as /2022/09/old-title/), without .., //, ?, # or spaces
        """)
        try site.write(Data(TestSite.article("title: A\ndate: 2024-01-01\naliases: [/caf%C3%A9/]").utf8), to: "content/articles/a.md")
        try site.write(Data(TestSite.article("title: B\ndate: 2024-01-01").utf8), to: "content/articles/b.md")
        try site.build()
        #expect(site.exists("café/index.html"))
        try site.write(Data(TestSite.article("title: A\ndate: 2024-01-01").utf8), to: "content/articles/a.md")
        try site.write(Data(TestSite.article("title: B\ndate: 2024-01-01\naliases: [/articles/a/]").utf8), to: "content/articles/b.md")
        #expect(site.buildErrors() == """
        content/articles/b.md:4:11: error: writes articles/a/index.html, which content/articles/a.md also writes: change or remove the alias
        """)
    }

    @Test func jsonLDEscapesQuotesAndScriptEnd() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article(
                "title: 'He said \"hi\" </script><script>alert(1)</script>'\ndate: 2024-01-01\nauthor: \"O'Brien\""),
        ])
        defer { site.remove() }
        try site.build()
        let html = try #require(site.read("articles/a/index.html"))
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">")).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        let json = String(html[start..<end])
        #expect(json.contains("\"headline\":\"He said \\\"hi\\\" \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""))
        #expect(json.contains("\"author\":{\"@type\":\"Person\",\"name\":\"O\\u0027Brien\"}"))
        #expect(json.contains("\"@type\":\"NewsArticle\""))
        // The only script end tag is the JSON-LD's own.
        #expect(html.components(separatedBy: "</script>").count == 2)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["headline"] as? String == "He said \"hi\" </script><script>alert(1)</script>")
    }

    @Test func socialMetaAndCanonical() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article(
                "title: A\ndate: 2024-01-01\nsummary: Short & sweet.\nimage: /img/a.jpg\nimage_alt: A picture"),
            "content/static/img/a.jpg": "jpeg",
        ])
        defer { site.remove() }
        try site.build()
        let html = try #require(site.read("articles/a/index.html"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/articles/a/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:description\" content=\"Short &amp; sweet.\">"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/img/a.jpg\">"))
        #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
    }

    @Test func stylesheetNameCarriesContentHash() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try site.build()
        let html = try #require(site.read("index.html"))
        let hash = ContentHash.hex(of: DefaultTheme().stylesheet)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/style.\(hash).css\">"))
        #expect(site.read("style.\(hash).css") == DefaultTheme().stylesheet)
    }

    @Test func showAndTagTaxonomies() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\ntags: [True Crime, Drama]\nshow: s1"),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-02\ntags: [true crime]"),
            "content/data/shows/s1.yaml": "title: Show One\nweeks: []\n",
        ])
        defer { site.remove() }
        try site.build()
        let tags = try #require(site.read("tags/index.html"))
        #expect(tags.contains("<a href=\"/tags/true-crime/\">True Crime</a> <span class=\"count\">2</span>"))
        let shows = try #require(site.read("shows/index.html"))
        #expect(shows.contains("<a href=\"/shows/s1/\">Show One</a> <span class=\"count\">1</span>"))
        let article = try #require(site.read("articles/a/index.html"))
        #expect(article.contains("<li class=\"show-tag\"><a href=\"/shows/s1/\">Show One</a></li>"))
    }

    @Test func showPageCarriesTheShowsFigures() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\nshow: s1"),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-02\nshow: s2"),
            "content/data/shows/s1.yaml": """
            title: Show & One
            weeks:
              - {week_ending: 2022-08-28, rank: 7, hours_viewed: 16660000, weeks_in_top_10: 1}
            countries:
              - {week_ending: 2022-08-28, ranks: {US: 3, NO: 1}}

            """,
            "content/data/shows/s2.yaml": "title: Show Two\nweeks: []\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try #require(site.read("shows/s1/index.html"))
        #expect(page.contains("<h2 id=\"viewing-figures\">Viewing figures</h2>"))
        #expect(page.contains("Show &amp; One: hours viewed per week"))
        #expect(page.contains("class=\"chart chart-columns\""))
        #expect(page.contains("class=\"chart chart-heatmap\""))
        #expect(page.contains(">16,660,000<"))
        let empty = try #require(site.read("shows/s2/index.html"))
        #expect(empty.contains("Show Two has not been in Netflix\u{2019}s global Top 10 yet."))
        #expect(!empty.contains("<svg"))
    }

    @Test func staticFilesAreCopiedButSystemJunkIsNot() throws {
        let site = try TestSite([
            "content/static/.well-known/security.txt": "Contact: mailto:desk@example.org\n",
            "content/static/img/.DS_Store": "junk",
            "content/static/Thumbs.db": "junk",
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.read(".well-known/security.txt") == "Contact: mailto:desk@example.org\n")
        #expect(!site.exists("img/.DS_Store"))
        #expect(!site.exists("Thumbs.db"))
    }

    @Test func updatedBeforeDateIsAnError() {
        #expect(TestSupport.articleErrors("---\ntitle: A\ndate: 2024-05-02\nupdated: 2024-05-01\n---\n") == [
            "content/articles/a.md:4:10: error: 'updated' (2024-05-01) is before 'date' (2024-05-02): an article cannot be updated before it is published; fix one of them",
        ])
    }

    @Test func siteUnderASubPathPrefixesRootPaths() throws {
        let site = try TestSite([
            "content/site.yaml": "title: Blog\nbase_url: https://example.org/blog/\n",
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\nimage: /img/a.jpg\ntags: [News]",
                                                      body: "![chart](/img/a.jpg) and [home](/blog/)."),
            "content/static/img/a.jpg": "jpeg",
        ])
        defer { site.remove() }
        try site.build()
        let html = try #require(site.read("articles/a/index.html"))
        #expect(html.contains("<img src=\"/blog/img/a.jpg\""))
        #expect(html.contains("<img src=\"/blog/img/a.jpg\" alt=\"chart\" /> and <a href=\"/blog/\">home</a>"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/blog/img/a.jpg\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/blog/style."))
        #expect(html.contains("<a href=\"/blog/tags/news/\">News</a>"))
        #expect(try #require(site.read("sitemap.xml")).contains("<loc>https://example.org/blog/articles/a/</loc>"))
    }

    @Test func termSlugsReadPlusAndAmpersand() {
        #expect(Slug.term("Apple TV+") == "apple-tv-plus")
        #expect(Slug.term("Apple TV") == "apple-tv")
        #expect(Slug.term("Disney+") == "disney-plus")
        #expect(Slug.term("Love & Death") == "love-and-death")
        #expect(Slug.term("True Crime") == "true-crime")
    }

    @Test func outputInsideContentIsRefused() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let output = site.root.appending(path: "content/static/site")
        do {
            try TestSupport.builder().build(siteDirectory: site.root, output: output)
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == "\(output.standardizedFileURL.path):1:1: error: the output folder is inside content/: choose a folder outside it, such as public/")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func linkResolution() {
        let checker = LinkChecker(baseURL: "https://example.org/blog/", basePath: "/blog/")
        #expect(checker.resolve("https://other.org/x", from: "index.html") == nil)
        #expect(checker.resolve("mailto:a@b.c", from: "index.html") == nil)
        #expect(checker.resolve("/elsewhere/", from: "index.html") == nil)
        #expect(checker.resolve("/blog/articles/a/#x", from: "index.html")! == ("articles/a/", "x"))
        #expect(checker.resolve("https://example.org/blog/tags/", from: "index.html")! == ("tags/", nil))
        #expect(checker.resolve("../b/?q=1", from: "articles/a/index.html")! == ("articles/b/", nil))
        #expect(checker.resolve("#top", from: "articles/a/index.html")! == (nil, "top"))
        #expect(checker.resolve("img/a%20b.png", from: "articles/a/index.html")! == ("articles/a/img/a b.png", nil))
    }
}

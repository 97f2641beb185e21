import Foundation
import Testing
@testable import SiteKit

/// Tags in any script: slugs keep their letters, URLs carry them
/// percent-encoded, folders on disk the letters themselves; spellings that
/// share a slug are a warning.
@Suite struct UnicodeTagTests {
    @Test(arguments: [
        ("ドラマ", "ドラマ"), ("Драма", "драма"), ("Café Society", "cafe-society"), ("Sci-Fi", "sci-fi"),
        ("Sci Fi", "sci-fi"), ("Børn & unge", "børn-and-unge"), ("हिन्दी सिनेमा", "हिन्दी-सिनेमा"),
        ("K-드라마 2024", "k-드라마-2024"), ("Apple TV+", "apple-tv-plus"), ("e\u{301}te\u{301}", "ete"),
    ])
    func termSlugsKeepLettersOfEveryScript(name: String, slug: String) {
        #expect(Slug.term(name) == slug)
    }

    @Test func termPathsArePercentEncoded() {
        #expect(Slug.percentEncoded("tags/драма/") == "tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/")
        #expect(Slug.percentEncoded("tags/sci-fi/") == "tags/sci-fi/")
        #expect(StagingDirectory.filePath("tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/index.html") == "tags/драма/index.html")
    }

    @Test func nonLatinTagsBuild() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01\ntags: [ドラマ, Драма]"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty)
        #expect(site.exists("tags/ドラマ/index.html"))
        #expect(site.exists("tags/драма/feed.xml"))
        let page = try #require(site.read("articles/a/index.html"))
        #expect(page.contains("href=\"/tags/%E3%83%89%E3%83%A9%E3%83%9E/\""))
        #expect(page.contains("href=\"/tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/\""))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/tags/%E3%83%89%E3%83%A9%E3%83%9E/</loc>"))
        let feed = try #require(site.read("tags/драма/feed.xml"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/feed.xml\"/>"))
        #expect(feed.contains("<title>Test Site: Драма</title>"))
        let term = try #require(site.read("tags/драма/index.html"))
        #expect(term.contains("<link rel=\"canonical\" href=\"https://example.org/tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/\">"))
    }

    @Test func spellingsSharingASlugAreAWarningNamingBoth() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01\ntags: [Sci-Fi]"),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-05-02\ntags: [Drama, Sci Fi]"),
            "content/articles/c.md": TestSite.article("title: C\ndate: 2024-05-03\ntags:\n  - Sci-Fi\n  - drama"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/articles/b.md:4:15: warning: tag 'Sci Fi' makes the same URL as 'Sci-Fi' (/tags/sci-fi/), so they share one page, shown as 'Sci-Fi'. Used: 'Sci Fi' in content/articles/b.md; 'Sci-Fi' in content/articles/a.md, content/articles/c.md. Write the tag one way everywhere",
        ])
        #expect(site.exists("tags/sci-fi/index.html"))
    }

    @Test func aBrokenLinkWrittenInAnyScriptIsFoundInTheSource() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01\ntags: [Драма]",
                                                      body: "See [drama](/tags/драма/) and [more](/tags/драмы/)."),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:6:31: error: broken link '/tags/%D0%B4%D1%80%D0%B0%D0%BC%D1%8B/': no page or file is written at /tags/драмы/; fix the link or add the page it points to
        """)
    }
}

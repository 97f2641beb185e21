import Testing
@testable import SiteKit

/// Absolute URLs for share cards, JSON-LD and feeds (`Feeds.absolute`).
@Suite struct AbsoluteURLTests {
    static let settings = SiteSettings(title: "T", baseURL: "https://example.org/blog/")

    @Test(arguments: [
        ("//cdn.example.net/pic.jpg", "https://cdn.example.net/pic.jpg"),
        ("https://cdn.example.net/pic.jpg", "https://cdn.example.net/pic.jpg"),
        ("/blog/img/a.jpg", "https://example.org/blog/img/a.jpg"),
        ("/img/a.jpg", "https://example.org/blog/img/a.jpg"),
        ("img/a.jpg?from=http://x", "https://example.org/blog/img/a.jpg?from=http://x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ])
    func absolute(url: String, expected: String) {
        #expect(Feeds.absolute(url, settings: Self.settings, basePath: "/blog/") == expected)
    }

    @Test func aProtocolRelativeImageKeepsItsHostEverywhere() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01\nimage: //cdn.example.net/pic.jpg"),
        ])
        defer { site.remove() }
        try site.build()
        let html = try #require(site.read("articles/a/index.html"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://cdn.example.net/pic.jpg\">"))
        #expect(html.contains("<meta name=\"twitter:image\" content=\"https://cdn.example.net/pic.jpg\">"))
        #expect(html.contains(#""image":["https://cdn.example.net/pic.jpg"]"#))
        #expect(html.contains("<img src=\"//cdn.example.net/pic.jpg\""))
        let feed = try #require(site.read("feed.json"))
        #expect(feed.contains(#""image": "https://cdn.example.net/pic.jpg""#))
        for file in ["articles/a/index.html", "feed.json", "feed.xml", "index.html"] {
            #expect(try #require(site.read(file)).contains("example.org//cdn") == false)
        }
    }
}

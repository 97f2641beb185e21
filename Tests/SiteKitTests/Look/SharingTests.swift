import Foundation
import Testing
@testable import SiteKit
import Templates

/// Share cards and structured data: og:locale, a site-wide default image,
/// author pages.
@Suite struct SharingTests {
    @Test(arguments: [("en", "en_US"), ("en-GB", "en_GB"), ("fr", "fr_FR"), ("fr-CA", "fr_CA"), ("pt", "pt_BR"),
                      ("zh-Hant-TW", "zh_TW"), ("de-de", "de_DE"), ("EN", "en_US")])
    func openGraphLocale(language: String, locale: String) {
        #expect(SiteSettings(title: "T", baseURL: "https://x.org/", language: language).openGraphLocale == locale)
    }

    @Test(arguments: ["zh-Hant", "tlh", "x-klingon", "es-419"])
    func noLocaleRatherThanAGuess(language: String) {
        #expect(SiteSettings(title: "T", baseURL: "https://x.org/", language: language).openGraphLocale == nil)
    }

    /// The locale is worked out when the language is set, in `init` or later
    /// (as `site.yaml`'s `language:` and the tests set it).
    @Test func theLocaleFollowsTheLanguageSetLater() throws {
        var settings = SiteSettings(title: "T", baseURL: "https://x.org/")
        #expect(settings.openGraphLocale == "en_US")
        settings.language = "fr-CA"
        #expect(settings.openGraphLocale == "fr_CA")
        settings.language = "tlh"
        #expect(settings.openGraphLocale == nil)
        let parsed = try SiteSettings.parse("title: T\nbase_url: https://example.org/\nlanguage: de\n", file: "content/site.yaml")
        #expect(parsed.openGraphLocale == "de_DE")
    }

    static func settingsError(_ yaml: String) -> String {
        do {
            _ = try SiteSettings.parse("title: T\nbase_url: https://example.org/\n" + yaml, file: "content/site.yaml")
            return "(no error)"
        } catch {
            return error.description
        }
    }

    @Test func badSharingSettings() {
        #expect(Self.settingsError("image: ftp://x.org/a.png\n")
            == "content/site.yaml:3:8: error: 'image' must be a file in content/static/ (/images/card.png) or an absolute http(s) URL, got 'ftp://x.org/a.png'")
        #expect(Self.settingsError("authors:\n  Dana: {url: example.com/dana}\n")
            == "content/site.yaml:4:15: error: an author's 'url' must be an absolute http(s) URL or a site path starting with /, got 'example.com/dana'")
        #expect(Self.settingsError("authors:\n  Dana: {page: /dana/}\n")
            == "content/site.yaml:4:9: error: missing required key 'url' in author 'Dana': add a line `url: https://example.com/about/`\ncontent/site.yaml:4:10: error: unknown key 'page' in author 'Dana'; known keys: url")
        #expect(Self.settingsError("authors: [Dana]\n")
            == "content/site.yaml:3:10: error: 'authors' must be a mapping of `key: value` pairs, got a list")
    }

    @Test func defaultImageMustExist() throws {
        let site = try TestSite(["content/site.yaml": TestSite.siteYAML + "image: /images/card.png\n"])
        defer { site.remove() }
        #expect(site.buildErrors() == "content/site.yaml:6:8: error: 'image' names content/static/images/card.png, which does not exist: add the file or fix the path")
    }

    @Test func defaultImageAndAuthorPages() throws {
        let site = try TestSite([
            "content/site.yaml": """
            title: Site
            base_url: https://example.org/blog/
            language: en-GB
            author: Desk
            image: /images/card.png
            image_alt: The site's card
            authors:
              Dana Whitfield: {url: /about/}
              Desk: {url: "https://desk.example/"}

            """,
            "content/static/images/card.png": "png",
            "content/static/images/own.png": "png",
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-02\nauthor: Dana Whitfield"),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-01-01\nimage: /images/own.png\nimage_alt: Own"),
        ])
        defer { site.remove() }
        try site.build()
        let card = "<meta property=\"og:image\" content=\"https://example.org/blog/images/card.png\">"
        for page in ["index.html", "articles/a/index.html", "tags/index.html"] {
            let html = try #require(site.read(page))
            #expect(html.contains(card), "\(page)")
            #expect(html.contains("<meta property=\"og:image:alt\" content=\"The site&#39;s card\">") || html.contains("<meta property=\"og:image:alt\" content=\"The site&apos;s card\">"), "\(page)")
            #expect(html.contains("<meta property=\"og:locale\" content=\"en_GB\">"), "\(page)")
        }
        let own = try #require(site.read("articles/b/index.html"))
        #expect(own.contains("<meta property=\"og:image\" content=\"https://example.org/blog/images/own.png\">"))
        #expect(!own.contains(card))
        let a = try #require(site.read("articles/a/index.html"))
        #expect(a.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Dana Whitfield\",\"url\":\"https://example.org/blog/about/\"}"))
        #expect(a.contains("\"image\":[\"https://example.org/blog/images/card.png\"]"))
        let b = try #require(site.read("articles/b/index.html"))
        #expect(b.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Desk\",\"url\":\"https://desk.example/\"}"))
        let atom = try #require(site.read("feed.xml"))
        #expect(atom.contains("<author><name>Dana Whitfield</name><uri>https://example.org/blog/about/</uri></author>"))
        let json = try #require(site.read("feed.json"))
        #expect(json.contains("\"name\": \"Dana Whitfield\",\n") && json.contains("\"url\": \"https://example.org/blog/about/\""))
    }
}

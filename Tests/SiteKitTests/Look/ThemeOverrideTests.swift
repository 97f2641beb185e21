import Foundation
import Testing
@testable import SiteKit
import Templates

/// A theme that overrides one thing keeps sitegen's look for everything else;
/// heading anchors and redirect pages are the theme's too.
@Suite struct ThemeOverrideTests {
    /// Overrides only the heading markup and the redirect page.
    struct PlainHeadings: Theme {
        func heading(_ heading: Heading) -> HeadingMarkup {
            HeadingMarkup(before: "<h\(heading.level) id=\"\(heading.id)\" class=\"mine\"><a href=\"#\(heading.id)\">§</a> ",
                          after: "</h\(heading.level)>")
        }

        func redirect(_ page: RedirectPage) -> HTML {
            "<!DOCTYPE html><html lang=\"\(page.site.language)\"><title>\(page.title)</title><a href=\"\(page.target)\">Moved</a></html>"
        }
    }

    static let files = [
        "content/site.yaml": "title: Site\nbase_url: https://example.org/\nlanguage: fr-CA\n",
        "content/articles/a.md": TestSite.article("title: \"A & B\"\ndate: 2024-01-01\naliases: [/old/]",
                                                  body: "## First part\n\nText."),
    ]

    @Test func defaultRedirectUsesTheSiteLanguage() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        let redirect = try #require(site.read("old/index.html"))
        #expect(redirect.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr-CA\">\n"))
        #expect(redirect.contains("<title>A &amp; B</title>"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/articles/a/\">"))
        let page = try #require(site.read("articles/a/index.html"))
        #expect(page.contains("<h2 id=\"first-part\">First part <a class=\"heading-anchor\" href=\"#first-part\" aria-label=\"Link to section: First part\">#</a></h2>"))
    }

    @Test func aThemeOverridesHeadingsAndRedirectsOnly() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let builder = SiteBuilder(theme: PlainHeadings(), options: BuildOptions(now: TestSite.now))
        try builder.build(siteDirectory: site.root, output: site.output)
        #expect(site.read("old/index.html") == "<!DOCTYPE html><html lang=\"fr-CA\"><title>A &amp; B</title><a href=\"https://example.org/articles/a/\">Moved</a></html>")
        let page = try #require(site.read("articles/a/index.html"))
        #expect(page.contains("<h2 id=\"first-part\" class=\"mine\"><a href=\"#first-part\">§</a> First part</h2>"))
        #expect(!page.contains("heading-anchor\" href"))
        // Everything else is the default theme's.
        #expect(page == Self.defaultPage(site).replacing(
            "<h2 id=\"first-part\">First part <a class=\"heading-anchor\" href=\"#first-part\" aria-label=\"Link to section: First part\">#</a></h2>",
            with: "<h2 id=\"first-part\" class=\"mine\"><a href=\"#first-part\">§</a> First part</h2>"))
    }

    static func defaultPage(_ site: TestSite) -> String {
        let other = site.root.appending(path: "default-out")
        _ = try? TestSupport.builder(now: TestSite.now).build(siteDirectory: site.root, output: other)
        return (try? String(contentsOf: other.appending(path: "articles/a/index.html"), encoding: .utf8)) ?? ""
    }
}

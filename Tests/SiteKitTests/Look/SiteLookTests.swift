import Foundation
import Testing
@testable import SiteKit
import Templates

/// The look without Swift: `accent:`, `logo:`, `footer:` in site.yaml and
/// `content/static/custom.css`.
@Suite struct SiteLookTests {
    static func settingsError(_ yaml: String) -> String {
        do {
            _ = try SiteSettings.parse("title: T\nbase_url: https://example.org/\n" + yaml, file: "content/site.yaml")
            return "(no error)"
        } catch {
            return error.description
        }
    }

    @Test(arguments: ["#b4233a", "#C23", "#b4233a80", "rgb(180 35 58)", "rgb(180, 35, 58)", "rgba(180, 35, 58, 0.5)",
                      "hsl(350 68% 42%)", "hsl(350deg 68% 42% / 0.9)", "oklch(0.5 0.18 15)", "oklch(50% 0.18 none)",
                      "crimson", "RebeccaPurple"])
    func acceptedColours(_ colour: String) throws {
        #expect(CSSColor.problem(with: colour) == nil)
        let settings = try SiteSettings.parse("title: T\nbase_url: https://example.org/\naccent: \"\(colour)\"\n", file: "x")
        #expect(settings.accent == colour)
    }

    @Test func rejectedColoursSayWhyAndWhere() {
        let prefix = "content/site.yaml:3:9: error: 'accent' must be a CSS colour such as #b4233a, rgb(180 35 58), hsl(350 68% 42%), oklch(0.5 0.18 15) or crimson: "
        #expect(Self.settingsError("accent: crimsen\n") == prefix + "'crimsen' is not a colour name (did you mean 'crimson'?)")
        #expect(Self.settingsError("accent: \"#12345\"\n") == prefix + "a hex colour has 3 or 6 hex digits after '#' (#b4233a, #c23)")
        #expect(Self.settingsError("accent: \"#ggg\"\n") == prefix + "a hex colour has 3 or 6 hex digits after '#' (#b4233a, #c23)")
        #expect(Self.settingsError("accent: rgb(1 2)\n") == prefix + "rgb() takes 3 numbers (optionally / alpha), such as rgb(180 35 58)")
        #expect(Self.settingsError("accent: oklch(0.5 0.1 x)\n") == prefix + "oklch() takes 3 numbers (optionally / alpha), such as oklch(0.5 0.18 15)")
        #expect(Self.settingsError("accent: url(x.png)\n") == prefix + "'url()' is not a colour function; use rgb(), hsl() or oklch()")
        #expect(Self.settingsError("accent: rgb(1 2 3\n") == prefix + "the colour function is not closed with ')'")
        // What would break out of the CSS rule never gets in.
        #expect(Self.settingsError("accent: \"red; } body { display: none\"\n").hasPrefix(prefix))
    }

    @Test func badLogoPaths() {
        #expect(Self.settingsError("logo: https://cdn.example/logo.png\n")
            == "content/site.yaml:3:7: error: 'logo' must be the path of a file in content/static/, such as /images/logo.svg, got 'https://cdn.example/logo.png'")
        #expect(Self.settingsError("logo: ../secret.svg\n")
            == "content/site.yaml:3:7: error: 'logo' must be the path of a file in content/static/, such as /images/logo.svg, got '../secret.svg'")
    }

    @Test func logoMustExist() throws {
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML + "logo: /images/logo.png\n",
            "content/static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == "content/site.yaml:6:7: error: 'logo' names content/static/images/logo.png, which does not exist (did you mean 'images/logo.svg'?): add the file or fix the path")
    }

    @Test func accentLogoFooterAndCustomCSSReachEveryPage() throws {
        let custom = ":root { --accent: rebeccapurple; --font: Georgia, serif; }\n"
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML.replacing("https://example.org/", with: "https://example.org/blog/")
                + "accent: \"#0a7\"\nlogo: images/logo.svg\nfooter: \"© The Desk · [About](pages/about.md) · [RSS](/feed.xml) · <b>x</b>\"\n",
            "content/static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/static/custom.css": custom,
            "content/pages/about.md": "---\ntitle: About\n---\nUs.\n",
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01"),
        ])
        defer { site.remove() }
        try site.build()
        let customPath = "custom.\(ContentHash.hex(of: custom)).css"
        #expect(site.read(customPath) == custom)
        #expect(!site.exists("custom.css"))
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output.path)
        let stylesheet = try #require(files.first { $0.hasPrefix("style.") })
        let css = try #require(site.read(stylesheet))
        #expect(css.hasSuffix("/* site.yaml */\n:root { --accent: #0a7; }\n"))
        #expect(stylesheet == "style.\(ContentHash.hex(of: css)).css")
        for page in ["index.html", "articles/a/index.html", "about/index.html", "tags/index.html", "404.html"] {
            let html = try #require(site.read(page))
            // The custom stylesheet comes right after the theme's, so its rules win.
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/blog/\(stylesheet)\">\n<link rel=\"stylesheet\" href=\"/blog/\(customPath)\">\n"), "\(page)")
            #expect(html.contains("<a class=\"site-title has-logo\" href=\"/blog/\"><img class=\"site-logo\" src=\"/blog/images/logo.svg\" alt=\"\">Test Site</a>"), "\(page)")
            // Footer Markdown: links to sources and site-root links resolved, raw HTML dropped.
            #expect(html.contains("<div class=\"footer-text\"><p>© The Desk · <a href=\"/blog/about/\">About</a> · <a href=\"/blog/feed.xml\">RSS</a> · <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n</div>"), "\(page)")
        }
    }

    @Test func withoutSettingsTheLookIsTheTheme() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01")])
        defer { site.remove() }
        try site.build()
        let css = try #require(site.read("style.\(ContentHash.hex(of: DefaultTheme().stylesheet)).css"))
        #expect(css == DefaultTheme().stylesheet)
        let html = try #require(site.read("index.html"))
        #expect(html.components(separatedBy: "rel=\"stylesheet\"").count == 2)
        #expect(html.contains("<a class=\"site-title\" href=\"/\">Test Site</a>"))
    }

    /// The README promises that colours, fonts and widths are custom properties a
    /// custom.css can set; every one it lists must exist and be used.
    @Test func documentedCustomPropertiesExist() throws {
        let css = DefaultTheme().stylesheet
        for property in ["--bg", "--surface", "--text", "--muted", "--border", "--accent", "--link", "--link-visited",
                         "--renewed", "--cancelled", "--pending", "--ending", "--chart-bar",
                         "--chart-axis", "--chart-grid", "--chart-text", "--chart-line-1", "--heat-0", "--heat-1",
                         "--font", "--serif", "--mono", "--measure", "--page-width"] {
            #expect(css.contains("\(property):"), "\(property) is not defined")
            #expect(css.contains("var(\(property))"), "\(property) is not used")
        }
        // Nothing outside the custom properties hard-codes a colour.
        let rules = css.components(separatedBy: "*, *::before").dropFirst().joined()
        #expect(rules.range(of: "#[0-9a-fA-F]{3,6}\\b", options: .regularExpression) == nil)
    }
}

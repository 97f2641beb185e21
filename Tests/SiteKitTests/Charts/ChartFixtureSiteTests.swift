import Foundation
import Testing
@testable import SiteKit
import Templates

/// Builds the fixture site with real Netflix figures and checks the article's charts end to end.
@Suite struct ChartFixtureSiteTests {
    static let siteDirectory = Bundle.module.resourceURL!.appending(path: "Fixtures/charts-site")

    static func buildArticle(keep: Bool = false) throws -> String {
        let output = FileManager.default.temporaryDirectory.appending(path: "sitegen-charts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let builder = SiteBuilder(theme: DefaultTheme(), options: BuildOptions(now: try DateTime(parsing: "2022-10-01")))
        _ = try builder.build(siteDirectory: siteDirectory, output: output)
        let html = try String(contentsOf: output.appending(path: "articles/partner-track-renewal/index.html"), encoding: .utf8)
        // SITEGEN_KEEP_FIXTURE=/tmp/x keeps the built site for a look in a browser.
        if keep, let keep = ProcessInfo.processInfo.environment["SITEGEN_KEEP_FIXTURE"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: output, to: URL(filePath: keep))
        }
        return html
    }

    @Test func articleHasEveryEmbedAndNoRepeatOfThem() throws {
        let html = try Self.buildArticle(keep: true)
        // Body: rank chart, heatmap, Lincoln Lawyer chart, comparison.
        for id in 1...4 {
            #expect(html.contains("aria-labelledby=\"chart-\(id).title chart-\(id).desc\""))
            #expect(html.contains("<a href=\"chart-\(id).csv\" download>Download the data (CSV)</a>"))
        }
        #expect(!html.contains("\"chart-5.title"))
        // The body already charts the article's show: no "How it's performing" repeating it.
        #expect(!html.contains("performance-chart"))
        #expect(!html.contains("How it\u{2019}s performing"))
        // Dated 2022-09-20: The Lincoln Lawyer's 2023 return is not drawn yet.
        #expect(html.contains("Netflix Top 10, weeks through Jun 19, 2022"))
        #expect(!html.contains("2023-07-09"))
    }

    @Test func buildIsDeterministic() throws {
        #expect(try Self.buildArticle() == Self.buildArticle())
    }
}

/// A site with mistakes in its embeds and its `compare:` list: every error,
/// at its line in the .md file, and nothing written.
@Suite struct InvalidEmbedSiteTests {
    static let article = """
    ---
    title: Bad embeds
    date: 2022-09-20
    show: partner-track-s1
    compare: [the-lincoln-lawyer, partner-track-s1]
    ---
    Intro paragraph.

    ```viewing-chart
    show: partner-track-s1
    metric: view
    ```

    ```country-heatmap
    ```

    """

    static let show = """
    title: Partner Track
    weeks:
      - week_ending: 2022-08-28
        rank: 7
        hours_viewed: 16660000
        weeks_in_top_10: 1

    """

    @Test func errorsPointAtTheArticleLines() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appending(path: "sitegen-invalid-embeds-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root.appending(path: "content/articles"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appending(path: "content/data/shows"), withIntermediateDirectories: true)
        try "title: T\nbase_url: https://t.example/\n".write(to: root.appending(path: "content/site.yaml"), atomically: true, encoding: .utf8)
        try Self.article.write(to: root.appending(path: "content/articles/bad.md"), atomically: true, encoding: .utf8)
        try Self.show.write(to: root.appending(path: "content/data/shows/partner-track-s1.yaml"), atomically: true, encoding: .utf8)
        let builder = SiteBuilder(theme: DefaultTheme(), options: BuildOptions(now: try DateTime(parsing: "2022-10-01")))
        let output = root.appending(path: "public")
        do {
            _ = try builder.build(siteDirectory: root, output: output)
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == """
                content/articles/bad.md:5:11: error: unknown show 'the-lincoln-lawyer': add content/data/shows/the-lincoln-lawyer.yaml or fix the slug
                content/articles/bad.md:5:31: error: 'compare' lists 'partner-track-s1', the article's own show: remove it (the show is always in the comparison)
                """)
        }
        // With compare fixed, the embed errors show up (they are found while rendering).
        try Self.article.replacingOccurrences(of: "compare: [the-lincoln-lawyer, partner-track-s1]\n", with: "compare: []\n")
            .write(to: root.appending(path: "content/articles/bad.md"), atomically: true, encoding: .utf8)
        do {
            _ = try builder.build(siteDirectory: root, output: output)
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == """
                content/articles/bad.md:11:9: error: unknown metric 'view' (did you mean 'views'?): use one of: hours, views, rank
                content/articles/bad.md:14:1: error: empty country-heatmap block: add a line such as `show: partner-track` after ```country-heatmap
                """)
        }
        #expect(!manager.fileExists(atPath: output.path))
    }
}

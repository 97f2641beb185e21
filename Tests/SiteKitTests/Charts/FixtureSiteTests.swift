import Foundation
import Testing
@testable import SiteKit
import Templates

/// Builds the fixture site with real Netflix figures and checks the article's charts end to end.
@Suite struct FixtureSiteTests {
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

    @Test func articleHasEveryEmbedAndThePerformanceSection() throws {
        let html = try Self.buildArticle(keep: true)
        #expect(html.contains("<td class=\"num change-up\">+87%</td>"))
        #expect(html.contains("<td class=\"num change-down\">\u{2212}42%</td>"))
        // Body: rank chart, heatmap, Lincoln Lawyer chart, comparison; then the performance section.
        for id in 1...6 {
            #expect(html.contains("aria-labelledby=\"chart-\(id).title chart-\(id).desc\""))
        }
        #expect(!html.contains("chart-7.title"))
        #expect(html.contains("How it’s performing"))
    }

    @Test func buildIsDeterministic() throws {
        #expect(try Self.buildArticle() == Self.buildArticle())
    }
}

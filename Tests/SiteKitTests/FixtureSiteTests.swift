// Golden-file test of a whole site.
//
// Builds Tests/SiteKitTests/Fixtures/sites/basic/ with a fixed clock and compares
// every output file, byte for byte, with Tests/SiteKitTests/Fixtures/sites/basic-expected/.
//
// After an intended change to the output (templates, stylesheet, Markdown), regenerate
// the expected files and review the diff before committing:
//
//     SITEGEN_UPDATE_FIXTURES=1 swift test --filter FixtureSiteTests
//     git diff Tests/SiteKitTests/Fixtures/sites/basic-expected/
//
// The test then fails once, saying what it rewrote; run it again to see it pass.
//
// The stylesheet is not kept as a golden file: the test checks that exactly one,
// named by its content hash, holds the theme's CSS, so style changes do not churn
// the expected folder.

import Foundation
import Testing
@testable import SiteKit
import Templates

@Suite struct FixtureSiteTests {
    static let site = TestSupport.fixtures.appending(path: "sites/basic")
    static let expected = TestSupport.fixtures.appending(path: "sites/basic-expected")

    @Test func basicSiteMatchesExpectedOutput() throws {
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        let report = try TestSupport.builder().build(siteDirectory: Self.site, output: output)
        #expect(report == BuildReport(pages: 15, otherFiles: 15, skippedArticles: 3, warnings: [
            .warning(file: "content/articles/future-post.md", line: 3, column: 7,
                     message: "dated 2099-01-01, in the future, so this build leaves the article out; it appears in the first build after that moment (build with --future to include it now)"),
        ]))
        var actual = try TestSupport.snapshot(output)
        let stylesheets = actual.keys.filter { $0.hasPrefix("style.") && $0.hasSuffix(".css") }
        #expect(stylesheets == ["style.\(ContentHash.hex(of: DefaultTheme().stylesheet)).css"])
        #expect(stylesheets.first.flatMap { actual[$0] } == Data(DefaultTheme().stylesheet.utf8))
        for path in stylesheets { actual[path] = nil }

        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: Self.expected)
            for (path, bytes) in actual { try TestSupport.write(bytes, to: path, in: Self.expected) }
            Issue.record("rewrote \(actual.count) files in \(Self.expected.path); review them and run again")
            return
        }

        let expected = try TestSupport.snapshot(Self.expected)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for path in expected.keys.sorted() {
            guard let bytes = actual[path] else { continue }
            if bytes != expected[path] {
                Issue.record("""
                \(path) differs from the expected output (SITEGEN_UPDATE_FIXTURES=1 rewrites it):
                \(Self.firstDifference(String(decoding: bytes, as: UTF8.self),
                                       String(decoding: expected[path] ?? Data(), as: UTF8.self)))
                """)
            }
        }
    }

    @Test func buildingTwiceGivesIdenticalBytes() throws {
        let first = try TestSupport.temporaryFolder().appending(path: "public")
        let second = try TestSupport.temporaryFolder().appending(path: "out")
        _ = try TestSupport.builder().build(siteDirectory: Self.site, output: first)
        _ = try TestSupport.builder().build(siteDirectory: Self.site, output: second)
        let a = try TestSupport.snapshot(first)
        #expect(a.count == 31)  // 27 pages and files, and 4 CSV files of charts and tables
        #expect(a == (try TestSupport.snapshot(second)))
        // Rebuilding into the same folder replaces it with the same bytes.
        _ = try TestSupport.builder().build(siteDirectory: Self.site, output: first)
        #expect(a == (try TestSupport.snapshot(first)))
    }

    @Test func draftsAreBuiltOnRequest() throws {
        let output = try TestSupport.temporaryFolder().appending(path: "public")
        let report = try TestSupport.builder(includeDrafts: true).build(siteDirectory: Self.site, output: output)
        #expect(report.skippedArticles == 2)
        let files = try TestSupport.snapshot(output)
        #expect(files["articles/upcoming-draft/index.html"] != nil)
        #expect(files["tags/drafts/index.html"] != nil)
        #expect(files["articles/future-post/index.html"] == nil)
        #expect(files["articles/expired-offer/index.html"] == nil)
    }

    /// The line where two texts first differ, with a little context.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < e.count ? String(e[index]) : "<end of file>"
            if left != right { return "line \(index + 1):\n  actual:   \(left)\n  expected: \(right)" }
        }
        return "(same lines; line ends or trailing bytes differ)"
    }
}

import Foundation
import Testing
@testable import SiteKit

/// Sites that must fail: Tests/SiteKitTests/Fixtures/invalid/<case>/ holds a
/// content/ folder and expected-errors.txt with the exact error lines, sorted.
@Suite struct InvalidSiteTests {
    static let root = TestSupport.fixtures.appending(path: "invalid")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    @Test func everyCaseIsFound() {
        #expect(Self.cases == ["bad-date", "missing-site-title", "non-utf8", "two-errors", "unknown-key", "unknown-show"])
    }

    @Test(arguments: cases)
    func siteFailsWithExactErrors(_ name: String) throws {
        let site = Self.root.appending(path: name)
        let expected = try String(contentsOf: site.appending(path: "expected-errors.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let parent = try TestSupport.temporaryFolder()
        let output = parent.appending(path: "public")
        #expect(TestSupport.buildErrors(site, output: output) == expected)
        // Nothing was written: no output, no staging folder.
        #expect(try TestSupport.entries(of: parent) == [])
    }
}

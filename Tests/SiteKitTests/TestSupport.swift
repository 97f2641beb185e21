import Foundation
import Testing
@testable import SiteKit
import Templates

/// Helpers shared by the suites: temporary folders, small sites written from
/// inline strings, builds with a fixed clock, and byte-exact folder snapshots.
enum TestSupport {
    /// The fixed clock of every test build: 2024-06-01T12:00:00Z.
    static let now = DateTime(date: CalendarDate(year: 2024, month: 6, day: 1)!, secondsOfDay: 12 * 3600,
                              utcOffsetMinutes: 0, hasTime: true)

    /// Tests/SiteKitTests/Fixtures, found from this file so that it works with
    /// any build tool and needs no bundle.
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    /// A fresh empty folder under the system temporary folder.
    static func temporaryFolder(_ name: String = "sitegen-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "\(name)-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (path relative to `root` -> text) below `root`.
    static func write(_ files: [String: String], in root: URL) throws {
        for (path, text) in files {
            try write(Data(text.utf8), to: path, in: root)
        }
    }

    static func write(_ data: Data, to path: String, in root: URL) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A minimal valid site.yaml.
    static let siteYAML = """
    title: Test Site
    base_url: https://example.com/
    description: A site for tests.

    """

    /// The data file of a show ("Partner Track") with one week in the Top 10.
    static let oneWeekShow = """
    title: Partner Track
    weeks:
      - week_ending: 2022-08-28
        hours_viewed: 1000
        rank: 3
        weeks_in_top_10: 1

    """

    /// An article's source with the given extra front matter lines.
    static func article(title: String = "An article", date: String = "2024-05-01", _ extra: String = "",
                        body: String = "Body text.\n") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)"
    }

    /// A site folder holding `files` (paths relative to the site folder).
    static func site(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder("sitegen-site")
        var all = files
        if all["content/site.yaml"] == nil { all["content/site.yaml"] = siteYAML }
        try write(all, in: root)
        return root
    }

    static func builder(includeDrafts: Bool = false, now: DateTime = now) -> SiteBuilder {
        SiteBuilder(theme: DefaultTheme(), options: BuildOptions(includeDrafts: includeDrafts, now: now))
    }

    /// The error lines of a build that must fail; records an issue if it succeeds.
    static func buildErrors(_ site: URL, output: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let output = output ?? site.appending(path: "public")
        do {
            _ = try builder().build(siteDirectory: site, output: output)
            Issue.record("the build succeeded but should have failed", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// Every regular file below `root` by relative path, with its bytes.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteLoader.listFiles(in: root) {
            result[path] = try Data(contentsOf: root.appending(path: path))
        }
        return result
    }

    /// Names in `folder` (not recursive), sorted.
    static func entries(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The error lines of parsing an article's text.
    static func articleErrors(_ text: String, file: String = "content/articles/a.md", slug: String = "a") -> [String] {
        do {
            _ = try Article.parse(text, file: file, fileSlug: slug)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}

/// A tiny seeded generator (SplitMix64): the same seed, the same
/// sequence (random edits, random texts).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

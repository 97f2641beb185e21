import Foundation
@testable import SiteKit
import Templates

/// A site written from inline files into a temporary folder, built with a
/// fixed clock: ``TestSupport``'s helpers bundled with the site's folder.
struct TestSite {
    let root: URL
    var output: URL { root.appending(path: "public") }

    /// The default clock of test builds: 2024-06-01T12:00:00Z.
    static let now = TestSupport.now

    static let siteYAML = """
    title: Test Site
    base_url: https://example.org/
    description: A site for tests.
    author: Test Desk
    page_size: 2

    """

    /// Writes `files` (path relative to the site folder -> text) into a new temp folder;
    /// content/site.yaml defaults to ``siteYAML``.
    init(_ files: [String: String]) throws {
        var all = files
        if all["content/site.yaml"] == nil { all["content/site.yaml"] = Self.siteYAML }
        root = try TestSupport.site(all)
    }

    func write(_ data: Data, to path: String) throws {
        try TestSupport.write(data, to: path, in: root)
    }

    /// Builds the site into ``output``.
    @discardableResult
    func build(drafts: Bool = false, future: Bool = false, now: DateTime = TestSite.now) throws(BuildFailure) -> BuildReport {
        var builder = TestSupport.builder(includeDrafts: drafts, now: now)
        builder.options.includeFuture = future
        return try builder.build(siteDirectory: root, output: output)
    }

    /// The errors of a build that must fail, one `path:line:col: error: …` per line.
    func buildErrors(now: DateTime = TestSite.now) -> String {
        do {
            try build(now: now)
            return "(build succeeded)"
        } catch {
            return error.description
        }
    }

    /// The text of an output file, or nil when it was not written.
    func read(_ path: String) -> String? {
        (try? Data(contentsOf: output.appending(path: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appending(path: path).path)
    }

    /// An article source with the given front matter lines and body.
    static func article(_ frontMatter: String, body: String = "Some text.") -> String {
        "---\n\(frontMatter)\n---\n\(body)\n"
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

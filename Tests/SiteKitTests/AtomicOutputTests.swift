import Foundation
import Testing
@testable import SiteKit

/// A build writes into a staging folder and swaps it in only on success: a
/// failed build leaves the previous output byte for byte as it was.
@Suite struct AtomicOutputTests {
    func makeSite() throws -> URL {
        try TestSupport.site([
            "content/articles/one.md": TestSupport.article(title: "One", "tags: [News]\n"),
            "content/articles/two.md": TestSupport.article(title: "Two", date: "2024-04-01"),
            "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
            "content/static/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try makeSite()
        let parent = try TestSupport.temporaryFolder()
        let output = parent.appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        let before = try TestSupport.snapshot(output)
        #expect(before.keys.sorted() == [
            ".sitegen-output", "404.html", "about/index.html", "articles/one/index.html", "articles/two/index.html",
            "feed.json", "feed.xml", "img/logo.svg", "index.html", "robots.txt", "shows/index.html", "sitemap.xml",
            Self.stylesheet(in: before), "tags/index.html", "tags/news/feed.xml", "tags/news/index.html",
        ])

        // Break an article: the build fails at load.
        try TestSupport.write(["content/articles/two.md": "---\ntitel: Two\ndate: 2024-04-01\n---\n"], in: site)
        #expect(TestSupport.buildErrors(site, output: output) == [
            "content/articles/two.md:2:1: error: missing required key 'title' in front matter: add a line `title: \"Partner Track season 2: renewal status\"`",
            "content/articles/two.md:2:1: error: unknown key 'titel' in front matter (did you mean 'title'?); known keys: aliases, author, compare, data_as_of, date, draft, expires, image, image_alt, performance, renewal, scores, show, slug, summary, tags, title, updated",
        ])
        #expect(try TestSupport.snapshot(output) == before)
        #expect(try TestSupport.entries(of: parent) == ["public"])

        // A failure while writing, after the staging folder exists (a full
        // disk), injected: file permissions cannot stop root, which CI runs as.
        try TestSupport.write(["content/articles/two.md": TestSupport.article(title: "Two", date: "2024-04-01")], in: site)
        for (path, message) in [("articles/two/index.html", "cannot write the file: No space left on device"),
                                ("img/logo.svg", "cannot copy the file into the output: No space left on device")] {
            var builder = TestSupport.builder()
            builder.injectedWriteFailure = { $0 == path ? "No space left on device" : nil }
            do {
                _ = try builder.build(siteDirectory: site, output: output)
                Issue.record("the build should fail writing \(path)")
            } catch {
                #expect(error.errors.map(\.message) == [message])
                #expect(error.errors.first.map { $0.file.hasSuffix(path) } == true)
            }
            #expect(try TestSupport.snapshot(output) == before)
            #expect(try TestSupport.entries(of: parent) == ["public"])
        }
    }

    @Test func successfulBuildReplacesTheOutput() throws {
        let site = try makeSite()
        let parent = try TestSupport.temporaryFolder()
        let output = parent.appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        try FileManager.default.removeItem(at: site.appending(path: "content/articles/two.md"))
        try FileManager.default.removeItem(at: site.appending(path: "content/static/img/logo.svg"))
        let report = try TestSupport.builder().build(siteDirectory: site, output: output)
        #expect(report == BuildReport(pages: 7, otherFiles: 6, skippedArticles: 0))
        let after = try TestSupport.snapshot(output)
        #expect(after["articles/two/index.html"] == nil)
        #expect(after["img/logo.svg"] == nil)
        #expect(after["articles/one/index.html"] != nil)
        #expect(try TestSupport.entries(of: parent) == ["public"])
    }

    @Test func foreignOutputFolderIsRefusedAndUntouched() throws {
        let site = try makeSite()
        let parent = try TestSupport.temporaryFolder()
        let output = parent.appending(path: "public")
        try TestSupport.write(["notes.txt": "my own file", "sub/keep.md": "keep"], in: output)
        let before = try TestSupport.snapshot(output)
        #expect(TestSupport.buildErrors(site, output: output) == [
            "\(output.path):1:1: error: refusing to replace '\(output.path)': it was not created by sitegen (no .sitegen-output file); choose another --output or empty it yourself",
        ])
        #expect(try TestSupport.snapshot(output) == before)
        #expect(try TestSupport.entries(of: parent) == ["public"])

        // A plain file in the way is refused too.
        let file = parent.appending(path: "site.html")
        try Data("x".utf8).write(to: file)
        #expect(TestSupport.buildErrors(site, output: file) == [
            "\(file.path):1:1: error: refusing to replace '\(file.path)': it was not created by sitegen (no .sitegen-output file); choose another --output or empty it yourself",
        ])
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func emptyOrMissingOutputFolderIsUsed() throws {
        let site = try makeSite()
        let parent = try TestSupport.temporaryFolder()
        let empty = parent.appending(path: "empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        _ = try TestSupport.builder().build(siteDirectory: site, output: empty)
        _ = try TestSupport.builder().build(siteDirectory: site, output: parent.appending(path: "new/deeper"))
        #expect(try TestSupport.snapshot(empty)[".sitegen-output"] != nil)
        #expect(try TestSupport.snapshot(parent.appending(path: "new/deeper"))["index.html"] != nil)
        #expect(try TestSupport.entries(of: parent) == ["empty", "new"])
        #expect(try TestSupport.entries(of: parent.appending(path: "new")) == ["deeper"])
    }

    /// Discarding and committing a staging folder directly.
    @Test func discardedStagingLeavesTheTargetAlone() throws {
        let site = try makeSite()
        let parent = try TestSupport.temporaryFolder()
        let output = parent.appending(path: "public")
        _ = try TestSupport.builder().build(siteDirectory: site, output: output)
        let before = try TestSupport.snapshot(output)
        let staging = try StagingDirectory(target: output)
        try staging.write("new", to: "index.html")
        try staging.copy(site.appending(path: "content/static/img/logo.svg"), toFile: "img/logo.svg")
        #expect(try TestSupport.entries(of: parent).count == 2)
        staging.discard()
        #expect(try TestSupport.snapshot(output) == before)
        #expect(try TestSupport.entries(of: parent) == ["public"])

        // Committing swaps the new files in and removes the old folder.
        let second = try StagingDirectory(target: output)
        try second.write("new", to: "index.html")
        try second.commit()
        #expect(try TestSupport.snapshot(output).keys.sorted() == [".sitegen-output", "index.html"])
        #expect(try TestSupport.entries(of: parent) == ["public"])
    }

    @Test func stagingRefusesPathsOutsideTheFolder() throws {
        let parent = try TestSupport.temporaryFolder()
        let staging = try StagingDirectory(target: parent.appending(path: "public"))
        defer { staging.discard() }
        for path in ["../x.html", "/etc/x", "a/../../x", "", "a//b", "./x"] {
            #expect(throws: SiteError(file: path, message: "output path '\(path)' would leave the output folder: use a plain relative path")) {
                try staging.write("x", to: path)
            }
        }
        #expect(try TestSupport.entries(of: parent).count == 1)
    }

    @Test(arguments: [
        ("index.html", true), ("a/b/index.html", true), ("...", true), ("a/.hidden", true), ("a/..b/c", true),
        ("", false), ("/x", false), ("x/", false), ("a//b", false), (".", false), ("..", false),
        ("./x", false), ("a/./b", false), ("a/../b", false), ("a/..", false),
    ])
    func plainRelativePaths(path: String, isPlain: Bool) {
        #expect(StagingDirectory.isPlainRelative(path) == isPlain)
    }

    static func stylesheet(in files: [String: Data]) -> String {
        files.keys.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") } ?? "style.css missing"
    }

    @Test func leftoversOfKilledBuildsAreRemovedOnlyWhenOld() throws {
        let parent = try TestSupport.temporaryFolder()
        let target = parent.appending(path: "public")
        let manager = FileManager.default
        func leftover(_ name: String, marked: Bool, age: TimeInterval) throws -> URL {
            let folder = parent.appending(path: name)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            if marked { try Data("x".utf8).write(to: folder.appending(path: StagingDirectory.markerName)) }
            try manager.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: folder.path)
            return folder
        }
        let stale = try leftover("public.staging-abc", marked: true, age: 2 * 3600)
        let staleOld = try leftover("public.old-abc", marked: true, age: 2 * 3600)
        let running = try leftover("public.staging-def", marked: true, age: 60)
        let foreign = try leftover("public.staging-mine", marked: false, age: 2 * 3600)
        let staging = try StagingDirectory(target: target)
        staging.discard()
        #expect(!manager.fileExists(atPath: stale.path))
        #expect(!manager.fileExists(atPath: staleOld.path))
        #expect(manager.fileExists(atPath: running.path), "a build running now keeps its folder")
        #expect(manager.fileExists(atPath: foreign.path), "a folder sitegen did not mark is never removed")
    }
}

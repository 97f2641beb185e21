import Testing
@testable import SiteKit

/// The load phase: which files it reads, and that it reports what it does not.
@Suite struct SiteLoaderTests {
    @Test func loadsSortedAndReportsFilesItWouldIgnore() throws {
        let site = try TestSupport.site([
            "content/articles/b.md": TestSupport.article(title: "B", date: "2024-05-01"),
            "content/articles/a.md": TestSupport.article(title: "A", date: "2024-05-01"),
            "content/articles/c.md": TestSupport.article(title: "C", date: "2024-05-02"),
            "content/articles/.DS_Store": "x",
            "content/articles/.git/config": "x",
            "content/pages/about.md": "---\ntitle: About\n---\n",
            "content/static/z.txt": "z",
            "content/static/a/b.txt": "b",
        ])
        let loaded = try SiteLoader.load(siteDirectory: site)
        #expect(loaded.articles.map(\.slug) == ["c", "a", "b"])
        #expect(loaded.pages.map(\.slug) == ["about"])
        #expect(loaded.staticFiles == ["a/b.txt", "z.txt"])

        try TestSupport.write([
            "content/articles/2024/old.md": TestSupport.article(),
            "content/pages/team/alice.md": "---\ntitle: Alice\n---\n",
        ], in: site)
        #expect(TestSupport.buildErrors(site) == [
            "content/articles/2024/old.md:1:1: error: files in subfolders of content/articles/ are not read: move it into content/articles/ itself",
            "content/pages/team/alice.md:1:1: error: files in subfolders of content/pages/ are not read: move it into content/pages/ itself",
        ])
    }

    @Test func missingSiteFolder() throws {
        let empty = try TestSupport.temporaryFolder()
        #expect(TestSupport.buildErrors(empty) == [
            "content/site.yaml:1:1: error: no site here: \(empty.standardizedFileURL.path) has no content/site.yaml; run sitegen in the site's folder, pass --site DIR, or create content/site.yaml with `title:` and `base_url:`",
        ])
    }
}

import Foundation
import Testing
@testable import SiteKit
import Templates

/// `sitegen new site` and `sitegen new article`: the scaffolds are pure
/// functions; the writer refuses to overwrite anything.
@Suite struct ScaffoldTests {
    static let now = TestSupport.now

    @Test func newSiteBuildsAtOnceWithItsChart() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "my-site")
        try ScaffoldWriter.writeSite(SiteScaffold.files(title: "My Site", now: Self.now), into: site, shownAs: "my-site")
        let output = folder.appending(path: "out")
        let report = try TestSupport.builder(now: Self.now).build(siteDirectory: site, output: output)
        #expect(report.skippedArticles == 0)
        let page = try String(contentsOf: output.appending(path: "articles/\(SiteScaffold.sampleArticle)/index.html"), encoding: .utf8)
        // The embedded chart and its table hold the real figures of all eight weeks.
        #expect(page.contains("<figure class=\"embed embed-columns"))
        for hours in ["341,230,000", "411,290,000", "269,670,000", "173,960,000", "118,540,000",
                      "103,960,000", "81,340,000", "57,820,000"] {
            #expect(page.contains(hours), "missing \(hours)")
        }
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "about/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "images/logo.svg").path))
        let home = try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8)
        #expect(home.contains("<title>My Site</title>"))
    }

    @Test func siteYAMLShowsEveryKey() throws {
        let yaml = SiteScaffold.siteYAML(title: "X")
        for key in SiteSettings.keys {
            #expect(yaml.contains("\n\(key):") || yaml.contains("# \(key):"), "site.yaml does not show '\(key)'")
        }
        // And it reads back, title quoted where needed.
        let settings = try SiteSettings.parse(SiteScaffold.siteYAML(title: "Yes: \"no\" #1"), file: "site.yaml")
        #expect(settings.title == "Yes: \"no\" #1")
    }

    @Test(arguments: [("green-room", "Green Room"), ("my_site.com", "My Site Com"), ("x", "X"), ("---", "My Site"),
                      ("Écrans 2", "Écrans 2")])
    func titleFromFolder(folder: String, title: String) {
        #expect(SiteScaffold.title(fromFolder: folder) == title)
    }

    @Test func newSiteRefusesANonEmptyFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(["notes.txt": "mine", "b.md": "", "c": "", "d": ""], in: folder)
        #expect(throws: BuildFailure.self) {
            try ScaffoldWriter.writeSite(SiteScaffold.files(title: "X", now: Self.now), into: folder, shownAs: "blog")
        }
        do {
            try ScaffoldWriter.writeSite(SiteScaffold.files(title: "X", now: Self.now), into: folder, shownAs: "blog")
        } catch {
            #expect(error.description == "blog:1:1: error: the folder is not empty (it holds b.md, c, d, …): name a new or empty folder; sitegen new site never overwrites files")
        }
        #expect(try String(contentsOf: folder.appending(path: "notes.txt"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "content").path))
    }

    @Test func newSiteAcceptsAFolderWithOnlyHiddenEntries() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write([".git/HEAD": "ref: refs/heads/main\n"], in: folder)
        try ScaffoldWriter.writeSite(SiteScaffold.files(title: "X", now: Self.now), into: folder, shownAs: "x")
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "content/site.yaml").path))
    }

    @Test func draftHasItsFrontMatterFilledIn() throws {
        let draft = try ArticleScaffold.draft(title: "  Wednesday: Season 2 — what's \"next\"? ", show: "wednesday-season-1",
                                              knownShows: ["wednesday-season-1"], now: Self.now)
        #expect(draft.path == "content/articles/wednesday-season-2-what-s-next.md")
        #expect(draft.text == """
        ---
        title: "Wednesday: Season 2 — what's \\"next\\"?"
        date: 2024-06-01T12:00:00Z
        draft: true                # remove this line to publish
        # summary: One or two sentences for lists and feeds (default: the first paragraph).
        tags: []
        show: wednesday-season-1
        # image: /images/picture.jpg
        # image_alt: What the picture shows
        # renewal:
        #   status: pending          # renewed | cancelled | pending | ending
        #   prediction: Leaning toward renewal
        #   as_of: 2024-06-01
        ---
        Write the article here, in Markdown.

        """)
        let article = try Article.parse(draft.text, file: draft.path, fileSlug: "wednesday-season-2-what-s-next")
        #expect(article.title == "Wednesday: Season 2 — what's \"next\"?")
        #expect(article.draft)
        #expect(article.show == "wednesday-season-1")
        #expect(article.date == Self.now)
    }

    @Test func draftWithoutShowStillParses() throws {
        let draft = try ArticleScaffold.draft(title: "Plain", show: nil, knownShows: [], now: Self.now)
        #expect(draft.text.contains("# show: a-show-slug"))
        let article = try Article.parse(draft.text, file: draft.path, fileSlug: "plain")
        #expect(article.show == nil && article.renewal == nil)
    }

    @Test func draftErrors() {
        func error(_ title: String, show: String?, known: [String]) -> String {
            do {
                _ = try ArticleScaffold.draft(title: title, show: show, knownShows: known, now: Self.now)
                return "(no error)"
            } catch {
                return error.description
            }
        }
        #expect(error("Hi", show: "wednesday-season1", known: ["wednesday-season-1", "stranger-things-4"])
            == "content/data/shows:1:1: error: unknown show 'wednesday-season1' (did you mean 'wednesday-season-1'?): --show takes the name of a file in content/data/shows/ without .yaml (known: stranger-things-4, wednesday-season-1)")
        #expect(error("Hi", show: "x", known: [])
            == "content/data/shows:1:1: error: unknown show 'x': --show takes the name of a file in content/data/shows/ without .yaml (there are none yet)")
        #expect(error("???", show: nil, known: [])
            == "content/articles:1:1: error: the title '???' has no letters or digits to make a file name from: give a title such as \"Wednesday season 2 renewal\"")
    }

    @Test func newArticleNeverOverwrites() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(["content/articles/hello.md": "mine"], in: folder)
        let draft = try ArticleScaffold.draft(title: "Hello", show: nil, knownShows: [], now: Self.now)
        do {
            try ScaffoldWriter.write(draft, in: folder)
            Issue.record("overwrote an existing article")
        } catch {
            #expect(error.description == "content/articles/hello.md:1:1: error: content/articles/hello.md already exists: choose another title or slug, or edit that file")
        }
        #expect(try String(contentsOf: folder.appending(path: "content/articles/hello.md"), encoding: .utf8) == "mine")
    }

    @Test func showSlugsAreTheDataFileNames() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(["content/data/shows/b.yaml": "", "content/data/shows/a.yaml": "",
                               "content/data/shows/notes.txt": ""], in: folder)
        #expect(ScaffoldWriter.showSlugs(siteDirectory: folder) == ["a", "b"])
    }
}

import Foundation
import Testing
@testable import SiteKit
import Templates

/// `sitegen serve`'s incremental rebuilds (``PreviewSession``): after any
/// sequence of edits, the output folder it keeps updating is byte for byte
/// the output of a full build of the same content; a failed rebuild leaves it
/// as it was and loses no change; and an edit renders only what it affects.
@Suite struct IncrementalRebuildTests {
    // MARK: Random edit sequences

    /// Seeds, and how many old filler articles join the 8 of the fixture: with
    /// 16, some articles are in no feed (a feed lists 20) and edits move
    /// articles in and out of the feeds.
    @Test(arguments: [(UInt64(1), 0), (0xC0FFEE, 16)])
    func randomEditsMatchAFullBuild(seed: UInt64, fillers: Int) throws {
        var random = SplitMix64(seed: seed)
        var site = FixtureSite(fillers: fillers)
        let root = try TestSupport.site(site.files())
        defer { try? FileManager.default.removeItem(at: root) }
        let work = try TestSupport.temporaryFolder("sitegen-incremental")
        defer { try? FileManager.default.removeItem(at: work) }
        let outputA = work.appending(path: "public")
        var session = PreviewSession(builder: Self.builder, siteDirectory: root, output: outputA)
        _ = try session.build(changed: nil)
        try Self.expectSameAsFullBuild(outputA, site: root, step: "seed \(seed), first build")

        var log: [String] = []
        for step in 1...Self.steps {
            let edit = site.randomEdit(using: &random)
            try site.apply(edit, in: root)
            let label = "seed \(seed), step \(step): \(edit.description)"
            let report: BuildReport
            do {
                report = try session.build(changed: edit.paths)
            } catch {
                Issue.record("the rebuild failed after \(label):\n\(error)")
                return
            }
            let full = try Self.expectSameAsFullBuild(outputA, site: root, step: label)
            #expect(report == full, "the rebuild's report differs from a full build's after \(label)")
            log.append(edit.description)
        }
        // The edits the sequence must have made.
        #expect(log.contains { $0.contains("(its last use)") })
        #expect(log.contains { $0.hasPrefix("tag Brand") })
        #expect(log.contains { $0.hasPrefix("renamed ") })
    }

    /// Enough for every kind of edit in each sequence.
    static let steps = FixtureSite.EditKind.allCases.count + 1

    // MARK: Failed rebuilds

    /// An invalid edit that fails the build at a different phase: loading the
    /// front matter, planning (an unknown show), the link check of the page
    /// rendered again, and that of a page not rendered again (the roundup
    /// links to interview.md#the-plan, a heading the edit renames).
    enum BrokenEdit: String, CaseIterable, Sendable {
        case frontMatter, unknownShow, brokenLink, lostFragment

        /// The article the edit breaks; the step edits the other validly.
        var brokenFile: String { self == .lostFragment ? "interview" : "box-office" }
        var validFile: String { self == .lostFragment ? "box-office" : "interview" }

        fileprivate func apply(to article: inout FixtureSite.Article) {
            switch self {
            case .frontMatter: article.rawDate = "not-a-date"
            case .unknownShow: article.show = "no-such-show"
            case .brokenLink: article.body += "\nSee [the missing one](missing-article.md).\n"
            case .lostFragment: article.body = article.body.replacingOccurrences(of: "## The plan", with: "## The schedule")
            }
        }
    }

    @Test(arguments: BrokenEdit.allCases)
    func aFailedRebuildKeepsTheOutputAndLosesNoChange(broken: BrokenEdit) throws {
        var site = FixtureSite(fillers: 0)
        let root = try TestSupport.site(site.files())
        defer { try? FileManager.default.removeItem(at: root) }
        let work = try TestSupport.temporaryFolder("sitegen-incremental")
        defer { try? FileManager.default.removeItem(at: work) }
        let outputA = work.appending(path: "public")
        var session = PreviewSession(builder: Self.builder, siteDirectory: root, output: outputA)
        _ = try session.build(changed: nil)
        let before = try TestSupport.snapshot(outputA)

        // One step edits two files: one valid change, one that breaks the build.
        let validIndex = try #require(site.articles.firstIndex { $0.file == broken.validFile })
        let brokenIndex = try #require(site.articles.firstIndex { $0.file == broken.brokenFile })
        site.articles[validIndex].title = "A valid change, retitled"
        site.articles[validIndex].body = "A new opening paragraph.\n\n" + site.articles[validIndex].body
        let fixed = site.articles[brokenIndex]
        broken.apply(to: &site.articles[brokenIndex])
        let validPath = site.articles[validIndex].path
        let brokenPath = site.articles[brokenIndex].path
        try site.write(validPath, in: root)
        try site.write(brokenPath, in: root)

        #expect(throws: BuildFailure.self, "the rebuild must fail (\(broken))") {
            _ = try session.build(changed: [validPath, brokenPath])
        }
        let after = try TestSupport.snapshot(outputA)
        if let difference = Self.firstDifference(after, before) {
            Issue.record("a failed rebuild (\(broken)) changed the output: \(difference)")
        }
        // The full build fails as well: the failure is the content's.
        let probe = try TestSupport.temporaryFolder("sitegen-full")
        defer { try? FileManager.default.removeItem(at: probe) }
        #expect(throws: BuildFailure.self) {
            _ = try Self.builder.build(siteDirectory: root, output: probe.appending(path: "public"))
        }

        // Fixing the broken file alone, and naming only it, brings in the valid change too.
        site.articles[brokenIndex] = fixed
        site.articles[brokenIndex].body += "\nFixed now.\n"
        try site.write(brokenPath, in: root)
        let report = try session.build(changed: [brokenPath])
        let full = try Self.expectSameAsFullBuild(outputA, site: root, step: "the fix after \(broken)")
        #expect(report == full)
        let valid = try String(decoding: Data(contentsOf: outputA.appending(path: "articles/\(broken.validFile)/index.html")),
                               as: UTF8.self)
        #expect(valid.contains("A valid change, retitled"))
        #expect(valid.contains("A new opening paragraph."))
    }

    // MARK: What an edit renders

    /// The dependency site: 10 articles, 3 to a list page, all in the feeds
    /// (a feed lists 20), dated 2024-05-10 (a01) down to 2024-05-01 (a10).
    ///
    /// Its outputs, 35 in all: 404.html, the stylesheet, sitemap.xml, feed.xml,
    /// feed.json, robots.txt (6); home pages 1–4 (4); tags/ and its terms
    /// News [a01 a02 a04], Drama [a02 a03] and Misc [a05–a10, 2 pages], each
    /// with its feed (1 + 7); shows/ and alpha [a01 a02] and beta [a03 a04],
    /// each a page and a feed (1 + 4); the 10 articles; about/ and notes.txt.
    static let dependencyOutputCount = 6 + 4 + (1 + 7) + (1 + 4) + 10 + 2

    @Test func aBodyEditThatKeepsTheSummaryRendersThePageAndTheFeedsCarryingIt() throws {
        let fixture = try DependencySite()
        defer { fixture.remove() }
        var session = try fixture.firstBuild()
        #expect(session.renderedCount == Self.dependencyOutputCount)

        // a01 has `summary:`, so the list pages show the same; but the feeds
        // carry the whole body, so the site's feeds and those of its tag and
        // show render again (a feed lists 20 articles: every one here is in
        // some feed, so no article edit renders just its own page).
        let written = try fixture.rebuild(&session, "articles/a01.md") { text in
            text.replacingOccurrences(of: "Body of a01.", with: "Body of a01, edited.")
        }
        #expect(written == ["articles/a01/index.html", "feed.xml", "feed.json", "tags/news/feed.xml",
                            "shows/alpha/feed.xml"])
        #expect(session.renderedCount == 5)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "a01's body edited")
    }

    @Test func anArticleInNoFeedRendersAloneAndTheFeedsFollowTheirWindow() throws {
        // 22 articles: o02 and o01, the oldest, untagged, are in no feed.
        let fixture = try DependencySite(oldArticles: 12)
        defer { fixture.remove() }
        var session = try fixture.firstBuild()

        let alone = try fixture.rebuild(&session, "articles/o01.md") { text in
            text.replacingOccurrences(of: "Body of o01.", with: "Body of o01, edited.")
        }
        #expect(alone == ["articles/o01/index.html"])
        #expect(session.renderedCount == 1)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "o01's body edited")

        // o01 moves up to 11th: into the site's feeds, pushing o03 out of them.
        let moved = try fixture.rebuild(&session, "articles/o01.md") { text in
            text.replacingOccurrences(of: "date: 2024-04-01", with: "date: 2024-04-30")
        }
        #expect(moved.contains("articles/o01/index.html") && moved.contains("feed.xml"))
        #expect(!moved.contains("articles/o03/index.html"))
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "o01 moved into the feeds")

        // And back: o03 is in the feeds again, with its body.
        let back = try fixture.rebuild(&session, "articles/o01.md") { text in
            text.replacingOccurrences(of: "date: 2024-04-30", with: "date: 2024-04-01")
        }
        #expect(back.contains("feed.xml") && back.contains("feed.json"))
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "o01 moved out of the feeds")
    }

    @Test func aTitleEditRendersTheListsShowingTheArticleButNoOtherArticle() throws {
        let fixture = try DependencySite()
        defer { fixture.remove() }
        var session = try fixture.firstBuild()

        // a02: 2nd newest (home page 1, the 404 page's latest five), tagged
        // News and Drama (page 1 of each), following alpha. The sitemap has
        // no titles; the tag and show indexes only names and counts.
        let written = try fixture.rebuild(&session, "articles/a02.md") { text in
            text.replacingOccurrences(of: "title: Article a02", with: "title: Article a02 renamed")
        }
        let expected: Set<String> = [
            "articles/a02/index.html", "index.html", "404.html", "feed.xml", "feed.json",
            "tags/news/index.html", "tags/news/feed.xml", "tags/drama/index.html", "tags/drama/feed.xml",
            "shows/alpha/index.html", "shows/alpha/feed.xml",
        ]
        #expect(written == expected)
        #expect(session.renderedCount == expected.count)
        #expect(session.renderedCount < Self.dependencyOutputCount / 2)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "a02's title edited")

        // An old article: on home page 3 and Misc's page 2, not among the 404 page's five.
        let older = try fixture.rebuild(&session, "articles/a09.md") { text in
            text.replacingOccurrences(of: "title: Article a09", with: "title: Article a09 renamed")
        }
        #expect(older == ["articles/a09/index.html", "page/3/index.html", "feed.xml", "feed.json",
                          "tags/misc/page/2/index.html", "tags/misc/feed.xml"])
        #expect(session.renderedCount == 6)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "a09's title edited")
    }

    @Test func aShowDataEditRendersItsFollowersAndItsPageOnly() throws {
        let fixture = try DependencySite()
        defer { fixture.remove() }
        var session = try fixture.firstBuild()

        // alpha's second week, drawn in the performance sections of a01 and
        // a02 (which follow alpha) and on alpha's page; beta's articles and
        // page, and everything listing articles, stay as they are.
        let written = try fixture.rebuild(&session, "data/shows/alpha.yaml") { text in
            text.replacingOccurrences(of: "hours_viewed: 22000000", with: "hours_viewed: 23500000")
        }
        #expect(written == ["articles/a01/index.html", "articles/a02/index.html", "shows/alpha/index.html"])
        #expect(session.renderedCount == 3)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "alpha's figures edited")
    }

    @Test func aStaticFileOrPageEditRendersJustThat() throws {
        let fixture = try DependencySite()
        defer { fixture.remove() }
        var session = try fixture.firstBuild()

        let copied = try fixture.rebuild(&session, "static/notes.txt") { $0 + "Another line.\n" }
        #expect(copied == ["notes.txt"])
        #expect(session.renderedCount == 1)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "notes.txt edited")

        let page = try fixture.rebuild(&session, "pages/about.md") { $0 + "\nOne more sentence.\n" }
        #expect(page == ["about/index.html"])
        #expect(session.renderedCount == 1)
        try Self.expectSameAsFullBuild(fixture.output, site: fixture.root, step: "about.md edited")
    }

    /// A rebuild deletes the outputs no longer planned: a redirect at a path
    /// that, percent-decoded as written on disk, still holds a `%` and two hex
    /// digits (`/100%2541/` -> 100%41/index.html) must go as well.
    @Test func aRedirectNoLongerPlannedIsDeletedWhateverItsPath() throws {
        let article = { (aliases: String) in
            "---\ntitle: Sale\ndate: 2024-05-01\(aliases)\n---\nBody.\n"
        }
        let root = try TestSupport.site([
            "content/site.yaml": FixtureSite.siteYAML,
            "content/articles/sale.md": article("\naliases: [/100%2541/, /plain/]"),
            "content/articles/other.md": "---\ntitle: Other\ndate: 2024-04-01\n---\nOther.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let work = try TestSupport.temporaryFolder("sitegen-incremental")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appending(path: "public")
        var session = PreviewSession(builder: Self.builder, siteDirectory: root, output: output)
        _ = try session.build(changed: nil)
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "100%41/index.html").path))

        try TestSupport.write(Data(article("").utf8), to: "content/articles/sale.md", in: root)
        _ = try session.build(changed: ["articles/sale.md"])
        try Self.expectSameAsFullBuild(output, site: root, step: "the aliases removed")

        try TestSupport.write(Data(article("\naliases: [/100%2541/]").utf8), to: "content/articles/sale.md", in: root)
        _ = try session.build(changed: ["articles/sale.md"])
        try Self.expectSameAsFullBuild(output, site: root, step: "the alias added again")
        try FileManager.default.removeItem(at: root.appending(path: "content/articles/sale.md"))
        _ = try session.build(changed: ["articles/sale.md"])
        try Self.expectSameAsFullBuild(output, site: root, step: "the article deleted")
    }

    // MARK: Comparing with a full build

    static let builder = SiteBuilder(theme: DefaultTheme(), options: BuildOptions(includeDrafts: false, now: TestSupport.now))

    /// Builds `site` in full into a new folder and records an issue, naming
    /// the first differing file, unless `output` holds exactly the same files
    /// and folders with the same bytes. Returns the full build's report.
    @discardableResult
    static func expectSameAsFullBuild(_ output: URL, site: URL, step: String,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
        let folder = try TestSupport.temporaryFolder("sitegen-full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputB = folder.appending(path: "public")
        let report: BuildReport
        do {
            report = try builder.build(siteDirectory: site, output: outputB)
        } catch {
            Issue.record("the full build failed after \(step):\n\(error)", sourceLocation: sourceLocation)
            throw error
        }
        let incremental = try TestSupport.snapshot(output)
        let full = try TestSupport.snapshot(outputB)
        #expect(incremental[StagingDirectory.markerName] != nil && full[StagingDirectory.markerName] != nil,
                sourceLocation: sourceLocation)
        if let difference = firstDifference(incremental, full) {
            Issue.record("after \(step), the incremental output (A) differs from a full build (B): \(difference)",
                         sourceLocation: sourceLocation)
        }
        let folders = (try? self.folders(in: output)) ?? []
        let fullFolders = (try? self.folders(in: outputB)) ?? []
        if folders != fullFolders {
            Issue.record("""
                after \(step), the incremental output has other folders than a full build: \
                only in A: \(folders.subtracting(fullFolders).sorted()), only in B: \(fullFolders.subtracting(folders).sorted())
                """, sourceLocation: sourceLocation)
        }
        return report
    }

    /// The first path (in sorted order) whose bytes differ between two
    /// snapshots, or that only one has, with an excerpt around the first
    /// differing byte; `nil` when they are identical.
    static func firstDifference(_ a: [String: Data], _ b: [String: Data]) -> String? {
        for path in Set(a.keys).union(b.keys).sorted() {
            switch (a[path], b[path]) {
            case (nil, _?):
                return "\(path) is missing from A (\(Set(b.keys).subtracting(a.keys).count) files only in B: \(Set(b.keys).subtracting(a.keys).sorted().prefix(8)); only in A: \(Set(a.keys).subtracting(b.keys).sorted().prefix(8)))"
            case (_?, nil):
                return "\(path) should not be in A (\(Set(a.keys).subtracting(b.keys).count) files only in A: \(Set(a.keys).subtracting(b.keys).sorted().prefix(8)); only in B: \(Set(b.keys).subtracting(a.keys).sorted().prefix(8)))"
            case (let x?, let y?) where x != y:
                let bytesA = [UInt8](x), bytesB = [UInt8](y)
                let offset = zip(bytesA, bytesB).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(bytesA.count, bytesB.count)
                func excerpt(_ bytes: [UInt8]) -> String {
                    let start = max(0, offset - 120)
                    let end = min(bytes.count, offset + 200)
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
                var others = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
                others.remove(path)
                return """
                    \(path) differs at byte \(offset) (A: \(bytesA.count) bytes, B: \(bytesB.count) bytes; \
                    \(others.count) other files differ: \(others.sorted().prefix(8)))
                    A: …\(excerpt(bytesA))…
                    B: …\(excerpt(bytesB))…
                    """
            default:
                continue
            }
        }
        return nil
    }

    /// Every folder below `root`, relative: a rebuild must leave no empty
    /// folder behind where a full build has none.
    static func folders(in root: URL) throws -> Set<String> {
        var result = Set<String>()
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
                result.insert(relative)
            }
        }
        return result
    }
}

// MARK: - Fixtures

/// The site of the random edits, as a model that writes its files: 8
/// articles sharing tags, following 3 shows, one embedding a chart of a show
/// it does not follow, one linking to two others (`alpha-renewed.md`,
/// `interview.md#the-plan`), one with an alias; a standalone page linking to
/// an article; a static file; 3 to a list page; optionally old filler articles.
private struct FixtureSite {
    struct Article {
        var file: String
        var title: String
        var rawDate: String
        var updated: String?
        var slug: String?
        var summary: String?
        var tags: [String]
        var show: String?
        var compare: [String] = []
        var aliases: [String] = []
        var draft = false
        var dataAsOfLatest = false
        var body: String

        var path: String { "articles/\(file).md" }

        var text: String {
            var lines = ["---", "title: \"\(title)\"", "date: \(rawDate)"]
            // Only what stays valid whatever else the edits did.
            if let updated, updated >= rawDate { lines.append("updated: \(updated)") }
            if let slug { lines.append("slug: \(slug)") }
            if let summary { lines.append("summary: \"\(summary)\"") }
            if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
            if let show {
                lines.append("show: \(show)")
                let compared = compare.filter { $0 != show }
                if !compared.isEmpty { lines.append("compare: [\(compared.joined(separator: ", "))]") }
            }
            if !aliases.isEmpty { lines.append("aliases: [\(aliases.joined(separator: ", "))]") }
            if draft { lines.append("draft: true") }
            if dataAsOfLatest { lines.append("data_as_of: latest") }
            lines.append("---")
            return lines.joined(separator: "\n") + "\n" + body
        }
    }

    struct Show {
        var slug: String
        var title: String
        var hours: [Int]
        var ranks: [Int]

        var path: String { "data/shows/\(slug).yaml" }
        static let weeks = ["2023-03-05", "2023-03-12", "2023-03-19"]

        var text: String {
            var text = "title: \(title)\npremiere: 2023-03-03\nweeks:\n"
            for (index, week) in Self.weeks.enumerated() {
                text += "  - {week_ending: \(week), rank: \(ranks[index]), hours_viewed: \(hours[index]), weeks_in_top_10: \(index + 1)}\n"
            }
            return text
        }
    }

    /// An edit: what it did and the files it touched (relative to content/).
    struct Edit: CustomStringConvertible {
        var description: String
        var paths: [String]
        /// Files to write (their new text) and to delete.
        var writes: [String: String] = [:]
        var deletes: [String] = []
    }

    var articles: [Article] = [
        Article(file: "alpha-renewed", title: "Alpha renewed for season 2", rawDate: "2024-05-20", summary: nil,
                tags: ["Netflix", "Drama"], show: "alpha",
                body: "Alpha is coming back, Netflix said on Monday.\n\nMore details soon.\n"),
        Article(file: "alpha-ratings", title: "How Alpha is doing", rawDate: "2024-05-12",
                summary: "Alpha's numbers, week by week.", tags: ["Netflix", "Ratings"], show: "alpha",
                body: """
                Alpha holds up well. Here is how Beta did in the same weeks:

                ```viewing-chart
                show: beta
                ```

                Both are in the Top 10.

                """),
        Article(file: "beta-premiere", title: "Beta premieres", rawDate: "2024-04-30", summary: nil,
                tags: ["Drama"], show: "beta", aliases: ["/old/path/"],
                body: "Beta premiered to good reviews.\n"),
        Article(file: "gamma-cancelled", title: "Gamma cancelled", rawDate: "2024-04-02", summary: nil,
                tags: ["Netflix"], show: "gamma", body: "Gamma will not return.\n"),
        Article(file: "weekly-roundup", title: "The weekly roundup", rawDate: "2024-03-15", summary: nil,
                tags: ["Ratings", "Netflix"], show: nil,
                body: "This week: [Alpha's renewal](alpha-renewed.md), [the plan](interview.md#the-plan) and more.\n"),
        Article(file: "interview", title: "Interview with the showrunner", rawDate: "2024-02-10",
                summary: "We talked to the showrunner.", tags: ["Drama", "Interview"], show: nil,
                body: "The showrunner on the second season.\n\n## The plan\n\nIt is long.\n"),
        Article(file: "opinion", title: "Why we watch", rawDate: "2024-01-20", summary: nil, tags: [], show: nil,
                body: "Streaming changed how we watch.\n"),
        Article(file: "box-office", title: "Box office notes", rawDate: "2024-01-05", summary: nil,
                tags: ["Ratings"], show: nil, body: "Not much to say this week.\n"),
    ]

    var shows: [Show] = [
        Show(slug: "alpha", title: "Alpha", hours: [12_000_000, 22_000_000, 18_000_000], ranks: [5, 2, 3]),
        Show(slug: "beta", title: "Beta", hours: [9_000_000, 15_500_000, 7_250_000], ranks: [8, 4, 9]),
        Show(slug: "gamma", title: "Gamma", hours: [3_100_000, 2_900_000, 1_000_000], ranks: [10, 9, 10]),
    ]

    var aboutBody = "We follow streaming shows. Start with [the roundup](../articles/weekly-roundup.md).\n"
    var notes = "Notes, version 1.\n"
    /// Static files added by the edits (beside notes.txt), relative to content/static.
    var extraStatic: [String] = []
    /// Numbers the next new file, title or tag.
    var counter = 0

    /// The fixture's 8 articles and `fillers` older ones (2023, half of
    /// them tagged Archive, the rest in no tag, so that with enough of them
    /// the oldest are in no feed).
    init(fillers: Int) {
        for number in 0..<fillers {
            let date = "2023-\(String(format: "%02d", 12 - number % 8))-\(String(format: "%02d", 20 - number))"
            articles.append(Article(file: "filler-\(String(format: "%02d", number))", title: "Filler \(number)",
                                    rawDate: date, summary: nil, tags: number.isMultiple(of: 2) ? ["Archive"] : [],
                                    show: nil, body: "An older story, number \(number).\n"))
        }
    }

    static let siteYAML = """
    title: Renewal Watch
    base_url: https://example.com/
    description: Is it renewed?
    author: The Desk
    page_size: 3

    """

    /// Linked to (by an article or the page): never deleted, renamed or unpublished.
    static let linked: Set<String> = ["alpha-renewed", "weekly-roundup", "interview"]
    static let showSlugs = ["alpha", "beta", "gamma"]
    static let tagPool = ["Netflix", "Drama", "Ratings", "Interview", "Comedy", "netflix", "Archive"]
    /// A few dates (after the shows' weeks, before the build's clock), so that ties come up.
    static let dates = ["2023-07-01", "2023-11-15", "2024-01-05", "2024-02-10", "2024-03-15", "2024-04-02",
                        "2024-04-30", "2024-05-12", "2024-05-20", "2024-05-31"]

    /// Every file of the site, relative to the site folder.
    func files() -> [String: String] {
        var files = ["content/site.yaml": Self.siteYAML,
                     "content/pages/about.md": aboutText,
                     "content/static/notes.txt": notes]
        for article in articles { files["content/" + article.path] = article.text }
        for show in shows { files["content/" + show.path] = show.text }
        return files
    }

    var aboutText: String { "---\ntitle: About\nsummary: Who we are.\n---\n\(aboutBody)" }

    /// Writes one file of the model (relative to content/) into the site folder.
    func write(_ path: String, in root: URL) throws {
        let text: String
        if path == "pages/about.md" {
            text = aboutText
        } else if path == "static/notes.txt" {
            text = notes
        } else if let article = articles.first(where: { $0.path == path }) {
            text = article.text
        } else if let show = shows.first(where: { $0.path == path }) {
            text = show.text
        } else {
            Issue.record("no file \(path) in the model")
            return
        }
        try TestSupport.write(Data(text.utf8), to: "content/" + path, in: root)
    }

    func apply(_ edit: Edit, in root: URL) throws {
        for path in edit.deletes {
            try FileManager.default.removeItem(at: root.appending(path: "content/" + path))
        }
        for (path, text) in edit.writes.sorted(by: { $0.key < $1.key }) {
            try TestSupport.write(Data(text.utf8), to: "content/" + path, in: root)
        }
    }

    private mutating func next(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    enum EditKind: CaseIterable {
        case body, title, date, add, delete, rename, addTag, removeTag, show, showData, staticFile, page, slug,
             updated, draft, compare, dataAsOf, newShow, staticAddOrRemove
    }

    /// The kinds of edit still to make before all are shuffled again, so that
    /// every run of `EditKind.allCases.count` edits makes each kind once.
    var deck: [EditKind] = []
    var addedTags = 0
    var removedTags = 0

    /// Changes the model at random and returns the edit that writes the change.
    mutating func randomEdit(using random: inout SplitMix64) -> Edit {
        if deck.isEmpty { deck = EditKind.allCases.shuffled(using: &random) }
        let kind = deck.removeLast()
        let index = articles.indices.randomElement(using: &random)!
        let unlinked = articles.indices.filter { !Self.linked.contains(articles[$0].file) }
        let showSlugs = shows.map(\.slug)
        func articleEdit(_ index: Int, _ what: String) -> Edit {
            let article = articles[index]
            return Edit(description: "\(what) (\(article.path))", paths: [article.path],
                        writes: [article.path: article.text])
        }
        switch kind {
        case .body:
            let tag = next("edit ")
            if Bool.random(using: &random) {
                // The first paragraph: the summary of an article without `summary:`.
                articles[index].body = "Rewritten opening, \(tag).\n\n" + articles[index].body
                return articleEdit(index, "new first paragraph")
            }
            articles[index].body += "\nA later paragraph, \(tag).\n"
            return articleEdit(index, "paragraph added")
        case .title:
            articles[index].title = "Headline \(next("number "))"
            return articleEdit(index, "title changed")
        case .date:
            // Now and then one in the future, which unpublishes the article.
            let date = Int.random(in: 0..<10, using: &random) == 0 && !Self.linked.contains(articles[index].file)
                ? "2024-08-01" : Self.dates.randomElement(using: &random)!
            articles[index].rawDate = date
            return articleEdit(index, "date set to \(date)")
        case .add:
            let file = next("new-article-")
            var tags = Array(Self.tagPool.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
            if Bool.random(using: &random) { tags.append(next("Fresh")) }
            let show = ([nil] + showSlugs).randomElement(using: &random)!
            let article = Article(file: file, title: "New story \(counter)", rawDate: Self.dates.randomElement(using: &random)!,
                                  summary: Bool.random(using: &random) ? "A short summary." : nil,
                                  tags: tags, show: show, body: "Fresh news, \(counter).\n")
            articles.append(article)
            return articleEdit(articles.count - 1, "article added with tags \(tags), show \(show ?? "none")")
        case .delete:
            guard let victim = unlinked.randomElement(using: &random) else { return randomEdit(using: &random) }
            let article = articles.remove(at: victim)
            return Edit(description: "deleted \(article.path)", paths: [article.path], deletes: [article.path])
        case .rename:
            guard let victim = unlinked.randomElement(using: &random) else { return randomEdit(using: &random) }
            let old = articles[victim].path
            articles[victim].file = next("renamed-")
            let new = articles[victim].path
            return Edit(description: "renamed \(old) to \(new)", paths: [old, new],
                        writes: [new: articles[victim].text], deletes: [old])
        case .addTag:
            // Every other time (the first time first), a tag no article had.
            addedTags += 1
            let unused = Self.tagPool.filter { !articles[index].tags.contains($0) }
            let tag = !addedTags.isMultiple(of: 2) || unused.isEmpty ? next("Brand") : unused.randomElement(using: &random)!
            articles[index].tags.append(tag)
            return articleEdit(index, "tag \(tag) added")
        case .removeTag:
            // Every other time (the first time first), the last use of a tag when there is one.
            removedTags += 1
            let uses = Dictionary(articles.flatMap(\.tags).map { ($0, 1) }, uniquingKeysWith: +)
            let tagged = articles.indices.filter { !articles[$0].tags.isEmpty }
            let lastUses = tagged.filter { articles[$0].tags.contains { uses[$0] == 1 } }
            let pool = !removedTags.isMultiple(of: 2) && !lastUses.isEmpty ? lastUses : tagged
            guard let victim = pool.randomElement(using: &random) else { return randomEdit(using: &random) }
            let tag = pool == lastUses ? articles[victim].tags.first { uses[$0] == 1 }!
                : articles[victim].tags.randomElement(using: &random)!
            articles[victim].tags.removeAll { $0 == tag }
            return articleEdit(victim, "tag \(tag) removed\(uses[tag] == 1 ? " (its last use)" : "")")
        case .show:
            let show = ([nil] + showSlugs).randomElement(using: &random)!
            articles[index].show = show
            return articleEdit(index, "show set to \(show ?? "none")")
        case .showData:
            let which = shows.indices.randomElement(using: &random)!
            let week = Int.random(in: 0..<3, using: &random)
            shows[which].hours[week] += Int.random(in: 1...40, using: &random) * 250_000
            var what = "week \(week + 1)'s hours"
            if Bool.random(using: &random) {
                shows[which].title = "\(shows[which].slug.capitalized) \(next("Cut "))"
                what += " and the title"
            }
            let show = shows[which]
            return Edit(description: "\(what) of \(show.path)", paths: [show.path], writes: [show.path: show.text])
        case .staticFile:
            notes += "Line \(next("")).\n"
            return Edit(description: "static/notes.txt edited", paths: ["static/notes.txt"],
                        writes: ["static/notes.txt": notes])
        case .page:
            aboutBody += "\nAnother paragraph, \(next("take ")).\n"
            return Edit(description: "pages/about.md edited", paths: ["pages/about.md"], writes: ["pages/about.md": aboutText])
        case .slug:
            // The link target's URL moves: the article linking to it must follow.
            let target = articles.firstIndex { $0.file == "alpha-renewed" }!
            articles[target].slug = articles[target].slug == nil ? next("alpha-news-") : nil
            return articleEdit(target, "slug set to \(articles[target].slug ?? "none")")
        case .updated:
            articles[index].updated = articles[index].updated == nil ? "2024-05-31" : nil
            return articleEdit(index, "updated set to \(articles[index].updated ?? "none")")
        case .draft:
            guard let victim = unlinked.randomElement(using: &random) else { return randomEdit(using: &random) }
            articles[victim].draft.toggle()
            return articleEdit(victim, "draft set to \(articles[victim].draft)")
        case .compare:
            let compared = Array(showSlugs.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
            articles[index].compare = compared
            return articleEdit(index, "compare set to \(compared)")
        case .dataAsOf:
            articles[index].dataAsOfLatest.toggle()
            return articleEdit(index, "data_as_of: latest \(articles[index].dataAsOfLatest ? "set" : "removed")")
        case .newShow:
            let slug = next("delta-")
            shows.append(Show(slug: slug, title: "Delta \(counter)", hours: [1_000_000, 2_000_000, 3_000_000],
                              ranks: [9, 8, 7]))
            let show = shows[shows.count - 1]
            return Edit(description: "show \(show.path) added", paths: [show.path], writes: [show.path: show.text])
        case .staticAddOrRemove:
            if let file = extraStatic.popLast() {
                return Edit(description: "static/\(file) removed", paths: ["static/" + file], deletes: ["static/" + file])
            }
            let file = next("files/extra-") + ".txt"
            extraStatic.append(file)
            return Edit(description: "static/\(file) added", paths: ["static/" + file],
                        writes: ["static/" + file: "Extra \(counter).\n"])
        }
    }
}

/// The site of the dependency tests (see
/// ``IncrementalRebuildTests/dependencyOutputCount``), built once into
/// ``output`` by a session.
private struct DependencySite {
    let root: URL
    let output: URL

    /// `oldArticles` untagged articles o01–o12 with a `summary:`, dated
    /// 2024-04-01 (o01) to 2024-04-12, join the 10 (at most 12).
    init(oldArticles: Int = 0) throws {
        var files = [
            "content/site.yaml": FixtureSite.siteYAML,
            "content/pages/about.md": "---\ntitle: About\n---\nWho we are.\n",
            "content/static/notes.txt": "Notes.\n",
        ]
        for show in [
            FixtureSite.Show(slug: "alpha", title: "Alpha", hours: [12_000_000, 22_000_000, 18_000_000], ranks: [5, 2, 3]),
            FixtureSite.Show(slug: "beta", title: "Beta", hours: [9_000_000, 15_500_000, 7_250_000], ranks: [8, 4, 9]),
        ] {
            files["content/" + show.path] = show.text
        }
        let plan: [(tags: [String], show: String?)] = [
            (["News"], "alpha"), (["News", "Drama"], "alpha"), (["Drama"], "beta"), (["News"], "beta"),
            (["Misc"], nil), (["Misc"], nil), (["Misc"], nil), (["Misc"], nil), (["Misc"], nil), (["Misc"], nil),
        ]
        for (offset, entry) in plan.enumerated() {
            let number = offset + 1
            let slug = String(format: "a%02d", number)
            var frontMatter = "title: Article \(slug)\ndate: 2024-05-\(String(format: "%02d", 11 - number))\n"
            if number == 1 { frontMatter += "summary: \"A fixed summary.\"\n" }
            frontMatter += "tags: [\(entry.tags.joined(separator: ", "))]\n"
            if let show = entry.show { frontMatter += "show: \(show)\n" }
            files["content/articles/\(slug).md"] = "---\n\(frontMatter)---\nBody of \(slug).\n"
        }
        for number in stride(from: 1, through: oldArticles, by: 1) {
            let slug = String(format: "o%02d", number)
            files["content/articles/\(slug).md"] = """
                ---
                title: Old article \(slug)
                date: 2024-04-\(String(format: "%02d", number))
                summary: "An old one."
                ---
                Body of \(slug).

                """
        }
        root = try TestSupport.site(files)
        output = try TestSupport.temporaryFolder("sitegen-incremental").appending(path: "public")
    }

    func firstBuild() throws -> PreviewSession {
        var session = PreviewSession(builder: IncrementalRebuildTests.builder, siteDirectory: root, output: output)
        _ = try session.build(changed: nil)
        try IncrementalRebuildTests.expectSameAsFullBuild(output, site: root, step: "the first build")
        return session
    }

    /// Edits a file (relative to content/), rebuilds naming it, and returns
    /// the output files the rebuild wrote, leaving out the CSV files written
    /// beside a page rendered again.
    func rebuild(_ session: inout PreviewSession, _ path: String, edit: (String) -> String) throws -> Set<String> {
        let url = root.appending(path: "content/" + path)
        let text = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        let edited = edit(text)
        #expect(edited != text, "the edit of \(path) changed nothing")
        try Data(edited.utf8).write(to: url)

        // Back-date every output file: the ones written again are then the new ones.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        let files = SiteLoader.listFiles(in: output)
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appending(path: file).path)
        }
        _ = try session.build(changed: [path])
        var written = Set<String>()
        for file in SiteLoader.listFiles(in: output) {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appending(path: file).path)
            if let date = attributes[.modificationDate] as? Date, date > old.addingTimeInterval(3600) {
                written.insert(file)
            }
        }
        let pages = written.filter { !$0.hasSuffix(".csv") }
        for csv in written.subtracting(pages) {
            let folder = csv.split(separator: "/").dropLast().joined(separator: "/") + "/index.html"
            #expect(pages.contains(folder), "\(csv) was written, but not the page it belongs to")
        }
        return pages
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }
}

import Foundation
import Synchronization
import Testing
import Yams
@testable import SiteKit

/// Import against real folders: idempotence on disk, all-or-none writes, the real downloads.
@Suite struct ImportFilesTests {
    typealias F = ImportFixtures

    /// A fresh site folder with the given data files.
    func makeSite(_ files: [String: String]) throws -> URL {
        let site = FileManager.default.temporaryDirectory.appending(path: "sitegen-import-\(UUID().uuidString)")
        let shows = site.appending(path: "content/data/shows")
        try FileManager.default.createDirectory(at: shows, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: shows.appending(path: name)) }
        return site
    }

    /// Every file under the shows folder (hidden ones included) with its bytes.
    func snapshot(_ site: URL) throws -> [String: Data] {
        let shows = site.appending(path: "content/data/shows")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: shows.path) {
            result[name] = try Data(contentsOf: shows.appending(path: name))
        }
        return result
    }

    func importOnce(_ site: URL, global: String, countries: String? = nil, add: [String] = [],
                    all: Bool = false) throws -> ImportPlan {
        let existing = try NetflixImporter.readShowFiles(siteDirectory: site)
        let plan = try NetflixImporter.plan(
            global: try GlobalTop10.parse(global, file: "g.tsv"),
            countries: try countries.map { try CountryTop10.parse($0, file: "c.tsv") },
            existing: existing, selection: .init(add: add, all: all))
        try NetflixImporter.commit(plan, siteDirectory: site, existing: existing)
        return plan
    }

    static let handWritten = """
    title: Partner Track   # the desk's name for it
    premiere: 2022-08-26
    netflix:
      show_title: Partner Track
      season_title: "Partner Track: Season 1"
      category: TV (English)
    weeks:
      - week_ending: 2022-08-28
        rank: 7
        hours_viewed: 16660000
        weeks_in_top_10: 1

    """

    @Test func importingTwiceChangesNothing() throws {
        let site = try makeSite(["partner-track.yaml": Self.handWritten])
        defer { try? FileManager.default.removeItem(at: site) }
        let global = F.global(F.partnerTrackRows + ["2022-09-04|TV (English)|1|Dark|Dark: Season 1|1000000|||1"])
        let countries = F.countries(["Norway|NO|2022-09-04|TV|1|Partner Track|Partner Track: Season 1|1"])
        let first = try importOnce(site, global: global, countries: countries, add: ["Dark: Season 1"])
        #expect(first.created.map(\.path) == ["content/data/shows/dark-season-1.yaml"])
        #expect(first.updated.map(\.path) == ["content/data/shows/partner-track.yaml"])
        let after = try snapshot(site)
        #expect(after.keys.sorted() == ["dark-season-1.yaml", "partner-track.yaml"])
        let modified = try FileManager.default.attributesOfItem(atPath: site.appending(path: "content/data/shows/partner-track.yaml").path)[.modificationDate] as? Date

        let second = try importOnce(site, global: global, countries: countries, add: ["Dark: Season 1"])
        #expect(second.changes.isEmpty)
        #expect(second.unchanged == ["content/data/shows/dark-season-1.yaml", "content/data/shows/partner-track.yaml"])
        #expect(try snapshot(site) == after)
        // An unchanged file is not even rewritten.
        let again = try FileManager.default.attributesOfItem(atPath: site.appending(path: "content/data/shows/partner-track.yaml").path)[.modificationDate] as? Date
        #expect(modified == again)

        // And the site still loads.
        let text = String(decoding: after["partner-track.yaml"]!, as: UTF8.self)
        #expect(text.hasPrefix("title: Partner Track   # the desk's name for it\npremiere: 2022-08-26\n"))
        #expect(try Show.parse(text, file: "p", slug: "partner-track").weeks.count == 3)
    }

    @Test func rebuildingAfterAnImportShowsTheNewWeeks() throws {
        let site = try TestSupport.site([
            "content/data/shows/partner-track.yaml": Self.handWritten,
            "content/articles/renewal.md": TestSupport.article(title: "Renewal", date: "2022-09-14", "show: partner-track\n"),
        ])
        let output = site.appending(path: "public")
        try TestSupport.builder().build(siteDirectory: site, output: output)
        let before = String(decoding: try Data(contentsOf: output.appending(path: "articles/renewal/index.html")), as: UTF8.self)
        #expect(before.contains(">16,660,000<") && !before.contains(">31,140,000<"))

        _ = try importOnce(site, global: F.global(F.partnerTrackRows))
        try TestSupport.builder().build(siteDirectory: site, output: output)
        let after = String(decoding: try Data(contentsOf: output.appending(path: "articles/renewal/index.html")), as: UTF8.self)
        #expect(after.contains(">31,140,000<") && after.contains(">18,210,000<"))
        // Against the three-day premiere week (Friday, Aug 26): flagged.
        #expect(after.contains("<td class=\"num change-up against-partial\">+87%<span class=\"partial-flag\""))
    }

    @Test func aWindowsFileWithUnchangedDataIsNotRewritten() throws {
        let windows = "\u{FEFF}" + Self.handWritten.replacingOccurrences(of: "\n", with: "\r\n")
        let site = try makeSite(["partner-track.yaml": windows])
        defer { try? FileManager.default.removeItem(at: site) }
        let before = try snapshot(site)
        let plan = try importOnce(site, global: F.global([F.partnerTrackRows[2]]))
        #expect(plan.changes.isEmpty && plan.unchanged == ["content/data/shows/partner-track.yaml"])
        #expect(try snapshot(site) == before)
        // With a new week it is rewritten with LF line ends, hand-written lines intact.
        let updated = try importOnce(site, global: F.global(F.partnerTrackRows))
        #expect(updated.updated.first?.weeksAdded == [F.date("2022-09-04"), F.date("2022-09-11")])
        let text = try String(contentsOf: site.appending(path: "content/data/shows/partner-track.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("title: Partner Track   # the desk's name for it\npremiere: 2022-08-26\nnetflix:\n"))
        #expect(!text.contains("\r"))
    }

    @Test func aBadRowLeavesEveryFileAsItWas() throws {
        let site = try makeSite(["partner-track.yaml": Self.handWritten])
        defer { try? FileManager.default.removeItem(at: site) }
        let before = try snapshot(site)
        let global = F.global(F.partnerTrackRows + ["2022-09-04|TV (English)|1|Dark|Dark: Season 1|lots|||1"])
        let failure = #expect(throws: BuildFailure.self) { try importOnce(site, global: global, all: true) }
        #expect(failure?.errors.map(\.description) == ["g.tsv:5:47: error: 'weekly_hours_viewed' must be a whole number, got 'lots'"])
        #expect(try snapshot(site) == before)
    }

    @Test func aFailedRenameHalfWayPutsEveryFileBack() throws {
        let other = Self.handWritten.replacingOccurrences(of: "Partner Track", with: "Dark")
            .replacingOccurrences(of: "TV (English)", with: "TV (Non-English)")
        let site = try makeSite(["a-partner-track.yaml": Self.handWritten, "b-dark.yaml": other])
        defer { try? FileManager.default.removeItem(at: site) }
        let before = try snapshot(site)
        let existing = try NetflixImporter.readShowFiles(siteDirectory: site)
        let plan = try NetflixImporter.plan(
            global: try GlobalTop10.parse(F.global(F.partnerTrackRows + [
                "2022-09-04|TV (Non-English)|1|Dark|Dark: Season 1|1000000|||2",
                "2022-09-04|TV (English)|2|Wednesday|Wednesday: Season 1|1000000|||1",
            ]), file: "g.tsv"),
            countries: nil, existing: existing, selection: .init(add: ["Wednesday: Season 1"]))
        #expect(plan.changes.map(\.path) == ["content/data/shows/a-partner-track.yaml", "content/data/shows/b-dark.yaml",
                                             "content/data/shows/wednesday-season-1.yaml"])
        let entries = NetflixImporter.batch(plan, siteDirectory: site, existing: existing)
        // The third rename fails, after two files were already replaced.
        let calls = Counter()
        let failing: AtomicFileBatch.Rename = { from, to in
            calls.next() == 2 ? "disk full" : AtomicFileBatch.systemRename(from, to)
        }
        let failure = #expect(throws: SiteError.self) { try AtomicFileBatch.write(entries, rename: failing) }
        #expect(failure?.description == "content/data/shows/wednesday-season-1.yaml:1:1: error: cannot replace the file (disk full); every file was put back as it was")
        #expect(try snapshot(site) == before)

        // A file edited after the plan was made stops the import before anything is replaced.
        let edited = Self.handWritten + "# edited meanwhile\n"
        try Data(edited.utf8).write(to: site.appending(path: "content/data/shows/b-dark.yaml"))
        let changed = try snapshot(site)
        let stale = #expect(throws: SiteError.self) { try AtomicFileBatch.write(entries) }
        #expect(stale?.description == "content/data/shows/b-dark.yaml:1:1: error: the file changed while the import ran, so nothing was written: run the import again")
        #expect(try snapshot(site) == changed)
    }

    @Test func realDownloadsGivePartnerTrackFigures() throws {
        let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../../../shared/data/netflix-top10").standardized
        let globalURL = folder.appending(path: "all-weeks-global.tsv")
        guard FileManager.default.fileExists(atPath: globalURL.path) else { return }
        let global = try GlobalTop10.parse(try NetflixImporter.readDownload(globalURL, shownAs: "all-weeks-global.tsv"),
                                           file: "all-weeks-global.tsv")
        #expect(global.rows.count == 10_560)
        let plan = try NetflixImporter.plan(global: global, countries: nil, existing: [],
                                            selection: .init(add: ["Partner Track: Season 1"]))
        let show = try Show.parse(plan.changes[0].text, file: "p", slug: "partner-track-season-1")
        // The README's facts: 16,660,000, 31,140,000 (+87%), 18,210,000 hours; ranks 7, 4, 6.
        #expect(show.weeks.map(\.hoursViewed) == [16_660_000, 31_140_000, 18_210_000])
        #expect(show.weeks.map(\.rank) == [7, 4, 6])
        #expect(show.weeks.first?.weekEnding == F.date("2022-08-28"))

        // Every title Netflix ever listed is written so that YAML reads it back exactly.
        var titles = Set<String>()
        for row in global.rows { titles.insert(row.showTitle); titles.insert(row.seasonTitle) }
        let sorted = titles.sorted()
        let document = sorted.map { "- " + YAMLScalar.quoted($0) }.joined(separator: "\n")
        guard case let .sequence(items)? = try Yams.compose(yaml: document) else {
            Issue.record("not a list")
            return
        }
        #expect(items.count == sorted.count)
        for (item, title) in zip(items, sorted) {
            #expect(item.scalar?.string == title)
            #expect(!YAMLReader.isNull(item), "\(title)")
        }
    }
}

/// A thread-safe call counter for the injected rename.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The number of earlier calls.
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}

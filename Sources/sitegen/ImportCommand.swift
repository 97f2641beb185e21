import ArgumentParser
import Foundation
import SiteKit

/// `sitegen import`: brings outside data into the site's data files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import outside data into content/data/.",
        subcommands: [NetflixTop10Command.self]
    )
}

/// `sitegen import netflix-top10`: updates show data files from Netflix's Top 10 downloads.
struct NetflixTop10Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netflix-top10",
        abstract: "Update show data files from Netflix's weekly Top 10 files.",
        discussion: """
        Download all-weeks-global.tsv (and all-weeks-countries.tsv for country ranks) from \
        https://top10.netflix.com. By default the files in content/data/shows/ that follow a \
        title (their `netflix:` block) get its new weeks; --add and --all create files. \
        Hand-written fields and comments are kept.

        All files are written or none: any error leaves every data file as it was. Errors \
        print as path:line:column: error: message.
        """
    )

    @Argument(help: ArgumentHelp("Netflix's all-weeks-global.tsv.", valueName: "global.tsv"))
    var global: String

    @Option(name: .long, help: ArgumentHelp("Netflix's all-weeks-countries.tsv, for the ranks per country.", valueName: "countries.tsv"))
    var countries: String?

    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Create a data file for this season title (or film title); repeatable.", valueName: "title"))
    var add: [String] = []

    @Flag(name: .long, help: "Create a data file for every title in the global file.")
    var all = false

    @Flag(name: .long, help: "Print what would change, and write nothing.")
    var dryRun = false

    func run() throws {
        let started = ContinuousClock.now
        let siteURL = URL(filePath: site, directoryHint: .isDirectory)
        let plan: ImportPlan
        do {
            let globalText: String
            let countryText: String?
            do throws(SiteError) {
                globalText = try NetflixImporter.readDownload(URL(filePath: global), shownAs: global)
                countryText = try countries.map { path throws(SiteError) in
                    try NetflixImporter.readDownload(URL(filePath: path), shownAs: path)
                }
            } catch {
                throw BuildFailure([error])
            }
            let globalTop10 = try GlobalTop10.parse(globalText, file: global)
            let countryTop10 = try countryText.map { text throws(BuildFailure) in
                try CountryTop10.parse(text, file: countries!)
            }
            let existing = try NetflixImporter.readShowFiles(siteDirectory: siteURL)
            plan = try NetflixImporter.plan(global: globalTop10, countries: countryTop10, existing: existing,
                                            selection: .init(add: add, all: all))
            if !dryRun {
                do throws(SiteError) {
                    try NetflixImporter.commit(plan, siteDirectory: siteURL, existing: existing)
                } catch {
                    throw BuildFailure([error])
                }
            }
        } catch let failure as BuildFailure {
            throw Diagnostics.report(failure) { "import failed: \(Diagnostics.errors($0)); no data file was changed" }
        }
        print(Self.describe(plan, dryRun: dryRun, elapsed: ContinuousClock.now - started), terminator: "")
    }

    /// The report: one line per file created or updated, then notes and a summary.
    static func describe(_ plan: ImportPlan, dryRun: Bool, elapsed: Duration) -> String {
        var out = ""
        for file in plan.changes {
            let verb = file.isNew ? (dryRun ? "would create" : "created") : (dryRun ? "would update" : "updated")
            var parts: [String] = []
            if file.isNew {
                parts.append(count(file.weeksAdded.count, "week"))
            } else {
                if !file.weeksAdded.isEmpty {
                    parts.append("\(count(file.weeksAdded.count, "week")) added (\(file.weeksAdded.map(\.description).joined(separator: ", ")))")
                }
                if !file.weeksChanged.isEmpty {
                    parts.append("\(count(file.weeksChanged.count, "week")) revised (\(file.weeksChanged.map(\.description).joined(separator: ", ")))")
                }
            }
            if file.countryWeeksAdded > 0 { parts.append("\(count(file.countryWeeksAdded, "country week")) added") }
            if file.countryWeeksChanged > 0 { parts.append("\(count(file.countryWeeksChanged, "country week")) revised") }
            if parts.isEmpty { parts.append("runtime or Netflix spelling updated") }
            out += "\(verb) \(file.path): \(file.title) (\(file.category)): \(parts.joined(separator: ", "))\n"
        }
        for note in plan.notes { out += "note: \(note)\n" }
        let created = plan.created.count, updated = plan.updated.count
        let weeks = plan.changes.reduce(0) { $0 + $1.weeksAdded.count }
        out += "\(dryRun ? "dry run, nothing written: would create" : "created") \(count(created, "file")), "
            + "\(dryRun ? "would update" : "updated") \(updated), \(plan.unchanged.count) unchanged; "
            + "\(count(weeks, "week")) added in \(Diagnostics.seconds(elapsed)) s\n"
        return out
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

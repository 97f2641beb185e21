import ArgumentParser
import Foundation
import SiteKit
import Templates

/// `sitegen build`: content/ -> public/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder.",
        discussion: """
        Every problem is reported as path:line:column: error: message, and the build exits with status 1. \
        A failed build leaves the previous output exactly as it was.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <site>/public).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include articles and pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Include articles dated in the future.")
    var future = false

    @Flag(name: .long, help: "Write a .gz and a .br beside every text file, for hosts that serve precompressed files.")
    var precompress = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    func run() throws {
        let started = ContinuousClock.now
        let siteURL = URL(filePath: site, directoryHint: .isDirectory)
        let outputURL = output.map { URL(filePath: $0, directoryHint: .isDirectory) }
        let now = DateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let builder = SiteBuilder(theme: DefaultTheme(),
                                  options: BuildOptions(includeDrafts: drafts, includeFuture: future, now: now,
                                                        precompress: precompress))
        do {
            let report = try builder.build(siteDirectory: siteURL, output: outputURL)
            if let robots = report.robotsBelowHostRoot {
                let root = robots.split(separator: "/", maxSplits: 3).prefix(2).joined(separator: "//") + "/robots.txt"
                FileHandle.standardError.write(Data("""
                content/site.yaml: warning: base_url is below the host's root, so robots.txt is published at \(robots), \
                but crawlers only read \(root): put its lines (with the Sitemap line) into the host's own robots.txt

                """.utf8))
            }
            if !quiet {
                let destination = output ?? (site == "." ? "public" : "\(site)/public")
                var line = "Built \(report.pages) pages and \(report.otherFiles) other files into \(destination) "
                    + "in \(Diagnostics.seconds(ContinuousClock.now - started)) s"
                if report.compressedFiles > 0 {
                    line += ", with \(report.compressedFiles) precompressed copies (.gz, .br)"
                }
                if report.skippedArticles > 0 {
                    line += " (\(report.skippedArticles) draft, future or expired articles left out)"
                }
                print(line)
            }
        } catch {
            throw Diagnostics.report(error) { "build failed: \(Diagnostics.errors($0)); the output folder was left as it was" }
        }
    }
}

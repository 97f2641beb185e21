import ArgumentParser
import Foundation
import SiteKit

/// `sitegen new`: a new site or a new article, from SiteKit's scaffolds.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site or a new draft article.",
        subcommands: [NewSiteCommand.self, NewArticleCommand.self]
    )
}

/// `sitegen new site DIR`.
struct NewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a site that builds at once: settings, an article with a chart, an About page.",
        discussion: "DIR must be new or empty (hidden entries such as .git are fine); nothing is ever overwritten."
    )

    @Argument(help: ArgumentHelp("The folder to create the site in.", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: "The site's name (default: made from the folder's name, my-site -> My Site).")
    var title: String?

    func run() throws {
        let url = URL(filePath: directory, directoryHint: .isDirectory)
        let name = title ?? SiteScaffold.title(fromFolder: url.standardizedFileURL.lastPathComponent)
        let files = SiteScaffold.files(title: name, now: WallClock.now())
        do {
            try ScaffoldWriter.writeSite(files, into: url, shownAs: directory)
        } catch {
            throw Diagnostics.report(error) { "new site failed: \(Diagnostics.errors($0))" }
        }
        print("""
        Created a site in \(directory). Next:
          sitegen build --site \(directory)     # writes \(directory)/public
          sitegen serve --site \(directory)     # preview at http://127.0.0.1:1313/
        Then set title and base_url in \(directory)/content/site.yaml.
        """)
    }
}

/// `sitegen new article "Title"`.
struct NewArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Create a draft article with its front matter filled in, and print its path."
    )

    @Argument(help: "The article's title; its file name is made from it.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("A show the article follows (a file in content/data/shows/, without .yaml).", valueName: "slug"))
    var show: String?

    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        let siteURL = URL(filePath: site, directoryHint: .isDirectory)
        do throws(BuildFailure) {
            _ = try SiteLoader.loadSettings(siteDirectory: siteURL)
            let draft = try ArticleScaffold.draft(title: title, show: show,
                                                  knownShows: ScaffoldWriter.showSlugs(siteDirectory: siteURL),
                                                  now: WallClock.now())
            try ScaffoldWriter.write(draft, in: siteURL)
            print(site == "." ? draft.path : "\(site)/\(draft.path)")
        } catch {
            throw Diagnostics.report(error) { "new article failed: \(Diagnostics.errors($0))" }
        }
    }
}

/// The wall clock, read in one place.
enum WallClock {
    static func now() -> DateTime {
        DateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}

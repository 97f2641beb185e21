import Foundation
import SiteKit

// `swift run site [SITE_DIR] [OUTPUT_DIR]`: builds the site with SiteTheme.
let arguments = CommandLine.arguments.dropFirst()
let siteDirectory = URL(filePath: arguments.first ?? ".", directoryHint: .isDirectory)
let output = arguments.dropFirst().first.map { URL(filePath: $0, directoryHint: .isDirectory) }
let now = DateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
do {
    let report = try SiteBuilder(theme: SiteTheme(), options: BuildOptions(now: now))
        .build(siteDirectory: siteDirectory, output: output)
    print("Built \(report.pages) pages")
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(1)
}

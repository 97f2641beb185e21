import Foundation

extension NetflixImporter {
    /// Reads a Netflix download as text (UTF-8 checked, byte-order mark and CR removed).
    public static func readDownload(_ url: URL, shownAs shown: String) throws(SiteError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SiteError(file: shown, message: "cannot read the file: check that it exists and is readable")
        }
        return try SourceText.decode([UInt8](data), file: shown)
    }

    /// Reads and decodes every `content/data/shows/*.yaml` of a site; a file that does
    /// not decode stops the import (fix it first: the import would not know what it owns).
    public static func readShowFiles(siteDirectory: URL) throws(BuildFailure) -> [ShowDataFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteDirectory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw BuildFailure([SiteError(file: siteDirectory.path, message: "the site folder does not exist: pass --site with the folder that holds content/")])
        }
        let folder = siteDirectory.appending(path: showsFolder)
        let names = SiteLoader.listFiles(in: folder).filter { !$0.contains("/") && $0.hasSuffix(".yaml") }
        let results = Parallel.map(names) { name -> Result<ShowDataFile, BuildFailure> in
            let path = "\(showsFolder)/\(name)"
            do throws(BuildFailure) {
                let text: String
                do throws(SiteError) {
                    text = try SiteLoader.readText(folder.appending(path: name), shownAs: path)
                } catch {
                    throw BuildFailure([error])
                }
                let show = try Show.parse(text, file: path, slug: String(name.dropLast(5)))
                return .success(ShowDataFile(path: path, text: text, show: show))
            } catch {
                return .failure(error)
            }
        }
        var files: [ShowDataFile] = []
        var errors: [SiteError] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return files
    }

    /// Writes the plan's files into the site, all or none; unchanged files are not touched.
    public static func commit(_ plan: ImportPlan, siteDirectory: URL, existing: [ShowDataFile]) throws(SiteError) {
        try AtomicFileBatch.write(batch(plan, siteDirectory: siteDirectory, existing: existing))
    }

    /// The files to write for a plan, each with the text it had when it was read.
    static func batch(_ plan: ImportPlan, siteDirectory: URL, existing: [ShowDataFile]) -> [AtomicFileBatch.Entry] {
        let previous = Dictionary(existing.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        return plan.changes.map { file in
            AtomicFileBatch.Entry(url: siteDirectory.appending(path: file.path), shown: file.path, text: file.text,
                                  previous: file.isNew ? nil : previous[file.path])
        }
    }
}

import Foundation

/// A file that `sitegen new` writes: its path relative to the site folder and its text.
public struct ScaffoldFile: Sendable, Equatable {
    /// Relative to the site folder ("content/site.yaml").
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Writes scaffold files, never over anything that exists.
public enum ScaffoldWriter {
    /// Writes a new site into `directory`, which must be missing or empty
    /// (hidden entries such as `.git` are allowed, so `git init` may come first).
    /// - Parameter shownAs: the folder as the user named it, for errors.
    public static func writeSite(_ files: [ScaffoldFile], into directory: URL, shownAs: String) throws(BuildFailure) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure([SiteError(file: shownAs, message: "\(shownAs) is a file, not a folder: name a new folder for the site")])
            }
            let entries = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
            if !entries.isEmpty {
                let listed = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw BuildFailure([SiteError(file: shownAs, message: "the folder is not empty (it holds \(listed)): name a new or empty folder; sitegen new site never overwrites files")])
            }
        }
        for file in files {
            try write(file, in: directory, overwrite: false)
        }
    }

    /// The slugs of a site's data files (`content/data/shows/*.yaml`), for `--show`.
    public static func showSlugs(siteDirectory: URL) -> [String] {
        SiteLoader.listFiles(in: siteDirectory.appending(path: "content/data/shows"))
            .filter { !$0.contains("/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
    }

    /// Writes one file below `directory`, creating its folders; refuses to replace
    /// an existing file unless `overwrite`.
    public static func write(_ file: ScaffoldFile, in directory: URL, overwrite: Bool = false) throws(BuildFailure) {
        let url = directory.appending(path: file.path)
        let manager = FileManager.default
        if !overwrite && manager.fileExists(atPath: url.path) {
            throw BuildFailure([SiteError(file: file.path, message: "\(file.path) already exists: choose another title or slug, or edit that file")])
        }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file created since the check above is not replaced.
            try Data(file.text.utf8).write(to: url, options: overwrite ? .atomic : .withoutOverwriting)
        } catch {
            throw BuildFailure([SiteError(file: file.path, message: "cannot write the file: \(error.localizedDescription)")])
        }
    }
}

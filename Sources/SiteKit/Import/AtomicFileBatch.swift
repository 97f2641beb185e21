import Foundation

/// Writes a set of files all or none.
///
/// 1. Stage: every new text goes to a hidden temporary file beside its target
///    (`.<name>.import-<random>`), and each target is checked to be as it was read.
/// 2. Back up: every file to be replaced gets a hard link `.<name>.import-backup-<random>`.
/// 3. Swap: each temporary file is renamed over its target (rename(2) is atomic per file).
///    If a rename fails, the files already swapped are put back from their backups and
///    created files are removed.
/// 4. Clean up: the backups are removed.
///
/// A failure in steps 1–3 leaves every target as it was. The one remaining window is a
/// crash (power loss, SIGKILL) during step 3, which takes microseconds per file: then
/// some targets are new and some old, each file whole, and the hidden temporary and
/// backup files are left behind (the build ignores hidden files).
struct AtomicFileBatch {
    /// One file to write.
    struct Entry: Sendable {
        /// Where the file goes.
        var url: URL
        /// As shown in errors (relative to the site folder).
        var shown: String
        /// The new content.
        var text: String
        /// The content read when the import was planned (line ends normalised), or
        /// `nil` when the file is new and must still not exist.
        var previous: String?
    }

    /// Renames a file over another, returning why it failed (`nil` on success);
    /// injectable so tests can fail the swap half way.
    typealias Rename = @Sendable (_ from: URL, _ to: URL) -> String?

    /// rename(2).
    static let systemRename: Rename = { from, to in
        Foundation.rename(from.path, to.path) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Writes every entry, or none of them.
    static func write(_ entries: [Entry], rename: Rename = systemRename) throws(SiteError) {
        let manager = FileManager.default
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        func hidden(_ url: URL, _ suffix: String) -> URL {
            url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(suffix)-\(token)")
        }
        var staged: [URL] = []
        var backups: [URL] = []
        func cleanUp() {
            for url in staged + backups { try? manager.removeItem(at: url) }
        }

        // 1. Stage.
        for entry in entries {
            let current = manager.contents(atPath: entry.url.path)
            if let previous = entry.previous {
                let now = current.flatMap { String(validating: [UInt8]($0), as: UTF8.self) }
                    .map { SourceText.normalizeLineEnds($0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0) }
                guard now == previous else {
                    cleanUp()
                    throw SiteError(file: entry.shown, message: "the file changed while the import ran, so nothing was written: run the import again")
                }
            } else if manager.fileExists(atPath: entry.url.path) {
                cleanUp()
                throw SiteError(file: entry.shown, message: "the file appeared while the import ran, so nothing was written: run the import again")
            }
            let temporary = hidden(entry.url, "import")
            do {
                try manager.createDirectory(at: entry.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(entry.text.utf8).write(to: temporary)
                staged.append(temporary)
            } catch {
                cleanUp()
                throw SiteError(file: entry.shown, message: "cannot write the new file, so nothing was written: \(error.localizedDescription)")
            }
        }

        // 2. Back up the files to be replaced.
        var backupFor: [Int: URL] = [:]
        for (index, entry) in entries.enumerated() where entry.previous != nil {
            let backup = hidden(entry.url, "import-backup")
            guard link(entry.url.path, backup.path) == 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw SiteError(file: entry.shown, message: "cannot keep a backup of the file, so nothing was written: \(reason)")
            }
            backups.append(backup)
            backupFor[index] = backup
        }

        // 3. Swap.
        for (index, entry) in entries.enumerated() {
            if let reason = rename(staged[index], entry.url) {
                for undo in (0..<index).reversed() {
                    if let backup = backupFor[undo] {
                        _ = rename(backup, entries[undo].url)
                    } else {
                        try? manager.removeItem(at: entries[undo].url)
                    }
                }
                cleanUp()
                throw SiteError(file: entry.shown, message: "cannot replace the file (\(reason)); every file was put back as it was")
            }
        }

        // 4. Clean up.
        for backup in backups { try? manager.removeItem(at: backup) }
    }
}

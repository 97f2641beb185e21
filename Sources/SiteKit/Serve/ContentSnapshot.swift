import Foundation

/// The state of a site's `content/` folder (every file's size and modification
/// time), so `sitegen serve` can tell when to rebuild.
public struct ContentSnapshot: Sendable, Equatable {
    /// Size and modification time (nanoseconds) by path relative to content/.
    public let files: [String: FileStamp]

    /// What identifies one version of a file.
    public struct FileStamp: Sendable, Equatable {
        public var size: Int64
        public var modified: Int64
    }

    public init(files: [String: FileStamp]) {
        self.files = files
    }

    /// Reads the stamps of every file below `siteDirectory/content`.
    public static func take(of siteDirectory: URL) -> ContentSnapshot {
        take(ofFolder: siteDirectory.appending(path: "content"))
    }

    /// Reads the stamps of every file below `content`.
    public static func take(ofFolder content: URL) -> ContentSnapshot {
        var files: [String: FileStamp] = [:]
        for path in SiteLoader.listFiles(in: content) {
            var info = stat()
            guard stat(content.appending(path: path).path, &info) == 0 else { continue }
            #if os(Linux)
            let time = info.st_mtim
            #else
            let time = info.st_mtimespec
            #endif
            files[path] = FileStamp(size: Int64(info.st_size),
                                    modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
        }
        return ContentSnapshot(files: files)
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: ContentSnapshot) -> [String] {
        let paths = Set(files.keys).union(earlier.files.keys)
        return paths.filter { files[$0] != earlier.files[$0] }.sorted()
    }
}

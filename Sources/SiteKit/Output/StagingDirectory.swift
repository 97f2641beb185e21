import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build's output folder under construction: files go into a staging folder
/// beside the target, which replaces the target only when the build succeeds.
/// A failed build leaves the previous output exactly as it was.
public final class StagingDirectory: Sendable {
    /// The name of the file that marks a folder as sitegen's output, so sitegen
    /// never replaces a folder it did not create.
    public static let markerName = ".sitegen-output"

    /// The folder the site is published to (public/).
    public let target: URL
    /// Where this build writes until it commits.
    public let staging: URL
    /// `staging`'s path: pages' paths are joined to it as strings, which is
    /// much cheaper than a URL for each of tens of thousands of files.
    private let stagingPath: String
    /// Given a site path about to be written or copied, the reason to fail
    /// instead (as a full disk would), or `nil` to go on: lets tests fail a
    /// build mid-write, which file permissions cannot do for root.
    let injectedFailure: (@Sendable (String) -> String?)?
    /// Whether files are written straight into `target` (a preview's rebuild,
    /// which writes only once everything rendered): nothing to swap or discard.
    let inPlace: Bool

    /// Creates an empty staging folder beside `target`.
    /// - Throws: when `target` exists but was not written by sitegen.
    public convenience init(target: URL) throws(SiteError) {
        try self.init(target: target, injectedFailure: nil)
    }

    init(target: URL, injectedFailure: (@Sendable (String) -> String?)?) throws(SiteError) {
        self.injectedFailure = injectedFailure
        inPlace = false
        let target = target.standardizedFileURL
        self.target = target
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let marker = target.appending(path: Self.markerName).path
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || manager.fileExists(atPath: marker) else {
                throw SiteError(file: target.path, message: "refusing to replace '\(target.path)': it was not created by sitegen (no \(Self.markerName) file); choose another --output or empty it yourself")
            }
        }
        Self.removeLeftovers(of: target, olderThan: Self.leftoverAge)
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        staging = target.deletingLastPathComponent().appending(path: "\(target.lastPathComponent).staging-\(suffix)")
        stagingPath = staging.path
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("sitegen output; this folder is replaced on every build\n".utf8)
                .write(to: staging.appending(path: Self.markerName))
        } catch {
            throw SiteError(file: staging.path, message: "cannot create the staging folder: \(error.localizedDescription)")
        }
    }

    /// Writes into the existing output folder `target` itself, which an
    /// earlier build of sitegen's wrote (it carries the marker file).
    init(updating target: URL, injectedFailure: (@Sendable (String) -> String?)?) throws(SiteError) {
        self.injectedFailure = injectedFailure
        inPlace = true
        self.target = target.standardizedFileURL
        staging = self.target
        stagingPath = staging.path
        guard FileManager.default.fileExists(atPath: target.appending(path: Self.markerName).path) else {
            throw SiteError(file: target.path, message: "refusing to update '\(target.path)': it was not created by sitegen (no \(Self.markerName) file); build it in full first")
        }
    }

    /// Deletes a file (its path on disk below the folder, not percent-decoded
    /// again) that a rebuild no longer plans, and the folders it leaves empty.
    func remove(file path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard inPlace, !path.isEmpty, !path.hasPrefix("/"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return }
        var url = staging.appending(path: path)
        unlink(url.path)
        while true {
            url = url.deletingLastPathComponent()
            guard url.path.count > staging.path.count, rmdir(url.path) == 0 else { return }
        }
    }

    /// How old a staging or set-aside folder must be before a later build
    /// removes it: older than any build, so a build running in parallel keeps its own.
    static let leftoverAge: TimeInterval = 3600

    /// Removes `<name>.staging-*` and `<name>.old-*` folders that a killed build
    /// left beside `target`, when they carry sitegen's marker and are old enough.
    static func removeLeftovers(of target: URL, olderThan age: TimeInterval) {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefixes = ["\(target.lastPathComponent).staging-", "\(target.lastPathComponent).old-"]
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let cutoff = Date().addingTimeInterval(-age)
        for name in names where prefixes.contains(where: { name.hasPrefix($0) }) {
            let folder = parent.appending(path: name)
            guard manager.fileExists(atPath: folder.appending(path: markerName).path),
                  let modified = (try? manager.attributesOfItem(atPath: folder.path))?[.modificationDate] as? Date,
                  modified < cutoff else { continue }
            try? manager.removeItem(at: folder)
        }
    }

    /// Writes `text` as UTF-8 at a site path inside the staging folder.
    public func write(_ text: String, to sitePath: String) throws(SiteError) {
        var text = text
        try text.withUTF8 { bytes in Result { () throws(SiteError) in try write(bytes: bytes, to: sitePath) } }.get()
    }

    /// Writes UTF-8 bytes at a site path inside the staging folder.
    public func write(utf8: [UInt8], to sitePath: String) throws(SiteError) {
        try utf8.withUnsafeBufferPointer { bytes in Result { () throws(SiteError) in try write(bytes: bytes, to: sitePath) } }.get()
    }

    private func write(bytes: UnsafeBufferPointer<UInt8>, to sitePath: String) throws(SiteError) {
        let path = try checked(sitePath)
        if let failure = injectedFailure?(sitePath) {
            throw SiteError(file: path, message: "cannot write the file: \(failure)")
        }
        // Plain system calls: Foundation's createDirectory stats every path
        // component and Data copies the page again, for each of thousands of pages.
        let failure: String? = {
            if let problem = Self.makeParents(of: path) { return problem }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return String(cString: strerror(errno)) }
            defer { close(fd) }
            return FileWrites.writeAll(bytes, to: fd)
        }()
        if let failure {
            throw SiteError(file: path, message: "cannot write the file: \(failure)")
        }
    }

    /// Creates the folders above `path`; the reason when that fails.
    private static func makeParents(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return nil }
        let parent = String(path[..<slash])
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT else { return String(cString: strerror(errno)) }
        if let problem = makeParents(of: parent) { return problem }
        return mkdir(parent, 0o755) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
    }

    /// Copies a file into the staging folder under its path on disk below
    /// the output (a static file's own path: a `%` in its name is kept, not
    /// decoded as in a site path).
    public func copy(_ source: URL, toFile filePath: String) throws(SiteError) {
        let url = URL(filePath: try checked(file: filePath))
        if let failure = injectedFailure?(filePath) {
            throw SiteError(file: source.path, message: "cannot copy the file into the output: \(failure)")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // A rebuild replaces the copy of a changed file.
            if inPlace { unlink(url.path) }
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw SiteError(file: source.path, message: "cannot copy the file into the output: \(error.localizedDescription)")
        }
    }

    /// Swaps the staging folder in as the target.
    public func commit() throws(SiteError) {
        guard !inPlace else { return }
        let manager = FileManager.default
        let old = target.deletingLastPathComponent()
            .appending(path: "\(target.lastPathComponent).old-\(staging.lastPathComponent.split(separator: "-").last ?? "x")")
        do {
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: old)
            }
            try manager.moveItem(at: staging, to: target)
            if manager.fileExists(atPath: old.path) { try? manager.removeItem(at: old) }
        } catch {
            // Put the previous output back if it was moved aside.
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: old.path) {
                try? manager.moveItem(at: old, to: target)
            }
            discard()
            throw SiteError(file: target.path, message: "cannot replace the output folder: \(error.localizedDescription)")
        }
    }

    /// Deletes the staging folder, leaving the target untouched.
    public func discard() {
        guard !inPlace else { return }
        try? FileManager.default.removeItem(at: staging)
    }

    /// The file a site path is written to: the path percent-decoded, as hosts
    /// look files up ("tags/%D0%B4…/index.html" -> "tags/д…/index.html").
    public static func filePath(_ sitePath: String) -> String {
        guard ByteScan.contains(sitePath, byte: UInt8(ascii: "%")) else { return sitePath }
        return sitePath.removingPercentEncoding ?? sitePath
    }

    /// The file path for a site path inside the staging folder, refusing
    /// anything that would leave the folder.
    private func checked(_ sitePath: String) throws(SiteError) -> String {
        try checked(file: Self.filePath(sitePath))
    }

    /// The path inside the staging folder for a path on disk below the
    /// output, refusing anything that would leave the folder.
    private func checked(file filePath: String) throws(SiteError) -> String {
        guard Self.isPlainRelative(filePath) else {
            throw SiteError(file: filePath, message: "output path '\(filePath)' would leave the output folder: use a plain relative path")
        }
        return stagingPath.hasSuffix("/") ? stagingPath + filePath : stagingPath + "/" + filePath
    }

    /// Whether `path` is relative and every part between its slashes is a name:
    /// not empty, `.` or `..`. A byte scan, since every written file asks.
    static func isPlainRelative(_ path: String) -> Bool {
        var partLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || partLength == dots && dots <= 2 { return false }
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return partLength > 0 && !(partLength == dots && dots <= 2)
    }
}

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts a full build keeps in a file instead of memory, between the phase
/// that makes them and the one that reads them: article bodies from load to
/// render, escaped feed bodies from the articles' render to the feeds'.
///
/// Both grow with the site (about 7 KB and 12 KB per article), and holding
/// them made peak memory grow with the number of articles. The file sits
/// beside the output folder and is unlinked as soon as it is open: nothing is
/// left behind, even by a crash, and nothing of it is published. On a disk it
/// is page cache the kernel may drop, not memory the build holds.
public final class SpillFile: Sendable {
    /// Where one text lies in the file.
    public struct Span: Sendable, Equatable {
        let file: SpillFile
        let offset: Int
        let count: Int

        public static func == (lhs: Span, rhs: Span) -> Bool {
            lhs.file === rhs.file && lhs.offset == rhs.offset && lhs.count == rhs.count
        }

        /// The text kept there.
        func text() throws(SiteError) -> String { try file.text(at: self) }

        /// The text kept there, as its UTF-8 bytes: for text that goes on
        /// into a file, which a string would validate for nothing.
        func utf8() throws(SiteError) -> [UInt8] { try file.utf8(at: self) }
    }

    /// The path the file had, for errors.
    let path: String
    private let descriptor: Int32
    /// Where the next text goes: reserved under the lock, written outside it.
    private let end = Mutex(0)

    /// Opens an empty spill file in `folder` (and unlinks its name at once).
    public init(in folder: String) throws(SiteError) {
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let path = folder + "/.sitegen-spill-" + suffix
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SiteError(file: path, message: "cannot create the file that holds article and feed bodies during "
                + "the build: \(Self.lastError()); check that the output's parent folder exists and is writable")
        }
        unlink(path)
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends `text`; safe from any number of threads.
    func append(_ text: String) throws(SiteError) -> Span {
        var text = text
        // `withUTF8` rethrows untyped errors: carry the typed one out in a Result.
        return try text.withUTF8 { utf8 in Result { () throws(SiteError) in try append(utf8: utf8) } }.get()
    }

    /// Appends text given as its UTF-8 bytes; safe from any number of threads.
    func append(utf8: UnsafeBufferPointer<UInt8>) throws(SiteError) -> Span {
        let count = utf8.count
        let offset = end.withLock { end in
            defer { end += count }
            return end
        }
        if let failure = FileWrites.writeAll(utf8, to: descriptor, at: offset) {
            throw SiteError(file: path, message: "cannot keep a text during the build: \(failure); free space on the output's disk")
        }
        return Span(file: self, offset: offset, count: count)
    }

    /// The text at `span`.
    func text(at span: Span) throws(SiteError) -> String {
        var failure: String?
        let text = String(unsafeUninitializedCapacity: span.count) { buffer in
            failure = read(span, into: buffer)
            return failure == nil ? span.count : 0
        }
        if let failure { throw readFailure(failure) }
        return text
    }

    /// The bytes at `span`.
    func utf8(at span: Span) throws(SiteError) -> [UInt8] {
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: span.count) { buffer, count in
            failure = read(span, into: buffer)
            count = failure == nil ? span.count : 0
        }
        if let failure { throw readFailure(failure) }
        return bytes
    }

    /// Reads the bytes at `span` into `buffer`, which has room for them; why not, when that fails.
    private func read(_ span: Span, into buffer: UnsafeMutableBufferPointer<UInt8>) -> String? {
        var read = 0
        while read < span.count {
            let result = pread(descriptor, buffer.baseAddress! + read, span.count - read, off_t(span.offset + read))
            if result < 0, errno == EINTR { continue }
            if result <= 0 { return result == 0 ? "the file ended early" : Self.lastError() }
            read += result
        }
        return nil
    }

    private func readFailure(_ failure: String) -> SiteError {
        SiteError(file: path, message: "cannot read back a text during the build: \(failure)")
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a full build keeps its articles' feed bodies between rendering the
/// articles and writing the feeds: a file, not memory.
///
/// Every article of a large site sits in some feed (each show's feed lists
/// its newest articles), so holding the escaped bodies in memory made peak
/// memory grow by about 12 KB per article. The file lives in the staging
/// folder and is unlinked as soon as it is open: nothing is left behind, even
/// by a crash, and it is never published. On a disk it is page cache the
/// kernel may drop, not memory the build holds.
final class FeedBodyStore: Sendable {
    /// Where one body lies in the store.
    struct Span: Sendable, Equatable {
        let store: FeedBodyStore
        let offset: Int
        let count: Int

        static func == (lhs: Span, rhs: Span) -> Bool {
            lhs.store === rhs.store && lhs.offset == rhs.offset && lhs.count == rhs.count
        }

        /// The text stored there.
        func text() throws(SiteError) -> String { try store.text(at: self) }
    }

    /// The path the file had, for errors.
    let path: String
    private let descriptor: Int32
    /// Where the next body goes: reserved under the lock, written outside it.
    private let end = Mutex(0)

    /// Opens an empty store in `folder` (and unlinks its name at once).
    init(in folder: String) throws(SiteError) {
        let path = folder + "/.sitegen-feed-bodies"
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SiteError(file: path, message: "cannot create the file that holds feed bodies during the build: "
                + "\(Self.lastError()); check that the output's parent folder is writable")
        }
        unlink(path)
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends `text`; safe from any number of threads.
    func append(_ text: String) throws(SiteError) -> Span {
        var text = text
        let count = text.utf8.count
        let offset = end.withLock { end in
            defer { end += count }
            return end
        }
        let failure: String? = text.withUTF8 { bytes in
            var written = 0
            while written < count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, count - written, off_t(offset + written))
                if result < 0 {
                    if errno == EINTR { continue }
                    return Self.lastError()
                }
                written += result
            }
            return nil
        }
        if let failure {
            throw SiteError(file: path, message: "cannot keep a feed body during the build: \(failure); free space on the output's disk")
        }
        return Span(store: self, offset: offset, count: count)
    }

    /// The text at `span`.
    func text(at span: Span) throws(SiteError) -> String {
        var failure: String?
        let text = String(unsafeUninitializedCapacity: span.count) { buffer in
            var read = 0
            while read < span.count {
                let result = pread(descriptor, buffer.baseAddress! + read, span.count - read, off_t(span.offset + read))
                if result < 0, errno == EINTR { continue }
                if result <= 0 {
                    failure = result == 0 ? "the file ended early" : Self.lastError()
                    return 0
                }
                read += result
            }
            return read
        }
        if let failure {
            throw SiteError(file: path, message: "cannot read back a feed body during the build: \(failure)")
        }
        return text
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

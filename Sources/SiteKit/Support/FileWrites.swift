#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes through plain system calls, for the files a build writes by the
/// ten thousand (pages, spilled bodies), where Foundation's layers cost.
enum FileWrites {
    /// Writes all of `bytes` to `descriptor`, at `offset` when given (pwrite,
    /// safe from many threads on one file) or else at the file's position,
    /// going on after short writes and signals. Returns the reason it failed,
    /// or `nil`.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, at offset: Int? = nil) -> String? {
        var written = 0
        while written < bytes.count {
            let remaining = bytes.count - written
            let start = bytes.baseAddress! + written
            let result = offset.map { pwrite(descriptor, start, remaining, off_t($0 + written)) }
                ?? posixWrite(descriptor, start, remaining)
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}

/// `write(2)`, named apart from the `write` methods of the callers' types.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

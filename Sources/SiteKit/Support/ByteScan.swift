#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of byte values tested with one table lookup: the scans of long texts
/// for a few rare bytes (escaping, control characters) compared each byte
/// several times, a visible share of a large build.
struct ByteSet: Sendable {
    /// One bit per byte value, 64 to a word.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The bytes for which `member` is true.
    init(_ member: (UInt8) -> Bool) {
        var words: [UInt64] = [0, 0, 0, 0]
        for byte in 0...255 where member(UInt8(byte)) { words[byte >> 6] |= 1 << UInt64(byte & 63) }
        self.words = (words[0], words[1], words[2], words[3])
    }

    func contains(_ byte: UInt8) -> Bool {
        withUnsafeBytes(of: words) { Self.test(byte, in: $0) }
    }

    @inline(__always)
    private static func test(_ byte: UInt8, in words: UnsafeRawBufferPointer) -> Bool {
        let word = words.load(fromByteOffset: Int(byte &>> 6) &* 8, as: UInt64.self)
        return (word &>> UInt64(byte & 63)) & 1 != 0
    }

    /// The offset of the first byte of `bytes` in the set at or after `start`.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        withUnsafeBytes(of: words) { words in
            var index = start
            while index < bytes.count {
                if Self.test(bytes[index], in: words) { return index }
                index &+= 1
            }
            return nil
        }
    }
}

/// Byte searches over a string's UTF-8, without the generic collection
/// algorithms (or Foundation's, which bridge to NSString).
enum ByteScan {
    /// Whether `text` holds a byte of `set`.
    static func contains(_ text: String, _ set: ByteSet) -> Bool {
        var text = text
        return text.withUTF8 { set.firstIndex(in: $0) != nil }
    }

    /// Whether `text` holds the byte `byte` (memchr).
    static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether `text` contains `needle`, compared as UTF-8 bytes.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
                        in: bytes, from: 0) != nil
        }
    }

    /// The offset of the first `needle` in `haystack` at or after `from`.
    ///
    /// memchr finds each candidate and memcmp checks it. The byte memchr looks
    /// for is the needle's first that is not a space, letter or digit (`=` of
    /// ` href="`, `<` of ` <a class=`): looking for its first byte stopped at
    /// every word of a page.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from: Int) -> Int? {
        let count = needle.count
        guard count > 0 else { return from <= haystack.count ? from : nil }
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress,
              from >= 0, from <= haystack.count - count else { return nil }
        let anchor = needle.firstIndex { byte in
            !(byte == UInt8(ascii: " ") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
              || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
        } ?? 0
        let last = haystack.count - count  // the last offset the needle can start at
        var start = from
        while start <= last, let found = memchr(base + start + anchor, Int32(pattern[anchor]), last - start + 1) {
            let candidate = UnsafeRawPointer(base).distance(to: found) - anchor
            if memcmp(base + candidate, pattern, count) == 0 { return candidate }
            start = candidate + 1
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of byte values tested with one table lookup: the scans of long texts
/// for a few rare bytes (escaping, control characters) compared each byte
/// several times, a visible share of a large build.
struct ByteSet: Sendable {
    /// 1 for each byte value in the set, 0 for the rest.
    private let table: [UInt8]

    /// The bytes for which `member` is true.
    init(_ member: (UInt8) -> Bool) {
        table = (0...255).map { member(UInt8($0)) ? 1 : 0 }
    }

    func contains(_ byte: UInt8) -> Bool {
        table[Int(byte)] != 0
    }

    /// Calls `body` with the table: 256 entries, non-zero for members.
    func withTable<Result>(_ body: (UnsafePointer<UInt8>) -> Result) -> Result {
        table.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The offset of the first byte of `base[..<count]` at or after `start`
    /// that `table` (from ``withTable(_:)``) holds, or `count` if none: for
    /// loops that stop at every member of dense text, such as markup being
    /// escaped.
    ///
    /// The bytes just after `start` are looked at one by one, where in markup
    /// the next member often is (`<p>`, `="`), then eight at a time.
    @inline(__always)
    static func firstIndex(table: UnsafePointer<UInt8>, in base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int {
        var index = start
        let near = Swift.min(count, start &+ 8)
        while index < near {
            if table[Int(base[index])] != 0 { return index }
            index &+= 1
        }
        while index &+ 8 <= count {
            let p = base + index
            let any = table[Int(p[0])] | table[Int(p[1])] | table[Int(p[2])] | table[Int(p[3])]
                | table[Int(p[4])] | table[Int(p[5])] | table[Int(p[6])] | table[Int(p[7])]
            if any != 0 { break }
            index &+= 8
        }
        while index < count {
            if table[Int(base[index])] != 0 { return index }
            index &+= 1
        }
        return count
    }

    /// The offset of the first byte of `bytes` in the set at or after `start`.
    ///
    /// Eight bytes are looked up per step and their entries combined, with
    /// one branch for the eight: the bytes sought are mostly rare, and a
    /// branch per byte was most of the scan's time.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        return table.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            var index = start
            let count = bytes.count
            while index &+ 8 <= count {
                let p = base + index
                let any = table[Int(p[0])] | table[Int(p[1])] | table[Int(p[2])] | table[Int(p[3])]
                    | table[Int(p[4])] | table[Int(p[5])] | table[Int(p[6])] | table[Int(p[7])]
                if any != 0 { break }
                index &+= 8
            }
            while index < count {
                if table[Int(base[index])] != 0 { return index }
                index &+= 1
            }
            return nil
        }
    }
}

/// Byte searches over a string's UTF-8, without the generic collection
/// algorithms (or Foundation's, which bridge to NSString).
enum ByteScan {
    /// How rare each byte value is in sitegen's pages and feeds: about -log2
    /// of its share of their bytes (4: one byte in 16, such as `e` or a
    /// space; 5: `<` and `"`; 8: `k` and `x`; 15: one in 32,768 or never),
    /// counted on 800 HTML, XML and JSON files of the 10k benchmark corpus'
    /// output. Only which needle byte ``firstOffset(of:in:from:)`` looks
    /// for depends on it, never what it finds.
    private static let rarity: [UInt8] = [
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15,  7, 15, 15, 15, 15, 15,
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
         4, 11,  5, 10, 15, 11,  6, 15, 12, 12, 15, 12,  8,  7,  7,  5,
         7,  7,  7,  8,  8,  8,  9,  9,  9,  9,  8,  6,  5,  6,  5, 11,
        14, 11, 11, 11, 11, 11, 11, 12, 11, 12, 11, 14, 11, 10, 11, 11,
        11, 14, 10,  9,  9, 14, 12, 10, 15, 15, 12, 15, 15, 15, 15, 13,
        15,  4,  7,  5,  5,  4,  7,  5,  6,  5, 11,  8,  5,  6,  5,  5,
         6,  8,  4,  5,  4,  6,  7,  7,  8,  7, 10, 14, 15, 14, 15, 15,
        10, 15, 15, 15, 15, 15, 15, 15, 13, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 13, 11, 14, 15, 12, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 13, 15, 15, 15, 15, 12, 15, 15, 15, 15, 13, 15, 15, 15,
        15, 15, 12, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 10, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    ]

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
    /// for is the needle's rarest in pages (``rarity``): looking for a common
    /// one stopped at every word, or at every tag (`<` of `<input
    /// type="checkbox"`, once for each of an article's thousand tags).
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from: Int) -> Int? {
        let count = needle.count
        guard count > 0 else { return from <= haystack.count ? from : nil }
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress,
              from >= 0, from <= haystack.count - count else { return nil }
        var anchor = 0
        for index in 1..<count where rarity[Int(pattern[index])] > rarity[Int(pattern[anchor])] {
            anchor = index
        }
        let last = haystack.count - count  // the last offset the needle can start at
        var start = from
        while start <= last, let found = memchr(base + start + anchor, Int32(pattern[anchor]), last - start + 1) {
            let candidate = UnsafeRawPointer(base).distance(to: found) - anchor
            if memcmp(base + candidate, pattern, count) == 0 { return candidate }
            start = candidate + 1
        }
        return nil
    }

    /// How many bytes of `bytes` are UTF-8 continuation bytes (`10xxxxxx`):
    /// the scalars in them are the bytes less these. Eight bytes a step:
    /// every Markdown link's column is counted from its line's start.
    static func continuationBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        var index = 0
        while index &+ 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Bit 7 set and bit 6 clear, per byte.
            count &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < bytes.count {
            if base[index] & 0xC0 == 0x80 { count &+= 1 }
            index &+= 1
        }
        return count
    }
}

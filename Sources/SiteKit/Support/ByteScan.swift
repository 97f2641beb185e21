#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of byte values tested with one table lookup: the scans of long texts
/// for a few rare bytes (escaping, control characters) compared each byte
/// several times, a visible share of a large build.
struct ByteSet: Sendable {
    private let low: UInt128
    private let high: UInt128

    /// The bytes for which `member` is true.
    init(_ member: (UInt8) -> Bool) {
        var low: UInt128 = 0, high: UInt128 = 0
        for byte in 0...255 where member(UInt8(byte)) {
            if byte < 128 { low |= 1 << UInt128(byte) } else { high |= 1 << UInt128(byte - 128) }
        }
        self.low = low
        self.high = high
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 128 ? (low >> UInt128(byte)) & 1 != 0 : (high >> UInt128(byte &- 128)) & 1 != 0
    }

    /// The offset of the first byte of `bytes` in the set at or after `start`.
    @inline(__always)
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var index = start
        while index < bytes.count {
            if contains(bytes[index]) { return index }
            index &+= 1
        }
        return nil
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

    /// Whether `text` contains `needle`, compared as UTF-8 bytes: memchr for
    /// its first byte, memcmp for the rest.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let pattern = needle.utf8Start
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= count else { return false }
            let last = bytes.count - count  // the last offset the needle can start at
            var offset = 0
            while offset <= last, let found = memchr(base + offset, Int32(pattern[0]), last - offset + 1) {
                let start = UnsafeRawPointer(base).distance(to: found)
                if memcmp(found, pattern, count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }

    /// What takes the place of a special byte: `text` written instead of the
    /// `length` bytes starting there; a length of 0 keeps the byte as it is.
    struct Replacement {
        var text: String
        var length: Int
        /// Keeps the byte.
        static let keep = Replacement(text: "", length: 0)
    }

    /// Appends `text` to `output` with the bytes of `special` replaced as
    /// `replace` says (given the text's bytes and the special byte's offset).
    ///
    /// The runs between replaced bytes are appended as slices of `text`, with
    /// no byte array in between and no second UTF-8 validation. Replacements
    /// must therefore start at a scalar boundary (an ASCII byte, or a lead
    /// byte with its whole character).
    static func append(_ text: String, to output: inout String, replacing special: ByteSet,
                       with replace: (UnsafeBufferPointer<UInt8>, Int) -> Replacement) {
        let source = text
        var text = text
        text.withUTF8 { bytes in
            // Most text has no special byte: appended in one go.
            guard var index = special.firstIndex(in: bytes) else {
                output += source
                return
            }
            func appendRun(_ range: Range<Int>) {
                guard !range.isEmpty else { return }
                let utf8 = source.utf8
                output += source[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                                 ..< utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            }
            var runStart = 0
            while let found = special.firstIndex(in: bytes, from: index) {
                let replacement = replace(bytes, found)
                guard replacement.length > 0 else {
                    index = found + 1
                    continue
                }
                appendRun(runStart..<found)
                output += replacement.text
                runStart = found + replacement.length
                index = runStart
            }
            appendRun(runStart..<bytes.count)
        }
    }

    /// Whether `bytes` at `offset` hold the three bytes `first second third`.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ first: UInt8, _ second: UInt8,
                        _ third: UInt8) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == first && bytes[offset + 1] == second && bytes[offset + 2] == third
    }
}

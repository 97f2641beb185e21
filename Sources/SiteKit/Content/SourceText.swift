/// Turns a file's bytes into the text the parsers see: UTF-8 checked, byte-order
/// mark removed, CRLF line ends made LF.
public enum SourceText {
    /// Decodes `bytes` strictly as UTF-8; errors name the line of the first bad byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(SiteError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = body.withUnsafeBufferPointer(validated) else {
            let (line, column, byte) = firstInvalidByte(in: body)
            throw SiteError(file: file, line: line, column: column,
                            message: "file is not valid UTF-8 (byte 0x\(hex(byte)) here): save it with UTF-8 encoding")
        }
        return normalizeLineEnds(text)
    }

    /// `utf8` as a string, or `nil` if it is not valid UTF-8.
    ///
    /// The standard library checks UTF-8 at about nine instructions a byte
    /// once a text holds one non-ASCII byte, and an article's single dash or
    /// arrow is enough; all-ASCII text it checks eight bytes at a time. So a
    /// text with few non-ASCII characters is made of pieces: its ASCII runs
    /// (found eight bytes at a time) and its runs of bytes from 0x80 up, each
    /// checked by the standard library on its own. That is the same check: an
    /// ASCII byte can be no part of a multi-byte character, so a text is valid
    /// exactly when each such run is. A text with many runs (most non-Latin
    /// scripts) is checked whole, as before.
    static func validated(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        // A piece costs a small string and an append: worth it while the
        // ASCII runs between are long.
        let maximumPieces = max(64, utf8.count / 64)
        guard let base = utf8.baseAddress else { return "" }
        var pieces: [Range<Int>] = []
        var index = 0
        let count = utf8.count
        while index < count {
            let asciiEnd = firstNonASCII(base, count: count, from: index)
            if asciiEnd > index { pieces.append(index..<asciiEnd) }
            guard asciiEnd < count else { break }
            var end = asciiEnd + 1
            while end < count, base[end] >= 0x80 { end += 1 }
            pieces.append(asciiEnd..<end)
            index = end
            if pieces.count > maximumPieces { return String(validating: utf8, as: UTF8.self) }
        }
        guard pieces.count > 1 else { return String(validating: utf8, as: UTF8.self) }
        var text = ""
        text.reserveCapacity(count)
        for piece in pieces {
            guard let part = String(validating: UnsafeBufferPointer(rebasing: utf8[piece]), as: UTF8.self) else { return nil }
            text += part
        }
        return text
    }

    /// The offset of the first byte from 0x80 up in `base[from..<count]`, or
    /// `count`: eight bytes at a time, then one by one.
    private static func firstNonASCII(_ base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index &+= 8
        }
        while index < count, base[index] < 0x80 { index &+= 1 }
        return index
    }

    /// Refuses the invisible control characters that no feed or sitemap may
    /// hold (``ControlCharacters/isRefused(_:)``), at the first one's position.
    public static func checkCharacters(_ text: String, file: String) throws(SiteError) {
        guard let (line, column, scalar) = ControlCharacters.firstRefused(in: text) else { return }
        throw SiteError(file: file, line: line, column: column,
                        message: "invisible control character \(ControlCharacters.describe(scalar)), which feeds and sitemaps cannot hold: \(ControlCharacters.advice(for: scalar))")
    }

    /// CRLF and lone CR become LF, so line numbers and parsers agree everywhere.
    public static func normalizeLineEnds(_ text: String) -> String {
        guard ByteScan.contains(text, byte: UInt8(ascii: "\r")) else { return text }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> (Int, Int, UInt8) {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, lead)
            }
            let end = index + length
            guard end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                return (line, column, lead)
            }
            if lead == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column, 0)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Turns a file's bytes into the text the parsers see: UTF-8 checked, byte-order
/// mark removed, CRLF line ends made LF.
public enum SourceText {
    /// Decodes `bytes` strictly as UTF-8; errors name the line of the first bad byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(SiteError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column, byte) = firstInvalidByte(in: body)
            throw SiteError(file: file, line: line, column: column,
                            message: "file is not valid UTF-8 (byte 0x\(hex(byte)) here): save it with UTF-8 encoding")
        }
        return normalizeLineEnds(text)
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

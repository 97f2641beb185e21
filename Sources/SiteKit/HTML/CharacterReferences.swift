/// Decodes HTML character references (`&ouml;`, `&nbsp;`, `&#x2F;`, `&#47;`)
/// the way the HTML5 tokenizer does, with the full table of named references.
public enum CharacterReferences {
    /// `text` with every character reference decoded.
    /// - Parameter inAttribute: decode as inside an attribute value, where a
    ///   legacy name without `;` followed by `=` or a letter or digit
    ///   (`?a=1&copy=2`) stays as written.
    public static func decode(_ text: String, inAttribute: Bool = false) -> String {
        guard ByteScan.contains(text, byte: ampersand) else { return text }
        var text = text
        return text.withUTF8 { decode($0[...], inAttribute: inAttribute) }
    }

    /// The bytes as text with every character reference decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, inAttribute: Bool) -> String {
        guard let first = bytes.firstIndex(of: ampersand) else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        }
        var out = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<first]), as: UTF8.self)
        var index = first
        var literalStart = first
        while index < bytes.endIndex {
            guard bytes[index] == ampersand else { index += 1; continue }
            guard let (text, end) = reference(in: bytes, at: index, inAttribute: inAttribute) else {
                index += 1
                continue
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<index]), as: UTF8.self)
            out += text
            index = end
            literalStart = end
        }
        out += String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<bytes.endIndex]), as: UTF8.self)
        return out
    }

    private static let ampersand = UInt8(ascii: "&")
    private static let semicolon = UInt8(ascii: ";")

    /// The reference starting at the `&` at `start`: its text and the index after
    /// it, or `nil` when the `&` starts none and stays as written.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>.SubSequence, at start: Int,
                                  inAttribute: Bool) -> (String, Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return numeric(in: bytes, at: index + 1) }
        // Names are ASCII letters and digits; the longest one is 31 of them.
        let nameStart = index
        while index < bytes.endIndex, index - nameStart < 40, isAlphanumeric(bytes[index]) { index += 1 }
        let run = nameStart..<index
        guard !run.isEmpty else { return nil }
        if index < bytes.endIndex, bytes[index] == semicolon,
           let text = table[name(bytes, run.lowerBound..<index + 1)] {
            return (text, index + 1)
        }
        // Otherwise the longest legacy name (at most 6 letters, no `;`) that the run starts with.
        var length = min(run.count, 6)
        while length >= 2 {
            let end = nameStart + length
            if let text = legacy[name(bytes, nameStart..<end)] {
                if inAttribute, end < bytes.endIndex, bytes[end] == UInt8(ascii: "=") || isAlphanumeric(bytes[end]) {
                    return nil
                }
                return (text, end)
            }
            length -= 1
        }
        return nil
    }

    /// `&#…` after the `#`: decimal, or hexadecimal after `x`; the `;` is optional.
    private static func numeric(in bytes: UnsafeBufferPointer<UInt8>.SubSequence, at start: Int) -> (String, Int)? {
        var index = start
        var radix: UInt32 = 10
        if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.endIndex, let digit = digitValue(bytes[index], radix: radix) {
            // Saturate: anything past U+10FFFF is replaced anyway.
            value = min(value * radix + digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.endIndex, bytes[index] == semicolon { index += 1 }
        return (String(Character(scalar(for: value))), index)
    }

    /// The character a numeric reference stands for, with HTML5's replacements.
    private static func scalar(for value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let replacement = windows1252[value] { return replacement }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return false
        }
    }

    private static func name(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Every named reference, by name (`ouml;`, `ouml`).
    private static let table: [String: String] = {
        let names = HTMLEntityTable.names.split(separator: " ")
        let values = HTMLEntityTable.values.split(separator: "\u{0}", omittingEmptySubsequences: false)
        precondition(names.count == values.count, "HTMLEntityTable is out of step: run scripts/generate-html-entities")
        var table: [String: String] = [:]
        table.reserveCapacity(names.count)
        for (name, value) in zip(names, values) { table[String(name)] = String(value) }
        return table
    }()

    /// The legacy names that are references without their `;` too (`amp`, `ouml`).
    private static let legacy: [String: String] = table.filter { !$0.key.hasSuffix(";") }

    /// HTML5's replacements for numeric references to C1 controls, which
    /// documents mean as Windows-1252 (`&#150;` is an en dash).
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
        0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
        0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}

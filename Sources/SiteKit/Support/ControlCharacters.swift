/// Invisible control characters: refused in content, and never written out.
///
/// XML 1.0 forbids C0 controls other than tab, line feed and carriage return,
/// and U+FFFE/U+FFFF; one of them in a title makes a whole feed or sitemap
/// ill-formed, and strict readers then drop all of it. Content is checked with
/// ``firstRefused(in:)``; as a last defence for text that did not come from
/// checked content, ``removingForbidden(_:)`` and the HTML and JSON escaping
/// drop them by the one table of ``forbiddenInXML``.
public enum ControlCharacters {
    /// Whether XML 1.0 forbids the character.
    public static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Whether content may not hold the character: what XML forbids, and DEL and
    /// the C1 controls, which XML allows but nobody means to type.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        isForbiddenInXML(scalar) || (0x7F...0x9F).contains(scalar.value)
    }

    /// The first refused character of `text`, with its 1-based line and column
    /// (in Unicode scalars).
    public static func firstRefused(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        // Every refused character starts with a byte below 0x20, 0x7F, 0xC2
        // (U+0080…U+009F) or 0xEF (U+FFFE/U+FFFF): skip the scalar walk otherwise.
        guard ByteScan.contains(text, refusedLeads) else { return nil }
        return first(in: text, where: isRefused)
    }

    /// The bytes a refused character starts with.
    private static let refusedLeads = ByteSet { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }

    /// The first character of `text` that `matches`, with its 1-based line
    /// (counting `\n` only) and column (in Unicode scalars), as errors count them.
    public static func first(in text: String, where matches: (Unicode.Scalar) -> Bool)
        -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if matches(scalar) { return (line, column, scalar) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// "U+000B (vertical tab)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " (\(name(of: scalar)))"
    }

    /// What an editor does about it.
    public static func advice(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0B, 0x0C:
            return "delete it and type a space or a new line instead (word processors paste a line break as this character)"
        default:
            return "delete it (it is invisible in most editors: delete the characters around this position and type them again)"
        }
    }

    /// `text` without the characters XML forbids; a vertical tab or form feed
    /// (a pasted line break) becomes a space.
    public static func removingForbidden(_ text: String) -> String {
        var out = ""
        forbiddenRemoval.append(text, to: &out)
        return out
    }

    /// `text` with each character XML forbids made U+FFFD (the text itself
    /// when it holds none): for Markdown that did not come from checked
    /// content, so that nothing dropped after rendering can join markup.
    public static func replacingForbidden(_ text: String) -> String {
        guard ByteScan.contains(text, forbiddenLeads) else { return text }
        var out = ""
        forbiddenReplacement.append(text, to: &out)
        return out
    }

    /// ``replacingForbidden(_:)`` of text given as its UTF-8.
    static func replacingForbidden(utf8 text: [UInt8]) -> [UInt8] {
        guard text.withUnsafeBufferPointer({ forbiddenLeads.firstIndex(in: $0) }) != nil else { return text }
        var out: [UInt8] = []
        text.withUnsafeBufferPointer { forbiddenReplacement.append($0, to: &out) }
        return out
    }

    /// The bytes a character XML forbids starts with.
    private static let forbiddenLeads = ByteSet { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }

    /// Drops the characters XML forbids as escaping does (``forbiddenInXML``)
    /// and changes nothing else: for text that goes into XML as it is, in a
    /// CDATA section.
    static let droppingForbiddenInXML = ByteRewrite(bytes: forbiddenInXML.bytes, characters: forbiddenInXML.characters)

    private static let forbiddenReplacement = ByteRewrite(bytes: forbiddenInXML.bytes.mapValues { _ in "\u{FFFD}" },
                                                          characters: forbiddenInXML.characters.mapValues { _ in "\u{FFFD}" })

    /// What becomes of the characters XML forbids, as a table for
    /// ``ByteRewrite``: the C0 controls but tab, line feed and carriage return
    /// dropped, a vertical tab or form feed (a pasted line break) made a space,
    /// U+FFFE and U+FFFF dropped. Escaping adds its own entries to it.
    static let forbiddenInXML: (bytes: [UInt8: String], characters: [[UInt8]: String]) = {
        var bytes: [UInt8: String] = [0x0B: " ", 0x0C: " "]
        for control in UInt8(0)..<0x20 where bytes[control] == nil && ![0x09, 0x0A, 0x0D].contains(control) {
            bytes[control] = ""
        }
        return (bytes, [[0xEF, 0xBF, 0xBE]: "", [0xEF, 0xBF, 0xBF]: ""])
    }()

    private static let forbiddenRemoval = ByteRewrite(bytes: forbiddenInXML.bytes, characters: forbiddenInXML.characters)

    private static func name(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00..<0x20: return c0Names[Int(scalar.value)]
        case 0x7F: return "delete"
        case 0x80...0x9F: return "C1 control character"
        default: return "noncharacter"
        }
    }

    private static let c0Names = [
        "null", "start of heading", "start of text", "end of text", "end of transmission", "enquiry",
        "acknowledge", "bell", "backspace", "tab", "line feed", "vertical tab", "form feed", "carriage return",
        "shift out", "shift in", "data link escape", "device control one", "device control two",
        "device control three", "device control four", "negative acknowledge", "synchronous idle",
        "end of transmission block", "cancel", "end of medium", "substitute", "escape", "file separator",
        "group separator", "record separator", "unit separator",
    ]
}

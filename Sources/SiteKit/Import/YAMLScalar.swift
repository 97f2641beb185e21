/// Writes text as a YAML scalar that reads back as exactly that text.
///
/// Plain when it is unambiguous, double-quoted otherwise. The tests run every title in
/// Netflix's files through Yams to prove the round trip.
enum YAMLScalar {
    /// `text` as a YAML scalar for a block mapping value.
    static func quoted(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` can be written plain: it must not start with a YAML indicator,
    /// hold `: ` or ` #`, end in `:`, have outer white space or special characters, or
    /// look like null, a boolean, a number or a date (read as text by sitegen, but not
    /// by other YAML tools).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`~+.0123456789".unicodeScalars.contains(first) { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars where needsEscape(scalar) || scalar == "\t" { return false }
        let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        return !reserved.contains(text.lowercased())
    }

    /// `text` in double quotes with `\`, `"` and non-printable characters escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    // Every escaped character is below U+10000, so four digits suffice.
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Characters YAML does not allow unescaped, or treats as line ends or a byte-order mark.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}

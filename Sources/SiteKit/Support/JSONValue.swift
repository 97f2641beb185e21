/// A JSON value written deterministically (keys in the order given), safe to
/// embed in an HTML `<script>` element: `<`, `>` and `&` are written as `\u`
/// escapes, so no string can close the element.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in the order they are written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// The JSON text; `indent` > 0 pretty-prints.
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closePad = String(repeating: " ", count: indent * level)
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent, level: level + 1)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                out += pad
                Self.writeString(key, into: &out)
                out += indent > 0 ? ": " : ":"
                value.write(into: &out, indent: indent, level: level + 1)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += closePad + "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        // What XML forbids is dropped here too (a vertical tab or form feed
        // becomes a space): JSON could escape it, but a reader would put it back
        // into its own HTML or XML.
        ByteScan.append(text, to: &out, replacing: specialBytes) { bytes, offset in
            switch bytes[offset] {
            case 0x22: return .init(text: "\\\"", length: 1)
            case 0x5C: return .init(text: "\\\\", length: 1)
            case 0x0A: return .init(text: "\\n", length: 1)
            case 0x0D: return .init(text: "\\r", length: 1)
            case 0x09: return .init(text: "\\t", length: 1)
            case 0x0B, 0x0C: return .init(text: " ", length: 1)
            case 0x3C: return .init(text: "\\u003c", length: 1)
            case 0x3E: return .init(text: "\\u003e", length: 1)
            case 0x26: return .init(text: "\\u0026", length: 1)
            case 0x27: return .init(text: "\\u0027", length: 1)
            case 0xE2:
                if ByteScan.matches(bytes, at: offset, 0xE2, 0x80, 0xA8) { return .init(text: "\\u2028", length: 3) }
                if ByteScan.matches(bytes, at: offset, 0xE2, 0x80, 0xA9) { return .init(text: "\\u2029", length: 3) }
                return .keep
            case 0xEF:
                return ByteScan.matches(bytes, at: offset, 0xEF, 0xBF, 0xBE)
                    || ByteScan.matches(bytes, at: offset, 0xEF, 0xBF, 0xBF) ? .init(text: "", length: 3) : .keep
            default: return .init(text: "", length: 1)  // the other C0 controls
            }
        }
        out += "\""
    }

    /// The bytes a JSON string writes otherwise: quote, backslash, C0 controls,
    /// `< > & '` (for `<script>`), and the lead bytes of U+2028/U+2029 (line
    /// breaks to JavaScript) and of U+FFFE/U+FFFF (forbidden in XML).
    private static let specialBytes = ByteSet {
        $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x27
            || $0 == 0xE2 || $0 == 0xEF
    }
}

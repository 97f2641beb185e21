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
        rewrite.append(text, to: &out)
        out += "\""
    }

    /// Quote, backslash and the usual controls escaped; `< > & '` as `\u`
    /// escapes (safe inside `<script>`), and U+2028/U+2029 too (line breaks to
    /// JavaScript). What XML forbids is dropped, as in HTML (a vertical tab or
    /// form feed becomes a space): JSON could escape it, but a reader would put
    /// it back into its own HTML or XML.
    private static let rewrite: ByteRewrite = {
        let forbidden = ControlCharacters.forbiddenInXML
        let escapes: [UInt8: String] = [0x22: "\\\"", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
                                        0x3C: "\\u003c", 0x3E: "\\u003e", 0x26: "\\u0026", 0x27: "\\u0027"]
        let lineBreaks: [[UInt8]: String] = [[0xE2, 0x80, 0xA8]: "\\u2028", [0xE2, 0x80, 0xA9]: "\\u2029"]
        return ByteRewrite(bytes: forbidden.bytes.merging(escapes) { _, escape in escape },
                           characters: forbidden.characters.merging(lineBreaks) { _, escape in escape })
    }()
}

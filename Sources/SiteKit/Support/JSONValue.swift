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
        // Written as bytes: every page's JSON-LD and the JSON Feed are made
        // here, and appending small strings to a string cost several times
        // the copy.
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(into: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int, level: Int) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .int(let number): out += String(number).utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newLine(into: &out, indent: indent, level: level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            Self.newLine(into: &out, indent: indent, level: level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newLine(into: &out, indent: indent, level: level + 1)
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent > 0 { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            Self.newLine(into: &out, indent: indent, level: level)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// When pretty-printing, a line break and the indentation of `level`.
    private static func newLine(into out: inout [UInt8], indent: Int, level: Int) {
        guard indent > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { rewrite.append($0, to: &out) }
        out.append(UInt8(ascii: "\""))
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

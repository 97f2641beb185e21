import FuzzSupport
import SiteKit

/// Any String interpolated into `HTML` comes out escaped: no `<`, `>`, `"` or `'`
/// survives, a bare `&` is always the start of an entity, and decoding the five
/// entities gives the text back exactly, less what XML forbids. JSON for `<script>` blocks never holds
/// `<`, `>` or `&`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let optional: String? = text.isEmpty ? nil : text
    let html: HTML = "<p title=\"\(text)\">\(text)\(optional)</p>"

    let escaped = HTMLEscaping.escape(text)
    require(html.rendered == "<p title=\"\(escaped)\">\(escaped)\(escaped)</p>",
            "interpolation differs from HTMLEscaping.escape")
    for special in ["<", ">", "\"", "'"] {
        require(!escaped.contains(special), "'\(special)' survived escaping of \(text.debugDescription)")
    }
    // What XML 1.0 forbids is dropped as a last defence (a pasted vertical tab
    // becomes a space); everything else comes back exactly.
    require(unescape(escaped) == ControlCharacters.removingForbidden(text),
            "escaping is not reversible for \(text.debugDescription)")

    // Fragments are inserted as they are, strings next to them still escaped.
    let joined = HTML.join([HTML(unsafeRaw: "<b>"), "\(text)"], separator: "<br>")
    require(joined.rendered == "<b><br>\(escaped)", "join changed its parts")

    let json = JSONValue.object([("name", .string(text)), ("list", .array([.string(text)]))]).rendered()
    for special in ["<", ">", "&"] {
        require(!json.contains(special), "'\(special)' in JSON for a <script> element: \(json)")
    }
    return 0
}

/// Decodes exactly the entities `HTMLEscaping` writes; a `&` that starts none of
/// them means the text was not escaped. Works on UTF-8 bytes: as Characters, an
/// entity's `;` and a combining mark after it are one grapheme.
private func unescape(_ escaped: String) -> String {
    let entities: [([UInt8], UInt8)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
        .map { (Array($0.0.utf8), $0.1.utf8.first!) }
    let bytes = Array(escaped.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "&") else {
            out.append(bytes[index])
            index += 1
            continue
        }
        guard let (entity, byte) = entities.first(where: { bytes[index...].starts(with: $0.0) }) else {
            require(false, "a bare '&' in escaped text \(escaped.debugDescription)")
            return ""
        }
        out.append(byte)
        index += entity.count
    }
    return String(decoding: out, as: UTF8.self)
}

/// Stable, unique `id`s for headings, GitHub style: "How it's performing" ->
/// "how-its-performing", a second "Ratings" -> "ratings-1".
struct HeadingIDs {
    private var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// The id for a heading with this text, unique within the document.
    mutating func next(for text: String) -> String {
        var base = Self.slug(for: text)
        // cmark-gfm gives footnotes the ids fn-<label> and fnref-<label>; a
        // heading "FN 1" must not take one of them.
        if base.hasPrefix("fn-") || base.hasPrefix("fnref-") { base = "section-" + base }
        var candidate = base
        var suffix = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lowercased letters and digits of any script, spaces as hyphens, other
    /// punctuation dropped; "section" when nothing is left.
    static func slug(for text: String) -> String {
        asciiSlug(for: text) ?? unicodeSlug(for: text)
    }

    /// ``slug(for:)`` of an ASCII text, byte by byte; `nil` for any other text.
    /// Most headings are ASCII, and walking their characters asked Unicode's
    /// tables about every one of them.
    static func asciiSlug(for text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x80...:
                return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(byte | 0x20)
            case UInt8(ascii: " "), UInt8(ascii: "-"):
                if let last = out.last, last != UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
            default:
                continue
            }
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// ``slug(for:)`` of any text, character by character.
    static func unicodeSlug(for text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if character == "_" {
                out.append("_")
            } else if (character == " " || character == "-") && !out.isEmpty && out.last != "-" {
                // Runs of spaces and hyphens become one hyphen, none at the start.
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "section" : out
    }
}

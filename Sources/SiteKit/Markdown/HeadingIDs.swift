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

/// Finds a fenced code block that is never closed. CommonMark lets it run to
/// the end of the document, so a forgotten closing fence silently turns the
/// rest of the article into code (or into an embed's YAML).
enum CodeFences {
    /// An opening fence without its closing one.
    struct Unclosed: Equatable, Sendable {
        /// 1-based line and column (in Unicode scalars) of the fence in the text.
        var line: Int
        var column: Int
        /// The fence as written ("```", "~~~~").
        var fence: String
        /// The first word of the info string ("viewing-chart", "swift"), or "".
        var info: String
    }

    /// The first fence in `markdown` that no closing fence follows.
    ///
    /// Fences are read after block-quote markers, list markers and indentation,
    /// so fences in quotes and list items count; a closing fence may be indented
    /// any amount (list items nest deeply), which errs on the side of "closed".
    static func firstUnclosed(in markdown: String) -> Unclosed? {
        guard markdown.utf8.contains(UInt8(ascii: "`")) || markdown.utf8.contains(UInt8(ascii: "~")) else { return nil }
        var open: (unclosed: Unclosed, character: Character, count: Int)?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let (content, column) = afterContainers(line)
            guard let character = content.first, character == "`" || character == "~" else { continue }
            let count = content.prefix { $0 == character }.count
            guard count >= 3 else { continue }
            let rest = content.dropFirst(count)
            if let current = open {
                if character == current.character, count >= current.count, rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    open = nil
                }
                continue
            }
            // A backtick fence's info string holds no backtick (else it is inline code).
            if character == "`" && rest.contains("`") { continue }
            let info = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            open = (Unclosed(line: index + 1, column: column, fence: String(repeating: character, count: count), info: info),
                    character, count)
        }
        return open?.unclosed
    }

    /// The line after leading spaces, `>` quote markers and list markers
    /// (`- `, `* `, `+ `, `1. `, `1) `), with the 1-based column where it starts.
    private static func afterContainers(_ line: Substring) -> (Substring, Int) {
        var rest = line
        var column = 1
        func drop(_ count: Int) {
            rest = rest.dropFirst(count)
            column += count
        }
        while let first = rest.first {
            if first == " " || first == "\t" || first == ">" {
                drop(1)
            } else if "-*+".contains(first), rest.dropFirst().first == " " {
                drop(2)
            } else if first.isASCII, first.isNumber {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
                let after = rest.dropFirst(digits)
                guard digits <= 9, let marker = after.first, marker == "." || marker == ")",
                      after.dropFirst().first == " " else { break }
                drop(digits + 2)
            } else {
                break
            }
        }
        return (rest, column)
    }
}

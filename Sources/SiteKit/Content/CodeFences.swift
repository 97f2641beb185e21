#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The characters fences are made of.
    private static let fenceCharacters = ByteSet { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }

    /// The first fence in `markdown` that no closing fence follows.
    ///
    /// Fences are read after block-quote markers, list markers and indentation,
    /// so fences in quotes and list items count; a closing fence may be indented
    /// any amount (list items nest deeply), which errs on the side of "closed".
    static func firstUnclosed(in markdown: String) -> Unclosed? {
        // On UTF-8 bytes: this runs over every article of a build, and the
        // container markers and fences it looks for are all ASCII.
        let backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~")
        guard ByteScan.contains(markdown, fenceCharacters) else { return nil }
        var markdown = markdown
        return markdown.withUTF8 { bytes -> Unclosed? in
            var open: (unclosed: Unclosed, character: UInt8, count: Int)?
            var lineStart = 0
            var lineNumber = 1
            while lineStart <= bytes.count {
                // memchr: most of a body is prose lines, read only to find their end.
                var lineEnd = bytes.count
                if lineStart < bytes.count, let base = bytes.baseAddress,
                   let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart) {
                    lineEnd = UnsafeRawPointer(base).distance(to: found)
                }
                defer { lineStart = lineEnd + 1; lineNumber += 1 }
                let start = afterContainers(bytes, from: lineStart, to: lineEnd)
                guard start < lineEnd, bytes[start] == backtick || bytes[start] == tilde else { continue }
                let character = bytes[start]
                var end = start
                while end < lineEnd, bytes[end] == character { end += 1 }
                let count = end - start
                guard count >= 3 else { continue }
                let rest = UnsafeBufferPointer(rebasing: bytes[end..<lineEnd])
                if let current = open {
                    if character == current.character, count >= current.count,
                       rest.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                        open = nil
                    }
                    continue
                }
                // A backtick fence's info string holds no backtick (else it is inline code).
                if character == backtick && rest.contains(backtick) { continue }
                let info = String(decoding: rest, as: UTF8.self)
                    .split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
                open = (Unclosed(line: lineNumber, column: start - lineStart + 1,
                                 fence: String(repeating: Character(Unicode.Scalar(character)), count: count), info: info),
                        character, count)
            }
            return open?.unclosed
        }
    }

    /// Where the line's content starts after leading spaces, `>` quote markers
    /// and list markers (`- `, `* `, `+ `, `1. `, `1) `); all of them ASCII.
    private static func afterContainers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        func isSpace(_ at: Int) -> Bool { at < end && bytes[at] == UInt8(ascii: " ") }
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"):
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                guard isSpace(index + 1) else { return index }
                index += 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var digitsEnd = index
                while digitsEnd < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digitsEnd]) { digitsEnd += 1 }
                guard digitsEnd - index <= 9, digitsEnd < end,
                      bytes[digitsEnd] == UInt8(ascii: ".") || bytes[digitsEnd] == UInt8(ascii: ")"),
                      isSpace(digitsEnd + 1) else { return index }
                index = digitsEnd + 2
            default:
                return index
            }
        }
        return index
    }
}

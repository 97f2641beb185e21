#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// A Markdown source split into its YAML front matter and its body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` lines (may be empty).
    public let yaml: String
    /// The line in the file on which the YAML starts.
    public let yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public let body: String
    /// The line in the file on which the body starts.
    public let bodyFirstLine: Int

    /// Splits normalized text (LF line ends, no BOM) at its `---` fences.
    public static func split(_ text: String, file: String) throws(SiteError) -> FrontMatter {
        // Scans UTF-8 bytes line by line (memchr for each line end) up to the
        // closing fence and takes the YAML and the body as one slice each:
        // splitting whole files into Character lines and joining the body
        // again was a fifth of a 10k-article build's CPU. A "\n" byte is
        // always a Character boundary, so the slices are exactly the old lines.
        var text = text
        let fences: Result<(yaml: Range<Int>, bodyStart: Int, bodyLine: Int)?, SiteError> = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return .success(nil) }
            let count = bytes.count
            func lineEnd(from start: Int) -> Int {
                guard start < count, let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) else { return count }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            let firstEnd = lineEnd(from: 0)
            guard isFence(bytes, 0..<firstEnd) else { return .success(nil) }
            let yamlStart = min(firstEnd + 1, count)
            var lineStart = yamlStart
            var line = 2
            while firstEnd < count {
                let end = lineEnd(from: lineStart)
                if isFence(bytes, lineStart..<end) || isLine(bytes, lineStart..<end, "...") {
                    guard lineStart - yamlStart <= InputLimits.frontMatterBytes else {
                        return .failure(SiteError(file: file, line: 1, column: 1,
                                                  message: "front matter is longer than \(InputLimits.frontMatterBytes / 1024) KB (up to line \(line)): keep it to short keys and move long text into the body below the closing `---`"))
                    }
                    return .success((yamlStart..<max(yamlStart, lineStart - 1), end + 1, line + 1))
                }
                guard end < count else { break }
                lineStart = end + 1
                line += 1
            }
            return .failure(SiteError(file: file, line: 1, column: 1,
                                      message: "front matter is not closed: add a line `---` after its last key"))
        }
        guard let found = try fences.get() else {
            throw SiteError(file: file, line: 1, column: 1,
                            message: "missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`")
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = found.yaml.isEmpty ? "" : String(text[index(found.yaml.lowerBound)..<index(found.yaml.upperBound)])
        let body = found.bodyStart < utf8.count ? String(text[index(found.bodyStart)...]) : ""
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: found.bodyLine)
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        isLine(bytes, line, "---")
    }

    /// Whether the line is `marker` (three ASCII bytes) followed by nothing
    /// but spaces and tabs.
    private static func isLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ marker: StaticString) -> Bool {
        guard line.count >= 3 else { return false }
        let start = line.lowerBound
        let text = marker.utf8Start
        guard bytes[start] == text[0], bytes[start + 1] == text[1], bytes[start + 2] == text[2] else { return false }
        return bytes[(start + 3)..<line.upperBound].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// A Markdown source with its front matter parsed and its keys checked: what
/// every kind of Markdown content starts from.
struct FrontMatterDocument {
    let parts: FrontMatter
    let reader: YAMLReader
    let root: Node
    let map: YAMLMapping

    /// Splits `text` and reads its front matter, allowing only `keys`.
    static func read(_ text: String, file: String, keys: [String]) throws(BuildFailure) -> FrontMatterDocument {
        let parts: FrontMatter
        do { parts = try FrontMatter.split(text, file: file) } catch { throw BuildFailure([error]) }
        let reader = YAMLReader(file: file, lineOffset: parts.yamlFirstLine - 1)
        let root = reader.compose(parts.yaml) ?? .mapping(.init([]))
        guard let map = reader.mapping(root, keys: keys, what: "front matter") else {
            throw BuildFailure(reader.errors)
        }
        return FrontMatterDocument(parts: parts, reader: reader, root: root, map: map)
    }
}

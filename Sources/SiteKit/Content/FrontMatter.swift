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
        // Scans UTF-8 bytes line by line up to the closing fence and takes the body
        // as one slice: splitting whole files into Character lines and joining the
        // body again was a fifth of a 10k-article build's CPU. A "\n" byte is always
        // a Character boundary, so the slices are exactly the old lines.
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        func lineEnd(from start: String.Index) -> String.Index {
            bytes[start...].firstIndex(of: newline) ?? bytes.endIndex
        }
        let firstEnd = lineEnd(from: bytes.startIndex)
        guard isFence(bytes[bytes.startIndex..<firstEnd]) else {
            throw SiteError(file: file, line: 1, column: 1,
                            message: "missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`")
        }
        let yamlStart = firstEnd < bytes.endIndex ? bytes.index(after: firstEnd) : bytes.endIndex
        var lineStart = yamlStart
        var line = 2
        while firstEnd < bytes.endIndex {
            let end = lineEnd(from: lineStart)
            let content = bytes[lineStart..<end]
            if isFence(content) || trimmed(content).elementsEqual("...".utf8) {
                guard bytes.distance(from: yamlStart, to: lineStart) <= InputLimits.frontMatterBytes else {
                    throw SiteError(file: file, line: 1, column: 1,
                                    message: "front matter is longer than \(InputLimits.frontMatterBytes / 1024) KB (up to line \(line)): keep it to short keys and move long text into the body below the closing `---`")
                }
                let yaml = lineStart > yamlStart ? String(text[yamlStart..<bytes.index(before: lineStart)]) : ""
                let body = end < bytes.endIndex ? String(text[bytes.index(after: end)...]) : ""
                return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1)
            }
            guard end < bytes.endIndex else { break }
            lineStart = bytes.index(after: end)
            line += 1
        }
        throw SiteError(file: file, line: 1, column: 1,
                        message: "front matter is not closed: add a line `---` after its last key")
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("---".utf8)
    }

    /// The line without trailing spaces and tabs.
    private static func trimmed(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous] == UInt8(ascii: " ") || line[previous] == UInt8(ascii: "\t") else { break }
            end = previous
        }
        return line[line.startIndex..<end]
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

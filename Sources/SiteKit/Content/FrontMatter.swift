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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else {
            throw SiteError(file: file, line: 1, column: 1,
                            message: "missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`")
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { isFence($0) || $0.trimmingTrailingSpaces == "..." }) else {
            throw SiteError(file: file, line: 1, column: 1,
                            message: "front matter is not closed: add a line `---` after its last key")
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        // `closing` counts from 0 for line 1, so the body starts on line closing + 2.
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces == "---"
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

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}

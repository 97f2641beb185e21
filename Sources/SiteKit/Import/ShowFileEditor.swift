import Yams

/// Replaces or adds top-level blocks (`weeks:` and everything indented under it) in the
/// text of an existing data file, leaving every other line byte for byte as it was, so
/// hand-written fields, their formatting and comments survive an import.
///
/// A block runs from its key's line to the line before the next top-level key, minus
/// trailing blank and comment lines (those belong to what follows). A replaced block
/// keeps its key line when that holds only the key and a comment, and keeps the blank
/// and comment lines directly under the key; comments between its entries are lost,
/// because the entries are written anew.
struct ShowFileEditor {
    /// The file, as shown in errors.
    let file: String
    private var lines: [String]
    /// Top-level keys with the range of lines of their blocks, in file order.
    private let blocks: [(key: String, range: Range<Int>)]
    private var edits: [(range: Range<Int>, lines: [String])] = []

    /// Finds the top-level keys of `text`, which must be a block mapping (as any file
    /// that ``Show/parse(_:file:slug:)`` accepted is, unless written as `{…}`).
    init(_ text: String, file: String) throws(SiteError) {
        self.file = file
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SiteError(file: file, message: "cannot read the file as YAML: run `sitegen build` to see the problem and fix it first")
        }
        var starts: [(String, Int)] = []
        if case let .mapping(mapping)? = root {
            for (key, _) in mapping {
                guard case let .scalar(scalar) = key, let mark = key.mark, mark.column == 1,
                      mark.line - 1 > (starts.last?.1 ?? -1) else {
                    throw SiteError(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                                    message: "cannot update this file: the importer needs one `key:` per line at the start of the line (block style, not `{…}`); rewrite the file in that style")
                }
                starts.append((scalar.string, mark.line - 1))
            }
        }
        var blocks: [(key: String, range: Range<Int>)] = []
        for (index, (key, start)) in starts.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1].1 : lines.count
            while end > start + 1 && Self.isTrivia(lines[end - 1]) { end -= 1 }
            blocks.append((key, start..<end))
        }
        self.blocks = blocks
    }

    /// Whether a line is blank, a comment or a document marker.
    private static func isTrivia(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#") || line.hasPrefix("---") || line.hasPrefix("...")
    }

    /// Replaces the value of `key` with the indented `body` lines; when the key is
    /// absent, adds `key:` and `body` after the block of `after` (or at the end).
    mutating func set(_ key: String, body: [String], after: String) {
        if let block = blocks.first(where: { $0.key == key }) {
            let keyLine = lines[block.range.lowerBound]
            let rest = keyLine.dropFirst(key.count + 1).drop { $0 == " " || $0 == "\t" }
            guard keyLine.hasPrefix(key + ":"), rest.isEmpty || rest.hasPrefix("#") else {
                // The value was written on the key's line (`weeks: []`): replace the lot.
                edits.append((block.range, ["\(key):"] + body))
                return
            }
            var kept = block.range.lowerBound + 1
            while kept < block.range.upperBound && Self.isTrivia(lines[kept]) { kept += 1 }
            edits.append((kept..<block.range.upperBound, body))
        } else {
            add(["\(key):"] + body, after: after)
        }
    }

    /// Replaces the whole block of `key` (its key line included) with `newLines`, or
    /// adds them after the block of `after` when the key is absent.
    mutating func replaceWhole(_ key: String, with newLines: [String], after: String) {
        if let block = blocks.first(where: { $0.key == key }) {
            edits.append((block.range, newLines))
        } else {
            add(newLines, after: after)
        }
    }

    /// Adds whole lines (a key and its value) after the block of `after`, or at the end.
    mutating func add(_ newLines: [String], after: String) {
        let position = blocks.first(where: { $0.key == after })?.range.upperBound ?? lines.count
        edits.append((position..<position, newLines))
    }

    /// The text with every edit applied, ending in a line end.
    var text: String {
        var result = lines
        // Apply from the bottom up so earlier ranges stay valid; at one position an
        // insertion goes after the replacement that ends there.
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
            result.replaceSubrange(edit.range, with: edit.lines)
        }
        return result.joined(separator: "\n") + "\n"
    }
}

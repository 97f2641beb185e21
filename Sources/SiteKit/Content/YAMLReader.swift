import Foundation
import Yams

/// Reads YAML into typed values strictly, collecting every problem with its
/// position in the file the YAML came from.
///
/// Works on Yams' node tree (`compose`), never on `Yams.load`'s untyped values:
/// scalars are interpreted by the type the schema expects, so `NO` stays the
/// string "NO" where a country code is expected, and `2024-13-45` is reported
/// rather than rolled over.
final class YAMLReader {
    /// The file the YAML was read from, as shown in errors.
    let file: String
    /// Lines in `file` before the first line of the YAML text.
    let lineOffset: Int
    private(set) var errors: [SiteError] = []
    /// Set when the text is not valid YAML: nothing was read, so "missing key"
    /// reports would only be noise beside the syntax error.
    private(set) var failedToParse = false
    /// Collection elements left to read; bounds alias expansion ("billion laughs").
    private var elementBudget: Int
    private var reportedBudget = false

    init(file: String, lineOffset: Int = 0, elementBudget: Int = InputLimits.yamlElements) {
        self.file = file
        self.lineOffset = lineOffset
        self.elementBudget = elementBudget
    }

    /// Parses `yaml` into a node tree; `nil` for an empty document or a syntax error
    /// (which is recorded).
    func compose(_ yaml: String) -> Node? {
        // libyaml takes these for line breaks and editors do not, so every
        // position after one would point below the real line (found by Fuzz/).
        if let (line, column, name) = Self.firstUnicodeLineBreak(in: yaml) {
            failedToParse = true
            fail(line: line, column: column,
                 "invisible \(name), which YAML reads as a new line: delete it (press Enter where a new line is meant)")
            return nil
        }
        // Yams expands an alias used as a mapping key while it checks for
        // duplicate keys, before the budget below can see the tree: a small
        // document could then take minutes. No schema of ours has such keys.
        if let (line, column) = YAMLAliasKeys.firstPosition(in: yaml) {
            failedToParse = true
            fail(line: line, column: column,
                 "an alias (`*name`) cannot be a key: write the key out in full")
            return nil
        }
        // Most documents compose without Yams' per-event overhead; the rest
        // (and every error) go through Yams.
        if let (node, elements) = YAMLComposer.compose(yaml) {
            // The composer's trees have no aliases and nest no deeper than
            // the limit, so its count is the whole budget check; only a tree
            // over it is walked, to report where.
            guard elements <= elementBudget || fitsBudget(node) else { return nil }
            return node
        }
        guard let node = composeWithYams(yaml) else { return nil }
        guard fitsBudget(node) else { return nil }
        return node
    }

    /// Yams' tree of `yaml`; `nil` for an empty document or a syntax error
    /// (which is recorded).
    private func composeWithYams(_ yaml: String) -> Node? {
        do {
            // `.basic`: no implicit tags. This reader takes every scalar as text and
            // interprets it by the schema, so tags only served Yams' duplicate-key
            // check, which resolved each key through seven regexes (7% of a build's
            // CPU) and let `NO:` and `"NO":` both through although we read both as "NO".
            // Name the encoding: Yams' `.default` reads the whole process environment
            // on every call (3% of a 10k-article build) and may print to stdout.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            failedToParse = true
            record(error, in: yaml)
            return nil
        } catch {
            failedToParse = true
            fail(line: 1, column: 1, "cannot read YAML: \(error)")
            return nil
        }
    }

    /// Whether the tree, with every alias expanded, has at most `elementBudget`
    /// collection elements. Yams shares an aliased node instead of copying it,
    /// so a "billion laughs" document composes quickly; this walk stops as soon
    /// as the budget is spent, so anything that reads the tree later is bounded.
    /// It also bounds nesting at `InputLimits.yamlDepth` (libyaml stops at 1,000
    /// levels, before Yams' recursive composer could overflow the stack).
    private func fitsBudget(_ root: Node) -> Bool {
        var remaining = elementBudget
        var pending = [(root, 0)]
        while let (node, depth) = pending.popLast() {
            if depth > InputLimits.yamlDepth {
                failedToParse = true
                fail(at: node, Self.tooDeep)
                return false
            }
            switch node {
            case .mapping(let mapping):
                remaining -= mapping.count
                if remaining >= 0 {
                    for (key, value) in mapping { pending.append((key, depth + 1)); pending.append((value, depth + 1)) }
                }
            case .sequence(let sequence):
                remaining -= sequence.count
                if remaining >= 0 { pending.append(contentsOf: sequence.map { ($0, depth + 1) }) }
            case .scalar, .alias:
                continue
            }
            if remaining < 0 {
                failedToParse = true
                reportedBudget = true
                fail(at: node, Self.tooLarge)
                return false
            }
        }
        return true
    }

    // MARK: Errors

    /// The bytes U+0085, U+2028 and U+2029 start with.
    private static let unicodeLineBreakLeads = ByteSet { $0 == 0xC2 || $0 == 0xE2 }

    /// Reports a problem at a line of the YAML text (not of the file).
    /// The first U+0085, U+2028 or U+2029 in `text`: its line (counting `\n`
    /// only), column (in Unicode scalars) and name.
    static func firstUnicodeLineBreak(in text: String) -> (line: Int, column: Int, name: String)? {
        // All three start with byte 0xC2 or 0xE2 in UTF-8: most texts have neither.
        guard ByteScan.contains(text, unicodeLineBreakLeads),
              let found = ControlCharacters.first(in: text, where: { [0x85, 0x2028, 0x2029].contains($0.value) })
        else { return nil }
        let name = switch found.scalar.value {
        case 0x85: "U+0085 (next line)"
        case 0x2028: "U+2028 (line separator)"
        default: "U+2029 (paragraph separator)"
        }
        return (found.line, found.column, name)
    }

    func fail(line: Int, column: Int, _ message: String) {
        errors.append(SiteError(file: file, line: lineOffset + line, column: column, message: message))
    }

    /// Reports a problem at a line of the file itself.
    func fail(fileLine: Int, column: Int, _ message: String) {
        errors.append(SiteError(file: file, line: fileLine, column: column, message: message))
    }

    func fail(at node: Node, _ message: String) {
        let mark = node.mark
        fail(line: mark?.line ?? 1, column: mark?.column ?? 1, message)
    }

    static let tooLarge = "YAML has more than \(InputLimits.yamlElements) list and mapping entries once aliases are "
        + "expanded: remove the `*alias` references, or split the file"
    static let tooDeep = "lists and mappings are nested more than \(InputLimits.yamlDepth) levels deep here: "
        + "write the value with fewer levels of `[`, `{` or indentation"

    private func record(_ error: YamlError, in yaml: String) {
        switch error {
        case let .parser(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            fail(line: mark.line, column: mark.column, Self.tooDeep)
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let line = Self.line(mark.line, of: yaml)
            // Yams counts columns in Unicode scalars.
            let scalarIndex = line.flatMap { $0.unicodeScalars.index($0.startIndex, offsetBy: mark.column - 1, limitedBy: $0.endIndex) }
            let character = line.flatMap { line in scalarIndex.flatMap { $0 < line.endIndex ? line.unicodeScalars[$0] : nil } }
            if character == "\t" || problem.contains("tab character") {
                fail(line: mark.line, column: mark.column,
                     "invalid YAML: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces")
            } else if let character, character == "@" || character == "`", let line, let start = scalarIndex {
                // YAML reserves both to start a value: quote it.
                let value = line[start...].trimmingCharacters(in: .whitespaces)
                fail(line: mark.line, column: mark.column,
                     "invalid YAML: a value cannot start with \(character == "@" ? "`@`" : "a backtick"): put it in quotes: `\(line[..<start])\(Self.quoted(value))`")
            } else if problem == "mapping values are not allowed in this context", let line {
                if let quoted = Self.quotedValueLine(line, colonColumn: mark.column) {
                    fail(line: mark.line, column: mark.column,
                         "invalid YAML: this `: ` reads as the start of another key inside the value: put the whole value in quotes: `\(quoted)`")
                } else {
                    fail(line: mark.line, column: mark.column,
                         "invalid YAML: this line is indented under the line above, where no key can start: line its key up with the other keys (or, if it continues the value above, put that value in quotes)")
                }
            } else {
                let detail = context.map { " \($0.text)" } ?? ""
                fail(line: mark.line, column: mark.column,
                     "invalid YAML: \(problem)\(detail): check the indentation and quoting on this line")
            }
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            fail(line: context.mark.line, column: context.mark.column,
                 "duplicate key \(keys): each key may appear once; remove one of them")
        case let .reader(problem, offset, value, _):
            let position = offset.map { Self.lineAndColumn(ofUTF8Offset: $0, in: yaml) } ?? (1, 1)
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)), ControlCharacters.isRefused(scalar) {
                fail(line: position.0, column: position.1,
                     "invisible control character \(ControlCharacters.describe(scalar)), which feeds and sitemaps cannot hold: \(ControlCharacters.advice(for: scalar))")
            } else {
                fail(line: position.0, column: position.1,
                     "invalid YAML text: \(problem): delete the invisible character at this position")
            }
        default:
            fail(line: 1, column: 1, "invalid YAML: \(error)")
        }
    }

    /// Line `number` (1-based) of `text`.
    private static func line(_ number: Int, of text: String) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// `key: value` (or `- value`) with the value in double quotes, for a line
    /// whose value holds a `: ` (at `colonColumn`) that YAML took for another
    /// key; `nil` when that colon is the line's own key separator (the line is
    /// then indented wrongly, not unquoted).
    private static func quotedValueLine(_ line: Substring, colonColumn: Int) -> String? {
        let trimmed = line.drop { $0 == " " }
        let indent = line.count - trimmed.count
        let prefix: String
        let value: Substring
        if trimmed.hasPrefix("- ") {
            prefix = "- "
            value = trimmed.dropFirst(2)
        } else if let separator = trimmed.firstRange(of: ": "),
                  indent + trimmed.unicodeScalars.distance(from: trimmed.startIndex, to: separator.lowerBound) + 1 < colonColumn {
            prefix = trimmed[..<separator.upperBound].description
            value = trimmed[separator.upperBound...]
        } else {
            return nil
        }
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return prefix + quoted(text)
    }

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    // MARK: Structure

    /// The entries of a mapping node, with unknown keys reported.
    /// - Parameter what: how the mapping is named in errors ("front matter").
    func mapping(_ node: Node, keys allowed: [String], what: String) -> YAMLMapping? {
        guard case let .mapping(mapping) = node else {
            fail(at: node, "\(what) must be a mapping of `key: value` lines, got \(Self.describe(node))")
            return nil
        }
        guard spend(mapping.count, at: node) else { return nil }
        // A list, not a dictionary: only allowed keys go in, so it is short
        // (a front matter's ten, a week's four), and hashing each key into a
        // dictionary per mapping cost more than comparing a few.
        var names: [String] = []
        var entries: [(key: Node, value: Node)] = []
        names.reserveCapacity(mapping.count)
        entries.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                fail(at: key, "keys in \(what) must be plain words, got \(Self.describe(key))")
                continue
            }
            let name = scalar.string
            if !allowed.contains(name) {
                fail(at: key, "unknown key '\(name)' in \(what)\(Suggestion.hint(for: name, in: allowed)); "
                     + "known keys: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            names.append(name)
            entries.append((key, value))
        }
        return YAMLMapping(reader: self, node: node, names: names, entries: entries)
    }

    /// The elements of a sequence node; a single scalar is not promoted to a list.
    func sequence(_ node: Node, what: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            fail(at: node, "\(what) must be a list (`[a, b]` or lines starting with `- `), got \(Self.describe(node))")
            return nil
        }
        guard spend(sequence.count, at: node) else { return nil }
        return Array(sequence)
    }

    /// The key/value pairs of a mapping whose keys are data (country codes, …).
    func pairs(_ node: Node, what: String) -> [(key: Node, value: Node)]? {
        guard case let .mapping(mapping) = node else {
            fail(at: node, "\(what) must be a mapping of `key: value` pairs, got \(Self.describe(node))")
            return nil
        }
        guard spend(mapping.count, at: node) else { return nil }
        return mapping.map { ($0.key, $0.value) }
    }

    private func spend(_ count: Int, at node: Node) -> Bool {
        elementBudget -= count
        if elementBudget >= 0 { return true }
        if !reportedBudget {
            reportedBudget = true
            fail(at: node, Self.tooLarge)
        }
        return false
    }

    // MARK: Scalars

    /// Whether the node is YAML null (`~`, `null`, or nothing).
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar, whatever it looks like (`title: 2024` is the text "2024").
    func string(_ node: Node, what: String) -> String? {
        guard case let .scalar(scalar) = node else {
            // `- Drama: the best kind` is a key and a value to YAML.
            if case let .mapping(mapping) = node, mapping.count == 1, let (key, value) = mapping.first,
               case let .scalar(keyText) = key, case let .scalar(valueText) = value {
                let text = "\(keyText.string): \(valueText.string)"
                fail(at: node, "\(what) must be text, but `\(text)` reads as a key and a value: put it in quotes: `\(Self.quoted(text))`")
                return nil
            }
            fail(at: node, "\(what) must be text, got \(Self.describe(node))")
            return nil
        }
        // Raw control characters were refused with the file; these came from
        // escapes in double quotes ("\v", "\x01"). `firstRefused` looks at the
        // bytes first, and walks the scalars only when a refused one may be there.
        if let scalar = ControlCharacters.firstRefused(in: scalar.string)?.scalar {
            fail(at: node, "\(what) holds the invisible control character \(ControlCharacters.describe(scalar)), written as an escape in quotes, which feeds and sitemaps cannot hold: remove the escape")
            return nil
        }
        return scalar.string
    }

    func int(_ node: Node, what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(node, what: what) else { return nil }
        let digits = Self.withoutUnderscores(text)
        guard let value = Int(digits), !digits.isEmpty else {
            let hint = text.contains(",") || text.contains(" ") ? ": write digits only, without separators" : ""
            fail(at: node, "\(what) must be a whole number, got '\(text)'\(hint)")
            return nil
        }
        if let range, !range.contains(value) {
            fail(at: node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// A number's text without the underscores YAML allows between digits
    /// (`1_000`). Most numbers have none: Foundation's replacement, bridged to
    /// NSString, was most of the cost of reading a show file's weeks.
    static func withoutUnderscores(_ text: String) -> String {
        ByteScan.contains(text, byte: UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
    }

    func double(_ node: Node, what: String, range: ClosedRange<Double>? = nil) -> Double? {
        guard let text = string(node, what: what) else { return nil }
        guard let value = Double(Self.withoutUnderscores(text)), value.isFinite else {
            fail(at: node, "\(what) must be a number, got '\(text)'")
            return nil
        }
        if let range, !range.contains(value) {
            fail(at: node, "\(what) must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)), got '\(text)'")
            return nil
        }
        return value
    }

    func bool(_ node: Node, what: String) -> Bool? {
        guard let text = string(node, what: what) else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            fail(at: node, "\(what) must be true or false, got '\(text)'")
            return nil
        }
    }

    func calendarDate(_ node: Node, what: String) -> CalendarDate? {
        guard let text = string(node, what: what) else { return nil }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            fail(at: node, "\(what) \(error.reason)")
            return nil
        }
    }

    func dateTime(_ node: Node, what: String) -> DateTime? {
        guard let text = string(node, what: what) else { return nil }
        do {
            return try DateTime(parsing: text)
        } catch {
            fail(at: node, "\(what) \(error.reason)")
            return nil
        }
    }

    func stringList(_ node: Node, what: String) -> [String]? {
        guard let items = sequence(node, what: what) else { return nil }
        return items.compactMap { string($0, what: "each entry of \(what)") }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// A mapping whose keys were checked against the schema.
struct YAMLMapping {
    let reader: YAMLReader
    let node: Node
    /// The allowed keys written, in order; `entries` holds each one's nodes.
    let names: [String]
    let entries: [(key: Node, value: Node)]

    /// The entry for `key`; the last, should a key be written twice.
    private func entry(_ key: String) -> (key: Node, value: Node)? {
        names.lastIndex(of: key).map { entries[$0] }
    }

    /// The value for `key`, or `nil` when it is absent or null.
    func value(_ key: String) -> Node? {
        guard let entry = entry(key), !YAMLReader.isNull(entry.value) else { return nil }
        return entry.value
    }

    /// Reports a missing required key.
    func missing(_ key: String, example: String, what: String) {
        guard !reader.failedToParse else { return }
        reader.fail(at: node, "missing required key '\(key)' in \(what): add a line `\(key): \(example)`")
    }

    func string(_ key: String) -> String? {
        value(key).flatMap { reader.string($0, what: "'\(key)'") }
    }

    /// Text that must be present and not blank; reports otherwise.
    func requiredText(_ key: String, example: String, what: String) -> String? {
        guard entry(key) != nil else {
            missing(key, example: example, what: what)
            return nil
        }
        if value(key) != nil, string(key) == nil { return nil }  // not text: already reported
        let text = string(key) ?? ""
        guard text.contains(where: { !$0.isWhitespace }) else {
            fail(key, "'\(key)' is empty: give it a value, such as `\(key): \(example)`")
            return nil
        }
        return text
    }

    func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        value(key).flatMap { reader.int($0, what: "'\(key)'", range: range) }
    }

    func double(_ key: String, range: ClosedRange<Double>? = nil) -> Double? {
        value(key).flatMap { reader.double($0, what: "'\(key)'", range: range) }
    }

    func bool(_ key: String) -> Bool? {
        value(key).flatMap { reader.bool($0, what: "'\(key)'") }
    }

    func calendarDate(_ key: String) -> CalendarDate? {
        value(key).flatMap { reader.calendarDate($0, what: "'\(key)'") }
    }

    func dateTime(_ key: String) -> DateTime? {
        value(key).flatMap { reader.dateTime($0, what: "'\(key)'") }
    }

    func stringList(_ key: String) -> [String]? {
        value(key).flatMap { reader.stringList($0, what: "'\(key)'") }
    }

    /// Reports a problem with the value of `key` (or the mapping, when absent).
    func fail(_ key: String, _ message: String) {
        reader.fail(at: entry(key)?.value ?? node, message)
    }

    /// The line in the file of the value for `key`, or of the mapping.
    func line(of key: String) -> Int {
        reader.lineOffset + ((entry(key)?.value.mark ?? node.mark)?.line ?? 1)
    }

    /// The column of the value for `key`, or of the mapping.
    func column(of key: String) -> Int {
        (entry(key)?.value.mark ?? node.mark)?.column ?? 1
    }
}

/// Tab-separated text as Netflix publishes it, read by column name.
///
/// Works on the UTF-8 bytes: Foundation's string splitting is far too slow for the
/// 134,620-row country file. Records end at a line end (CRLF and lone CR are made LF
/// first; a missing final line end is fine); fields end at a tab. A field that starts
/// with `"` and whose closing quote is followed by a tab or a line end is quoted: it may
/// hold tabs and line ends, and `""` stands for one `"` (Netflix's JSON column). Any other
/// field is taken as written, so the country file's `Yo, "El Vaquilla"` keeps its quotes.
struct TSVReader {
    /// The file the text came from, as shown in errors.
    let file: String
    /// The column names of the header line, trimmed.
    let header: [String]
    /// Column index by lowercased header name.
    let columns: [String: Int]
    /// The text after byte-order mark removal and line-end normalisation.
    let bytes: [UInt8]
    /// Where the first record after the header starts, and its line.
    private let bodyStart: (offset: Int, line: Int)

    /// Splits off the header line; ``requireColumns(_:what:)`` then checks it.
    init(_ text: String, file: String) {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        self.file = file
        bytes = Array(SourceText.normalizeLineEnds(text).utf8)
        var fields: [TSVField] = []
        let next = Self.scanRecord(bytes, from: 0, line: 1, into: &fields)
        let bytes = self.bytes
        let names = bytes.isEmpty ? [] : fields.map { Self.trim(Self.text(of: $0, in: bytes)) }
        header = names
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where columns[name.lowercased()] == nil {
            columns[name.lowercased()] = index
        }
        self.columns = columns
        bodyStart = next
    }

    /// Checks that the header names every column in `required`, recognising the bad
    /// downloads Netflix has served in place of the file.
    /// - Parameter what: the file Netflix publishes ("all-weeks-global.tsv").
    func requireColumns(_ required: [String], what: String) throws(SiteError) {
        let expected = "expected Netflix's tab-separated \(what), whose first line names the columns \(required.joined(separator: ", "))"
        let again = "download \(what) again from https://top10.netflix.com"
        let firstLine = Self.trim(String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
        let content = String(decoding: bytes.prefix(200), as: UTF8.self)
            .drop { $0.isWhitespace }.lowercased()
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            throw SiteError(file: file, line: 1, column: 1, message: "the file is empty: \(expected); \(again)")
        }
        if content.hasPrefix("<") {
            throw SiteError(file: file, line: 1, column: 1, message: "the file is an HTML page, not a TSV file (the download failed): \(expected); \(again)")
        }
        if firstLine.lowercased() == "null" {
            throw SiteError(file: file, line: 1, column: 1, message: "the file holds only the word 'null', not a TSV file (the download failed): \(expected); \(again)")
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            let found = header.count > 1 ? header.joined(separator: ", ") : "'\(String(firstLine.prefix(60)))'"
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw SiteError(file: file, line: 1, column: 1,
                            message: "the header lacks the column\(missing.count == 1 ? "" : "s") \(names) (found \(found)): \(expected); check that this is \(what)")
        }
    }

    /// Calls `body` with every record after the header, skipping blank lines.
    /// Returns the problems `body` reported plus records with the wrong field count.
    func forEachRow(_ body: (TSVRow, inout [SiteError]) -> Void) -> [SiteError] {
        var errors: [SiteError] = []
        var fields: [TSVField] = []
        fields.reserveCapacity(header.count)
        var position = bodyStart
        while position.offset < bytes.count {
            let start = position
            position = Self.scanRecord(bytes, from: start.offset, line: start.line, into: &fields)
            if fields.count == 1 && fields[0].start == fields[0].end { continue }
            guard fields.count == header.count else {
                errors.append(SiteError(file: file, line: start.line, column: 1,
                                        message: "this line has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(header.count): a tab is missing or extra, or a quoted field is not closed"))
                continue
            }
            body(TSVRow(reader: self, fields: fields, line: start.line), &errors)
        }
        return errors
    }

    /// Reads one record into `fields`; returns where the next one starts and its line.
    static func scanRecord(_ bytes: [UInt8], from start: Int, line: Int,
                           into fields: inout [TSVField]) -> (offset: Int, line: Int) {
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        var index = start
        var line = line
        var lineStart = start
        while true {
            let field = TSVField(start: index, end: index, escaped: false, line: line, lineStart: lineStart)
            var parsed: TSVField?
            if index < count && bytes[index] == quote {
                // Quoted only if the closing quote ends the field; otherwise read it raw.
                var cursor = index + 1, lines = 0, lastLineStart = lineStart, escaped = false
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == quote {
                        if cursor + 1 < count && bytes[cursor + 1] == quote {
                            escaped = true
                            cursor += 2
                            continue
                        }
                        if cursor + 1 == count || bytes[cursor + 1] == tab || bytes[cursor + 1] == newline {
                            var quoted = field
                            quoted.start = index + 1
                            quoted.end = cursor
                            quoted.escaped = escaped
                            parsed = quoted
                            line += lines
                            lineStart = lastLineStart
                            index = cursor + 1
                        }
                        break
                    }
                    if byte == newline {
                        lines += 1
                        lastLineStart = cursor + 1
                    }
                    cursor += 1
                }
            }
            if parsed == nil {
                var end = index
                while end < count && bytes[end] != tab && bytes[end] != newline { end += 1 }
                var raw = field
                raw.end = end
                parsed = raw
                index = end
            }
            fields.append(parsed!)
            if index < count && bytes[index] == tab {
                index += 1
                continue
            }
            if index < count { index += 1 } // the line end
            return (index, line + 1)
        }
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    /// The text of a field, with `""` made `"` in quoted fields.
    static func text(of field: TSVField, in bytes: [UInt8]) -> String {
        guard field.escaped else { return String(decoding: bytes[field.start..<field.end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var index = field.start
        while index < field.end {
            out.append(bytes[index])
            index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where one field of a TSV record lies in the text.
struct TSVField {
    /// The first byte of the field's content (after an opening quote).
    var start: Int
    /// One past the last byte of the content (before a closing quote).
    var end: Int
    /// Whether the content holds `""` pairs to collapse.
    var escaped: Bool
    /// The line on which the field starts.
    var line: Int
    /// The offset of the first byte of that line.
    var lineStart: Int
}


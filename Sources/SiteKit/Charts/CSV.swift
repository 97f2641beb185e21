/// Comma-separated values as RFC 4180 writes them: a header row, fields
/// quoted when they hold a comma, a quote or a line break (quotes doubled),
/// every record ended by CRLF.
enum CSV {
    /// The document for a header and its records.
    static func document(header: [String], rows: [[String]]) -> String {
        var text = ""
        append(header, to: &text)
        for row in rows { append(row, to: &text) }
        return text
    }

    static func record(_ fields: [String]) -> String {
        var text = ""
        append(fields, to: &text)
        return text
    }

    /// Appends a record: every chart's data file is written per build, a few
    /// hundred fields each.
    private static func append(_ fields: [String], to text: inout String) {
        for (index, value) in fields.enumerated() {
            if index > 0 { text += "," }
            text += field(value)
        }
        text += "\r\n"
    }

    static func field(_ value: String) -> String {
        // By bytes: a CRLF holds a CR, and the Character view's grapheme
        // breaking was most of a data file's cost.
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}

/// Comma-separated values as RFC 4180 writes them: a header row, fields
/// quoted when they hold a comma, a quote or a line break (quotes doubled),
/// every record ended by CRLF.
enum CSV {
    /// The document for a header and its records.
    static func document(header: [String], rows: [[String]]) -> String {
        // As bytes, made a string once: every chart's data file is written
        // per build, a few hundred fields each, and appending each field and
        // comma to a string was 1 % of a build's instructions.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((rows.count + 1) * 64)
        append(header, to: &bytes)
        for row in rows { append(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func record(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a record.
    private static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, value) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(value, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends a field: quoted when it holds a comma, a quote or a line
    /// break, its quotes doubled. By bytes: a CRLF holds a CR, and the
    /// Character view's grapheme breaking was most of a data file's cost.
    private static func appendField(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.contains(where: needsQuotes) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// A comma, a quote or a line break: the field is quoted.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }
}

/// One record of a ``TSVReader``, with typed field access that reports problems at
/// the field's line and column.
struct TSVRow {
    let reader: TSVReader
    let fields: [TSVField]
    /// The line on which the record starts.
    let line: Int

    /// The index of a column the header was checked to have.
    private func field(_ column: String) -> TSVField {
        fields[reader.columns[column]!]
    }

    /// Whether the column exists and this record's field in it is empty.
    func isEmpty(_ column: String) -> Bool {
        guard let index = reader.columns[column] else { return true }
        return fields[index].start == fields[index].end
    }

    /// The position of a field as a ``SiteError``.
    func error(_ column: String, _ message: String) -> SiteError {
        let field = field(column)
        // Columns count Unicode scalars: skip UTF-8 continuation bytes.
        var scalars = 0
        for byte in reader.bytes[field.lineStart..<field.start] where byte & 0xC0 != 0x80 { scalars += 1 }
        return SiteError(file: reader.file, line: field.line, column: scalars + 1, message: message)
    }

    /// The field's text; an empty required field is reported.
    func text(_ column: String, errors: inout [SiteError]) -> String? {
        let value = TSVReader.text(of: field(column), in: reader.bytes)
        if value.isEmpty {
            errors.append(error(column, "'\(column)' is empty: every row needs a value here"))
            return nil
        }
        return value
    }

    /// A whole number; `nil` for an empty optional field (absent, not zero).
    func int(_ column: String, range: ClosedRange<Int>, optional: Bool = false, errors: inout [SiteError]) -> Int? {
        guard reader.columns[column] != nil else { return nil }
        let field = field(column)
        if field.start == field.end {
            if !optional { errors.append(error(column, "'\(column)' is empty: every row needs a whole number here")) }
            return nil
        }
        var value = 0
        var valid = field.end - field.start <= 18 && !field.escaped
        if valid {
            for byte in reader.bytes[field.start..<field.end] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { valid = false; break }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        let shown = TSVReader.text(of: field, in: reader.bytes)
        guard valid else {
            errors.append(error(column, "'\(column)' must be a whole number, got '\(shown)'"))
            return nil
        }
        guard range.contains(value) else {
            errors.append(error(column, "'\(column)' must be between \(range.lowerBound) and \(range.upperBound), got \(value)"))
            return nil
        }
        return value
    }

    /// A decimal number; `nil` for an empty optional field (absent, not zero).
    func double(_ column: String, range: ClosedRange<Double>, errors: inout [SiteError]) -> Double? {
        guard reader.columns[column] != nil, !isEmpty(column) else { return nil }
        let shown = TSVReader.text(of: field(column), in: reader.bytes)
        // Double(_:) accepts "nan", "inf" and hex floats: allow digits and one dot only.
        let plain = shown.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
        guard plain, shown.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1, let value = Double(shown) else {
            errors.append(error(column, "'\(column)' must be a number such as 1.5, got '\(shown)'"))
            return nil
        }
        guard range.contains(value) else {
            errors.append(error(column, "'\(column)' must be between \(Int(range.lowerBound)) and \(Int(range.upperBound)), got \(shown)"))
            return nil
        }
        return value
    }

    /// A week-ending date: `YYYY-MM-DD` and a Sunday.
    func week(_ column: String, errors: inout [SiteError]) -> CalendarDate? {
        guard let shown = text(column, errors: &errors) else { return nil }
        let date: CalendarDate
        do {
            date = try CalendarDate(parsing: shown)
        } catch {
            errors.append(self.error(column, "'\(column)' \(error.reason)"))
            return nil
        }
        guard date.weekday == 0 else {
            errors.append(error(column, "'\(column)' \(date) is not a Sunday: Netflix's weeks end on Sunday; check that the file is not damaged"))
            return nil
        }
        return date
    }

    /// One of `allowed`, with a did-you-mean hint otherwise.
    func choice(_ column: String, _ allowed: [String], errors: inout [SiteError]) -> String? {
        guard let value = text(column, errors: &errors) else { return nil }
        guard allowed.contains(value) else {
            errors.append(error(column, "unknown \(column) '\(value)'\(Suggestion.hint(for: value, in: allowed)): expected one of \(allowed.joined(separator: ", "))"))
            return nil
        }
        return value
    }
}

/// A fragment of HTML that is safe to insert into a page as it is.
///
/// Interpolating a `String` escapes it; interpolating `HTML` inserts it verbatim;
/// interpolating `[HTML]` joins the fragments. Text from content or data can
/// therefore only reach the output escaped, unless code states otherwise with
/// ``HTML/init(unsafeRaw:)``.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup, ready to write.
    public private(set) var rendered: String

    /// Wraps markup that is already safe (rendered Markdown, generated SVG).
    public init(unsafeRaw markup: String) {
        rendered = markup
    }

    /// An empty fragment.
    public static let empty = HTML(unsafeRaw: "")

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    public var description: String { rendered }

    /// Whether the fragment holds no markup.
    public var isEmpty: Bool { rendered.isEmpty }

    /// Appends another fragment.
    public mutating func append(_ other: HTML) {
        rendered += other.rendered
    }

    /// Joins fragments with an optional separator.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var out = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { out += separator.rendered }
            out += part.rendered
        }
        return HTML(unsafeRaw: out)
    }

    /// The interpolation that escapes strings and inserts fragments.
    public struct Interpolation: StringInterpolationProtocol {
        var output: String

        public init(literalCapacity: Int, interpolationCount: Int) {
            output = ""
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTMLEscaping.escape(text, into: &output)
        }

        /// Optional text: escaped, nothing for `nil`.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { HTMLEscaping.escape(text, into: &output) }
        }

        /// A fragment: inserted as it is.
        public mutating func appendInterpolation(_ fragment: HTML) {
            output += fragment.rendered
        }

        /// An optional fragment: nothing for `nil`.
        public mutating func appendInterpolation(_ fragment: HTML?) {
            if let fragment { output += fragment.rendered }
        }

        /// Fragments: joined without separator.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }

        /// A whole number, written without grouping so that it is locale-independent.
        public mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }
    }
}

/// Escaping of text for HTML element content and quoted attribute values.
public enum HTMLEscaping {
    /// Escapes `& < > " '` so the text is safe both as element content and inside
    /// a quoted attribute value. Characters XML 1.0 forbids are dropped (a vertical
    /// tab or form feed becomes a space), so no page, feed or sitemap carries one.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Appends the escaped form of `text` to `output`.
    public static func escape(_ text: String, into output: inout String) {
        let source = text
        var text = text
        text.withUTF8 { bytes in
            // Most text needs no escaping: append it in one go.
            guard var index = specialBytes.firstIndex(in: bytes) else {
                output += source
                return
            }
            // The runs between special bytes are appended as slices of the
            // string: ASCII bytes and the start of U+FFFE/U+FFFF are scalar
            // boundaries, so no run needs copying into bytes and validating again.
            func appendRun(_ range: Range<Int>) {
                guard !range.isEmpty else { return }
                let utf8 = source.utf8
                output += source[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                                 ..< utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            }
            var runStart = 0
            while let special = specialBytes.firstIndex(in: bytes, from: index) {
                let byte = bytes[special]
                // Of the characters starting with 0xEF, only U+FFFE and U+FFFF
                // (EF BF BE/BF) are dropped.
                let isNoncharacter = byte == 0xEF && special + 2 < bytes.count
                    && bytes[special + 1] == 0xBF && bytes[special + 2] & 0xFE == 0xBE
                if byte == 0xEF && !isNoncharacter {
                    index = special + 1
                    continue
                }
                appendRun(runStart..<special)
                switch byte {
                case 0x26: output += "&amp;"
                case 0x3C: output += "&lt;"
                case 0x3E: output += "&gt;"
                case 0x22: output += "&quot;"
                case 0x27: output += "&#39;"
                case 0x0B, 0x0C: output += " "
                default: break  // the other C0 controls and the noncharacters are dropped
                }
                runStart = special + (isNoncharacter ? 3 : 1)
                index = runStart
            }
            appendRun(runStart..<bytes.count)
        }
    }

    /// The bytes escaping replaces or drops: `& < > " '`, C0 controls but tab,
    /// line feed and carriage return, and 0xEF, the lead byte of U+FFFE/U+FFFF.
    private static let specialBytes = ByteSet(isSpecial)

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
            || (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D) || byte == 0xEF
    }
}

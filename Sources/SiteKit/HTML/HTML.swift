/// A fragment of HTML that is safe to insert into a page as it is.
///
/// Interpolating a `String` escapes it; interpolating `HTML` inserts it verbatim;
/// interpolating `[HTML]` joins the fragments. Text from content or data can
/// therefore only reach the output escaped, unless code states otherwise with
/// ``HTML/init(unsafeRaw:)``.
///
/// The markup is kept as UTF-8 bytes: a page is built from thousands of small
/// pieces, and appending each to a `String` cost several times the copy.
/// It is written to its file as those bytes; ``rendered`` makes a string.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup's UTF-8, ready to write.
    public private(set) var utf8: [UInt8]

    /// The markup as a string.
    public var rendered: String { String(decoding: utf8, as: UTF8.self) }

    /// Wraps markup that is already safe (rendered Markdown, generated SVG).
    public init(unsafeRaw markup: String) {
        utf8 = Array(markup.utf8)
    }

    /// Wraps the UTF-8 of markup that is already safe.
    init(unsafeRawUTF8 markup: [UInt8]) {
        utf8 = markup
    }

    /// An empty fragment.
    public static let empty = HTML(unsafeRawUTF8: [])

    /// A literal in code: markup as written. Literals are `StaticString`s,
    /// whose bytes are copied as they are; appending a `String` literal went
    /// through its UTF-8 view a byte at a time (a template appends hundreds).
    public init(stringLiteral value: StaticString) {
        utf8 = value.withUTF8Buffer { Array($0) }
    }

    public init(stringInterpolation: Interpolation) {
        utf8 = stringInterpolation.output
    }

    public var description: String { rendered }

    /// Whether the fragment holds no markup.
    public var isEmpty: Bool { utf8.isEmpty }

    /// Appends another fragment.
    public mutating func append(_ other: HTML) {
        utf8 += other.utf8
    }

    /// Joins fragments with an optional separator.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + separator.utf8.count })
        for (index, part) in parts.enumerated() {
            if index > 0 { out += separator.utf8 }
            out += part.utf8
        }
        return HTML(unsafeRawUTF8: out)
    }

    /// The interpolation that escapes strings and inserts fragments.
    public struct Interpolation: StringInterpolationProtocol {
        var output: [UInt8]

        public init(literalCapacity: Int, interpolationCount: Int) {
            output = []
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { output.append(contentsOf: $0) }
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
            makeRoom(for: fragment.utf8.count)
            output += fragment.utf8
        }

        /// An optional fragment: nothing for `nil`.
        public mutating func appendInterpolation(_ fragment: HTML?) {
            if let fragment { appendInterpolation(fragment) }
        }

        /// Fragments: joined without separator.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            makeRoom(for: fragments.reduce(0) { $0 + $1.utf8.count })
            for fragment in fragments { output += fragment.utf8 }
        }

        /// Before a large fragment (a body, a chart, a page's main part):
        /// room for it and as much again. Growing only to fit it, the next
        /// literal appended made the markup copy itself whole into a buffer
        /// twice the size, once per template around it.
        @inline(__always)
        private mutating func makeRoom(for count: Int) {
            let needed = output.count + count
            if count >= 1024, needed > output.capacity { output.reserveCapacity(needed * 2) }
        }

        /// A whole number, written without grouping so that it is locale-independent.
        public mutating func appendInterpolation(_ number: Int) {
            output.append(contentsOf: String(number).utf8)
        }

        /// An optional attribute: `name="value" ` (the value escaped, a space
        /// after it) when there is a value, nothing when there is none.
        mutating func appendInterpolation(attribute name: StaticString, _ value: String?) {
            guard let value else { return }
            name.withUTF8Buffer { output.append(contentsOf: $0) }
            output.append(contentsOf: "=\"".utf8)
            HTMLEscaping.escape(value, into: &output)
            output.append(contentsOf: "\" ".utf8)
        }

        /// An SVG coordinate or length: its digits written straight into the
        /// markup (a chart writes several per bar; each made a string and an
        /// array first).
        mutating func appendInterpolation(_ number: SVGNumber) {
            NumberFormatting.appendDecimal(number.value, places: 1, to: &output)
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
        rewrite.append(text, to: &output)
    }

    /// Appends the escaped form of `text` to `output`, as bytes.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { rewrite.append($0, to: &output) }
    }

    /// Appends the escaped form of `utf8` to `output`, as bytes.
    static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        rewrite.append(utf8, to: &output)
    }

    /// `& < > " '` as references; the C0 controls but tab, line feed and
    /// carriage return dropped (a vertical tab or form feed becomes a space);
    /// U+FFFE and U+FFFF dropped.
    private static let rewrite: ByteRewrite = {
        let forbidden = ControlCharacters.forbiddenInXML
        let escapes: [UInt8: String] = [0x26: "&amp;", 0x3C: "&lt;", 0x3E: "&gt;", 0x22: "&quot;", 0x27: "&#39;"]
        return ByteRewrite(bytes: forbidden.bytes.merging(escapes) { _, escape in escape },
                           characters: forbidden.characters)
    }()
}

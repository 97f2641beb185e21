#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives what ``HTMLTokenizer`` reads, in document order. Ranges index the
/// tokenized bytes; every method does nothing unless a sink implements it.
protocol HTMLTokenSink {
    /// Text between tags. `references`: whether character references in it
    /// stand for characters (not so in `<script>`, `<style>` and CDATA).
    mutating func text(_ range: Range<Int>, references: Bool)
    /// A start tag's name, before its attributes.
    mutating func startTag(name: Range<Int>)
    /// Whether the sink reads attributes named `name` in `bytes` (compared
    /// ignoring case): only those are checked for repeats and reported. A
    /// static requirement: asked for every attribute, an instance method had
    /// the sink copied for each call.
    static func wants(attribute name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool
    /// One attribute of the current start tag (the first of each name only, as
    /// browsers keep it). `value` is as written, without its quotes, with
    /// character references still in it; empty for an attribute without one.
    mutating func attribute(name: Range<Int>, value: Range<Int>)
    /// The `>` of the current start tag.
    mutating func endOfStartTag(selfClosing: Bool)
    mutating func endTag(name: Range<Int>)
    mutating func comment(_ range: Range<Int>)
    /// A `<!DOCTYPE …>`: what follows `<!DOCTYPE`.
    mutating func doctype(_ range: Range<Int>)
    /// Known markup the tokenizer passed over instead of reading it (see
    /// ``HTMLTokenizer/tokenize(_:passingOver:into:)``).
    mutating func passedOver(_ markup: KnownMarkup)
}

extension HTMLTokenSink {
    mutating func text(_ range: Range<Int>, references: Bool) {}
    mutating func startTag(name: Range<Int>) {}
    static func wants(attribute name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool { true }
    mutating func attribute(name: Range<Int>, value: Range<Int>) {}
    mutating func endOfStartTag(selfClosing: Bool) {}
    mutating func endTag(name: Range<Int>) {}
    mutating func comment(_ range: Range<Int>) {}
    mutating func doctype(_ range: Range<Int>) {}
    mutating func passedOver(_ markup: KnownMarkup) {}
}

/// An HTML tokenizer after the HTML5 tokenization rules, on UTF-8 bytes: text,
/// start and end tags with attributes in double, single or no quotes, comments,
/// doctypes, and the raw text of `<script>`, `<style>`, `<textarea>`, `<title>`
/// (whose `<` starts no tag). Inside `<svg>` and `<math>` those elements are
/// ordinary and `<![CDATA[…]]>` is text, as in browsers.
///
/// It builds no tree: it tells what is markup and what is text, which is what
/// reading links and ids needs. It reports through a sink rather than building
/// tokens so that a scan of a page allocates only for what it keeps.
enum HTMLTokenizer {
    /// Tokenizes `bytes` into `sink`.
    static func tokenize<Sink: HTMLTokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        tokenize(bytes, passingOver: [], into: &sink)
    }

    /// Tokenizes `bytes` into `sink`, passing over each of `known` found at
    /// a tag in text outside `<svg>` and `<math>` (the state every known
    /// markup is read from), in order: the sink gets it whole
    /// (``HTMLTokenSink/passedOver(_:)``) instead of its tokens. Each `<` is
    /// compared with the next four not found yet; one passed by (a theme
    /// that left it out or moved it) is looked for no more.
    static func tokenize<Sink: HTMLTokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, passingOver known: [KnownMarkup],
                                              into sink: inout Sink) {
        var reader = Reader(bytes: bytes, known: known)
        reader.run(&sink)
    }

    /// The tokens of `html`, with names lowercased and character references
    /// decoded; adjacent text is one token.
    static func tokens(_ html: String) -> [HTMLToken] {
        var html = html
        return html.withUTF8 { bytes in
            var sink = TokenCollector(bytes: bytes)
            tokenize(bytes, into: &sink)
            return sink.tokens
        }
    }

    /// The state of one run over a buffer.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where text not yet reported starts.
        var textStart = 0
        /// How many `<svg>`/`<math>` elements are open: their content is foreign.
        var foreignDepth = 0
        /// Names of the current start tag's attributes, to drop repeats.
        var attributeNames: [Range<Int>] = []
        /// Markup to pass over where it is found (``HTMLTokenizer/tokenize(_:passingOver:into:)``).
        let known: [KnownMarkup]
        /// The first of `known` not found yet.
        var nextKnown = 0

        init(bytes: UnsafeBufferPointer<UInt8>, known: [KnownMarkup]) {
            self.bytes = bytes
            self.known = known
        }

        var count: Int { bytes.count }

        mutating func run<Sink: HTMLTokenSink>(_ sink: inout Sink) {
            var index = 0
            while let open = find(UInt8(ascii: "<"), from: index) {
                if nextKnown < known.count, foreignDepth == 0, let found = knownMarkup(at: open) {
                    flushText(upTo: open, references: true, &sink)
                    sink.passedOver(known[found])
                    index = open + known[found].count
                    textStart = index
                    nextKnown = found + 1
                    continue
                }
                index = markup(at: open, &sink) ?? open + 1
            }
            flushText(upTo: count, references: true, &sink)
        }

        /// Which of the next few known markups starts at `open`, byte for byte.
        private func knownMarkup(at open: Int) -> Int? {
            let left = count - open
            for candidate in nextKnown..<min(known.count, nextKnown + 4) where known[candidate].count <= left {
                if known[candidate].withUTF8({ KnownMarkup.starts(bytes, at: open, with: $0) }) { return candidate }
            }
            return nil
        }

        /// Reads the markup starting at the `<` at `open`; returns the index after
        /// it, or `nil` when that `<` is text.
        private mutating func markup<Sink: HTMLTokenSink>(at open: Int, _ sink: inout Sink) -> Int? {
            let next = open + 1
            guard next < count else { return nil }
            let byte = bytes[next]
            if isASCIILetter(byte) { return startTag(at: open, &sink) }
            switch byte {
            case UInt8(ascii: "/"):
                guard next + 1 < count else { return nil }
                if isASCIILetter(bytes[next + 1]) { return endTag(at: open, &sink) }
                flushText(upTo: open, references: true, &sink)
                if bytes[next + 1] == UInt8(ascii: ">") { return next + 2 }  // `</>` is dropped
                return bogusComment(from: next + 1, &sink)
            case UInt8(ascii: "!"):
                flushText(upTo: open, references: true, &sink)
                return declaration(at: next + 1, &sink)
            case UInt8(ascii: "?"):
                flushText(upTo: open, references: true, &sink)
                return bogusComment(from: next, &sink)
            default:
                return nil
            }
        }

        private mutating func startTag<Sink: HTMLTokenSink>(at open: Int, _ sink: inout Sink) -> Int {
            let nameStart = open + 1
            let nameEnd = tagNameEnd(from: nameStart)
            flushText(upTo: open, references: true, &sink)
            guard nameEnd < count else {
                textStart = count  // cut off: no tag
                return count
            }
            sink.startTag(name: nameStart..<nameEnd)
            // Most tags have no attributes left to forget; emptying an empty
            // array still cost a call per tag.
            if !attributeNames.isEmpty { attributeNames.removeAll(keepingCapacity: true) }
            guard let (end, selfClosing) = attributes(from: nameEnd, report: true, &sink) else {
                textStart = count
                return count
            }
            sink.endOfStartTag(selfClosing: selfClosing)
            textStart = end
            let name = nameStart..<nameEnd
            let kind = elementKind(name)
            if foreignDepth > 0 {
                if !selfClosing, kind == .foreign { foreignDepth += 1 }
                return end
            }
            if !selfClosing, kind == .foreign {
                foreignDepth = 1
                return end
            }
            switch kind {
            case .none, .foreign: return end
            case .raw: return rawText(from: end, closedBy: name, references: false, &sink)
            case .escapable: return rawText(from: end, closedBy: name, references: true, &sink)
            case .rest:
                flushText(upTo: count, references: false, &sink)
                return count
            }
        }

        private mutating func endTag<Sink: HTMLTokenSink>(at open: Int, _ sink: inout Sink) -> Int {
            let nameStart = open + 2
            let nameEnd = tagNameEnd(from: nameStart)
            flushText(upTo: open, references: true, &sink)
            guard nameEnd < count else {
                textStart = count
                return count
            }
            // An end tag's attributes mean nothing, but their quotes still hide
            // a `>`. They are not reported, so their names are not kept.
            guard let (end, _) = attributes(from: nameEnd, report: false, &sink) else {
                textStart = count
                return count
            }
            let name = nameStart..<nameEnd
            sink.endTag(name: name)
            if foreignDepth > 0, matches(name, "svg") || matches(name, "math") { foreignDepth -= 1 }
            textStart = end
            return end
        }

        /// Reads attributes up to the tag's `>`; returns the index after it and
        /// whether the tag ended in `/>`, or `nil` when the input ends first.
        @inline(__always)
        private mutating func attributes<Sink: HTMLTokenSink>(from start: Int, report: Bool,
                                                              _ sink: inout Sink) -> (Int, Bool)? {
            var index = start
            while index < count {
                let byte = bytes[index]
                if isSpace(byte) { index += 1; continue }
                if byte == UInt8(ascii: ">") { return (index + 1, false) }
                if byte == UInt8(ascii: "/") {
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") { return (index + 2, true) }
                    index += 1
                    continue
                }
                // A name runs to a space, `/`, `>` or `=`; a leading `=` belongs to it.
                let nameStart = index
                index += 1
                while index < count, !HTMLTokenizer.isIn(bytes[index], HTMLTokenizer.attributeNameEnds) { index += 1 }
                let name = nameStart..<index
                while index < count, isSpace(bytes[index]) { index += 1 }
                var value = index..<index
                if index < count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < count, isSpace(bytes[index]) { index += 1 }
                    guard index < count else { return nil }
                    let quote = bytes[index]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let close = find(quote, from: index + 1) else { return nil }
                        value = index + 1..<close
                        index = close + 1
                    } else {
                        let valueStart = index
                        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = valueStart..<index
                    }
                }
                // Names the sink does not read are not kept: a repeat of a
                // name it reads is among the names it reads.
                if report, Sink.wants(attribute: name, in: bytes), isFirst(name) {
                    attributeNames.append(name)
                    sink.attribute(name: name, value: value)
                }
            }
            return nil
        }

        /// `<!…` after the `!`: a comment, a doctype, CDATA or a bogus comment.
        private mutating func declaration<Sink: HTMLTokenSink>(at start: Int, _ sink: inout Sink) -> Int {
            if starts(with: "--", at: start) {
                let contentStart = start + 2
                // `<!-->` and `<!--->` are complete (empty) comments.
                if starts(with: ">", at: contentStart) { return finishComment(contentStart..<contentStart, end: contentStart + 1, &sink) }
                if starts(with: "->", at: contentStart) { return finishComment(contentStart..<contentStart, end: contentStart + 2, &sink) }
                var index = contentStart
                while let dash = find(UInt8(ascii: "-"), from: index) {
                    if starts(with: "-->", at: dash) { return finishComment(contentStart..<dash, end: dash + 3, &sink) }
                    if starts(with: "--!>", at: dash) { return finishComment(contentStart..<dash, end: dash + 4, &sink) }
                    index = dash + 1
                }
                return finishComment(contentStart..<count, end: count, &sink)
            }
            if foreignDepth > 0, starts(with: "[CDATA[", at: start) {
                let contentStart = start + 7
                var index = contentStart
                while let bracket = find(UInt8(ascii: "]"), from: index) {
                    if starts(with: "]]>", at: bracket) {
                        sink.text(contentStart..<bracket, references: false)
                        textStart = bracket + 3
                        return bracket + 3
                    }
                    index = bracket + 1
                }
                sink.text(contentStart..<count, references: false)
                textStart = count
                return count
            }
            if startsIgnoringCase(with: "doctype", at: start) {
                let end = find(UInt8(ascii: ">"), from: start) ?? count
                sink.doctype(start + 7..<end)
                textStart = min(end + 1, count)
                return textStart
            }
            return bogusComment(from: start, &sink)
        }

        /// Everything up to the next `>` is a comment (`<?xml …>`, `<!x>`, `</ x>`).
        private mutating func bogusComment<Sink: HTMLTokenSink>(from start: Int, _ sink: inout Sink) -> Int {
            let end = find(UInt8(ascii: ">"), from: start) ?? count
            return finishComment(start..<end, end: min(end + 1, count), &sink)
        }

        private mutating func finishComment<Sink: HTMLTokenSink>(_ content: Range<Int>, end: Int, _ sink: inout Sink) -> Int {
            sink.comment(content)
            textStart = end
            return end
        }

        /// The content of a raw text element up to its end tag, which is read next.
        private mutating func rawText<Sink: HTMLTokenSink>(from start: Int, closedBy name: Range<Int>,
                                                          references: Bool, _ sink: inout Sink) -> Int {
            var index = start
            while let open = find(UInt8(ascii: "<"), from: index) {
                let nameStart = open + 2
                let nameEnd = nameStart + name.count
                if nameEnd < count, bytes[open + 1] == UInt8(ascii: "/"),
                   equalIgnoringCase(nameStart..<nameEnd, name),
                   isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "/") || bytes[nameEnd] == UInt8(ascii: ">") {
                    flushText(upTo: open, references: references, &sink)
                    return open
                }
                index = open + 1
            }
            flushText(upTo: count, references: references, &sink)
            return count
        }

        private mutating func flushText<Sink: HTMLTokenSink>(upTo end: Int, references: Bool, _ sink: inout Sink) {
            if end > textStart { sink.text(textStart..<end, references: references) }
            textStart = max(textStart, end)
        }

        // MARK: Bytes

        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(byte), count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        private func tagNameEnd(from start: Int) -> Int {
            var index = start
            while index < count, !HTMLTokenizer.isIn(bytes[index], HTMLTokenizer.tagNameEnds) { index += 1 }
            return index
        }

        private func isFirst(_ name: Range<Int>) -> Bool {
            !attributeNames.contains { equalIgnoringCase($0, name) }
        }

        /// How an element's content is read: `svg` and `math` open foreign
        /// content; raw text elements are read to their end tag.
        private enum ElementKind { case none, foreign, raw, escapable, rest }

        /// One switch on the name's length: a start tag was compared with
        /// `svg` and `math` and then the raw text names, a dozen calls a tag.
        private func elementKind(_ name: Range<Int>) -> ElementKind {
            switch name.count {
            case 3:
                if matches(name, "svg") { return .foreign }
                return matches(name, "xmp") ? .raw : .none
            case 4: return matches(name, "math") ? .foreign : .none
            case 5:
                if matches(name, "style") { return .raw }
                if matches(name, "title") { return .escapable }
                return .none
            case 6: return matches(name, "script") || matches(name, "iframe") ? .raw : .none
            case 7: return matches(name, "noembed") ? .raw : .none
            case 8:
                if matches(name, "textarea") { return .escapable }
                if matches(name, "noframes") { return .raw }
                return .none
            case 9: return matches(name, "plaintext") ? .rest : .none
            default: return .none
            }
        }

        /// Whether the bytes in `range` are `lowercase`, in any case.
        private func matches(_ range: Range<Int>, _ lowercase: StaticString) -> Bool {
            guard range.count == lowercase.utf8CodeUnitCount else { return false }
            let pointer = lowercase.utf8Start
            for offset in 0..<range.count where lowercased(bytes[range.lowerBound + offset]) != pointer[offset] {
                return false
            }
            return true
        }

        private func equalIgnoringCase(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            guard a.count == b.count else { return false }
            for offset in 0..<a.count where lowercased(bytes[a.lowerBound + offset]) != lowercased(bytes[b.lowerBound + offset]) {
                return false
            }
            return true
        }

        private func starts(with prefix: StaticString, at start: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard start + length <= count else { return false }
            for offset in 0..<length where bytes[start + offset] != prefix.utf8Start[offset] { return false }
            return true
        }

        private func startsIgnoringCase(with lowercase: StaticString, at start: Int) -> Bool {
            let length = lowercase.utf8CodeUnitCount
            guard start + length <= count else { return false }
            return matches(start..<start + length, lowercase)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        isIn(byte, spaces)
    }

    /// Whether `byte` is in `mask`, a set of ASCII bytes below 64 (bit n for
    /// byte n): one shift and test per byte in the loops over names.
    @inline(__always)
    static func isIn(_ byte: UInt8, _ mask: UInt64) -> Bool {
        byte < 64 && (mask &>> UInt64(byte)) & 1 != 0
    }

    /// Tab, line feed, form feed, carriage return and space.
    @inline(__always)
    static var spaces: UInt64 { 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D | 1 << 0x20 }
    /// What ends a tag name: a space, `/` or `>`.
    @inline(__always)
    static var tagNameEnds: UInt64 { spaces | 1 << 0x2F | 1 << 0x3E }
    /// What ends an attribute name: a space, `/`, `>` or `=`.
    @inline(__always)
    static var attributeNameEnds: UInt64 { tagNameEnds | 1 << 0x3D }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

/// One token of ``HTMLTokenizer/tokens(_:)``.
enum HTMLToken: Equatable, Sendable {
    case text(String)
    case startTag(String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(String)
    case comment(String)
    case doctype(String)
}

/// An attribute of a start tag: its lowercased name and decoded value.
struct HTMLAttribute: Equatable, Sendable {
    var name: String
    var value: String
}

/// Builds ``HTMLToken`` values (for tests and tools; the link check reads the
/// sink calls directly).
private struct TokenCollector: HTMLTokenSink {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [HTMLToken] = []
    private var tag: (name: String, attributes: [HTMLAttribute])?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].map(HTMLTokenizer.lowercased), as: UTF8.self)
    }

    mutating func text(_ range: Range<Int>, references: Bool) {
        let text = references ? CharacterReferences.decode(bytes[range], inAttribute: false) : string(range)
        if case .text(let previous) = tokens.last {
            tokens[tokens.count - 1] = .text(previous + text)
        } else {
            tokens.append(.text(text))
        }
    }

    mutating func startTag(name: Range<Int>) {
        tag = (lowercased(name), [])
    }

    mutating func attribute(name: Range<Int>, value: Range<Int>) {
        let attribute = HTMLAttribute(name: lowercased(name),
                                      value: CharacterReferences.decode(bytes[value], inAttribute: true))
        tag?.attributes.append(attribute)
    }

    mutating func endOfStartTag(selfClosing: Bool) {
        guard let tag else { return }
        tokens.append(.startTag(tag.name, attributes: tag.attributes, selfClosing: selfClosing))
        self.tag = nil
    }

    mutating func endTag(name: Range<Int>) {
        tokens.append(.endTag(lowercased(name)))
    }

    mutating func comment(_ range: Range<Int>) {
        tokens.append(.comment(string(range)))
    }

    mutating func doctype(_ range: Range<Int>) {
        let name = bytes[range].drop(while: HTMLTokenizer.isSpace).reversed().drop(while: HTMLTokenizer.isSpace).reversed()
        tokens.append(.doctype(String(decoding: Array(name), as: UTF8.self)))
    }
}

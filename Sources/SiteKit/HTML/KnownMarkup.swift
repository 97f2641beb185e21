#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markup sitegen drew itself (a chart's drawings, a data table) with the ids
/// and links it holds, so that the link scan can pass over it where a page
/// holds it byte for byte instead of reading every tag again.
///
/// Figures are a third of the tags of the example and benchmark sites (a
/// chart is drawn twice, wide and narrow, a bar at a time; a table a cell at
/// a time) and hold next to no ids or links. The code that draws them knows
/// those, so it states them here; debug builds check the statement against
/// ``HTMLTokenizer`` every time.
struct KnownMarkup: Sendable, Equatable {
    /// The bytes that hold the markup at `range`: its own, or those of a
    /// larger fragment that holds it (``located(in:)``), so that markup kept
    /// for many pages costs no second copy.
    private let buffer: [UInt8]
    /// Where the markup is in `buffer`.
    private let range: Range<Int>
    /// Its `id` values as the link scan reads them (character references decoded).
    let ids: [String]
    /// Its `href` and `src` values as the link scan reads them, in document order.
    let links: [String]

    /// Markup and the ids and links written in it, each as the drawing code
    /// gave it to the markup (escaped on the way in, as every interpolated
    /// string is).
    ///
    /// The markup must start with a tag and be whole: every tag, comment and
    /// `<svg>` it opens is closed again, so that reading on after it is as
    /// reading on after the same bytes in a page.
    init(_ html: HTML, ids: [String], links: [String] = []) {
        buffer = html.utf8
        range = 0..<buffer.count
        self.ids = ids.map(Self.asRead)
        self.links = links.map(Self.asRead)
        assert(Self.statesWhatItHolds(self), "KnownMarkup: the ids and links stated are not those of the markup")
    }

    private init(buffer: [UInt8], range: Range<Int>, ids: [String], links: [String]) {
        self.buffer = buffer
        self.range = range
        self.ids = ids
        self.links = links
    }

    /// How many bytes the markup has.
    var count: Int { range.count }

    /// Calls `body` with the markup's bytes.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Each of `markups` where `html` holds it at a tag, looked for in order,
    /// each after the one before, and pointing into `html`'s bytes; those
    /// `html` does not hold are left out.
    static func located(_ markups: [KnownMarkup], in html: HTML) -> [KnownMarkup] {
        var found: [KnownMarkup] = []
        var from = 0
        html.utf8.withUnsafeBufferPointer { page in
            for markup in markups {
                guard let start = markup.withUTF8({ firstTag(holding: $0, in: page, from: from) }) else { continue }
                from = start + markup.count
                found.append(KnownMarkup(buffer: html.utf8, range: start..<from, ids: markup.ids, links: markup.links))
            }
        }
        return found
    }

    /// The offset of the first `<` at or after `from` where `page` holds `markup`.
    static func firstTag(holding markup: UnsafeBufferPointer<UInt8>, in page: UnsafeBufferPointer<UInt8>,
                         from: Int) -> Int? {
        guard let base = page.baseAddress, markup.count >= 8 else { return nil }
        let last = page.count - markup.count
        var start = from
        while start <= last, let open = memchr(base + start, Int32(UInt8(ascii: "<")), last - start + 1) {
            let offset = UnsafeRawPointer(base).distance(to: open)
            if starts(page, at: offset, with: markup) { return offset }
            start = offset + 1
        }
        return nil
    }

    /// Whether `page` holds `markup` at `offset` (which leaves room for it),
    /// its first eight bytes compared first: most tags differ from a chart's
    /// within them.
    @inline(__always)
    static func starts(_ page: UnsafeBufferPointer<UInt8>, at offset: Int, with markup: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = page.baseAddress, let pattern = markup.baseAddress, markup.count >= 8 else { return false }
        let head = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        return head == UnsafeRawPointer(pattern).loadUnaligned(as: UInt64.self)
            && memcmp(base + offset, pattern, markup.count) == 0
    }

    /// A value as the link scan reads it back from an attribute: escaped as
    /// it was written, then decoded (characters XML forbids are dropped on
    /// the way).
    private static func asRead(_ value: String) -> String {
        CharacterReferences.decode(HTMLEscaping.escape(value), inAttribute: true)
    }

    /// Whether the markup holds exactly the stated ids and links, and ends
    /// where the scan would read the next tag as it would in a page: after
    /// it, `<p id>` must be read as a tag and `<title>` must hold text (it
    /// would hold markup inside an `<svg>` left open).
    static func statesWhatItHolds(_ markup: KnownMarkup) -> Bool {
        statesWhatItHolds(Array(markup.buffer[markup.range]), ids: markup.ids, links: markup.links)
    }

    /// ``statesWhatItHolds(_:)`` of markup's bytes, ids and links as read.
    static func statesWhatItHolds(_ utf8: [UInt8], ids: [String], links: [String]) -> Bool {
        guard let read = readAsInPage(utf8, dropping: nil) else { return false }
        return read.ids == Set(ids) && read.links == links
    }

    /// Markup drawn once and put on many pages (an article's card), with the
    /// ids and links the link scan reads in it, found by scanning it once
    /// here instead of on every page; `nil` when it is not whole (see
    /// ``init(_:ids:links:)``), and then scanned in each page as any markup.
    /// - Parameter known: the links the pages' scan leaves out, which are
    ///   then left out here too.
    static func scanned(_ html: HTML, dropping known: LinkChecker.KnownLinks?) -> KnownMarkup? {
        guard let read = readAsInPage(html.utf8, dropping: known) else { return nil }
        return KnownMarkup(buffer: html.utf8, range: 0..<html.utf8.count, ids: read.ids.sorted(), links: read.links)
    }

    /// Rendered Markdown whose every `"` delimits an attribute value
    /// (``RenderedMarkdown/quotedAttributesOnly``), with the ids and links
    /// read by its quotes alone (``LinkChecker/quotedAttributes(_:dropping:)``),
    /// so that the link scan passes over an article's body; `nil` when it
    /// does not start with a tag or a quote is not so placed. Debug builds
    /// check the reading against the tokenizer's.
    /// - Parameter known: the links the pages' scan leaves out, left out here too.
    static func quoted(_ html: HTML, dropping known: LinkChecker.KnownLinks?) -> KnownMarkup? {
        let utf8 = html.utf8
        guard utf8.count >= 8, utf8[0] == UInt8(ascii: "<"),
              let read = utf8.withUnsafeBufferPointer({ LinkChecker.quotedAttributes($0, dropping: known) }) else { return nil }
        assert(readAsInPage(utf8, dropping: known).map { $0.ids == read.ids && $0.links == read.links } ?? false,
               "KnownMarkup: the quotes of rendered Markdown do not read as its tags")
        return KnownMarkup(buffer: utf8, range: 0..<utf8.count, ids: read.ids.sorted(), links: read.links)
    }

    /// Whether markup reads the same by its quotes alone as tag by tag, and
    /// leaves the scan reading on after it as after the same bytes in a page:
    /// for a theme's markup inside rendered Markdown (heading anchors).
    static func readsByQuotes(_ utf8: [UInt8]) -> Bool {
        guard let quoted = utf8.withUnsafeBufferPointer({ LinkChecker.quotedAttributes($0, dropping: nil) }),
              let read = readAsInPage(utf8, dropping: nil) else { return false }
        return quoted.ids == read.ids && quoted.links == read.links
    }

    /// The marker id of the probe read after markup.
    private static let probeID = "sitegen-known-markup-end"

    /// The ids and links the link scan reads in `utf8` as part of a page,
    /// when the scan reads on after it as after the same bytes in a page:
    /// `<p id>` after it must be read as a tag and `<title>` must hold text
    /// (it would hold markup inside an `<svg>` left open). `nil` otherwise,
    /// or when the markup does not start with a tag or holds the probe's id.
    private static func readAsInPage(_ utf8: [UInt8], dropping known: LinkChecker.KnownLinks?)
        -> (ids: Set<String>, links: [String])? {
        guard utf8.count >= 8, utf8[0] == UInt8(ascii: "<") else { return nil }
        let probe = utf8 + Array("<p id=\"\(probeID)\"><title><p id=\"\(probeID)-open\"></title>".utf8)
        var page = LinkChecker.scan(utf8: probe, path: "", source: "", dropping: known)
        guard page.ids.remove(probeID) != nil, !page.ids.contains(probeID + "-open"),
              FeedContent.find(Array(probeID.utf8), in: utf8, from: 0) == nil else { return nil }
        return (page.ids, page.links)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Checks, after rendering, that every internal link and `#fragment` in the
/// output (from Markdown and from templates alike) leads to a file the build
/// writes and an `id` on that page.
struct LinkChecker: Sendable {
    /// What one written HTML page offers and points at.
    struct Page: Sendable {
        /// Output file path ("articles/x/index.html").
        var path: String
        /// The file to blame for a broken link: the .md source, or a description
        /// of the generated page.
        var source: String
        /// `id` attributes on the page.
        var ids: Set<String>
        /// `href`/`src` values, in document order, unescaped (less known
        /// links, when the scan was given them to drop).
        var links: [String]
    }

    let baseURL: String
    let basePath: String

    /// Scans an HTML page for its ids and links: the `id`, `href` and `src`
    /// attributes of its tags, read by ``HTMLTokenizer`` so that text that
    /// looks like markup (`&lt;a href='x'&gt;` in a code block, a comment, a
    /// script) is never taken for it, with every character reference decoded.
    static func scan(_ html: String, path: String, source: String) -> Page {
        var html = html
        return html.withUTF8 { scan($0, path: path, source: source) }
    }

    /// ``scan(_:path:source:)`` of a page's UTF-8. Links `known` names
    /// (``knownLinks(_:)``) and links to other sites are left out of the
    /// page's links: a full build's early check would pass over them anyway,
    /// and they are found by their bytes without a string made of each.
    ///
    /// Where the page holds one of `drawn` (markup sitegen drew, such as a
    /// chart, with the ids and links it states) at a tag, in order, the scan
    /// takes those ids and links and reads on after it.
    static func scan(utf8 html: [UInt8], path: String, source: String, dropping known: KnownLinks? = nil,
                     passingOver drawn: [KnownMarkup] = []) -> Page {
        html.withUnsafeBufferPointer { scan($0, path: path, source: source, dropping: known, passingOver: drawn) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String, source: String,
                             dropping known: KnownLinks? = nil, passingOver drawn: [KnownMarkup] = []) -> Page {
        var sink = AttributeSink(bytes: bytes, known: known)
        HTMLTokenizer.tokenize(bytes, passingOver: drawn, into: &sink)
        return Page(path: path, source: source, ids: sink.ids, links: sink.links)
    }

    /// The ids and links of markup in which every `"` opens or closes an
    /// attribute value written ` name="value"` (rendered Markdown without raw
    /// HTML: cmark-gfm writes text quotes as `&quot;`), read by its quotes
    /// alone instead of tag by tag; what ``scan(utf8:path:source:dropping:passingOver:)``
    /// reads in it. `nil` when a quote is not so placed.
    static func quotedAttributes(_ bytes: UnsafeBufferPointer<UInt8>, dropping known: KnownLinks?)
        -> (ids: Set<String>, links: [String])? {
        var sink = AttributeSink(bytes: bytes, known: known)
        guard let base = bytes.baseAddress else { return (sink.ids, sink.links) }
        let count = bytes.count
        let quote = Int32(UInt8(ascii: "\""))
        var index = 0
        while index < count, let hit = memchr(base + index, quote, count - index) {
            let open = UnsafeRawPointer(base).distance(to: hit)
            guard open >= 3, bytes[open - 1] == UInt8(ascii: "="), open + 1 < count,
                  let end = memchr(base + open + 1, quote, count - open - 1) else { return nil }
            let close = UnsafeRawPointer(base).distance(to: end)
            var start = open - 1
            while start > 0, Self.isNameByte(bytes[start - 1]) { start -= 1 }
            guard start < open - 1, start > 0, bytes[start - 1] == UInt8(ascii: " ") else { return nil }
            let name = start..<(open - 1)
            if AttributeSink.wants(attribute: name, in: bytes) { sink.attribute(name: name, value: (open + 1)..<close) }
            index = close + 1
        }
        return (sink.ids, sink.links)
    }

    /// The bytes of the attribute names cmark-gfm and sitegen write.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// Keeps the values of `id`, `href` and `src` attributes.
    private struct AttributeSink: HTMLTokenSink {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Links to leave out (``scan(utf8:path:source:dropping:)``).
        let known: KnownLinks?
        var ids = Set<String>()
        var links: [String] = []

        init(bytes: UnsafeBufferPointer<UInt8>, known: KnownLinks?) {
            self.bytes = bytes
            self.known = known
            // A page has tens of ids: growing the set from empty rehashed them
            // four or five times.
            ids.reserveCapacity(32)
        }

        static func wants(attribute name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            switch name.count {
            case 2: named(name, "id", in: bytes)
            case 3: named(name, "src", in: bytes)
            case 4: named(name, "href", in: bytes)
            default: false
            }
        }

        mutating func attribute(name: Range<Int>, value: Range<Int>) {
            // Only `id`, `href` and `src` come here (``wants(attribute:in:)``).
            if name.count == 2 {
                ids.insert(decoded(value))
                return
            }
            // A value without a character reference is the link as it is.
            if let known {
                let raw = UnsafeBufferPointer(rebasing: bytes[value])
                if !raw.contains(UInt8(ascii: "&")), known.contains(utf8: raw) || known.leavesSite(utf8: raw) { return }
            }
            links.append(decoded(value))
        }

        mutating func passedOver(_ markup: KnownMarkup) {
            ids.formUnion(markup.ids)
            // Known links are dropped again when the page is checked early.
            links += markup.links
        }

        private static func named(_ name: Range<Int>, _ lowercase: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard name.count == lowercase.utf8CodeUnitCount else { return false }
            for offset in 0..<name.count where HTMLTokenizer.lowercased(bytes[name.lowerBound + offset]) != lowercase.utf8Start[offset] {
                return false
            }
            return true
        }

        private func decoded(_ value: Range<Int>) -> String {
            CharacterReferences.decode(bytes[value], inAttribute: true)
        }
    }

    /// A broken link: where it is and why.
    struct Broken: Sendable, Equatable {
        var source: String
        var page: String
        var link: String
        var reason: String
    }

    /// The broken internal links of `pages`, given the site's page at a path
    /// (for its ids) and whether a file is written at a path.
    func check(_ pages: [Page], page byPath: @Sendable (String) -> Page?,
               fileExists allFiles: @Sendable (String) -> Bool) -> [Broken] {
        // Pages share most links (navigation, tags), so each chunk of pages
        // resolves a link once: by its text when it does not depend on the
        // page's folder. Chunks run on all cores.
        let chunkSize = max(64, pages.count / 16)
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { Array(pages[$0..<min(pages.count, $0 + chunkSize)]) }
        return Parallel.map(chunks) { chunk in
            var resolved: [String: Target] = [:]
            var broken: [Broken] = []
            for page in chunk {
                broken += check(page, cache: &resolved, decidesAll: true, ids: { byPath($0)?.ids }, fileExists: allFiles).broken
            }
            return broken
        }.flatMap { $0 }
    }

    /// Checks `page` as soon as it is rendered, before the other pages are:
    /// what `fileExists` (the files planned so far) and the page's own ids can
    /// decide. Returns the broken links, and the page with only the links
    /// left undecided (a path not planned, such as another page's chart data,
    /// or a fragment of another page) for ``check(_:page:fileExists:)`` once
    /// every page is rendered. Most pages keep no links at all, so a full
    /// build's memory does not grow with every link of every page.
    ///
    /// Links `known` names (``knownLinks(_:)`` of the planned files) need no
    /// resolving: most of a page's links name a planned page exactly as the
    /// templates write them.
    func checkEarly(_ page: Page, known: KnownLinks? = nil, fileExists: (String) -> Bool) -> (broken: [Broken], undecided: Page) {
        var page = page
        if let known { page.links.removeAll { known.contains($0) } }
        var cache: [String: Target] = [:]
        let (broken, undecided) = check(page, cache: &cache, decidesAll: false, ids: { _ in nil }, fileExists: fileExists)
        page.links = undecided
        return (broken, page)
    }

    /// The links that name one of `sitePaths` (site paths of written files)
    /// and resolve to exactly that file: root-relative and absolute, and for
    /// an `index.html` its folder (`/articles/x/`). Paths whose links would
    /// be decoded or normalised (a `%`, `#`, `?` or `.` segment) are left out,
    /// so a link it names resolves as ``resolve(_:from:)`` would.
    func knownLinks(_ sitePaths: [String]) -> KnownLinks {
        // Under a base path that is itself decoded or normalised, no link is
        // taken as it is.
        guard basePath.hasPrefix("/"), Self.isPlain(basePath.utf8.dropFirst()) else {
            return KnownLinks(basePath: basePath, baseURL: baseURL, sitePaths: ByteStringSet([[UInt8]]()))
        }
        var forms: [String.UTF8View.SubSequence] = []
        forms.reserveCapacity(sitePaths.count * 2)
        for path in sitePaths where Self.isPlain(path.utf8) {
            forms.append(path.utf8[...])
            if path == "index.html" || path.hasSuffix("/index.html") {
                forms.append(path.utf8.dropLast("index.html".utf8.count))
            }
        }
        return KnownLinks(basePath: basePath, baseURL: baseURL, sitePaths: ByteStringSet(forms))
    }

    /// The links that name a planned file exactly (``knownLinks(_:)``), held
    /// as the bytes of the site paths and folders they name, looked up as the
    /// page's bytes (``ByteStringSet``).
    struct KnownLinks: Sendable {
        let basePath: String
        let baseURL: String
        /// Plain site paths, and the folders of `index.html` files.
        let sitePaths: ByteStringSet
        /// Whether the base URL is printable ASCII (``leavesSite(utf8:)``).
        private let baseURLIsPlain: Bool
        /// The base path's and base URL's bytes, compared with each link's
        /// first bytes by memcmp: through the strings' UTF-8 views, a byte at
        /// a time, they were a visible share of the scan.
        private let basePathBytes: [UInt8]
        private let baseURLBytes: [UInt8]

        init(basePath: String, baseURL: String, sitePaths: ByteStringSet) {
            self.basePath = basePath
            self.baseURL = baseURL
            self.sitePaths = sitePaths
            baseURLIsPlain = Self.isPrintableASCII(baseURL.utf8)
            basePathBytes = Array(basePath.utf8)
            baseURLBytes = Array(baseURL.utf8)
        }

        /// Whether `link` is the base path or the base URL followed by one
        /// of `sitePaths`.
        func contains(_ link: String) -> Bool {
            var link = link
            return link.withUTF8 { contains(utf8: $0) }
        }

        /// ``contains(_:)`` of a link's UTF-8, as a page holds it.
        func contains(utf8 link: UnsafeBufferPointer<UInt8>) -> Bool {
            names(link, after: basePathBytes) || names(link, after: baseURLBytes)
        }

        /// Whether the check passes over `link` as another site's
        /// (``check(_:cache:decidesAll:ids:fileExists:)``: a scheme or `//`,
        /// and not under the base URL). Said only of printable ASCII, where
        /// bytes compare as the strings do: a string's prefix compares
        /// characters, and `\r\n` or a letter and its combining mark are one.
        func leavesSite(utf8 link: UnsafeBufferPointer<UInt8>) -> Bool {
            guard baseURLIsPlain, Self.isPrintableASCII(link) else { return false }
            return LinkChecker.hasSchemeOrAuthority(utf8: link) && !Self.starts(link, with: baseURLBytes)
        }

        private func names(_ link: UnsafeBufferPointer<UInt8>, after prefix: [UInt8]) -> Bool {
            guard Self.starts(link, with: prefix) else { return false }
            return sitePaths.contains(UnsafeBufferPointer(rebasing: link[prefix.count...]))
        }

        private static func starts(_ link: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
            guard !prefix.isEmpty else { return true }
            guard link.count >= prefix.count, let base = link.baseAddress else { return false }
            return prefix.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, prefix.count) == 0 }
        }

        private static func isPrintableASCII(_ bytes: some Sequence<UInt8>) -> Bool {
            bytes.allSatisfy { (0x21...0x7E).contains($0) }
        }
    }

    /// Whether links to the site path, after the base path, are taken as
    /// they are: no `#`, `?` or `%`, and no segment that is empty or starts
    /// with `.`.
    private static func isPlain(_ sitePath: some Sequence<UInt8>) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in sitePath {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "%"): return false
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): return false
            case UInt8(ascii: ".") where previous == UInt8(ascii: "/"): return false
            default: previous = byte
            }
        }
        return true
    }

    /// The broken links of `page` (`ids` gives another page's ids by path),
    /// and unless it `decidesAll`, the links left undecided: a path
    /// `fileExists` denies, or another page's fragment.
    private func check(_ page: Page, cache resolved: inout [String: Target], decidesAll: Bool,
                       ids: (String) -> Set<String>?,
                       fileExists: (String) -> Bool) -> (broken: [Broken], undecided: [String]) {
        var broken: [Broken] = []
        var undecided: [String] = []
        lazy var folder = page.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        for link in page.links {
            // A fragment of the page itself (heading anchors, the table of
            // contents: most links left by now) is looked up on the page at
            // hand, as the resolved link would be, without resolving it.
            if link.utf8.first == UInt8(ascii: "#") {
                guard let fragment = Self.percentDecoded(String(link.dropFirst())), !fragment.isEmpty,
                      !page.ids.contains(fragment) else { continue }
                broken.append(Broken(source: page.source, page: page.path, link: link,
                                     reason: Self.noElement(withID: fragment, in: page.path)))
                continue
            }
            // Another site's link (most of the links left once known ones are
            // gone) leaves without a cache entry: ``resolve(_:from:)`` says
            // the same of it.
            let hasScheme = Self.hasScheme(link)
            if (hasScheme || link.hasPrefix("//")) && !link.hasPrefix(baseURL) { continue }
            let isRelative = !(link.hasPrefix("/") || link.hasPrefix("#") || hasScheme)
            let key = isRelative ? folder + "\u{0}" + link : link
            let target: Target
            if let known = resolved[key] {
                target = known
            } else {
                target = self.target(of: link, from: page.path, in: fileExists)
                resolved[key] = target
            }
            switch target {
            case .outside:
                continue
            case .missing(let path):
                guard decidesAll else {
                    undecided.append(link)
                    continue
                }
                let reason = path.hasSuffix(".md")
                    ? "it names no published content file (it may not exist, or be a draft, future or expired)"
                    : "no page or file is written at /\(path)"
                broken.append(Broken(source: page.source, page: page.path, link: link, reason: reason))
            case .file(let file, let fragment):
                guard let fragment, !fragment.isEmpty else { continue }
                // A fragment of the page itself (heading anchors, the table
                // of contents) is looked up on the page at hand.
                let targetIDs: Set<String>?
                if let file, file != page.path {
                    guard decidesAll else {
                        undecided.append(link)
                        continue
                    }
                    targetIDs = ids(file)
                } else {
                    targetIDs = page.ids
                }
                if let targetIDs, !targetIDs.contains(fragment) {
                    let file = file ?? page.path
                    broken.append(Broken(source: page.source, page: page.path, link: link,
                                         reason: Self.noElement(withID: fragment, in: file)))
                }
            }
        }
        return (broken, undecided)
    }

    /// Why a link to `fragment` on the page at `file` is broken.
    private static func noElement(withID fragment: String, in file: String) -> String {
        "/\(file) has no element with id '\(fragment)'"
    }

    /// Where a link leads.
    private enum Target: Sendable {
        /// Off the site: not checked.
        case outside
        /// To a path nothing is written at.
        case missing(String)
        /// To a written file (`nil`: the same page) and maybe a fragment on it.
        case file(String?, fragment: String?)
    }

    private func target(of link: String, from pagePath: String, in files: (String) -> Bool) -> Target {
        guard let (path, fragment) = resolve(link, from: pagePath) else { return .outside }
        guard let path else { return .file(nil, fragment: fragment) }
        guard let file = existing(path, in: files) else { return .missing(path) }
        return .file(file, fragment: fragment)
    }

    /// The site path a link points at (`nil` for the same page) and its fragment,
    /// or `nil` when the link leaves the site.
    func resolve(_ link: String, from pagePath: String) -> (String?, String?)? {
        if let path = plainSitePath(link) { return (path, nil) }
        if let path = fileBeside(link, from: pagePath) { return (path, nil) }
        return resolveByParts(link, from: pagePath)
    }

    /// The site path of a link that names a file in the page's own folder
    /// (`chart-1.csv`): one segment with nothing to decode or normalise, put
    /// after the page's folder without splitting either. Every chart's data
    /// link is one, and splitting took 20,000 instructions a link.
    func fileBeside(_ link: String, from pagePath: String) -> String? {
        // (With no base URL, ``resolveByParts(_:from:)`` reads every link as below the base path.)
        guard !baseURL.isEmpty, !link.isEmpty, link != ".", link != "..", !link.utf8.contains(where: { byte in
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#")
                || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\\")
        }) else { return nil }
        guard let slash = pagePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return link }
        return String(pagePath[...slash]) + link
    }

    /// ``resolve(_:from:)`` of any link: decoded, split and normalised.
    func resolveByParts(_ link: String, from pagePath: String) -> (String?, String?)? {
        var url = link
        if url.hasPrefix(baseURL) { url = basePath + url.dropFirst(baseURL.count) }
        if url.hasPrefix("//") || Self.hasScheme(url) { return nil }
        var fragment: String?
        // Searched and split as UTF-8: `#`, `?` and `/` are ASCII, so each is
        // a character boundary, and splitting by characters took thousands of
        // instructions a link.
        if let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.percentDecoded(String(url[url.index(after: hash)...]))
            url = String(url[..<hash])
        }
        if let query = url.utf8.firstIndex(of: UInt8(ascii: "?")) { url = String(url[..<query]) }
        if url.isEmpty { return (nil, fragment) }
        let decoded = Self.percentDecoded(url) ?? url
        var segments: [Substring]
        if decoded.utf8.first == UInt8(ascii: "/") {
            // Outside the site's base path: another site on the same host.
            guard decoded.hasPrefix(basePath) else { return nil }
            segments = Self.segments(decoded.dropFirst(basePath.count))
        } else {
            segments = Self.segments(pagePath[...]).dropLast()
            segments += Self.segments(decoded[...])
        }
        var normalized: [Substring] = []
        for segment in segments {
            switch segment {
            case ".": continue
            case "..": if !normalized.isEmpty { normalized.removeLast() }
            default: normalized.append(segment)
            }
        }
        return (normalized.joined(separator: "/"), fragment)
    }

    /// The parts of a path between its `/`s, empty ones kept.
    private static func segments(_ path: Substring) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The site path of a link below the base path with nothing to decode or
    /// normalise (no fragment, query, `%` escape or `.` segment): most links
    /// of a page (`/articles/x/`, `/tags/y/`), resolved without splitting.
    private func plainSitePath(_ link: String) -> String? {
        guard link.hasPrefix(basePath), basePath.hasPrefix("/"), !link.hasPrefix("//") else { return nil }
        var link = link
        let plain = link.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "%"): return false
                case UInt8(ascii: ".") where index > 0 && bytes[index - 1] == UInt8(ascii: "/"): return false
                default: continue
                }
            }
            return true
        }
        return plain ? String(link.utf8.dropFirst(basePath.utf8.count))! : nil
    }

    /// `%XX` escapes decoded; `nil` when they do not form UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        ByteScan.contains(text, byte: UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// Whether the URL starts with a scheme (`https:`, `mailto:`).
    static func hasScheme(_ url: String) -> Bool {
        hasScheme(utf8: url.utf8)
    }

    /// Whether a URL's UTF-8 starts with a scheme (`https:`) or an authority
    /// (`//cdn.example`): a URL that is not a path on the page's own host.
    static func hasSchemeOrAuthority(utf8 url: UnsafeBufferPointer<UInt8>) -> Bool {
        (url.count >= 2 && url[0] == UInt8(ascii: "/") && url[1] == UInt8(ascii: "/")) || hasScheme(utf8: url)
    }

    /// ``hasScheme(_:)`` of a URL's UTF-8.
    static func hasScheme(utf8 url: some Sequence<UInt8>) -> Bool {
        // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        for (offset, byte) in url.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// The written file a site path denotes: itself, or its index.html.
    private func existing(_ path: String, in files: (String) -> Bool) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return files(index) ? index : nil
        }
        if files(path) { return path }
        let index = path + "/index.html"
        return files(index) ? index : nil
    }
}

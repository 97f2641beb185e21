#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article's HTML as feed readers get it: they drop inline SVG, CSS and
/// `<details>`, and resolve links against the feed, not the page. So charts
/// become their caption and data table with a link to the page, disclosures are
/// opened, heading anchor links go, and every link and image is absolute.
enum FeedContent {
    /// The feed variant of an article body.
    /// - Parameters:
    ///   - body: the article's rendered HTML (as inside the page's prose).
    ///   - pageURL: the article's absolute URL.
    static func html(_ body: String, pageURL: String, settings: SiteSettings) -> String {
        String(decoding: utf8(body, pageURL: pageURL, settings: settings), as: UTF8.self)
    }

    /// ``html(_:pageURL:settings:)`` as UTF-8 bytes, for a build that escapes
    /// them into a file without making a string of them.
    static func utf8(_ body: String, pageURL: String, settings: SiteSettings) -> [UInt8] {
        utf8(Array(body.utf8), pageURL: pageURL, settings: settings)
    }

    /// ``utf8(_:pageURL:settings:)`` of a body given as its UTF-8.
    static func utf8(_ body: [UInt8], pageURL: String, settings: SiteSettings) -> [UInt8] {
        // Every step is a byte search: this runs for nearly every article of a
        // large site, and Foundation's string search (bridged to NSString) made
        // it half of a build's time.
        var html = body
        // A step whose opening is not in the text changes nothing. One pass
        // finds where the openings are, instead of a search per step; after a
        // step that ran, those clear of its edits are moved and only the text
        // around each edit is looked at again (every body lost its heading
        // anchors, and reading it all again was 0.9 % of a build's instructions).
        var found = occurrences(of: stepOpenings, in: html)
        for (index, step) in steps.enumerated() where !found[index].isEmpty {
            let (rewritten, edits) = step.apply(html, pageURL)
            guard !edits.isEmpty else { continue }
            found = occurrences(of: stepOpenings, in: rewritten, after: edits, were: found)
            html = rewritten
        }
        return absoluteLinks(html, pageURL: pageURL, settings: settings)
    }

    /// The rewrites of ``utf8(_:pageURL:settings:)``, in order.
    private static let steps = [
        Step(opening: "<svg") { replacingCharts($0, pageURL: $1) },
        // The default theme's anchor links ("#"), with the space before them.
        Step(opening: " <a class=\"heading-anchor\"") { html, _ in removingElements(html, open: " <a class=\"heading-anchor\"", close: "</a>") },
        Step(opening: "<a class=\"heading-anchor\"") { html, _ in removingElements(html, open: "<a class=\"heading-anchor\"", close: "</a>") },
    ] + disclosureSteps

    /// The openings of ``steps``: the same for every body, so their table is made once.
    private static let stepOpenings = Openings(steps.map(\.opening))

    /// A stretch of a text a rewrite replaced: `old` in the text before,
    /// `newCount` bytes in its place after (none where it only removed).
    struct Edit: Equatable, Sendable {
        var old: Range<Int>
        var newCount: Int
    }

    /// Where each of `openings` starts in `html`, which `edits` (in order,
    /// apart) made of a text in which they started at `before`: those clear
    /// of every edit, moved with the text, and those that reach into an edit
    /// or across where it removed text, looked for around it.
    static func occurrences(of openings: Openings, in html: [UInt8], after edits: [Edit], were before: [[Int]]) -> [[Int]] {
        var result: [[Int]] = []
        for (index, starts) in before.enumerated() {
            let length = openings.patterns[index].count
            var moved: [Int] = []
            var next = 0, shift = 0
            for start in starts {
                while next < edits.count, edits[next].old.upperBound <= start {
                    shift += edits[next].newCount - edits[next].old.count
                    next += 1
                }
                // Edits are apart and in order: only the next can overlap.
                if next < edits.count, edits[next].old.lowerBound < start + length { continue }
                moved.append(start + shift)
            }
            result.append(moved)
        }
        var shift = 0
        var added = false
        for edit in edits {
            let start = edit.old.lowerBound + shift, end = start + edit.newCount
            shift += edit.newCount - edit.old.count
            let near = max(0, start - openings.longest)..<min(html.count, end + openings.longest)
            for (index, starts) in occurrences(of: openings, in: html, anchorsIn: near).enumerated() {
                // Those wholly before or after the edit were there before.
                for found in starts where found < end && found + openings.patterns[index].count > start {
                    result[index].append(found)
                    added = true
                }
            }
        }
        // Near two edits, one may be found twice.
        return added ? result.map { Array(Set($0)).sorted() } : result
    }

    /// Openings looked for in one pass, each holding one `<`, with a table
    /// of which may start at a `<`, by the byte after it.
    struct Openings: Sendable {
        let patterns: [[UInt8]]
        /// Where each pattern's `<` is.
        let anchorOffsets: [Int]
        /// For each byte after a `<`, a bit for each pattern it fits (one
        /// that ends at its `<` fits any).
        let candidates: [UInt64]
        /// The longest pattern's length.
        let longest: Int

        init(_ patterns: [[UInt8]]) {
            precondition(patterns.count <= 64, "at most 64 openings")
            self.patterns = patterns
            let anchorOffsets = patterns.map { $0.firstIndex(of: UInt8(ascii: "<"))! }
            var candidates = [UInt64](repeating: 0, count: 256)
            for (index, pattern) in patterns.enumerated() {
                let bit = UInt64(1) << UInt64(index)
                if anchorOffsets[index] + 1 < pattern.count {
                    candidates[Int(pattern[anchorOffsets[index] + 1])] |= bit
                } else {
                    for byte in candidates.indices { candidates[byte] |= bit }
                }
            }
            self.anchorOffsets = anchorOffsets
            self.candidates = candidates
            longest = patterns.map(\.count).max() ?? 0
        }
    }

    /// Which of `openings` (each holding one `<`) occur in `html`.
    static func openings(of openings: [[UInt8]], in html: [UInt8]) -> [Bool] {
        occurrences(of: Openings(openings), in: html).map { !$0.isEmpty }
    }

    /// Where each of `openings` (each holding one `<`) starts in `html`, in order.
    static func occurrences(of openings: [[UInt8]], in html: [UInt8]) -> [[Int]] {
        occurrences(of: Openings(openings), in: html)
    }

    /// Where each of `openings` starts in `html`, in order, looking at the
    /// `<`s in `anchors` (all by default): one memchr pass over them, the
    /// byte after each `<` picking the openings it may start, so most `<`s
    /// cost a lookup.
    static func occurrences(of openings: Openings, in html: [UInt8], anchorsIn anchors: Range<Int>? = nil) -> [[Int]] {
        var found = [[Int]](repeating: [], count: openings.patterns.count)
        html.withUnsafeBufferPointer { bytes in
            openings.candidates.withUnsafeBufferPointer { candidates in
                guard let base = bytes.baseAddress else { return }
                let range = anchors.map { $0.clamped(to: 0..<bytes.count) } ?? 0..<bytes.count
                var offset = range.lowerBound
                while offset < range.upperBound,
                      let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), range.upperBound - offset) {
                    let position = UnsafeRawPointer(base).distance(to: hit)
                    offset = position + 1
                    let next = position + 1 < bytes.count ? bytes[position + 1] : 0
                    var pending = candidates[Int(next)]
                    while pending != 0 {
                        let index = pending.trailingZeroBitCount
                        pending &= pending - 1
                        let opening = openings.patterns[index]
                        let start = position - openings.anchorOffsets[index]
                        guard start >= 0, start + opening.count <= bytes.count else { continue }
                        if opening.withUnsafeBufferPointer({ memcmp(base + start, $0.baseAddress!, opening.count) == 0 }) {
                            found[index].append(start)
                        }
                    }
                }
            }
        }
        return found
    }

    /// Every inline `<svg>…</svg>` (nested ones included) becomes a link to the page.
    static func replaceCharts(_ html: [UInt8], pageURL: String) -> [UInt8] {
        replacingCharts(html, pageURL: pageURL).html
    }

    /// ``replaceCharts(_:pageURL:)``, with what it replaced.
    static func replacingCharts(_ html: [UInt8], pageURL: String) -> (html: [UInt8], edits: [Edit]) {
        let link = "<p><a href=\"\(HTMLEscaping.escape(pageURL))\">See the chart on the site</a></p>"
        return replaceElements(html, name: "svg", with: Array(link.utf8))
    }

    /// `<details …><summary>…</summary>` and `</details>` are removed; their content stays.
    static func unwrapDisclosures(_ html: [UInt8]) -> [UInt8] {
        // No disclosure step links to the page.
        disclosureSteps.reduce(html) { html, step in step.apply(html, "").html }
    }

    /// One rewrite of the body, which changes nothing where `opening` is not
    /// in it; given the body and the page's URL, it returns the text and its edits.
    private struct Step: Sendable {
        let opening: [UInt8]
        let apply: @Sendable (_ html: [UInt8], _ pageURL: String) -> (html: [UInt8], edits: [Edit])

        init(opening: String, apply: @escaping @Sendable (_ html: [UInt8], _ pageURL: String) -> (html: [UInt8], edits: [Edit])) {
            self.opening = Array(opening.utf8)
            self.apply = apply
        }
    }

    /// The steps of ``unwrapDisclosures(_:)``, in order.
    private static let disclosureSteps = [
        Step(opening: "<summary") { html, _ in removingElements(html, open: "<summary", close: "</summary>") },
        Step(opening: "<details") { html, _ in removingElements(html, open: "<details", close: ">") },
        Step(opening: "</details>") { html, _ in removingElements(html, open: "</details>", close: "") },
    ]

    /// Removes each element that starts with `open` up to the first `close`
    /// after it (`close` empty: just `open`).
    static func removeElements(_ html: [UInt8], open: String, close: String) -> [UInt8] {
        removingElements(html, open: open, close: close).html
    }

    /// ``removeElements(_:open:close:)``, with what it removed.
    static func removingElements(_ html: [UInt8], open: String, close: String) -> (html: [UInt8], edits: [Edit]) {
        let open = Array(open.utf8), close = Array(close.utf8)
        // Most bodies have none: keep the array instead of copying it.
        guard find(open, in: html, from: 0) != nil else { return (html, []) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var edits: [Edit] = []
        var cursor = 0
        while let start = find(open, in: html, from: cursor) {
            out += html[cursor..<start]
            let afterOpen = start + open.count
            guard !close.isEmpty else {
                edits.append(Edit(old: start..<afterOpen, newCount: 0))
                cursor = afterOpen
                continue
            }
            guard let end = find(close, in: html, from: afterOpen) else {
                cursor = start
                break
            }
            cursor = end + close.count
            edits.append(Edit(old: start..<cursor, newCount: 0))
        }
        out += html[cursor...]
        return (out, edits)
    }

    /// Replaces each `<name …>…</name>` element, counting nested ones, with
    /// `replacement`; returns the text and its edits.
    private static func replaceElements(_ html: [UInt8], name: String, with replacement: [UInt8]) -> (html: [UInt8], edits: [Edit]) {
        let open = Array("<\(name)".utf8), close = Array("</\(name)>".utf8)
        guard find(open, in: html, from: 0) != nil else { return (html, []) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var edits: [Edit] = []
        var cursor = 0
        while let start = find(open, in: html, from: cursor) {
            out += html[cursor..<start]
            var depth = 0
            var position = start
            var end: Int?
            while let nextClose = find(close, in: html, from: position) {
                if let nextOpen = find(open, in: html, from: position), nextOpen < nextClose {
                    depth += 1
                    position = nextOpen + open.count
                } else {
                    depth -= 1
                    position = nextClose + close.count
                    if depth == 0 { end = position; break }
                }
            }
            guard let end else {
                cursor = start
                break
            }
            out += replacement
            edits.append(Edit(old: start..<end, newCount: replacement.count))
            cursor = end
        }
        out += html[cursor...]
        return (out, edits)
    }

    /// `href="…"` and `src="…"` made absolute: root-relative against the site's
    /// origin, fragments and relative paths against the page.
    static func absoluteLinks(_ html: [UInt8], pageURL: String, settings: SiteSettings) -> [UInt8] {
        let href = Array(" href=\"".utf8), src = Array(" src=\"".utf8)
        let bases = LinkBases(pageURL: pageURL, baseURL: settings.baseURL)
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 8)
        var cursor = 0
        var nextHref = find(href, in: html, from: 0)
        var nextSrc = find(src, in: html, from: 0)
        while nextHref != nil || nextSrc != nil {
            let isHref = nextSrc == nil || (nextHref != nil && nextHref! < nextSrc!)
            let start = (isHref ? nextHref! : nextSrc!) + (isHref ? href.count : src.count)
            guard let end = html[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out += html[cursor..<start]
            html.withUnsafeBufferPointer { bytes in
                bases.appendAbsolute(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &out)
            }
            cursor = end
            if isHref { nextHref = find(href, in: html, from: end) } else { nextSrc = find(src, in: html, from: end) }
            // A match that started inside the value just rewritten is stale.
            if let h = nextHref, h < end { nextHref = find(href, in: html, from: end) }
            if let s = nextSrc, s < end { nextSrc = find(src, in: html, from: end) }
        }
        out += html[cursor...]
        return out
    }

    /// What a body's links are resolved against, as UTF-8, worked out once
    /// per body: a feed body has forty links, and each made a string, searched
    /// and joined cost more than the rest of the rewrite.
    struct LinkBases {
        /// The article's absolute URL: fragments and empty links go after it.
        let page: [UInt8]
        /// The site's origin ("https://example.org"): root-relative links go after it.
        let origin: [UInt8]
        /// The page's folder: other relative links go after it (pages end in "/").
        let folder: [UInt8]

        init(pageURL: String, baseURL: String) {
            page = Array(pageURL.utf8)
            origin = Array(FeedContent.origin(of: baseURL).utf8)
            if page.last == UInt8(ascii: "/") {
                folder = page
            } else if let slash = page.lastIndex(of: UInt8(ascii: "/")) {
                folder = Array(page[...slash])
            } else {
                folder = page
            }
        }

        /// Appends `url` (as written in the HTML: entities such as `&amp;`
        /// stay as they are) made absolute to `out`.
        func appendAbsolute(_ url: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
            guard let first = url.first else {
                out += page
                return
            }
            if LinkChecker.hasSchemeOrAuthority(utf8: url) {
                // kept as written
            } else if first == UInt8(ascii: "#") {
                out += page
            } else if first == UInt8(ascii: "/") {
                out += origin
            } else {
                out += folder
            }
            out.append(contentsOf: url)
        }
    }

    /// The offset of the first `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from <= haystack.count - needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in ByteScan.firstOffset(of: pattern, in: hay, from: from) }
        }
    }

    /// "https://example.org/blog/" -> "https://example.org".
    static func origin(of baseURL: String) -> String {
        // Bytes, not the standard library's `firstRange(of:)`, which walked
        // characters through a generic matcher for every feed body.
        let bytes = Array(baseURL.utf8)
        guard let scheme = find(Array("://".utf8), in: bytes, from: 0),
              let slash = bytes[(scheme + 3)...].firstIndex(of: UInt8(ascii: "/")) else { return baseURL }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }
}

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
        var html = replaceCharts(body, pageURL: pageURL)
        // The default theme's anchor links ("#"), with the space before them.
        html = removeElements(html, open: " <a class=\"heading-anchor\"", close: "</a>")
        html = removeElements(html, open: "<a class=\"heading-anchor\"", close: "</a>")
        html = unwrapDisclosures(html)
        return absoluteLinks(html, pageURL: pageURL, settings: settings)
    }

    /// Every inline `<svg>…</svg>` (nested ones included) becomes a link to the page.
    static func replaceCharts(_ html: String, pageURL: String) -> String {
        let link = "<p><a href=\"\(HTMLEscaping.escape(pageURL))\">See the chart on the site</a></p>"
        return replaceElements(html, name: "svg", with: link)
    }

    /// `<details …><summary>…</summary>` and `</details>` are removed; their content stays.
    static func unwrapDisclosures(_ html: String) -> String {
        var out = html
        out = removeElements(out, open: "<summary", close: "</summary>")
        out = removeTags(out, open: "<details")
        return out.replacing("</details>", with: "")
    }

    /// Removes each element that starts with `open` up to the first `close` after it.
    static func removeElements(_ html: String, open: String, close: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: open) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: close) else { return out + rest[start.lowerBound...] }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// Removes start tags beginning with `open` (up to their `>`).
    private static func removeTags(_ html: String, open: String) -> String {
        removeElements(html, open: open, close: ">")
    }

    /// Replaces each `<name …>…</name>` element, counting nested ones, with `replacement`.
    private static func replaceElements(_ html: String, name: String, with replacement: String) -> String {
        var out = ""
        var rest = html[...]
        let open = "<\(name)", close = "</\(name)>"
        while let start = rest.range(of: open) {
            out += rest[..<start.lowerBound]
            var depth = 0
            var cursor = start.lowerBound
            var end: String.Index?
            while let nextClose = rest[cursor...].range(of: close) {
                let nextOpen = rest[cursor..<nextClose.lowerBound].range(of: open)
                if let nextOpen {
                    depth += 1
                    cursor = nextOpen.upperBound
                } else {
                    depth -= 1
                    cursor = nextClose.upperBound
                    if depth == 0 { end = nextClose.upperBound; break }
                }
            }
            guard let end else { return out + rest[start.lowerBound...] }
            out += replacement
            rest = rest[end...]
        }
        return out + rest
    }

    /// `href="…"` and `src="…"` made absolute: root-relative against the site's
    /// origin, fragments and relative paths against the page.
    static func absoluteLinks(_ html: String, pageURL: String, settings: SiteSettings) -> String {
        var out = ""
        var rest = html[...]
        while let attribute = nextURLAttribute(in: rest) {
            out += rest[..<attribute.valueStart]
            let value = String(rest[attribute.valueStart..<attribute.valueEnd])
            out += absolute(value, pageURL: pageURL, settings: settings)
            rest = rest[attribute.valueEnd...]
        }
        return out + rest
    }

    private static func nextURLAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index)? {
        var best: Range<String.Index>?
        for name in [" href=\"", " src=\""] {
            if let found = text.range(of: name), best == nil || found.lowerBound < best!.lowerBound { best = found }
        }
        guard let best, let end = text[best.upperBound...].firstIndex(of: "\"") else { return nil }
        return (best.upperBound, end)
    }

    /// One URL as written in the HTML (entities such as `&amp;` stay as they are).
    static func absolute(_ url: String, pageURL: String, settings: SiteSettings) -> String {
        if url.hasPrefix("//") || LinkChecker.hasScheme(url) { return url }
        if url.hasPrefix("#") { return pageURL + url }
        if url.hasPrefix("/") { return origin(of: settings.baseURL) + url }
        if url.isEmpty { return pageURL }
        // Relative to the page's folder (pages end in "/").
        var base = pageURL
        if !base.hasSuffix("/"), let slash = base.lastIndex(of: "/") { base = String(base[...slash]) }
        return base + url
    }

    /// "https://example.org/blog/" -> "https://example.org".
    static func origin(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return baseURL }
        return String(baseURL[..<slash])
    }
}

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
        /// `href`/`src` values, in document order, unescaped.
        var links: [String]
    }

    let baseURL: String
    let basePath: String

    /// Scans an HTML page for its ids and links.
    static func scan(_ html: String, path: String, source: String) -> Page {
        var ids = Set<String>()
        var links: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            // Attribute names are preceded by white space inside a tag.
            guard bytes[index] == 0x20 || bytes[index] == 0x0A else { index += 1; continue }
            let start = index + 1
            if let (name, value, end) = attribute(in: bytes, at: start) {
                if name == "id" { ids.insert(value) } else { links.append(value) }
                index = end
            } else {
                index += 1
            }
        }
        return Page(path: path, source: source, ids: ids, links: links)
    }

    /// Reads `id="…"`, `href="…"` or `src="…"` (either quote) at `start`.
    private static func attribute(in bytes: [UInt8], at start: Int) -> (String, String, Int)? {
        for name in ["href", "src", "id"] {
            let nameBytes = Array(name.utf8)
            let valueStart = start + nameBytes.count + 2
            guard valueStart <= bytes.count,
                  bytes[start..<(start + nameBytes.count)].elementsEqual(nameBytes),
                  bytes[start + nameBytes.count] == UInt8(ascii: "=") else { continue }
            let quote = bytes[start + nameBytes.count + 1]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            guard let end = bytes[valueStart...].firstIndex(of: quote) else { return nil }
            let raw = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            return (name, unescape(raw), end + 1)
        }
        return nil
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacing("&quot;", with: "\"").replacing("&#39;", with: "'")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }

    /// A broken link: where it is and why.
    struct Broken: Sendable, Equatable {
        var source: String
        var page: String
        var link: String
        var reason: String
    }

    /// Every broken internal link among `pages`; `files` are all other written paths.
    func check(_ pages: [Page], files: Set<String>) -> [Broken] {
        let byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let allFiles = files.union(byPath.keys)
        var broken: [Broken] = []
        for page in pages {
            for link in page.links {
                guard let (target, fragment) = resolve(link, from: page.path) else { continue }
                let file: String
                if target == nil {
                    file = page.path
                } else if let found = existing(target!, in: allFiles) {
                    file = found
                } else {
                    broken.append(Broken(source: page.source, page: page.path, link: link,
                                         reason: "no page or file is written at /\(target!)"))
                    continue
                }
                if let fragment, !fragment.isEmpty, let targetPage = byPath[file], !targetPage.ids.contains(fragment) {
                    broken.append(Broken(source: page.source, page: page.path, link: link,
                                         reason: "/\(file) has no element with id '\(fragment)'"))
                }
            }
        }
        return broken
    }

    /// The site path a link points at (`nil` for the same page) and its fragment,
    /// or `nil` when the link leaves the site.
    func resolve(_ link: String, from pagePath: String) -> (String?, String?)? {
        var url = link
        if url.hasPrefix(baseURL) { url = basePath + url.dropFirst(baseURL.count) }
        if url.hasPrefix("//") || Self.hasScheme(url) { return nil }
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = String(url[url.index(after: hash)...]).removingPercentEncoding
            url = String(url[..<hash])
        }
        if let query = url.firstIndex(of: "?") { url = String(url[..<query]) }
        if url.isEmpty { return (nil, fragment) }
        let decoded = url.removingPercentEncoding ?? url
        var segments: [Substring]
        if decoded.hasPrefix("/") {
            // Outside the site's base path: another site on the same host.
            guard decoded.hasPrefix(basePath) else { return nil }
            segments = decoded.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: false)
        } else {
            segments = pagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            segments += decoded.split(separator: "/", omittingEmptySubsequences: false)
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

    /// Whether the URL starts with a scheme (`https:`, `mailto:`).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), colon > url.startIndex else { return false }
        let scheme = url[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The written file a site path denotes: itself, or its index.html.
    private func existing(_ path: String, in files: Set<String>) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return files.contains(index) ? index : nil
        }
        if files.contains(path) { return path }
        let index = path + "/index.html"
        return files.contains(index) ? index : nil
    }
}

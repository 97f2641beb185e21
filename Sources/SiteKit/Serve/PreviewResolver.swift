/// Decides how the preview server (`sitegen serve`) answers a request path,
/// the way a static host would: `index.html` for folders, a redirect to add the
/// trailing slash, the site's 404 page for anything missing.
public struct PreviewResolver: Sendable {
    /// What exists at a path inside the output folder.
    public enum Kind: Sendable {
        case file, folder, missing
    }

    /// The answer to one request.
    public enum Response: Sendable, Equatable {
        /// Send this file (path relative to the output folder).
        case file(String, contentType: String)
        /// Send the browser to this URL path.
        case redirect(String)
        /// Nothing there; send this 404 page if there is one.
        case notFound(page: String?)
    }

    /// The site's path on its host ("/" or "/blog/").
    public let basePath: String

    public init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Answers a request for `requestPath` (without the query string); `kind`
    /// says what exists at a path relative to the output folder.
    public func resolve(_ requestPath: String, kind: (String) -> Kind) -> Response {
        let notFound = Response.notFound(page: kind("404.html") == .file ? "404.html" : nil)
        guard let path = requestPath.removingPercentEncodingSafely, path.hasPrefix("/") else { return notFound }
        if path + "/" == basePath { return .redirect(basePath) }
        guard path.hasPrefix(basePath) else { return notFound }
        let relative = String(path.dropFirst(basePath.count))
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        // Never leave the output folder, never serve hidden files (the marker).
        guard !segments.contains(where: { $0 == ".." || $0.hasPrefix(".") }), !relative.contains("\0") else {
            return notFound
        }
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return kind(index) == .file ? .file(index, contentType: Self.contentType(of: index)) : notFound
        }
        switch kind(relative) {
        case .file: return .file(relative, contentType: Self.contentType(of: relative))
        case .folder: return .redirect(path + "/")
        case .missing: return notFound
        }
    }

    /// The Content-Type for a file name.
    public static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return name == "sitemap.xml" ? "application/xml" : "application/atom+xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

extension String {
    /// `%XX` escapes decoded, or `nil` when they are malformed or not UTF-8.
    var removingPercentEncodingSafely: String? {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

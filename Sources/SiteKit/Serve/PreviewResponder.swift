import Foundation

/// One HTTP answer of the preview server, independent of the server library.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    /// Header names as sent; `Content-Length` included.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Answers the preview's requests for pages and files: what a static host
/// would send (`PreviewResolver`), plus the live-reload script and, while the
/// last rebuild failed, the error banner on every HTML page. HEAD gets GET's
/// headers; every answer has an ETag, and a matching If-None-Match gets 304.
public struct PreviewResponder: Sendable {
    /// The folder holding the last good build, or `nil` before the first one.
    public var output: URL?
    public var basePath: String
    /// Added to every HTML page served (reload script, error banner).
    public var decorate: @Sendable (String) -> String

    public init(output: URL?, basePath: String, decorate: @escaping @Sendable (String) -> String) {
        self.output = output
        self.basePath = basePath
        self.decorate = decorate
    }

    /// The answer to `method path` (path as sent, percent-encoded, no query).
    public func respond(method: String, path: String, ifNoneMatch: String? = nil) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return PreviewResponse(status: 405, headers: ["Allow": "GET, HEAD", "Content-Length": "0"], body: Data())
        }
        var response = answer(path)
        let tag = "\"\(ContentHash.hex(ofBytes: response.body))\""
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = "no-cache"
        if response.status == 200, let ifNoneMatch, Self.matches(ifNoneMatch, tag) {
            response.status = 304
            response.body = Data()
            response.headers["Content-Length"] = nil
            response.headers["Content-Type"] = nil
            return response
        }
        response.headers["Content-Length"] = String(response.body.count)
        if method == "HEAD" { response.body = Data() }
        return response
    }

    /// Status, type and full body for a GET of `path`.
    private func answer(_ path: String) -> PreviewResponse {
        let html = "text/html; charset=utf-8"
        guard let output else {
            let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head>"
                + "<body><h1>The site does not build yet</h1><p>Fix the files and save.</p></body></html>\n"
            return PreviewResponse(status: 503, headers: ["Content-Type": html], body: Data(decorate(page).utf8))
        }
        let resolved = PreviewResolver(basePath: basePath).resolve(path) { relative in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output.appending(path: relative).path, isDirectory: &isFolder) else {
                return .missing
            }
            return isFolder.boolValue ? .folder : .file
        }
        func body(_ relative: String) -> Data {
            let data = (try? Data(contentsOf: output.appending(path: relative))) ?? Data()
            guard relative.hasSuffix(".html") else { return data }
            return Data(decorate(String(decoding: data, as: UTF8.self)).utf8)
        }
        switch resolved {
        case .file(let relative, let contentType):
            return PreviewResponse(status: 200, headers: ["Content-Type": contentType], body: body(relative))
        case .redirect(let location):
            return PreviewResponse(status: 301, headers: ["Location": location], body: Data())
        case .notFound(let page):
            return PreviewResponse(status: 404, headers: ["Content-Type": page == nil ? "text/plain; charset=utf-8" : html],
                                   body: page.map(body) ?? Data("Not found\n".utf8))
        }
    }

    /// Whether an If-None-Match header value names `tag` (weak tags compare
    /// equal, as RFC 9110 asks for GET).
    static func matches(_ header: String, _ tag: String) -> Bool {
        let strong = { (value: Substring) -> Substring in
            let trimmed = value.trimmingCharacters(in: .whitespaces)[...]
            return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        }
        return header.split(separator: ",").contains { strong($0) == "*" || strong($0) == tag }
    }
}

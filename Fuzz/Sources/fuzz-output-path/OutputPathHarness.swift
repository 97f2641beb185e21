import FuzzSupport
import SiteKit

/// Front matter keys that name output files (`slug`, `aliases`, `tags`): every
/// file an article or page that decodes would write stays inside the output
/// folder. The input is front matter lines placed after a valid title and date,
/// so the fuzzer spends its time on these keys.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let lines = String(decoding: bytes(data, size), as: UTF8.self)
    let text = "---\ntitle: Fuzz\ndate: 2024-05-01\n\(lines)\n---\nBody.\n"

    if let article = try? Article.parse(text, file: "content/articles/fuzz.md", fileSlug: "fuzz") {
        for path in OutputPaths.files(of: article) { requireInsideOutput(path) }
        for tag in article.tags { requireSegment(Slug.term(tag), "tag '\(tag)'") }
    }
    if let page = try? StandalonePage.parse(text, file: "content/pages/fuzz.md", fileSlug: "fuzz") {
        for path in OutputPaths.files(of: page) { requireInsideOutput(path) }
    }

    // Free text made into slugs (file names, terms) is always one safe segment.
    let made = Slug.make(from: lines)
    require(made.isEmpty || Slug.isValid(made), "Slug.make gave '\(made)'")
    let term = Slug.term(lines)
    if !term.isEmpty { requireSegment(term, "term") }
    return 0
}

/// A relative path below the output folder: no empty, `.` or `..` segment, no
/// leading `/` or `\`, no NUL or other control character in a file name.
private func requireInsideOutput(_ path: String) {
    require(!path.isEmpty && !path.hasPrefix("/"), "output path '\(path)' is absolute or empty")
    for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
        requireSegment(String(segment), "output path '\(path.debugDescription)'")
    }
}

private func requireSegment(_ segment: String, _ what: String) {
    require(!segment.isEmpty && segment != "." && segment != "..", "\(what): segment '\(segment)' leaves its folder")
    require(!segment.contains("/") && !segment.contains("\\"), "\(what): segment '\(segment)' holds a separator")
    require(segment.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F },
            "\(what): control character in '\(segment.debugDescription)'")
}

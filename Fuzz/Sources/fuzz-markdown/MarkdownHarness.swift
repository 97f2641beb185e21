import FuzzSupport
import SiteKit

/// The Markdown pipeline: cmark-gfm's parse, sitegen's tree rewrite (heading ids
/// and anchors, embed blocks replaced, links rewritten) and the render. The first
/// byte's low bit turns raw HTML on. Checked: the same input renders the same
/// twice (freed memory read during the rewrite would differ, or AddressSanitizer
/// stops first); heading ids are unique and on the page; each embed block is
/// replaced once; without raw HTML only cmark's own elements appear; with it,
/// tagfilter still neutralises `<script>` and its kin by its own rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = bytes(data, size)
    let rawHTML = input[0] & 1 == 1
    // Article bodies come from text the loader has normalised (LF line ends only).
    let markdown = SourceText.normalizeLineEnds(String(decoding: input.dropFirst(), as: UTF8.self))
    let options = MarkdownOptions(allowRawHTML: rawHTML, reservedIDs: ["main", "site-title"])

    let lines = lineCount(of: markdown)
    var blocks: [EmbedBlock] = []
    func render() -> RenderedMarkdown? {
        blocks = []
        do {
            return try MarkdownRenderer.render(
                markdown, options: options, embedNames: EmbedRenderer.names,
                embed: { block in
                    blocks.append(block)
                    return block.name == "viewing-table" ? nil : HTML(unsafeRaw: "<div class=\"fuzz-embed\"></div>\n")
                },
                rewriteLink: { url in url.hasSuffix(".md") ? "/articles/x/" : nil })
        } catch .nestedTooDeep(let line, let column) {
            require((1...lines).contains(line) && column >= 1, "nesting error at \(line):\(column) of \(lines) lines")
            return nil
        } catch {
            fatalError("\(error)")
        }
    }
    guard let first = render() else { return 0 }
    let second = render()
    require(first == second, "two renders of the same Markdown differ:\n\(first.html)\n---\n\(second?.html ?? "")")

    var seen = Set<String>()
    for heading in first.headings {
        require(!heading.id.isEmpty, "empty heading id")
        require(!options.reservedIDs.contains(heading.id), "heading took the reserved id '\(heading.id)'")
        require(seen.insert(heading.id).inserted, "heading id '\(heading.id)' twice")
        require((1...6).contains(heading.level), "heading level \(heading.level)")
        require(first.html.contains("id=\"\(HTMLEscaping.escape(heading.id))\""), "heading id '\(heading.id)' not on the page")
    }

    for block in blocks {
        // Near-misses of embed names reach the embed step too, which fails them with a suggestion.
        require(EmbedRenderer.names.contains(block.name)
                    || Suggestion.closest(to: block.name, in: Array(EmbedRenderer.names)) != nil,
                "embed '\(block.name)' is neither an embed name nor a near-miss of one")
        require((1...lines).contains(block.line), "embed block on line \(block.line) of \(lines)")
    }
    let replaced = blocks.filter { $0.name != "viewing-table" }.count
    require(occurrences(of: "<div class=\"fuzz-embed\">", in: first.html) == replaced,
            "\(replaced) embeds, but not as many on the page:\n\(first.html)")

    if rawHTML {
        requireTagfilter(first.html)
    } else {
        requireOnlyTags(cmarkElements, in: first.html, "safe mode")
        require(!first.html.lowercased().contains("href=\"javascript:"), "javascript: link in safe mode")
    }
    require(first.wordCount >= 0, "negative word count")
    return 0
}

private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// What cmark-gfm writes for GFM with footnotes, plus the embed marker.
private let cmarkElements: Set<String> = [
    "p", "em", "strong", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "pre", "code", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "input", "section", "sup", "div",
]

/// GFM's tagfilter: a tag named `script`, `iframe` or the others, whose name is
/// followed by whitespace, `>` or `/>`, has its `<` written as `&lt;`. (Its rule, not
/// HTML's: `<script/x>` passes, as raw HTML trusts the editor anyway.)
private func requireTagfilter(_ html: String) {
    for tag in tags(in: html) where filteredByTagfilter.contains(tag.name) {
        let next = tag.following.first
        let filtered = next == UInt8(ascii: ">") || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0C
            || next == 0x0D || (next == UInt8(ascii: "/") && tag.following.dropFirst().first == UInt8(ascii: ">"))
        require(!filtered, "<\(tag.name)> got through tagfilter:\n\(html)")
    }
}

/// GFM's disallowed raw HTML.
private let filteredByTagfilter: Set<String> = [
    "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
]

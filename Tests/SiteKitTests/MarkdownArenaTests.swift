import Testing
@testable import SiteKit

/// cmark-gfm allocates from an arena per document (`CmarkSupport/arena.c`):
/// documents larger than its blocks, buffers that grow, and a render inside
/// another's embed must come out as they do on their own.
@Suite struct MarkdownArenaTests {
    @Test func aDocumentLargerThanTheArenaBlocksRendersWhole() throws {
        // About 600 KB of Markdown: several 128 KB blocks, and text buffers
        // that grow well past one block.
        let paragraphs = (0..<6_000).map { "Paragraph \($0) with *emphasis*, ~~a strike~~ and www.example.com/\($0)." }
        let longLine = String(repeating: "word ", count: 40_000)
        let markdown = "# Title\n\n" + paragraphs.joined(separator: "\n\n") + "\n\n" + longLine + "\n"
        let html = try MarkdownRenderer.render(markdown).html
        #expect(html.components(separatedBy: "<p>").count - 1 == 6_001)
        #expect(html.contains("<p>Paragraph 5999 with <em>emphasis</em>, <del>a strike</del> and <a href=\"http://www.example.com/5999\">www.example.com/5999</a>.</p>"))
        #expect(html.contains("<p>" + String(repeating: "word ", count: 39_999) + "word</p>"))
    }

    @Test func aRenderInsideAnEmbedLeavesTheOuterDocumentWhole() throws {
        let inner = "Inner *text* with ~~strike~~ and [a link](https://example.com/inner)."
        let innerAlone = try MarkdownRenderer.render(inner).html
        var innerInEmbed = ""
        let outer = "# Outer\n\nBefore.\n\n```viewing-chart\nshow: x\n```\n\nAfter *emphasis* with ~~strike~~.\n"
        let rendered = try MarkdownRenderer.render(utf8: Array(outer.utf8), embedNames: ["viewing-chart"], embed: { _ in
            // Opens a second arena on this thread while the outer one is open.
            innerInEmbed = (try? MarkdownRenderer.render(inner).html) ?? "failed"
            return HTML(unsafeRaw: "<figure>embedded</figure>")
        })
        #expect(innerInEmbed == innerAlone)
        let outerAlone = try MarkdownRenderer.render(utf8: Array(outer.utf8), embedNames: ["viewing-chart"], embed: { _ in
            HTML(unsafeRaw: "<figure>embedded</figure>")
        })
        #expect(rendered.html == outerAlone.html)
        #expect(rendered.html.contains("<figure>embedded</figure>"))
        #expect(rendered.html.contains("<p>After <em>emphasis</em> with <del>strike</del>.</p>"))
    }
}

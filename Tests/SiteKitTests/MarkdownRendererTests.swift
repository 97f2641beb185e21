import Foundation
import Dispatch
import Synchronization
import Testing
@testable import SiteKit

/// cmark-gfm through MarkdownRenderer: GFM extensions, safety defaults, heading
/// ids, summaries, embeds, and rendering from many threads at once.
@Suite struct MarkdownRendererTests {
    func html(_ markdown: String, rawHTML: Bool = false, reserved: Set<String> = []) throws -> String {
        try MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: rawHTML, reservedIDs: reserved)).html
    }

    // MARK: GFM extensions

    @Test func table() throws {
        let out = try html("| Week | Rank |\n|:-----|-----:|\n| 1 | 3 |\n")
        #expect(out == """
        <table>
        <thead>
        <tr>
        <th align="left">Week</th>
        <th align="right">Rank</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">1</td>
        <td align="right">3</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    @Test func strikethrough() throws {
        #expect(try html("It was ~~cancelled~~ renewed.") == "<p>It was <del>cancelled</del> renewed.</p>\n")
    }

    @Test func autolink() throws {
        #expect(try html("See www.netflix.com and https://top10.netflix.com/tv now.")
            == "<p>See <a href=\"http://www.netflix.com\">www.netflix.com</a> and <a href=\"https://top10.netflix.com/tv\">https://top10.netflix.com/tv</a> now.</p>\n")
    }

    @Test func tagfilterEscapesDangerousTagsEvenWithRawHTML() throws {
        let out = try html("<div class=\"note\">ok</div>\n\n<script>alert(1)</script>\n\n<p>an <iframe src=\"x\"></iframe> and <b>bold</b></p>\n",
                           rawHTML: true)
        #expect(out == """
        <div class="note">ok</div>
        &lt;script>alert(1)&lt;/script>
        <p>an &lt;iframe src="x">&lt;/iframe> and <b>bold</b></p>

        """)
    }

    @Test func tasklist() throws {
        #expect(try html("- [x] trailer\n- [ ] premiere\n") == """
        <ul>
        <li><input type="checkbox" checked="" disabled="" aria-label="Done" /> trailer</li>
        <li><input type="checkbox" disabled="" aria-label="Not done" /> premiere</li>
        </ul>

        """)
    }

    @Test func footnotes() throws {
        let out = try html("Renewed.[^1]\n\n[^1]: Per Netflix.\n")
        #expect(out.contains("<p>Renewed.<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></p>"))
        #expect(out.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(out.contains("<li id=\"fn-1\">\n<p>Per Netflix. <a href=\"#fnref-1\" class=\"footnote-backref\""))
    }

    // MARK: Safety

    @Test func rawHTMLIsDroppedByDefault() throws {
        #expect(try html("<div>x</div>\n\nText <b>bold</b>.\n")
            == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>\n")
    }

    @Test func rawHTMLIsKeptWhenAllowed() throws {
        #expect(try html("<div>x</div>\n\nText <b>bold</b>.\n", rawHTML: true)
            == "<div>x</div>\n<p>Text <b>bold</b>.</p>\n")
    }

    @Test func javascriptLinksAreNeutralisedByDefault() throws {
        #expect(try html("[click](javascript:alert(1)) ![i](javascript:x)")
            == "<p><a href=\"\">click</a> <img src=\"\" alt=\"i\" /></p>\n")
    }

    @Test func textIsEscaped() throws {
        #expect(try html("a < b & \"c\"") == "<p>a &lt; b &amp; “c”</p>\n")
    }

    // MARK: Headings

    @Test func headingIDsAreStableAndUnique() throws {
        let rendered = try MarkdownRenderer.render("""
        ## Ratings
        ## Ratings
        ## Ratings 1
        ## How it's *performing*
        ## Рейтинги и отзывы
        ## 日本語
        ## ???
        ## Main
        """, options: MarkdownOptions(reservedIDs: ["main"]))
        #expect(rendered.headings.map(\.id) == [
            "ratings", "ratings-1", "ratings-1-1", "how-its-performing", "рейтинги-и-отзывы", "日本語", "section", "main-1",
        ])
        #expect(rendered.headings.map(\.text)[3] == "How it’s performing")
        #expect(rendered.html.hasPrefix(
            "<h2 id=\"ratings\">Ratings <a class=\"heading-anchor\" href=\"#ratings\" aria-label=\"Link to section: Ratings\">#</a></h2>\n"))
        #expect(rendered.html.contains(
            "<h2 id=\"how-its-performing\">How it’s <em>performing</em> <a class=\"heading-anchor\" href=\"#how-its-performing\" aria-label=\"Link to section: How it’s performing\">#</a></h2>"))
        // Rendering again gives the same ids: nothing leaks between documents.
        let again = try MarkdownRenderer.render("## Ratings\n")
        #expect(again.headings == [Heading(level: 2, id: "ratings", text: "Ratings")])
    }

    /// Regression: the heading rewrite freed each heading while the inline HTML
    /// nodes it moved still pointed into the heading's text buffer, so pages
    /// published garbage bytes and lost the rest of the body.
    @Test func headingsHoldingInlineHTMLKeepTheirTextAndTheBody() throws {
        let markdown = """
        ## <a name="install"></a>Installing the tool

        First paragraph after the heading.

        ## <span class="new">New</span> in version <b>2</b>

        ### Third <em>heading</em> here

        The last paragraph, which must survive.
        """
        let rendered = try MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true))
        #expect(rendered.headings.map(\.id) == ["installing-the-tool", "new-in-version-2", "third-heading-here"])
        #expect(rendered.html == """
        <h2 id="installing-the-tool"><a name="install"></a>Installing the tool <a class="heading-anchor" href="#installing-the-tool" aria-label="Link to section: Installing the tool">#</a></h2>
        <p>First paragraph after the heading.</p>
        <h2 id="new-in-version-2"><span class="new">New</span> in version <b>2</b> <a class="heading-anchor" href="#new-in-version-2" aria-label="Link to section: New in version 2">#</a></h2>
        <h3 id="third-heading-here">Third <em>heading</em> here <a class="heading-anchor" href="#third-heading-here" aria-label="Link to section: Third heading here">#</a></h3>
        <p>The last paragraph, which must survive.</p>

        """)
    }

    @Test func linksAreRecordedWhereTheyAreWritten() throws {
        let rendered = try MarkdownRenderer.render("""
        Intro [one](/a) and `[code](/not-a-link)`
        é second [two](b.md#x) ![img](/i.png)

        > quote [three][r] and www.example.com

        [r]: /ref
        """, rewriteLink: { $0 == "b.md#x" ? "/articles/b/#x" : nil })
        #expect(rendered.links == [
            MarkdownLink(url: "/a", line: 1, column: 7),
            MarkdownLink(url: "/articles/b/#x", line: 2, column: 10),
            MarkdownLink(url: "/i.png", line: 2, column: 24, isImage: true),
            MarkdownLink(url: "/ref", line: 4, column: 9),
            MarkdownLink(url: "http://www.example.com", line: 4, column: 23),
        ])
    }

    /// Found by Fuzz/: cmark writes a NUL as U+FFFD (three bytes), so its byte
    /// columns can fall inside a character of the source, which trapped.
    @Test func linkColumnsInsideACharacterDoNotTrap() throws {
        let rendered = try MarkdownRenderer.render("\u{0}[é](/y) and \u{0}\u{0}[ü](/z)\n")
        #expect(rendered.links.map(\.url) == ["/y", "/z"])
        #expect(rendered.links.allSatisfy { $0.line == 1 && $0.column >= 1 })
        // The fuzzer's input (raw HTML off, as its first byte says), decoded as the harness does.
        let input = try #require(Data(base64Encoded: "AVRleHRbKV4xXSBhMV0gYW5kIH5+Z28APGRpdj48L2kYcmFtZT4KPC9kaXY+CgojcyBlbD55dDx4PC9zdHlsZT4gVGl0bGUKCjxhIGhyZWY9ImphdmFzY3JpcHQ6ACMgTWFpbgoKIyBNYWlzCgojIG1haW4tMAoKIyMgJlNuCgojIC0KbQppbjFhIyMgIwp3d3cuZXhhbXBsZS5vcmcKCnwgYSB8IGIgfAp8Oi0tQXwtLTp8CnwgfCBgfGAgfAoKLSBbIF0gdG9kbwotIFt4XQo8c2NyaXB0PmFswAJ0KDEpPC9zY3JpcP////9pZnJhbWUgc3JjPXg+PC9pGHJhbWU+CjwvZGl2PgoKI3MgZWw+eXQ8eDwvc3R5bGU+IFRpdGxlCgo8YSBocmVmPSJqYXZhc2NyaXB0OmFsZXJ0KDEpIj54PC9hPiBbeV0oamF2Y2FzcmlwdDphbGVydCgyKSkgW3pdKG5lfn4gd3d3LmV4YW1wbGUub3JnCgp8IGEgfCBiIHwKfDotLUF8LS06fAp8PiBbeV0oamF2Y2FzcmlhcnQpCg=="))
        let markdown = SourceText.normalizeLineEnds(String(decoding: input.dropFirst(), as: UTF8.self))
        let links = try MarkdownRenderer.render(markdown).links
        #expect(links.allSatisfy { $0.line >= 1 && $0.column >= 1 })
    }

    @Test func headingsNeverTakeFootnoteIDs() throws {
        let rendered = try MarkdownRenderer.render("## FN 1\n\n## Fnref 1\n\nText.[^1]\n\n[^1]: Note.\n")
        #expect(rendered.headings.map(\.id) == ["section-fn-1", "section-fnref-1"])
        #expect(rendered.html.components(separatedBy: "id=\"fn-1\"").count == 2)
    }

    @Test func headingTextIsEscapedInTheAnchorLabel() throws {
        let out = try html("# Tom & \"Jerry\" <3\n")
        #expect(out == "<h1 id=\"tom-jerry-3\">Tom &amp; “Jerry” &lt;3 <a class=\"heading-anchor\" href=\"#tom-jerry-3\" aria-label=\"Link to section: Tom &amp; “Jerry” &lt;3\">#</a></h1>\n")
    }

    @Test func headingSlugRules() {
        #expect(HeadingIDs.slug(for: "  Season 2 -- the  finale! ") == "season-2-the-finale")
        #expect(HeadingIDs.slug(for: "snake_case") == "snake_case")
        #expect(HeadingIDs.slug(for: "Émilie à Paris") == "émilie-à-paris")
        #expect(HeadingIDs.slug(for: "") == "section")
    }

    /// ASCII headings take a byte-by-byte path: it must agree with the
    /// character-by-character one on every ASCII character, alone and in runs.
    @Test func asciiSlugsMatchUnicodeSlugs() {
        let characters = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var texts = characters + characters.map { "A\($0)b" } + characters.map { "-\($0) \($0)-" }
        texts += ["  Season 2 -- the  finale! ", "a\r\nb", "--", " - ", "x__y", "ZZ top", "snake_case", ""]
        for text in texts {
            #expect(HeadingIDs.asciiSlug(for: text) == HeadingIDs.unicodeSlug(for: text), "\(Array(text.utf8))")
        }
        #expect(HeadingIDs.asciiSlug(for: "Émilie") == nil)
    }

    // MARK: Summary and word count

    @Test func firstParagraphAndWordCount() throws {
        let rendered = try MarkdownRenderer.render("""
        # Title here

        > A quote first.

        The *first* top-level
        paragraph, with `code`.

        Second paragraph.

        ```
        code block words are not counted
        ```
        """)
        #expect(rendered.firstParagraph == "The first top-level paragraph, with code.")
        // Title here (2) + A quote first. (3) + The first top-level paragraph, with code. (6) + Second paragraph. (2)
        #expect(rendered.wordCount == 13)
    }

    @Test func wordCountIsNotSplitByInlineMarkup() throws {
        // A word that runs across emphasis, code or a link is one word; a line
        // break, a table cell or a list item ends it.
        let rendered = try MarkdownRenderer.render("""
        It's the *un*believable `sitegen`'s [run](https://x.org)!
        Next\\
        line.

        | a | b |
        |---|---|
        | c | d |

        - one
        - two
        """)
        // It's, the, unbelievable, sitegen's, run!, Next, line., a, b, c, d, one, two
        #expect(rendered.wordCount == 13)
    }

    @Test func documentWithoutParagraph() throws {
        let rendered = try MarkdownRenderer.render("## Only a heading\n")
        #expect(rendered.firstParagraph == nil)
        #expect(rendered.wordCount == 3)
        #expect(try MarkdownRenderer.render("").html == "")
    }

    // MARK: Embeds

    @Test func embedBlocksAreReplacedInPlaceWithTheirLine() throws {
        var seen: [EmbedBlock] = []
        let rendered = try MarkdownRenderer.render("""
        Intro.

        ```viewing-chart
        show: partner-track
        ```

        Middle.

        ```swift
        let x = 1
        ```

        ```other-embed extra words
        a: <b>
        ```
        """, embedNames: ["viewing-chart", "other-embed"]) { block in
            seen.append(block)
            return block.name == "viewing-chart" ? HTML(unsafeRaw: "<figure class=\"chart\">\(block.line)</figure>") : nil
        }
        #expect(seen == [
            EmbedBlock(name: "viewing-chart", body: "show: partner-track\n", line: 3),
            EmbedBlock(name: "other-embed", body: "a: <b>\n", line: 13),
        ])
        #expect(rendered.html == """
        <p>Intro.</p>
        <figure class="chart">3</figure>
        <p>Middle.</p>
        <pre><code class="language-swift">let x = 1
        </code></pre>
        <pre><code class="language-other-embed">a: &lt;b&gt;
        </code></pre>

        """)
    }
}

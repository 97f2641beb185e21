import Testing
@testable import SiteKit

/// Article bodies the link scan reads by their quotes alone
/// (``LinkChecker/quotedAttributes(_:dropping:)``): what it finds must be what
/// reading every tag finds, and bodies it cannot read so must be read tag by tag.
@Suite struct QuotedAttributesTests {
    static func quoted(_ html: String, dropping known: LinkChecker.KnownLinks? = nil) -> (ids: Set<String>, links: [String])? {
        Array(html.utf8).withUnsafeBufferPointer { LinkChecker.quotedAttributes($0, dropping: known) }
    }

    static func tags(_ html: String, dropping known: LinkChecker.KnownLinks? = nil) -> (ids: Set<String>, links: [String]) {
        let page = LinkChecker.scan(utf8: Array(html.utf8), path: "a/index.html", source: "a.md", dropping: known)
        return (page.ids, page.links)
    }

    /// Markdown that exercises every kind of tag cmark-gfm writes with attributes
    /// (`<angles>` is raw HTML, which the safe mode writes as a comment).
    static let markdown = """
        # Title with "quotes" & <angles>

        A [link](/tags/x/ "a \\"title\\"") and <https://example.org/a?b=1&c='2'>, an
        ![image](/img/a b.png "x") and `code with id="fake" href="/no/"`.
        Text that says id="not-an-id" and href="/not/a/link/".

        - [x] done
        - [ ] open

        | a | b |
        |:-:|--:|
        | [c](#title-with-quotes) | d |

        Footnote[^1].

        [^1]: The [note](/note/).

        ```json
        {"id": "x", "href": "/y/"}
        ```
        """

    @Test func cmarkOutputReadsTheSameByQuotesAsByTags() throws {
        let rendered = try MarkdownRenderer.render(Self.markdown)
        #expect(rendered.quotedAttributesOnly)
        let html = rendered.html
        let byQuotes = try #require(Self.quoted(html))
        let byTags = Self.tags(html)
        #expect(byQuotes.ids == byTags.ids)
        #expect(byQuotes.links == byTags.links)
        #expect(byTags.links.contains("/tags/x/") && byTags.links.contains("/note/"))
        #expect(byTags.ids.contains("title-with-quotes"))
        #expect(!byTags.ids.contains("not-an-id") && !byTags.links.contains("/not/a/link/"))
        // With the links a build leaves out, left out alike.
        let known = LinkChecker(baseURL: "https://example.org/", basePath: "/").knownLinks(["tags/x/index.html"])
        #expect(Self.quoted(html, dropping: known)?.links == Self.tags(html, dropping: known).links)
        #expect(Self.quoted(html, dropping: known)?.links.contains("/tags/x/") == false)
    }

    @Test func aQuoteOutsideAnAttributeIsRefused() {
        #expect(Self.quoted(#"<p>He said "hi"</p>"#) == nil)
        #expect(Self.quoted(#"<p class="a">x ="y"</p>"#) == nil)       // no attribute name
        #expect(Self.quoted(#"<p class="a">x</p>""#) == nil)            // a quote never closed
        #expect(Self.quoted(#"<p>x</p>"#)?.ids == [])
    }

    @Test func bodiesThatCannotBeReadByQuotesAreSaid() throws {
        // Raw HTML let through may quote anything; cmark-gfm's safe mode writes a comment.
        let raw = "Text <span title='a\"b'>x</span>\n\n<div id=\"d\">y</div>\n"
        #expect(try !MarkdownRenderer.render(raw, options: MarkdownOptions(allowRawHTML: true)).quotedAttributesOnly)
        #expect(try MarkdownRenderer.render(raw).quotedAttributesOnly)
        // An embed is a theme's figure.
        let embedded = try MarkdownRenderer.render("```chart\nx\n```\n", embedNames: ["chart"],
                                                   embed: { _ in HTML(unsafeRaw: "<figure id=\"f\"><svg></svg></figure>") })
        #expect(!embedded.quotedAttributesOnly)
        // A theme's heading markup with single quotes is read tag by tag.
        let single = try MarkdownRenderer.render("## A\n\nText.\n", heading: { heading in
            HeadingMarkup(before: HTML(unsafeRaw: "<h\(heading.level) id='\(heading.id)'>"),
                          after: HTML(unsafeRaw: "</h\(heading.level)>"))
        })
        #expect(!single.quotedAttributesOnly)
        // A theme's heading markup with double quotes reads by them.
        let double = try MarkdownRenderer.render("## A\n\nText.\n", heading: HeadingMarkup.plain)
        #expect(double.quotedAttributesOnly)
    }

    @Test func sitegensHeadingMarkupReadsByQuotes() {
        for text in [#"Say "hi" & <go>"#, "it's", "plain"] {
            for markup in [HeadingMarkup.standard(Heading(level: 2, id: "x\"y", text: text)),
                           HeadingMarkup.plain(Heading(level: 3, id: "a&b", text: text))] {
                #expect(markup.readsByQuotes)
                #expect(KnownMarkup.readsByQuotes(markup.before.utf8 + markup.after.utf8), "\(text)")
            }
        }
        // A theme's markup is not taken on trust.
        #expect(!HeadingMarkup(before: "<h2 id=\"x\">", after: "</h2>").readsByQuotes)
    }

    @Test func aBodyIsPassedOverWithTheIdsAndLinksItHolds() throws {
        let rendered = try MarkdownRenderer.render(Self.markdown)
        let body = try #require(KnownMarkup.quoted(HTML(unsafeRawUTF8: rendered.utf8), dropping: nil))
        let page = Array("<main><div class=\"prose\">\n".utf8) + rendered.utf8 + Array("</div><a href=\"/after/\">a</a></main>".utf8)
        let passed = LinkChecker.scan(utf8: page, path: "a/index.html", source: "a.md", passingOver: [body])
        let read = LinkChecker.scan(utf8: page, path: "a/index.html", source: "a.md")
        #expect(passed.ids == read.ids && passed.links == read.links)
        #expect(read.links.last == "/after/")
    }
}

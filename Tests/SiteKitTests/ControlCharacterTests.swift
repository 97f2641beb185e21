import Testing
@testable import SiteKit

/// Control characters that XML 1.0 forbids: refused in content with their
/// position and name, and never written into any output.
@Suite struct ControlCharacterTests {
    @Test func aVerticalTabInATitleIsRefusedWhereItIs() throws {
        let site = try TestSite([
            "content/articles/a.md": "---\ntitle: Partner Track\u{0B}season 2\ndate: 2024-05-01\n---\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:2:21: error: invisible control character U+000B (vertical tab), which feeds and sitemaps cannot hold: delete it and type a space or a new line instead (word processors paste a line break as this character)
        """)
    }

    @Test func aControlCharacterInTheBodyIsRefusedToo() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: "First line.\n\nOh\u{01}no."),
            "content/data/shows/s.yaml": "title: S\u{7F}\nweeks: []\n",
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:7:3: error: invisible control character U+0001 (start of heading), which feeds and sitemaps cannot hold: delete it (it is invisible in most editors: delete the characters around this position and type them again)
        content/data/shows/s.yaml:1:9: error: invisible control character U+007F (delete), which feeds and sitemaps cannot hold: delete it (it is invisible in most editors: delete the characters around this position and type them again)
        """)
    }

    @Test func anEscapedControlCharacterInQuotesIsRefused() {
        #expect(TestSupport.articleErrors("---\ntitle: \"Partner\\vTrack\"\ndate: 2024-05-01\n---\n") == [
            "content/articles/a.md:2:8: error: 'title' holds the invisible control character U+000B (vertical tab), written as an escape in quotes, which feeds and sitemaps cannot hold: remove the escape",
        ])
    }

    /// Escapes for a C1 control and a noncharacter are refused too; text whose
    /// bytes could start none (é is C3 A9, — is E2 80 94) is read as it is.
    @Test(arguments: [("\\x85", "\u{85}"), ("\\uFFFE", "\u{FFFE}"), ("\\x01", "\u{01}")])
    func otherEscapedControlCharactersAreRefused(escape: String, scalar: Unicode.Scalar) {
        #expect(TestSupport.articleErrors("---\ntitle: \"Caf\u{E9}\(escape)\"\ndate: 2024-05-01\n---\n") == [
            "content/articles/a.md:2:8: error: 'title' holds the invisible control character \(ControlCharacters.describe(scalar)), written as an escape in quotes, which feeds and sitemaps cannot hold: remove the escape",
        ])
        #expect(TestSupport.articleErrors("---\ntitle: \"Caf\u{E9} \u{2014} ok\"\ndate: 2024-05-01\n---\n") == [])
    }

    @Test func checkingFindsTheFirstOneByLineAndColumn() {
        #expect(ControlCharacters.firstRefused(in: "ok\ttab\r\nfine ä") == nil)
        let found = ControlCharacters.firstRefused(in: "ok\ttab\nfine ä\u{85}x")
        #expect(found?.line == 2 && found?.column == 7 && found?.scalar == "\u{85}")
        #expect(ControlCharacters.firstRefused(in: "tab\tnew\nline ÄÖ ドラマ\u{FFFD}") == nil)
        #expect(ControlCharacters.describe("\u{FFFF}") == "U+FFFF (noncharacter)")
        #expect(ControlCharacters.describe("\u{1B}") == "U+001B (escape)")
    }

    @Test func escapingNeverWritesWhatXMLForbids() {
        #expect(HTMLEscaping.escape("a\u{0B}b\u{0C}c\u{01}d\u{0}e\u{FFFE}f\u{FFFF}<\t\n\r") == "a b cdef&lt;\t\n\r")
        #expect(HTMLEscaping.escape("ｆｕｌｌ\u{FFFD}") == "ｆｕｌｌ\u{FFFD}")
        let html: HTML = "<p title=\"\("x\u{1F}y")\">\("\u{0B}")</p>"
        #expect(html.rendered == "<p title=\"xy\"> </p>")
        #expect(JSONValue.string("a\u{0B}b\u{01}\u{FFFF}<").rendered() == #""a b\u003c""#)
    }

    /// Feed bodies are escaped as bytes into the spill file: the same rewrite as
    /// the string one, appended after what the buffer already holds.
    @Test func escapingBytesMatchesEscapingTheString() {
        for text in ["a\u{0B}b\u{0C}c\u{01}d\u{0}e\u{FFFE}f\u{FFFF}<\t\n\r", "ｆｕｌｌ\u{FFFD} & 'q'", "plain", ""] {
            var bytes = Array("kept:".utf8)
            Array(text.utf8).withUnsafeBufferPointer { HTMLEscaping.escape($0, into: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == "kept:" + HTMLEscaping.escape(text))
        }
    }

    @Test func aNumericReferenceInMarkdownWritesNoControlCharacter() throws {
        let rendered = try MarkdownRenderer.render("Tab&#11;bed and &#x1; and &#9; and &#65;")
        #expect(rendered.html == "<p>Tab bed and  and \t and A</p>\n")
    }

    /// Found by fuzzing: a raw control character inside a raw HTML tag name,
    /// dropped after tagfilter had passed the tag, made a `<script>`. Loaded
    /// content never holds one (it is refused with its place); the renderer is
    /// safe without that check too.
    @Test func aRawControlCharacterCannotJoinATagPastTagfilter() throws {
        let rendered = try MarkdownRenderer.render("<div>\n<sc\u{1C}ript>alert(1)</script>\n</div>\n\n&#65;",
                                                   options: MarkdownOptions(allowRawHTML: true))
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.html.contains("<sc\u{FFFD}ript>alert(1)&lt;/script>"))
    }

    @Test func replacingForbiddenMakesEachOneTheReplacementCharacter() {
        #expect(ControlCharacters.replacingForbidden("a\u{0B}b\u{01}c\u{0}d\u{FFFE}e\u{FFFF}\t\n\r\u{FFFD}ｆ")
                == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\t\n\r\u{FFFD}ｆ")
        #expect(ControlCharacters.replacingForbidden("plain ｆｕｌｌ é") == "plain ｆｕｌｌ é")
        #expect(ControlCharacters.replacingForbidden("") == "")
    }

    /// Article bodies reach the Markdown renderer as bytes; the byte form
    /// replaces exactly what the string form does.
    @Test func replacingForbiddenInBytesAgreesWithTheStringForm() {
        for text in ["a\u{0B}b\u{01}c\u{0}d\u{FFFE}e\u{FFFF}\t\n\r\u{FFFD}ｆ", "plain ｆｕｌｌ é", "", "<sc\u{1C}ript>"] {
            let bytes = ControlCharacters.replacingForbidden(utf8: Array(text.utf8))
            #expect(String(decoding: bytes, as: UTF8.self) == ControlCharacters.replacingForbidden(text), "\(text.debugDescription)")
        }
    }

    @Test func feedsStayWellFormedWithAReferenceInTheFirstParagraph() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: "Line&#11;break &#1;here."),
        ])
        defer { site.remove() }
        try site.build()
        let feed = try #require(site.read("feed.xml"))
        #expect(feed.contains("<summary type=\"text\">Line break here.</summary>"))
        #expect(!feed.unicodeScalars.contains(where: ControlCharacters.isForbiddenInXML))
        let page = try #require(site.read("articles/a/index.html"))
        #expect(!page.unicodeScalars.contains(where: ControlCharacters.isForbiddenInXML))
    }
}

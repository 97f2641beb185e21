import Testing
@testable import SiteKit

/// The HTML tokenizer and character references behind the link check.
@Suite struct HTMLTokenizerTests {
    @Test func attributesInEveryQuotingStyle() {
        #expect(HTMLTokenizer.tokens(#"<a HREF="/x" title='it"s' data-n=3 hidden id = y>t</A>"#) == [
            .startTag("a", attributes: [
                HTMLAttribute(name: "href", value: "/x"), HTMLAttribute(name: "title", value: "it\"s"),
                HTMLAttribute(name: "data-n", value: "3"), HTMLAttribute(name: "hidden", value: ""),
                HTMLAttribute(name: "id", value: "y"),
            ], selfClosing: false),
            .text("t"), .endTag("a"),
        ])
    }

    @Test func aRepeatedAttributeKeepsItsFirstValue() {
        #expect(HTMLTokenizer.tokens(#"<p id="a" ID="b"/>"#) == [
            .startTag("p", attributes: [HTMLAttribute(name: "id", value: "a")], selfClosing: true),
        ])
    }

    @Test func aQuotedGreaterThanDoesNotEndTheTag() {
        #expect(HTMLTokenizer.tokens(#"<img alt="a > b" src=x.png>"#) == [
            .startTag("img", attributes: [HTMLAttribute(name: "alt", value: "a > b"),
                                          HTMLAttribute(name: "src", value: "x.png")], selfClosing: false),
        ])
    }

    @Test func escapedMarkupIsText() {
        #expect(HTMLTokenizer.tokens("<pre><code>&lt;a href='/nowhere'&gt; a < b <3</code></pre>") == [
            .startTag("pre", attributes: [], selfClosing: false),
            .startTag("code", attributes: [], selfClosing: false),
            .text("<a href='/nowhere'> a < b <3"),
            .endTag("code"), .endTag("pre"),
        ])
    }

    @Test func commentsDoctypeAndBogusComments() {
        #expect(HTMLTokenizer.tokens("<!DOCTYPE html><!-- <a href='/x'> --><!--><?xml v?></ x>") == [
            .doctype("html"), .comment(" <a href='/x'> "), .comment(""), .comment("?xml v?"), .comment(" x"),
        ])
    }

    @Test func scriptAndStyleAreRawText() {
        #expect(HTMLTokenizer.tokens("<script>if (a<b) x = '<a href=\"/y\">&amp;';</script ><style>p{}</style>") == [
            .startTag("script", attributes: [], selfClosing: false),
            .text("if (a<b) x = '<a href=\"/y\">&amp;';"),
            .endTag("script"),
            .startTag("style", attributes: [], selfClosing: false), .text("p{}"), .endTag("style"),
        ])
    }

    @Test func titleAndTextareaDecodeReferencesButHoldNoTags() {
        #expect(HTMLTokenizer.tokens("<title>A &amp; <b>B</b></title>") == [
            .startTag("title", attributes: [], selfClosing: false), .text("A & <b>B</b>"), .endTag("title"),
        ])
    }

    @Test func svgTitleHoldsTagsAndCDATAIsText() {
        #expect(HTMLTokenizer.tokens("<svg><title>x</title><![CDATA[<a href='/z'>]]></svg><title><i></title>") == [
            .startTag("svg", attributes: [], selfClosing: false),
            .startTag("title", attributes: [], selfClosing: false), .text("x"), .endTag("title"),
            .text("<a href='/z'>"),
            .endTag("svg"),
            .startTag("title", attributes: [], selfClosing: false), .text("<i>"), .endTag("title"),
        ])
    }

    @Test func aTagCutOffAtTheEndIsDropped() {
        #expect(HTMLTokenizer.tokens("a<b href='x") == [.text("a")])
        #expect(HTMLTokenizer.tokens("a<") == [.text("a<")])
    }

    @Test(arguments: [
        ("&ouml;", "ö"), ("&nbsp;", "\u{A0}"), ("&#x2F;", "/"), ("&#47;", "/"), ("&#X2f", "/"),
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"), ("&NotNestedGreaterGreater;", "\u{2AA2}\u{338}"),
        ("&CounterClockwiseContourIntegral;", "\u{2233}"), ("&ouml", "ö"), ("&notin;", "∉"), ("&notit;", "¬it;"),
        ("&#0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"), ("&#99999999999;", "\u{FFFD}"),
        ("&#150;", "–"), ("&#;", "&#;"), ("&unknown;", "&unknown;"), ("a & b", "a & b"), ("&", "&"),
    ])
    func characterReferences(source: String, text: String) {
        #expect(CharacterReferences.decode(source) == text)
    }

    @Test func legacyReferencesInAttributesStayBeforeEqualsOrAlphanumerics() {
        #expect(CharacterReferences.decode("?a=1&copy=2&copyx&copy;&copy", inAttribute: true) == "?a=1&copy=2&copyx©©")
        #expect(CharacterReferences.decode("&copy=2", inAttribute: false) == "©=2")
    }

    @Test func theNamedTableIsComplete() {
        // HTML5 has 2231 names; a truncated table would leave some undecoded.
        #expect(HTMLEntityTable.names.split(separator: " ").count == 2231)
        #expect(CharacterReferences.decode("&zwnj;&Aacute;&bsol;&NewLine;&Tab;") == "\u{200C}Á\\\n\t")
    }

    /// Markup cut anywhere and mixed at random: the tokenizer must end, never
    /// read out of bounds, and report every start tag `tokens` reports.
    @Test func randomMarkupIsReadWithoutFault() {
        let pieces = ["<", ">", "</", "/>", "<!--", "-->", "<!", "<?", "<![CDATA[", "]]>", "=", "'", "\"", " ", "\n",
                      "a", "p", "id", "href", "script", "style", "svg", "title", "textarea", "&", "&amp;", "&#", "x",
                      ";", "&ouml", "é", "ド", "#"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            // SplitMix64: a fixed sequence, so a failure can be replayed.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        for _ in 0..<3000 {
            let html = (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            let tokens = HTMLTokenizer.tokens(html)
            let page = LinkChecker.scan(html, path: "index.html", source: "x")
            let ids = tokens.flatMap { token -> [String] in
                guard case let .startTag(_, attributes, _) = token else { return [] }
                return attributes.filter { $0.name == "id" }.map(\.value)
            }
            #expect(Set(ids) == page.ids, "\(html)")
        }
    }
}

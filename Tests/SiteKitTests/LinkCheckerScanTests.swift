import Testing
@testable import SiteKit

/// What the link check reads from a page: real `id`, `href` and `src`
/// attributes only, with their character references decoded.
@Suite struct LinkCheckerScanTests {
    @Test func markupInTextIsNeitherALinkNorAnId() {
        let page = LinkChecker.scan("""
        <p>Use <code>&lt;a href='/nowhere'&gt;</code> or <code>&lt;img src="/x.png"&gt;</code></p>
        <pre><code>&lt;p id='ghost'&gt; id="ghost2" href="/y"</code></pre>
        <!-- <a href="/commented"> --><script>document.write('<a href="/scripted">')</script>
        <a href="/real/" id=here>x</a>
        """, path: "index.html", source: "x")
        #expect(page.links == ["/real/"])
        #expect(page.ids == ["here"])
    }

    @Test func attributeValuesAreDecoded() {
        let page = LinkChecker.scan(##"<a href="#sch&ouml;n"></a><a href=/articles&#x2F;b/&#47;></a><h2 id="sch&#246;n">"##,
                                    path: "index.html", source: "x")
        #expect(page.links == ["#schön", "/articles/b//"])
        #expect(page.ids == ["schön"])
    }

    @Test func onlyAttributesNamedExactlyCount() {
        let page = LinkChecker.scan(#"<a data-href="/no" xid="no" ID="yes" HREF='/yes' srcset="/no 2x">"#,
                                    path: "index.html", source: "x")
        #expect(page.links == ["/yes"])
        #expect(page.ids == ["yes"])
    }

    /// As browsers do, the first of repeated attributes counts, in any case,
    /// and other attributes between them change nothing.
    @Test func onlyTheFirstOfRepeatedAttributesCounts() {
        let page = LinkChecker.scan(#"<a class=x id="one" class=y HREF="/first" ID="two" data-x=1 href="/second" Src=/s src=/t>"#,
                                    path: "index.html", source: "x")
        #expect(page.links == ["/first", "/s"])
        #expect(page.ids == ["one"])
    }

    @Test func codeThatLooksLikeALinkDoesNotFailTheBuild() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: """
            Write `<a href='/nowhere'>` to link.

                <img src="/missing.png">
            """),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == "(build succeeded)")
    }

    @Test func anIdInACodeBlockIsNoTarget() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: """
            See [the ghost](#ghost).

            ```html
            <p id='ghost'>boo</p>
            ```
            """),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:5:5: error: broken link '#ghost': /articles/a/index.html has no element with id 'ghost'; fix the link or add the page it points to
        """)
    }

    @Test func rawHTMLLinksWithCharacterReferencesResolve() throws {
        let site = try TestSite([
            "content/site.yaml": TestSite.siteYAML + "raw_html: true\n",
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: """
            ## Schön

            <a href="#sch&ouml;n">up</a> and <a href="/articles&#x2F;b&#47;">b</a>
            """),
            "content/articles/b.md": TestSite.article("title: B\ndate: 2024-05-01"),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == "(build succeeded)")
    }
}

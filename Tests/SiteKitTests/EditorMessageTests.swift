import Testing
@testable import SiteKit

/// Messages an editor can act on: YAML mistakes in plain words, unclosed code
/// fences at their opening line, and warnings for articles that build but are
/// probably not meant that way.
@Suite struct EditorMessageTests {
    @Test func anUnquotedColonSaysToQuoteTheValue() {
        #expect(TestSupport.articleErrors("---\ntitle: Partner Track season 2: renewal status\ndate: 2024-05-01\n---\n") == [
            #"content/articles/a.md:2:30: error: invalid YAML: this `: ` reads as the start of another key inside the value: put the whole value in quotes: `title: "Partner Track season 2: renewal status"`"#,
        ])
    }

    @Test func anUnquotedColonInAListEntrySaysToQuoteIt() {
        #expect(TestSupport.articleErrors("---\ntitle: T\ndate: 2024-05-01\ntags:\n  - Drama: the \"best\" kind\n---\n") == [
            #"content/articles/a.md:5:5: error: each entry of 'tags' must be text, but `Drama: the "best" kind` reads as a key and a value: put it in quotes: `"Drama: the \"best\" kind"`"#,
        ])
    }

    @Test func aValueStartingWithAReservedCharacterSaysToQuoteIt() {
        #expect(TestSupport.articleErrors("---\ntitle: T\ndate: 2024-05-01\nauthor: @dana\n---\n") == [
            #"content/articles/a.md:4:9: error: invalid YAML: a value cannot start with `@`: put it in quotes: `author: "@dana"`"#,
        ])
        #expect(TestSupport.articleErrors("---\ntitle: `Wednesday` renewed\ndate: 2024-05-01\n---\n") == [
            #"content/articles/a.md:2:8: error: invalid YAML: a value cannot start with a backtick: put it in quotes: `title: "`Wednesday` renewed"`"#,
        ])
    }

    @Test func aTabIndentSaysTab() {
        #expect(TestSupport.articleErrors("---\ntitle: T\ndate: 2024-05-01\nrenewal:\n\tstatus: pending\n---\n") == [
            "content/articles/a.md:5:1: error: invalid YAML: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces",
        ])
    }

    @Test(arguments: [
        ("Text.\n\n```swift\nlet x = 1\n", CodeFences.Unclosed(line: 3, column: 1, fence: "```", info: "swift")),
        ("- item\n\n  ~~~~\n  code\n  ~~~\n", CodeFences.Unclosed(line: 3, column: 3, fence: "~~~~", info: "")),
        ("> ```\n> code\n", CodeFences.Unclosed(line: 1, column: 3, fence: "```", info: "")),
        // The last line, with no line break after it.
        ("Text.\n```yaml", CodeFences.Unclosed(line: 2, column: 1, fence: "```", info: "yaml")),
    ])
    func unclosedFencesAreFound(markdown: String, unclosed: CodeFences.Unclosed) {
        #expect(CodeFences.firstUnclosed(in: markdown) == unclosed)
    }

    @Test(arguments: [
        "```\ncode\n```\n",
        "````\n```\nnested\n```\n````\n",
        "- a\n  - ```yaml\n    x: 1\n    ```\n",
        "1. ```\n   code\n   ```\n",
        "Inline ``` code ``` here.\n",
        "> ~~~\n> q\n> ~~~\n",
        "    ```\n    indented code\n    ```\n",
        "```\ncode\n```",
        "\n\n```\n\n```\n\n",
    ])
    func closedFencesAreFine(markdown: String) {
        #expect(CodeFences.firstUnclosed(in: markdown) == nil)
    }

    @Test func anUnclosedEmbedFenceIsAnErrorAtItsOpeningLine() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-05-01", body: """
            Intro.

            ```viewing-chart
            show: partner-track

            ## The rest of the article
            """),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:7:1: error: the `viewing-chart` block opened here is never closed, so it would take in the rest of the article: add a line ``` where its YAML ends
        """)
    }

    @Test func warningsAreListedByFile() throws {
        let site = try TestSite([
            "content/articles/code.md": TestSite.article("title: Code\ndate: 2024-05-01", body: "Text.\n\n~~~\nlet x = 1\n\nMore text."),
            "content/articles/empty.md": TestSite.article("title: Empty\ndate: 2024-05-01", body: "\n  \n"),
            "content/articles/soon.md": TestSite.article("title: Soon\ndate: 2024-05-01\nexpires: 2024-06-20T12:00:00Z"),
            "content/articles/later.md": TestSite.article("title: Later\ndate: 2024-05-01\nexpires: 2024-07-02"),
            "content/articles/tomorrow.md": TestSite.article("title: Tomorrow\ndate: 2024-06-02T09:00:00+02:00"),
            "content/articles/draft.md": TestSite.article("title: Draft\ndate: 2024-07-01\ndraft: true", body: ""),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/articles/code.md:7:1: warning: code block opened here is never closed, so everything after it to the end of the file shows as code: add a line ~~~ where the code ends",
            "content/articles/empty.md:4:1: warning: the article has no body, so its page shows the title alone: write the text below this `---` line, or mark it `draft: true`",
            "content/articles/soon.md:4:10: warning: expires 2024-06-20T12:00:00Z, in 19 days: the first build after that removes the page, and links to it from other sites and feeds break; remove `expires:` to keep it, or link readers elsewhere before then",
            "content/articles/tomorrow.md:3:7: warning: dated 2024-06-02T09:00:00+02:00, in the future, so this build leaves the article out; it appears in the first build after that moment (build with --future to include it now)",
        ])
        #expect(site.exists("articles/empty/index.html"))
        let withFuture = try site.build(future: true)
        #expect(!withFuture.warnings.contains { $0.file == "content/articles/tomorrow.md" })
    }

    @Test func aWarningReadsAsAWarning() {
        #expect(SiteError.warning(file: "content/articles/a.md", line: 3, column: 7, message: "m").description
                == "content/articles/a.md:3:7: warning: m")
    }
}

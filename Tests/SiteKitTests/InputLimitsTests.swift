import Foundation
import Testing
@testable import SiteKit

/// The bounds of `InputLimits`: each gives an error naming the file, line and
/// column and saying what to do, never a crash, a stack overflow or an
/// out-of-memory kill.
@Suite struct InputLimitsTests {
    @Test func frontMatterOverTheLimit() {
        let filler = String(repeating: "# note\n", count: InputLimits.frontMatterBytes / 7 + 1)
        let text = "---\ntitle: Big\n\(filler)date: 2024-01-01\n---\nBody\n"
        #expect(TestSupport.articleErrors(text, file: "content/articles/a.md") == [
            "content/articles/a.md:1:1: error: front matter is longer than 64 KB (up to line 9367): keep it to short keys and move long text into the body below the closing `---`",
        ])
    }

    @Test func frontMatterAtTheLimitIsRead() throws {
        let filler = String(repeating: "#", count: InputLimits.frontMatterBytes - "title: Big\ndate: 2024-01-01\n".utf8.count - 1)
        let text = "---\ntitle: Big\ndate: 2024-01-01\n\(filler)\n---\nBody\n"
        #expect(try Article.parse(text, file: "content/articles/a.md", fileSlug: "a").title == "Big")
    }

    @Test func yamlNestedTooDeep() {
        let deep = String(repeating: "[", count: InputLimits.yamlDepth + 1) + String(repeating: "]", count: InputLimits.yamlDepth + 1)
        #expect(TestSupport.articleErrors("---\ntitle: Deep\ndate: 2024-01-01\ntags: \(deep)\n---\n", file: "content/articles/a.md") == [
            "content/articles/a.md:4:71: error: lists and mappings are nested more than 64 levels deep here: write the value with fewer levels of `[`, `{` or indentation",
        ])
    }

    /// libyaml stops at 1,000 levels itself, before Yams' recursive composer
    /// runs; the message is the same. Run on a secondary thread, whose stack is
    /// smaller than the main thread's, as the loader does.
    @Test func yamlNestedThousandsDeepIsTheSameError() {
        let deep = String(repeating: "[", count: 3_000)
        let errors = Parallel.map([deep, "{a: " + deep]) { yaml in
            TestSupport.articleErrors("---\ntitle: Deep\ndate: 2024-01-01\ntags: \(yaml)\n---\n", file: "content/articles/a.md")
        }
        #expect(errors == [
            ["content/articles/a.md:4:8: error: lists and mappings are nested more than 64 levels deep here: write the value with fewer levels of `[`, `{` or indentation"],
            ["content/articles/a.md:4:12: error: lists and mappings are nested more than 64 levels deep here: write the value with fewer levels of `[`, `{` or indentation"],
        ])
    }

    @Test func yamlAtTheDepthLimitIsRead() throws {
        let deep = String(repeating: "[", count: InputLimits.yamlDepth - 1) + "x" + String(repeating: "]", count: InputLimits.yamlDepth - 1)
        let reader = YAMLReader(file: "x.yaml")
        #expect(reader.compose("a: \(deep)\n") != nil)
        #expect(reader.errors.isEmpty)
    }

    @Test func markdownNestedTooDeep() throws {
        let quotes = String(repeating: "> ", count: InputLimits.markdownNesting) + "deep\n"
        #expect(throws: MarkdownRenderer.Failure.nestedTooDeep(line: 3, column: 201)) {
            try MarkdownRenderer.render("Intro\n\n" + quotes)
        }
        let site = try TestSite(["content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01", body: "Intro\n\n" + quotes)])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:7:201: error: Markdown nested more than 100 levels deep here (block quotes, lists, emphasis or links inside each other): flatten the structure
        """)
    }

    @Test func markdownAtTheNestingLimitRenders() throws {
        // 98 block quotes, then a paragraph and its text: 100 levels below the document.
        let quotes = String(repeating: "> ", count: InputLimits.markdownNesting - 2) + "deep\n"
        let html = try MarkdownRenderer.render(quotes).html
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == InputLimits.markdownNesting - 2)
        // Lists nest too: a list and its item are two levels each.
        let list = (0..<60).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        // The 50th item's paragraph is the 101st level: line 50, after 98 spaces and "- ".
        #expect(throws: MarkdownRenderer.Failure.nestedTooDeep(line: 50, column: 101)) {
            try MarkdownRenderer.render(list)
        }
    }

    @Test func embedBlockOverTheLimit() {
        var embeds = EmbedRenderer(shows: [:], file: "content/articles/a.md", lineOffset: 6)
        let body = "show: x\n" + String(repeating: "# filler\n", count: InputLimits.embedBytes / 9)
        guard case .failure(let failure) = embeds.render(EmbedBlock(name: "viewing-chart", body: body, line: 3)) else {
            Issue.record("a 64 KB embed rendered")
            return
        }
        #expect(failure.description == "content/articles/a.md:9:1: error: this viewing-chart block is longer than 64 KB: an embed needs a few keys such as `show:`; check that its closing ``` is there")
    }

    @Test func markdownFileOverTheLimitIsNotRead() throws {
        let big = String(repeating: "Text text text.\n", count: InputLimits.markdownFileBytes / 16 + 1)
        let site = try TestSite(["content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01", body: big)])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:1:1: error: the file is larger than 4 MB, the most sitegen reads for an article or page: split it into smaller files (is it the file you meant to put here?)
        """)
    }

    @Test func dataFileOverTheLimitIsNotRead() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01")])
        defer { site.remove() }
        let handle = try FileHandle(forWritingTo: {
            try site.write(Data("title: Big\n".utf8), to: "content/data/shows/big.yaml")
            return site.root.appending(path: "content/data/shows/big.yaml")
        }())
        // A sparse file: the limit is checked before reading, so nothing is read.
        try handle.truncate(atOffset: UInt64(InputLimits.dataFileBytes + 1))
        try handle.close()
        #expect(site.buildErrors() == """
        content/data/shows/big.yaml:1:1: error: the file is larger than 2 MB, the most sitegen reads for a data file: split it into smaller files (is it the file you meant to put here?)
        """)
    }
}

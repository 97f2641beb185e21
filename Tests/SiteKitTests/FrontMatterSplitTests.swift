import Testing
@testable import SiteKit

/// `FrontMatter.split`: where the YAML and the body start and end, on
/// normalized text (LF line ends, no BOM).
@Suite struct FrontMatterSplitTests {
    private func split(_ text: String) throws -> FrontMatter {
        try FrontMatter.split(text, file: "content/articles/a.md")
    }

    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let parts = try split("---\ntitle: A\ndate: 2024-05-01\n---\nBody line\n\nMore\n")
        #expect(parts == FrontMatter(yaml: "title: A\ndate: 2024-05-01", yamlFirstLine: 2,
                                     body: "Body line\n\nMore\n", bodyFirstLine: 5))
    }

    @Test func emptyFrontMatter() throws {
        #expect(try split("---\n---\nText") == FrontMatter(yaml: "", yamlFirstLine: 2, body: "Text", bodyFirstLine: 3))
    }

    @Test func closingFenceAtEndOfFileWithoutNewline() throws {
        #expect(try split("---\na: 1\n---") == FrontMatter(yaml: "a: 1", yamlFirstLine: 2, body: "", bodyFirstLine: 4))
    }

    @Test func closingFenceAtEndOfFileWithNewline() throws {
        #expect(try split("---\na: 1\n---\n") == FrontMatter(yaml: "a: 1", yamlFirstLine: 2, body: "", bodyFirstLine: 4))
    }

    @Test func fencesMayHaveTrailingSpacesAndTabs() throws {
        #expect(try split("--- \t\na: 1\n---  \nX") == FrontMatter(yaml: "a: 1", yamlFirstLine: 2, body: "X", bodyFirstLine: 4))
    }

    @Test func dotsCloseTheFrontMatter() throws {
        #expect(try split("---\na: 1\n...\nX") == FrontMatter(yaml: "a: 1", yamlFirstLine: 2, body: "X", bodyFirstLine: 4))
    }

    @Test func laterRulesStayInTheBody() throws {
        let parts = try split("---\na: 1\n---\nIntro\n---\nAfter\n")
        #expect(parts.body == "Intro\n---\nAfter\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test func onlyExactlyThreeDashesAreAFence() throws {
        let parts = try split("---\na: 1\n----\n---x\n  ---\n---\u{301}\n---\nB")
        #expect(parts == FrontMatter(yaml: "a: 1\n----\n---x\n  ---\n---\u{301}", yamlFirstLine: 2,
                                     body: "B", bodyFirstLine: 8))
    }

    @Test func keepsNonASCIITextIntact() throws {
        let parts = try split("---\ntitle: \"Café ✓ 🎬\"\n---\nRésumé — naïve 👍🏽\n")
        #expect(parts == FrontMatter(yaml: "title: \"Café ✓ 🎬\"", yamlFirstLine: 2,
                                     body: "Résumé — naïve 👍🏽\n", bodyFirstLine: 4))
    }

    @Test(arguments: ["", "title: A\n---\n", " ---\na: 1\n---\n", "----\na: 1\n---\n"])
    func missingOpeningFence(text: String) {
        #expect(throws: SiteError(file: "content/articles/a.md", line: 1, column: 1,
                                  message: "missing front matter: start the file with a line `---`, then keys such as `title:` and `date:`, then `---`")) {
            try split(text)
        }
    }

    @Test(arguments: ["---", "---\n", "---\na: 1\n", "---\na: 1\n----\nBody"])
    func missingClosingFence(text: String) {
        #expect(throws: SiteError(file: "content/articles/a.md", line: 1, column: 1,
                                  message: "front matter is not closed: add a line `---` after its last key")) {
            try split(text)
        }
    }
}

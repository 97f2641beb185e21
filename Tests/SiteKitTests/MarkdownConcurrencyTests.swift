import Testing
@testable import SiteKit

/// cmark-gfm keeps global state that concurrent parses corrupt (a parse can switch
/// off another's strikethrough or autolinks mid-way), so documents rendered from many
/// threads at once must come out exactly as rendered one by one.
@Suite struct MarkdownConcurrencyTests {
    /// Documents that use every extension, each a little different.
    static func documents(count: Int) -> [String] {
        (0..<count).map { index in
            let words = ["ratings", "premiere", "finale", "renewal", "streaming"]
            let word = words[index % words.count]
            var text = "# Week \(index): \(word)\n\n"
            text += "Intro with ~~struck \(index)~~, *emphasis*, `code` and www.example.com/\(index) and https://stats.example.org/w/\(index).\n\n"
            text += "## Figures for \(word)\n\n| Rank | Show | Hours |\n|---:|:---|---:|\n"
            for row in 1...(2 + index % 4) { text += "| \(row) | Show \(index)-\(row) | \(row * 1_000_000 + index) |\n" }
            text += "\n- [x] done \(index)\n- [ ] pending ~~\(word)~~\n\n"
            text += "A claim that needs a source.[^\(index % 3 + 1)] And a <script>alert(\(index))</script> tag.\n\n"
            text += "[^\(index % 3 + 1)]: The source, ~~retracted~~ at https://example.com/\(index).\n\n"
            text += "## Figures for \(word)\n\n> Quote \(index) with ~~strike~~ and www.example.org.\n"
            return text
        }
    }

    /// The library's table writes reach sitegen's replacement
    /// (`CmarkSupport`), so parses run without the lock: were they
    /// not to, rendering would still be right, one inline pass at a time,
    /// and a build would lose the other core.
    @Test func parsesRunWithoutTheLock() {
        #expect(MarkdownRenderer.parsesRunConcurrently)
    }

    @Test func concurrentRendersMatchSerialRenders() throws {
        let documents = Self.documents(count: 400)
        let options = MarkdownOptions(reservedIDs: ["performance"])
        let serial = try documents.map { try MarkdownRenderer.render($0, options: options) }
        #expect(serial[7].html.contains("<del>struck 7</del>"))
        #expect(serial[7].html.contains("<table>"))
        #expect(serial[7].html.contains("href=\"http://www.example.com/7\""))
        for _ in 0..<3 {
            let concurrent = Parallel.map(documents) { text in try? MarkdownRenderer.render(text, options: options) }
            let mismatches = zip(serial, concurrent).filter { $0 != $1 }.count
            #expect(mismatches == 0)
        }
    }
}

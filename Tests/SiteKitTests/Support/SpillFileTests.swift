import Foundation
import Testing
@testable import SiteKit

@Suite("Article and feed bodies kept in a file during a full build")
struct SpillFileTests {
    @Test("texts appended from many threads read back exactly, and the file has no name")
    func concurrentAppends() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SpillFile(in: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        let texts = (0..<400).map { index in
            String(repeating: "&lt;p&gt;Épisode \(index) — “quoted” 🎬 ", count: index % 37) + "\(index)"
        }
        let spans = try await withThrowingTaskGroup(of: (Int, SpillFile.Span).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try store.append(text)) }
            }
            var spans = [SpillFile.Span?](repeating: nil, count: texts.count)
            for try await (index, span) in group { spans[index] = span }
            return spans.compactMap { $0 }
        }
        #expect(spans.count == texts.count)
        for (text, span) in zip(texts, spans) {
            #expect(span.count == text.utf8.count)
            #expect(try span.text() == text)
        }
        // Spans never overlap: together they cover the file once.
        let sorted = spans.sorted { $0.offset < $1.offset }
        for (before, after) in zip(sorted, sorted.dropFirst()) { #expect(before.offset + before.count == after.offset) }
    }

    @Test("a stored body and an in-memory one give the same feed body")
    func storedBodyReadsBack() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SpillFile(in: folder.path)
        let html = "<p>Hours <em>up</em> 87% &amp; rising</p>"
        let stored = try Feeds.StoredBody.spilled(Feeds.Body(utf8: Array(html.utf8), keepHTML: true), into: store)
        let inMemory = Feeds.StoredBody.inMemory(Feeds.Body(utf8: Array(html.utf8), keepHTML: true))
        guard case .stored = stored else {
            Issue.record("expected the body in the store, got \(stored)")
            return
        }
        #expect(try stored.body() == inMemory.body())
        #expect(try stored.body().xmlText == Array("<![CDATA[<p>Hours <em>up</em> 87% &amp; rising</p>]]>".utf8))
        #expect(try Feeds.StoredBody.spilled(Feeds.Body(utf8: Array(html.utf8), keepHTML: false), into: store).body().html == nil)
    }

    @Test("a folder it cannot write in is named in the error")
    func unwritableFolder() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        #expect {
            _ = try SpillFile(in: missing)
        } throws: { error in
            let description = (error as? SiteError)?.description ?? ""
            return description.hasPrefix("\(missing)/.sitegen-spill-")
                && description.hasSuffix(":1:1: error: cannot create the file that holds article and feed bodies during "
                    + "the build: No such file or directory; check that the output's parent folder exists and is writable")
        }
    }

    @Test("an article's body moves into the file and reads back, with what the warnings ask of it")
    func articleBodyMovesOut() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try SpillFile(in: folder.path)
        var article = try Article.parse(TestSupport.article(body: "Hours *up* 87% — “café”.\n"),
                                        file: "content/articles/a.md", fileSlug: "a")
        let inMemory = article
        try article.storeBody(in: file)
        #expect(article.body.isEmpty)
        #expect(try article.markdown() == "Hours *up* 87% — “café”.\n")
        #expect(try article.markdown() == inMemory.markdown())
        #expect(article.isBodyBlank == false && article.bodyFirstByte == UInt8(ascii: "H"))

        var blank = try Article.parse(TestSupport.article(body: "  \n\n"), file: "content/articles/b.md", fileSlug: "b")
        try blank.storeBody(in: file)
        #expect(blank.isBodyBlank && blank.bodyFirstByte == UInt8(ascii: " "))
    }

    @Test("only the loader's bodies are known to hold no control characters, and unknown ones are cleaned when rendered")
    func bodiesTheLoaderCheckedAreMarked() throws {
        let site = try TestSupport.site(["content/articles/a.md": TestSupport.article(body: "Plain *text*.\n")])
        defer { try? FileManager.default.removeItem(at: site) }
        let file = try SpillFile(in: site.path)
        let loaded = try SiteLoader.load(siteDirectory: site, bodies: file)
        #expect(loaded.articles.map(\.bodyCharactersChecked) == [true])
        // Parsed without the loader's check: rendering replaces what XML forbids.
        var parsed = try Article.parse(TestSupport.article(body: "Bell\u{07} here.\n"), file: "content/articles/b.md", fileSlug: "b")
        try parsed.storeBody(in: file)
        #expect(!parsed.bodyCharactersChecked)
        let rendered = try MarkdownRenderer.render(utf8: parsed.markdownUTF8(), charactersChecked: parsed.bodyCharactersChecked)
        #expect(rendered.html == "<p>Bell\u{FFFD} here.</p>\n")
    }

    @Test("a full build leaves no spill file beside the output")
    func nothingLeftBehind() throws {
        let site = try TestSupport.site(["content/articles/a.md": TestSupport.article(body: "Some text.\n")])
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try TestSupport.builder().build(siteDirectory: site, output: site.appending(path: "public"))
        #expect(try TestSupport.entries(of: site) == ["content", "public"])
    }

    @Test("a build that fails at load creates no folder for its output, and leaves no spill file")
    func failedLoadCreatesNothing() throws {
        let site = try TestSupport.site(["content/articles/a.md": "---\ntitle: [unclosed\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appending(path: "deep/er/public")
        #expect(!TestSupport.buildErrors(site, output: output).isEmpty)
        #expect(try TestSupport.entries(of: site) == ["content"])
    }
}

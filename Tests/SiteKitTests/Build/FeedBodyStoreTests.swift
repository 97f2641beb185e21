import Foundation
import Testing
@testable import SiteKit

@Suite("Feed bodies kept in a file during a full build")
struct FeedBodyStoreTests {
    @Test("bodies appended from many threads read back exactly, and the file has no name")
    func concurrentAppends() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FeedBodyStore(in: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        let texts = (0..<400).map { index in
            String(repeating: "&lt;p&gt;Épisode \(index) — “quoted” 🎬 ", count: index % 37) + "\(index)"
        }
        let spans = try await withThrowingTaskGroup(of: (Int, FeedBodyStore.Span).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try store.append(text)) }
            }
            var spans = [FeedBodyStore.Span?](repeating: nil, count: texts.count)
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
        let store = try FeedBodyStore(in: folder.path)
        let html = "<p>Hours <em>up</em> 87% &amp; rising</p>"
        let stored = try Feeds.StoredBody(html: html, keepHTML: true, store: store)
        let inMemory = try Feeds.StoredBody(html: html, keepHTML: true, store: nil)
        guard case .stored = stored else {
            Issue.record("expected the body in the store, got \(stored)")
            return
        }
        #expect(try stored.body() == inMemory.body())
        #expect(try stored.body().xmlEscaped == "&lt;p&gt;Hours &lt;em&gt;up&lt;/em&gt; 87% &amp;amp; rising&lt;/p&gt;")
        #expect(try Feeds.StoredBody(html: html, keepHTML: false, store: store).body().html == nil)
    }

    @Test("a folder it cannot write in is named in the error")
    func unwritableFolder() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        #expect {
            _ = try FeedBodyStore(in: missing)
        } throws: { error in
            (error as? SiteError)?.description == "\(missing)/.sitegen-feed-bodies:1:1: error: cannot create the file "
                + "that holds feed bodies during the build: No such file or directory; check that the output's "
                + "parent folder is writable"
        }
    }
}

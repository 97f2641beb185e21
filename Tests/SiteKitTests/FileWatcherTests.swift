import Foundation
import Testing
@testable import SiteKit

/// The preview's file watcher on a real folder: what a save reports, what it
/// leaves out. Each wait is bounded, so a broken watcher fails instead of hanging.
@Suite(.serialized) struct FileWatcherTests {
    /// Collects the batches a watcher sends.
    actor Batches {
        private(set) var all: [FileWatcher.Batch] = []
        func add(_ batch: FileWatcher.Batch) { all.append(batch) }
        var paths: Set<String> { Set(all.flatMap { $0.paths ?? [] }) }
    }

    /// Watches `root`, collecting into the returned batches until the task is cancelled.
    static func watch(_ root: URL) async throws -> (Batches, Task<Void, Never>) {
        let batches = Batches()
        let stream = FileWatcher.changes(under: root)
        let task = Task { for await batch in stream { await batches.add(batch) } }
        try await Task.sleep(for: .milliseconds(300))  // the watches are in place
        return (batches, task)
    }

    /// Waits until `done` holds for the batches, at most 5 seconds.
    static func wait(for batches: Batches, until done: @Sendable ([FileWatcher.Batch]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if done(await batches.all) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aSaveIsOneBatchWithoutTheEditorsFiles() async throws {
        let root = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appending(path: "articles"), withIntermediateDirectories: true)
        let (batches, task) = try await Self.watch(root)
        defer { task.cancel() }

        // An editor's save: a backup, a swap file, a temporary file renamed over the article.
        try Data("old".utf8).write(to: root.appending(path: "articles/a.md~"))
        try Data("swap".utf8).write(to: root.appending(path: "articles/.a.md.swp"))
        try Data("new".utf8).write(to: root.appending(path: "articles/a.md.tmp"))
        #expect(rename(root.appending(path: "articles/a.md.tmp").path, root.appending(path: "articles/a.md").path) == 0)
        try await Self.wait(for: batches) { !$0.isEmpty }
        try await Task.sleep(for: .milliseconds(200))  // nothing else follows
        #expect(await batches.all == [FileWatcher.Batch(paths: ["articles/a.md"])])
    }

    @Test func newFoldersAreWatchedAndRemovalsReported() async throws {
        let root = try TestSupport.temporaryFolder()
        let (batches, task) = try await Self.watch(root)
        defer { task.cancel() }
        try FileManager.default.createDirectory(at: root.appending(path: "static/img"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appending(path: "static/img/a.png"))
        try await Self.wait(for: batches) { Set($0.flatMap { $0.paths ?? [] }).contains("static/img/a.png") }
        #expect(await batches.paths == ["static/img/a.png"])

        // Now watched: a later change in the new folder is seen too.
        let before = await batches.all.count
        try Data("y".utf8).write(to: root.appending(path: "static/img/a.png"))
        try await Self.wait(for: batches) { $0.count > before }
        #expect(await batches.all.dropFirst(before).first == FileWatcher.Batch(paths: ["static/img/a.png"]))

        let beforeRemoval = await batches.all.count
        try FileManager.default.removeItem(at: root.appending(path: "static"))
        try await Self.wait(for: batches) { $0.dropFirst(beforeRemoval).contains { $0.paths?.contains("static") == true } }
        #expect(await batches.all.dropFirst(beforeRemoval).contains { $0.paths?.contains("static") == true })
    }
}

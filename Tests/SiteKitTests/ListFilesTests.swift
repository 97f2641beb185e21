import Foundation
import Testing
@testable import SiteKit

/// `SiteLoader.listFiles`: every regular file below a folder, as sorted relative
/// paths, hidden ones included, symbolic links left out.
@Suite struct ListFilesTests {
    @Test func listsRegularFilesRecursivelyAndSkipsLinks() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appending(path: "sitegen-listfiles-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? manager.removeItem(at: root) }
        for folder in ["sub/deeper", "empty", ".hidden"] {
            try manager.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        for file in ["b.txt", "a.txt", "sub/c.css", "sub/deeper/d.png", ".hidden/e.txt", ".dotfile", "ünïcode ✓.txt"] {
            try Data("x".utf8).write(to: root.appending(path: file))
        }
        try manager.createSymbolicLink(atPath: root.appending(path: "link.txt").path, withDestinationPath: "a.txt")
        try manager.createSymbolicLink(atPath: root.appending(path: "linkdir").path, withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: root.appending(path: "broken").path, withDestinationPath: "nowhere")

        #expect(SiteLoader.listFiles(in: root) == [
            ".dotfile", ".hidden/e.txt", "a.txt", "b.txt", "sub/c.css", "sub/deeper/d.png", "ünïcode ✓.txt",
        ])
    }

    @Test func missingFolderHasNoFiles() {
        let missing = FileManager.default.temporaryDirectory.appending(path: "sitegen-no-such-folder-\(UInt64.random(in: 0...UInt64.max))")
        #expect(SiteLoader.listFiles(in: missing).isEmpty)
    }
}

import Foundation
import Testing
@testable import SiteKit

/// A static file is published under its own name, byte for byte: a `%` in it
/// is part of the name, not an escape to decode.
@Suite struct StaticNameTests {
    @Test func aPercentInAStaticFileNameIsKept() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01",
                                                      body: "The [report](/files/100%25%20sure.txt) and [chart](/files/a%2520b.csv)."),
            "content/static/files/100% sure.txt": "sure\n",
            "content/static/files/a%20b.csv": "a,b\n",
        ])
        defer { site.remove() }
        try site.build()
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output.appending(path: "files").path).sorted()
        #expect(files == ["100% sure.txt", "a%20b.csv"])
        #expect(site.read("files/a%20b.csv") == "a,b\n")
    }

    @Test func aLinkThatDecodesToAnotherNameIsBroken() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.article("title: A\ndate: 2024-01-01", body: "The [chart](/files/a%20b.csv)."),
            "content/static/files/a%20b.csv": "a,b\n",
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
        content/articles/a.md:5:5: error: broken link '/files/a%20b.csv': no page or file is written at /files/a b.csv; fix the link or add the page it points to
        """)
    }
}

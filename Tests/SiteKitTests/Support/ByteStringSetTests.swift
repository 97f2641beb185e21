import Testing
@testable import SiteKit

@Suite struct ByteStringSetTests {
    private func contains(_ set: ByteStringSet, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { set.contains($0) }
    }

    @Test func findsEveryKeyAndNothingElse() {
        let keys = ["", "a", "articles/a/", "articles/a/index.html", "articles/ab/", "tags/x/", "feed.xml",
                    "a-key-longer-than-sixteen-bytes/index.html"]
        let set = ByteStringSet(keys.map(\.utf8))
        #expect(set.count == keys.count)
        for key in keys { #expect(contains(set, key), "\(key)") }
        for other in ["b", "articles/a", "articles/a/index.htm", "articles/a/index.html ", "Articles/a/", "tags/x//",
                      "a-key-longer-than-sixteen-bytes/index.htmL"] {
            #expect(!contains(set, other), "\(other)")
        }
    }

    @Test func repeatsAreKeptOnce() {
        let set = ByteStringSet(["x", "y", "x", "x"].map(\.utf8))
        #expect(set.count == 2)
        #expect(contains(set, "x") && contains(set, "y"))
    }

    @Test func agreesWithASetOfArraysOnManyKeys() {
        // Keys that share long prefixes and differ in one byte anywhere, as
        // site paths do; enough of them that probing wraps and collides.
        var generator = SystemRandomNumberGenerator()
        var keys = Set<[UInt8]>()
        while keys.count < 3000 {
            let length = Int.random(in: 0...40, using: &generator)
            keys.insert((0..<length).map { _ in UInt8.random(in: 0x61...0x64, using: &generator) })
        }
        let set = ByteStringSet(Array(keys))
        #expect(set.count == keys.count)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let probe = (0..<length).map { _ in UInt8.random(in: 0x61...0x64, using: &generator) }
            let found = probe.withUnsafeBufferPointer { set.contains($0) }
            #expect(found == keys.contains(probe), "\(probe)")
        }
        for key in keys { #expect(key.withUnsafeBufferPointer { set.contains($0) }) }
    }

    @Test func anEmptySetHoldsNothing() {
        let set = ByteStringSet([[UInt8]]())
        #expect(set.count == 0)
        #expect(!contains(set, "") && !contains(set, "a"))
    }
}

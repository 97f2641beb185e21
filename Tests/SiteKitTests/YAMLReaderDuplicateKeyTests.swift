import Testing
@testable import SiteKit

/// Duplicate keys are found by the text the schema reads, not by YAML's implicit
/// types: `NO` and `"NO"` are both Norway.
@Suite struct YAMLReaderDuplicateKeyTests {
    @Test func quotedAndPlainSpellingsOfAKeyAreDuplicates() {
        let reader = YAMLReader(file: "content/data/shows/x.yaml", lineOffset: 3)
        #expect(reader.compose("ranks: {NO: 1, \"NO\": 2}\n") == nil)
        #expect(reader.errors.map(\.description) == ["content/data/shows/x.yaml:4:9: error: duplicate key 'NO': each key may appear once; remove one of them"])
    }

    @Test func numberLikeKeysAreDuplicatesByTheirText() {
        let reader = YAMLReader(file: "content/articles/a.md")
        #expect(reader.compose("title: A\n1: x\n\"1\": y\n") == nil)
        #expect(reader.errors.map(\.description) == ["content/articles/a.md:2:1: error: duplicate key '1': each key may appear once; remove one of them"])
    }

    @Test func differentSpellingsStayDifferentKeys() {
        let reader = YAMLReader(file: "content/articles/a.md")
        #expect(reader.compose("ranks: {NO: 1, No: 2, no: 3}\n") != nil)
        #expect(reader.errors.isEmpty)
    }
}

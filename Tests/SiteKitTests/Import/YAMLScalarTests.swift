import Testing
@testable import SiteKit

/// Writing titles as YAML scalars: plain when unambiguous, double-quoted otherwise.
@Suite struct YAMLScalarTests {
    @Test func plainWhenUnambiguous() {
        #expect(YAMLScalar.quoted("Partner Track") == "Partner Track")
        #expect(YAMLScalar.quoted("TV (Non-English)") == "TV (Non-English)")
        #expect(YAMLScalar.quoted("Tom & Jerry") == "Tom & Jerry")
        #expect(YAMLScalar.quoted("비상선언") == "비상선언")
        #expect(YAMLScalar.quoted("N/A") == "N/A")
        #expect(YAMLScalar.quoted("It's #1") == "\"It's #1\"")
    }

    @Test func quotedWhenYAMLWouldReadSomethingElse() {
        #expect(YAMLScalar.quoted("Partner Track: Season 1") == "\"Partner Track: Season 1\"")
        #expect(YAMLScalar.quoted("Null") == "\"Null\"")
        #expect(YAMLScalar.quoted("NO") == "\"NO\"")
        #expect(YAMLScalar.quoted("1899") == "\"1899\"")
        #expect(YAMLScalar.quoted("&anchor") == "\"&anchor\"")
        #expect(YAMLScalar.quoted("Ends:") == "\"Ends:\"")
        #expect(YAMLScalar.quoted(" padded") == "\" padded\"")
        #expect(YAMLScalar.quoted("") == "\"\"")
    }

    @Test func escapesInsideDoubleQuotes() {
        #expect(YAMLScalar.quoted("\"Weird\" \\ Al") == "\"\\\"Weird\\\" \\\\ Al\"")
        #expect(YAMLScalar.quoted("a\u{2028}b\u{7}c\td") == "\"a\\u2028b\\u0007c\\td\"")
    }
}

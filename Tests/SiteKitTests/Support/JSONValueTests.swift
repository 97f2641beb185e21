import Testing
@testable import SiteKit

@Suite struct JSONValueTests {
    // Made per use: a static of an indirect enum's boxes reads as a leak to
    // LeakSanitizer (the boxes are referenced only through tagged payloads).
    static var value: JSONValue { JSONValue.object([
        ("title", .string("A \"quoted\" <b>&</b> it's\n")), ("count", .int(-3)), ("draft", .bool(false)), ("none", .null),
        ("tags", .array([.string("x"), .array([]), .object([])])), ("nested", .object([("a", .array([.int(1), .int(2)]))])),
    ]) }

    @Test func compactTextHasNoSpaceAndEscapesForScriptElements() {
        #expect(Self.value.rendered() == #"{"title":"A \"quoted\" \u003cb\u003e\u0026\u003c/b\u003e it\u0027s\n","count":-3,"draft":false,"none":null,"tags":["x",[],{}],"nested":{"a":[1,2]}}"#)
    }

    @Test func prettyTextIndentsEachLevel() {
        #expect(Self.value.rendered(indent: 2) == """
        {
          "title": "A \\"quoted\\" \\u003cb\\u003e\\u0026\\u003c/b\\u003e it\\u0027s\\n",
          "count": -3,
          "draft": false,
          "none": null,
          "tags": [
            "x",
            [],
            {}
          ],
          "nested": {
            "a": [
              1,
              2
            ]
          }
        }
        """)
        #expect(JSONValue.array([]).rendered(indent: 2) == "[]")
        #expect(JSONValue.string("").rendered(indent: 2) == #""""#)
    }
}

import Foundation
import Testing
import Yams
@testable import SiteKit

/// The composer must build the tree Yams builds, field for field, and hand
/// back to Yams whatever it does not handle.
@Suite struct YAMLComposerTests {
    /// The first difference between two trees, or `nil`: kind, text, tag,
    /// style, mark and children, everything the readers may look at.
    static func difference(_ fast: Node, _ yams: Node, at path: String = "/") -> String? {
        guard fast.mark?.line == yams.mark?.line, fast.mark?.column == yams.mark?.column else {
            return "\(path): mark \(String(describing: fast.mark)) against \(String(describing: yams.mark))"
        }
        switch (fast, yams) {
        case let (.scalar(a), .scalar(b)):
            guard a.string == b.string, a.tag.rawValue == b.tag.rawValue, a.style == b.style else {
                return "\(path): scalar \(a.string)|\(a.tag.rawValue)|\(a.style) against \(b.string)|\(b.tag.rawValue)|\(b.style)"
            }
            return nil
        case let (.sequence(a), .sequence(b)):
            guard a.count == b.count, a.tag.rawValue == b.tag.rawValue, a.style == b.style else {
                return "\(path): sequence of \(a.count) (\(a.style)) against \(b.count) (\(b.style))"
            }
            for (index, (x, y)) in zip(a, b).enumerated() {
                if let difference = difference(x, y, at: "\(path)\(index)/") { return difference }
            }
            return nil
        case let (.mapping(a), .mapping(b)):
            guard a.count == b.count, a.tag.rawValue == b.tag.rawValue, a.style == b.style else {
                return "\(path): mapping of \(a.count) (\(a.style)) against \(b.count) (\(b.style))"
            }
            for (x, y) in zip(a, b) {
                if let difference = difference(x.key, y.key, at: "\(path)key:") { return difference }
                if let difference = difference(x.value, y.value, at: "\(path)\(x.key.string ?? "?")/") { return difference }
            }
            return nil
        default:
            return "\(path): \(fast) against \(yams)"
        }
    }

    /// Composes `yaml` both ways and compares; `false` when the composer
    /// handed it back.
    static func composesLikeYams(_ yaml: String, _ comment: Comment? = nil) throws -> Bool {
        guard let (fast, elements) = YAMLComposer.compose(yaml) else { return false }
        let yams = try #require(try Yams.compose(yaml: yaml, .basic, .default, .utf8), comment)
        #expect(difference(fast, yams) == nil, comment)
        #expect(elements == Self.elements(in: yams), comment)
        return true
    }

    /// What the reader's budget counts of a tree: every mapping's pairs and
    /// every sequence's items.
    static func elements(in node: Node) -> Int {
        switch node {
        case .mapping(let mapping): mapping.count + mapping.reduce(0) { $0 + elements(in: $1.key) + elements(in: $1.value) }
        case .sequence(let sequence): sequence.count + sequence.reduce(0) { $0 + elements(in: $1) }
        case .scalar, .alias: 0
        }
    }

    @Test func everyYAMLTextInTheRepositoryComposesAsYamsComposesIt() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var composed = 0
        for folder in ["content", "Tests/SiteKitTests/Fixtures", "Fuzz/Corpus/front-matter"] {
            let enumerator = FileManager.default.enumerator(at: root.appending(path: folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let yaml: String
                switch url.pathExtension {
                case "yaml", "yml": yaml = text
                case "md":
                    let parts = text.components(separatedBy: "\n---")
                    guard text.hasPrefix("---\n"), parts.count > 1 else { continue }
                    yaml = String(parts[0].dropFirst(4))
                default: continue
                }
                // Texts Yams rejects are the reader's to report; they must not compose here.
                guard (try? Yams.compose(yaml: yaml, .basic, .default, .utf8)) != nil else {
                    #expect(YAMLComposer.compose(yaml) == nil, "\(url.path)")
                    continue
                }
                if try Self.composesLikeYams(yaml, "\(url.path)") { composed += 1 }
            }
        }
        // The example site's shows and articles, the fixtures and the fuzz seeds: fifty documents.
        #expect(composed > 40)
    }

    @Test func everyScalarStyleAndCollectionFormComposesAsYamsComposesIt() throws {
        let documents = [
            "title: Plain\nquoted: \"Double \\u00e9 \\\"x\\\"\"\nsingle: 'It''s'\nempty:\nnull: ~\n",
            "literal: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\nkeep: |+\n  kept\n\nafter: 1\n",
            "flow: {a: 1, b: [x, 'y', \"z\"]}\nlist: [1, 2, 3]\nempty_list: []\nempty_map: {}\n",
            "weeks:\n  - week: 2022-09-04\n    hours: 1000\n    countries: {US: 1, GB: 2}\n  - week: 2022-09-11\n    hours: 2000\n",
            "# a comment\nkey: value # trailing\n\n\n  # indented comment\nother: \"x\"\n",
            "unicode: café 東京 😀\n\"quoted key\": 1\n'single key': 2\n? explicit\n: value\n",
            "- a\n- - nested\n  - list\n- {k: v}\n",
            "just a scalar\n",
            "tags: [netflix, 'drama', \"top 10\"]\ndate: 2024-01-02T03:04:05Z\nnumber: 0x1F\nbool: NO\n",
            "---\nstarted: with a marker\n...\n",
            "a: b\r\nc: d\r\n",
        ]
        for yaml in documents {
            #expect(try Self.composesLikeYams(yaml, "\(yaml)"), "\(yaml)")
        }
    }

    /// A plain document the composer builds is held to the reader's element
    /// budget by its count: within it, read; over it, the same error, at the
    /// node the walk stops at.
    @Test func theElementBudgetHoldsForComposedDocuments() {
        let yaml = "a: [1, 2]\nb: {c: 3}\n"  // 2 pairs + 2 items + 1 pair: 5 elements
        #expect(YAMLComposer.compose(yaml)?.elements == 5)
        #expect(YAMLReader(file: "x.yaml", elementBudget: 5).compose(yaml) != nil)
        let over = YAMLReader(file: "x.yaml", elementBudget: 4)
        #expect(over.compose(yaml) == nil)
        #expect(over.errors.map(\.description) == ["x.yaml:1:4: error: \(YAMLReader.tooLarge)"])
    }

    @Test func whatItDoesNotHandleGoesBackToYams() {
        let handedBack = [
            "base: &anchor 1\nother: *anchor\n",          // anchor and alias
            "list: &l [1]\n",                              // anchor on a collection
            "tagged: !!str 1\n",                           // explicit tag
            "custom: !thing x\n",                          // local tag
            "nonspecific: ! x\n",                          // the non-specific tag
            "? [complex, key]\n: value\n",                 // a key that is not a scalar
            "same: 1\nsame: 2\n",                          // a repeated key
            "\"same\": 1\nsame: 2\n",                      // repeated, quoted once
            (1...20).map { "k\($0): 1\n" }.joined() + "k3: 2\n",      // repeated after 20 keys (the hashed check)
            (1...20).map { "k\($0): 1\n" }.joined() + "k20: 2\n",     // the 20th repeated
            (1...16).map { "k\($0): 1\n" }.joined() + "k16: 2\n",     // the 16th repeated as the 17th key
            "a: 1\n---\nb: 2\n",                           // two documents
            "",                                            // no document
            "a: [1, 2\n",                                  // a syntax error
            "a:\n\tb: 1\n",                                // a tab for indentation
            String(repeating: "[", count: InputLimits.yamlDepth + 2) + String(repeating: "]", count: InputLimits.yamlDepth + 2),
        ]
        for yaml in handedBack {
            #expect(YAMLComposer.compose(yaml) == nil, "\(yaml)")
        }
        // Many distinct keys still compose.
        #expect(YAMLComposer.compose((1...40).map { "k\($0): 1\n" }.joined())?.elements == 40)
        // Nesting up to the limit still composes.
        let deep = String(repeating: "[", count: InputLimits.yamlDepth) + String(repeating: "]", count: InputLimits.yamlDepth)
        #expect(YAMLComposer.compose(deep) != nil)
    }

    @Test func theReaderReportsWhatYamsReportsForDocumentsHandedBack() {
        let reader = YAMLReader(file: "content/articles/a.md", lineOffset: 1)
        #expect(reader.compose("title: A\ntitle: B\n") == nil)
        #expect(reader.errors.map(\.description).joined().contains("title"))
        #expect(reader.failedToParse)
    }
}

import CYaml
import Yams

/// Composes YAML into Yams' node tree straight from libyaml's events, for the
/// documents sitegen's files hold: plain and quoted scalars, sequences and
/// mappings with scalar keys.
///
/// Yams' composer allocates an object per event, decodes every scalar through
/// Foundation and checks each mapping's keys by grouping hashed nodes: a
/// front matter of ten keys took about 200,000 instructions, 7 % of a
/// 10k-article build. This reads the same events and builds the same nodes
/// (marks, styles, tags), and hands anything else back: the caller then
/// composes with Yams, so errors and the rarer constructs stay Yams' own.
enum YAMLComposer {
    /// What `Yams.compose(yaml:, .basic, .default, .utf8)` makes of `yaml`,
    /// with how many collection elements the tree holds (a mapping's pairs
    /// and a sequence's items, summed over the tree): what the reader's
    /// element budget counts, worked out as the tree is built instead of in a
    /// walk of it afterwards. `nil` when the text has an anchor, an alias, an
    /// explicit tag, a key that is not a scalar, a repeated key, nesting deeper
    /// than `InputLimits.yamlDepth`, no document or more than one, or a syntax
    /// error (compose it with Yams then).
    static func compose(_ yaml: String) -> (node: Node, elements: Int)? {
        guard marksAreLineAndColumn else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> (node: Node, elements: Int)? in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var composer = Composer(parser: parser)
            guard let root = composer.document() else { return nil }
            return (root, composer.elements)
        }
    }

    /// One document's events, read in order.
    private struct Composer {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        // As Yams makes them for each document.
        let resolver = Resolver.basic
        let constructor = Constructor.default
        /// Sequence items and mapping pairs composed so far.
        private(set) var elements = 0

        /// The next event's type, start mark and the fields its node needs,
        /// with the event itself freed; `nil` on a syntax error.
        private mutating func next() -> Event? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            return Event(event)
        }

        mutating func document() -> Node? {
            guard next()?.type == YAML_STREAM_START_EVENT, next()?.type == YAML_DOCUMENT_START_EVENT,
                  let first = next(), let root = node(first, depth: 0),
                  next()?.type == YAML_DOCUMENT_END_EVENT, next()?.type == YAML_STREAM_END_EVENT else { return nil }
            return root
        }

        /// The node `event` starts, its content read from the events after it.
        private mutating func node(_ event: Event, depth: Int) -> Node? {
            guard event.isPlain, depth <= InputLimits.yamlDepth else { return nil }
            switch event.type {
            case YAML_SCALAR_EVENT:
                return scalar(event, tag: event.quotedImplicit ? .str : .implicit)
            case YAML_SEQUENCE_START_EVENT:
                var nodes: [Node] = []
                while true {
                    guard let item = next() else { return nil }
                    if item.type == YAML_SEQUENCE_END_EVENT {
                        // Yams takes the style from the end event, whose fields are zero.
                        guard let style = Node.Sequence.Style(rawValue: item.style) else { return nil }
                        return .sequence(Node.Sequence(nodes, Tag(.implicit, resolver, constructor), style, event.mark))
                    }
                    guard let node = node(item, depth: depth + 1) else { return nil }
                    nodes.append(node)
                    elements += 1
                }
            case YAML_MAPPING_START_EVENT:
                var pairs: [(Node, Node)] = []
                var keys = KeysSeen()
                while true {
                    guard let keyEvent = next() else { return nil }
                    if keyEvent.type == YAML_MAPPING_END_EVENT {
                        guard let style = Node.Mapping.Style(rawValue: keyEvent.style) else { return nil }
                        return .mapping(Node.Mapping(pairs, Tag(.implicit, resolver, constructor), style, event.mark))
                    }
                    // Keys are scalars, whose tags all resolve to `str` with
                    // the basic resolver: Yams' duplicate check is a check of
                    // their strings. That check hashes every key, which resolves
                    // its tag in place, so a key's tag is `str` in Yams' tree.
                    guard keyEvent.type == YAML_SCALAR_EVENT, keyEvent.isPlain, keys.insert(keyEvent.value),
                          let key = scalar(keyEvent, tag: .str),
                          let valueEvent = next(), let value = node(valueEvent, depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                    elements += 1
                }
            default:
                // An alias, or an event that starts no node.
                return nil
            }
        }

        private func scalar(_ event: Event, tag name: Tag.Name) -> Node? {
            guard let style = Node.Scalar.Style(rawValue: event.style) else { return nil }
            return .scalar(Node.Scalar(event.value, Tag(name, resolver, constructor), style, event.mark))
        }
    }

    /// The keys of one mapping so far, for the duplicate check: compared one
    /// by one while they are few (a front matter's ten keys were hashed into
    /// a set each, about 300 instructions a key), hashed once there are more.
    private struct KeysSeen {
        private static let mostComparedOneByOne = 16
        private var few: [String] = []
        private var many: Set<String> = []

        /// Adds `key`; whether it was not there yet.
        mutating func insert(_ key: String) -> Bool {
            if few.count < Self.mostComparedOneByOne {
                guard !few.contains(key) else { return false }
                if few.isEmpty { few.reserveCapacity(Self.mostComparedOneByOne) }
                few.append(key)
                return true
            }
            if many.isEmpty { many = Set(few) }
            return many.insert(key).inserted
        }
    }

    /// What the composer reads of one event, copied out before it is freed.
    private struct Event {
        let type: yaml_event_type_t
        let mark: Mark
        /// No anchor and no explicit tag: the node is as plain as Yams'
        /// implicit tags describe.
        private(set) var isPlain = false
        /// The scalar's or collection's style (zero in an end event).
        private(set) var style: UInt32 = 0
        /// A quoted scalar without a tag: Yams tags it `str`.
        private(set) var quotedImplicit = false
        /// A scalar's text.
        private(set) var value = ""

        init(_ event: yaml_event_t) {
            type = event.type
            mark = YAMLComposer.mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                isPlain = scalar.anchor == nil && (scalar.quoted_implicit == 1 || scalar.tag == nil)
                style = scalar.style.rawValue
                quotedImplicit = scalar.quoted_implicit == 1
                value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            case YAML_SEQUENCE_START_EVENT, YAML_SEQUENCE_END_EVENT:
                let sequence = event.data.sequence_start
                isPlain = sequence.anchor == nil && sequence.implicit != 0
                style = sequence.style.rawValue
            case YAML_MAPPING_START_EVENT, YAML_MAPPING_END_EVENT:
                let mapping = event.data.mapping_start
                isPlain = mapping.anchor == nil && mapping.implicit != 0
                style = mapping.style.rawValue
            default:
                break
            }
        }
    }

    /// A Yams `Mark` at a 1-based line and column. `Mark` has no public
    /// initializer; it is a struct of its two `Int`s, line then column,
    /// which ``marksAreLineAndColumn`` checks before any is made this way.
    private static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    /// Whether `Mark` is laid out as ``mark(line:column:)`` assumes; if a
    /// Yams release changes it, every document goes to Yams.
    private static let marksAreLineAndColumn: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = mark(line: 3, column: 7)
        return probe.line == 3 && probe.column == 7
    }()
}

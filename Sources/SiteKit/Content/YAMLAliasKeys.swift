import CYaml

/// Finds an alias used as a mapping key (or inside one) from the parse events
/// of libyaml, the parser Yams itself runs, before Yams composes the tree.
///
/// Yams expands an alias key while it checks for duplicate keys, before any
/// budget can see the tree: a small document of nested aliases used as keys
/// would take minutes. No schema of ours has such keys. Reading the events
/// rather than the text means every YAML construct (block scalars, quoting,
/// flow collections, comments) is understood exactly as Yams understands it.
enum YAMLAliasKeys {
    /// Line and column (1-based, in characters) of the first alias that is a
    /// key or part of one; `nil` when there is none, or when the text is not
    /// valid YAML up to one (composing then reports the syntax error).
    static func firstPosition(in yaml: String) -> (line: Int, column: Int)? {
        // Every alias starts with `*`: most documents need no second parse.
        guard ByteScan.contains(yaml, byte: UInt8(ascii: "*")) else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> (line: Int, column: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                let mark = event.start_mark
                yaml_event_delete(&event)
                switch walk.step(type) {
                case .aliasInKey: return (Int(mark.line) + 1, Int(mark.column) + 1)
                case .end: return nil
                case .next: continue
                }
            }
            return nil
        }
    }

    /// Where the events are: which collections are open, and whether the next
    /// node is a key.
    private struct Walk {
        private struct Collection {
            var isMapping: Bool
            /// In a mapping: whether the next node is a key.
            var expectsKey = true
            /// Whether the collection is itself a key or inside one.
            var isInKey: Bool
        }

        enum Outcome { case next, aliasInKey, end }

        private var open: [Collection] = []

        /// Whether the next node is a key or inside one.
        private var nextIsInKey: Bool {
            guard let top = open.last else { return false }
            return top.isInKey || (top.isMapping && top.expectsKey)
        }

        mutating func step(_ type: yaml_event_type_t) -> Outcome {
            switch type {
            case YAML_ALIAS_EVENT:
                if nextIsInKey { return .aliasInKey }
                nodeDone()
            case YAML_SCALAR_EVENT:
                nodeDone()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                open.append(Collection(isMapping: type == YAML_MAPPING_START_EVENT, isInKey: nextIsInKey))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                open.removeLast()
                nodeDone()
            case YAML_STREAM_END_EVENT:
                return .end
            default:
                break
            }
            return .next
        }

        /// A node is complete: in a mapping, a key is followed by its value and a
        /// value by the next key.
        private mutating func nodeDone() {
            guard let top = open.indices.last, open[top].isMapping else { return }
            open[top].expectsKey.toggle()
        }
    }
}

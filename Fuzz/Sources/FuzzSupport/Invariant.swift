import SiteKit

/// Stops the process (a trap) when an invariant does not hold, so libFuzzer
/// records the input as a crash. Unlike `assert`, this also checks in release builds.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    fatalError("INVARIANT VIOLATED: \(message())")
}

/// The fuzzer's bytes.
public func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Lines in `text` (a text without a final line end still has its last line).
public func lineCount(of text: String) -> Int {
    text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
}

/// Checks that every error of a failure names `file` and a line that exists in
/// it (or the line just after its end, where an unclosed construct is reported).
public func requirePositions(_ failure: BuildFailure, file: String, firstLine: Int = 1, lastLine: Int,
                             _ what: String) {
    require(!failure.errors.isEmpty, "\(what): a failure without errors")
    for error in failure.errors {
        require(error.file == file, "\(what): error names \(error.file), not \(file): \(error)")
        require(error.line >= firstLine && error.line <= lastLine + 1,
                "\(what): error line \(error.line) outside lines \(firstLine)...\(lastLine): \(error)")
        require(error.column >= 1, "\(what): column \(error.column): \(error)")
        require(!error.message.isEmpty, "\(what): empty message at \(error.file):\(error.line)")
    }
}

/// A start or end tag as HTML's tokenizer reads it: its lowercased name and the
/// bytes after the name (`>`, whitespace, `/`).
public struct Tag {
    public var name: String
    public var following: ArraySlice<UInt8>
}

/// The start and end tags in `html`, as a browser tokenizes them: comments and a
/// `<` that opens no tag are skipped, and so are attribute values, where `<` may
/// stand unescaped.
public func tags(in html: String) -> [Tag] {
    let bytes = Array(html.utf8)
    var tags: [Tag] = []
    var index = 0
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
        if bytes[index...].starts(with: "<!--".utf8) {
            var end = index + 4
            while end < bytes.count && !bytes[end...].starts(with: "-->".utf8) { end += 1 }
            index = end + 3
            continue
        }
        var start = index + 1
        if start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
        // A tag opens with `<` and an ASCII letter, and its name runs to whitespace,
        // `/` or `>` (`<script\u{FFFD}` is not a script).
        guard start < bytes.count, isASCIILetter(bytes[start]) else { index = start; continue }
        var end = start
        while end < bytes.count && !endsName(bytes[end]) { end += 1 }
        tags.append(Tag(name: String(decoding: bytes[start..<end], as: UTF8.self).lowercased(),
                        following: bytes[end..<min(bytes.count, end + 2)]))
        // Skip the attributes to the tag's `>`, quoted values included.
        var quote: UInt8?
        while end < bytes.count {
            let byte = bytes[end]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            end += 1
        }
        index = end + 1
    }
    return tags
}

/// The element names of the start and end tags in `html`, lowercased.
public func tagNames(in html: String) -> [String] {
    tags(in: html).map(\.name)
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
}

private func endsName(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
}

/// Checks that `html` holds only elements sitegen itself writes: text from the
/// input that was not escaped would show up as another element (or as `<` with
/// no name at all).
public func requireOnlyTags(_ allowed: Set<String>, in html: String, _ what: String) {
    for name in tagNames(in: html) where !allowed.contains(name) {
        require(false, "\(what): element <\(name)> in output:\n\(html)")
    }
}

/// A rewrite of a string's UTF-8 by table: bytes replaced by text (or
/// dropped), and a few three-byte characters likewise. HTML and JSON escaping
/// are two such tables over the one loop in ``append(_:to:)``.
struct ByteRewrite: Sendable {
    /// Where a replacement's bytes are in `pool`.
    private struct Span: Sendable {
        var start: Int
        var count: Int
    }

    /// Every replacement's bytes, end to end, then eight zero bytes: one
    /// buffer, so that the loop copies from it without retaining an array per
    /// replacement.
    private let pool: [UInt8]
    /// What each byte becomes; `nil` keeps it.
    private let byteSpans: [Span?]
    /// Three-byte characters (their UTF-8) and what each becomes.
    private let characters: [(first: UInt8, second: UInt8, third: UInt8, span: Span)]
    /// Every byte that may start a replacement.
    private let special: ByteSet
    /// The most bytes a replacement writes per byte it replaces (at least 1):
    /// a rewritten text is at most this many times its source.
    private let maximumGrowth: Int

    /// - Parameters:
    ///   - bytes: single bytes and their replacements ("" drops the byte). Only
    ///     ASCII bytes, so the rest of the text stays whole characters.
    ///   - characters: three-byte UTF-8 sequences and their replacements.
    init(bytes: [UInt8: String], characters: [[UInt8]: String]) {
        var pool: [UInt8] = []
        func stored(_ text: String) -> Span {
            defer { pool += text.utf8 }
            return Span(start: pool.count, count: text.utf8.count)
        }
        var byteSpans = [Span?](repeating: nil, count: 256)
        for (byte, text) in bytes.sorted(by: { $0.key < $1.key }) {
            precondition(byte < 0x80, "only ASCII bytes are replaced alone")
            byteSpans[Int(byte)] = stored(text)
        }
        var sequences: [(first: UInt8, second: UInt8, third: UInt8, span: Span)] = []
        for (utf8, text) in characters.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            precondition(utf8.count == 3 && utf8[0] >= 0x80, "characters are three UTF-8 bytes")
            sequences.append((utf8[0], utf8[1], utf8[2], stored(text)))
        }
        // Eight bytes of padding: the write loop reads any replacement as eight.
        self.pool = pool + repeatElement(0, count: 8)
        self.byteSpans = byteSpans
        self.characters = sequences
        let leads = Set(sequences.map(\.first))
        special = ByteSet { byteSpans[Int($0)] != nil || leads.contains($0) }
        maximumGrowth = max(1, byteSpans.compactMap { $0?.count }.max() ?? 0,
                            sequences.map { ($0.span.count + 2) / 3 }.max() ?? 0)
    }

    /// Appends `text` to `output`, rewritten.
    ///
    /// Text without a special byte is appended as it is. Otherwise the result
    /// is measured, written into a new string's memory (the runs between
    /// replaced bytes copied whole) and appended once: markup is dense with
    /// special bytes, and appending each run and replacement cost more.
    func append(_ text: String, to output: inout String) {
        var text = text
        let appended: Bool = text.withUTF8 { source in
            guard let first = special.firstIndex(in: source) else { return false }
            let length = rewrittenLength(of: source, from: first)
            output += String(unsafeUninitializedCapacity: length) { buffer in
                write(source, from: first, to: buffer)
                return length
            }
            return true
        }
        if !appended { output += text }
    }

    /// Appends `source`, which is UTF-8, to `output`, rewritten: for text that
    /// goes on as bytes (into a page or a file), with no string made and
    /// validated.
    ///
    /// Short text is measured, then written in place. Long text (a whole
    /// article body) is written in one pass into room for the longest
    /// possible result (``maximumGrowth`` times the source), then appended:
    /// measuring read every byte twice.
    func append(_ source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let first = special.firstIndex(in: source) else {
            output.append(contentsOf: source)
            return
        }
        guard source.count > 1024 else {
            let length = rewrittenLength(of: source, from: first)
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: length))
            output.withUnsafeMutableBufferPointer { output in
                _ = write(source, from: first, to: UnsafeMutableBufferPointer(rebasing: output[start...]))
            }
            return
        }
        let rewritten = [UInt8](unsafeUninitializedCapacity: source.count * maximumGrowth) { buffer, count in
            count = write(source, from: first, to: buffer)
        }
        // Into an empty output (a feed body escaped on its own) the result
        // goes as it is, not copied.
        if output.isEmpty { output = rewritten } else { output.append(contentsOf: rewritten) }
    }

    /// How many bytes `source` takes rewritten, given its first special byte.
    private func rewrittenLength(of source: UnsafeBufferPointer<UInt8>, from first: Int) -> Int {
        byteSpans.withUnsafeBufferPointer { byteSpans in
            special.withTable { table in
                guard let base = source.baseAddress else { return 0 }
                var length = source.count
                var found = first
                while found < source.count {
                    guard let (span, replaced) = replacement(in: source, at: found, byteSpans: byteSpans) else {
                        // the lead byte of a character kept whole
                        found = ByteSet.firstIndex(table: table, in: base, count: source.count, from: found &+ 1)
                        continue
                    }
                    length += span.count - replaced
                    found = ByteSet.firstIndex(table: table, in: base, count: source.count, from: found &+ replaced)
                }
                return length
            }
        }
    }

    /// Writes `source` rewritten into `output`, which has room for it (exactly
    /// ``rewrittenLength(of:from:)`` bytes, or more), and returns how many
    /// bytes it wrote; the tables as buffers, so that the loop retains nothing.
    ///
    /// Markup is dense with special bytes (a feed body has one every dozen
    /// bytes), so the loop is shaped for short runs: the scan is inline, and
    /// short runs and replacements are copied by fixed 8-byte moves rather
    /// than by a memmove call each, which cost more than the copy. A move
    /// may write past what it copies, within the room; the next one writes
    /// over it, and the result ends where the last copy ends.
    @discardableResult
    private func write(_ source: UnsafeBufferPointer<UInt8>, from first: Int, to output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        pool.withUnsafeBufferPointer { pool in
            byteSpans.withUnsafeBufferPointer { byteSpans in
                special.withTable { table in
                    guard let out = output.baseAddress, let from = source.baseAddress,
                          let pool = pool.baseAddress else { return 0 }
                    let count = source.count
                    var written = 0
                    var runStart = 0
                    var found = first
                    while found < count {
                        guard let (span, replaced) = replacement(in: source, at: found, byteSpans: byteSpans) else {
                            found = ByteSet.firstIndex(table: table, in: from, count: count, from: found &+ 1)
                            continue
                        }
                        let run = found &- runStart
                        precondition(written &+ run &+ span.count <= output.count, "the rewrite outgrew its room")
                        // Where both sides have 16 bytes to spare, a short run
                        // is two 8-byte moves and a replacement (at most 8
                        // bytes, the pool padded after its last) one.
                        let roomy = written &+ run &+ 24 <= output.count
                        if roomy && runStart &+ 16 <= count && run <= 16 {
                            Self.move16(from + runStart, to: out + written)
                        } else {
                            (out + written).update(from: from + runStart, count: run)
                        }
                        written &+= run
                        if roomy && span.count <= 8 {
                            UnsafeMutableRawPointer(out + written).storeBytes(
                                of: UnsafeRawPointer(pool + span.start).loadUnaligned(as: UInt64.self), as: UInt64.self)
                        } else {
                            (out + written).update(from: pool + span.start, count: span.count)
                        }
                        written &+= span.count
                        runStart = found &+ replaced
                        found = ByteSet.firstIndex(table: table, in: from, count: count, from: runStart)
                    }
                    precondition(written + count - runStart <= output.count, "the rewrite outgrew its room")
                    (out + written).update(from: from + runStart, count: count - runStart)
                    return written + count - runStart
                }
            }
        }
    }

    /// Copies 16 bytes, both ends unaligned.
    @inline(__always)
    private static func move16(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeRawPointer(source)
        let low = raw.loadUnaligned(as: UInt64.self), high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        UnsafeMutableRawPointer(target).storeBytes(of: low, as: UInt64.self)
        UnsafeMutableRawPointer(target).storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    }

    /// The replacement for what starts at `offset`, and how many bytes it replaces.
    @inline(__always)
    private func replacement(in source: UnsafeBufferPointer<UInt8>, at offset: Int,
                             byteSpans: UnsafeBufferPointer<Span?>) -> (Span, Int)? {
        let byte = source[offset]
        if byte < 0x80 { return byteSpans[Int(byte)].map { ($0, 1) } }
        guard offset + 2 < source.count else { return nil }
        for character in characters where character.first == byte
            && character.second == source[offset + 1] && character.third == source[offset + 2] {
            return (character.span, 3)
        }
        return nil
    }
}

import Testing
@testable import SiteKit

@Suite struct ByteScanTests {
    @Test func byteSetHoldsExactlyItsMembers() {
        let set = ByteSet { $0 == 0x00 || $0 == 0x7F || $0 == 0x80 || $0 == 0xFF || $0 == 0x3C }
        let members = (0...255).map(UInt8.init).filter(set.contains)
        #expect(members == [0x00, 0x3C, 0x7F, 0x80, 0xFF])
        let bytes: [UInt8] = [0x41, 0x3C, 0x42, 0xFF]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(set.firstIndex(in: buffer) == 1)
            #expect(set.firstIndex(in: buffer, from: 2) == 3)
            #expect(set.firstIndex(in: buffer, from: 4) == nil)
        }
    }

    /// The set is tested eight bytes at a time, then byte by byte: a member
    /// at every position of every length up to three steps, from every start,
    /// is found where a plain search finds it.
    @Test func firstIndexMatchesAPlainSearchAcrossEightByteSteps() {
        let set = ByteSet { $0 == 0x3C || $0 < 0x09 || $0 == 0xEF }
        for length in 0...26 {
            for member in [nil, 0x3C, 0x01, 0xEF] as [UInt8?] {
                for position in member == nil ? [0] : Array(0..<max(length, 1)) where position < max(length, 1) {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if let member, length > 0 { bytes[position] = member }
                    for start in 0...length {
                        let expected = (start..<length).first { set.contains(bytes[$0]) }
                        let found = bytes.withUnsafeBufferPointer { set.firstIndex(in: $0, from: start) }
                        #expect(found == expected, "length \(length), member at \(position), from \(start)")
                    }
                }
            }
        }
    }

    /// Escaping into bytes writes in one pass into room for the longest
    /// result; every byte replaced by its longest replacement fills that room
    /// exactly, and the result is the string escape's.
    @Test func escapingIntoBytesMatchesTheStringEscapeAtItsLongest() {
        for text in ["", "plain", "\"\"\"\"", "<>&\"'", "a\u{FFFE}\u{FFFF}\u{0B}b", String(repeating: "\"x", count: 100)] {
            var bytes: [UInt8] = [0x2A]
            Array(text.utf8).withUnsafeBufferPointer { HTMLEscaping.escape($0, into: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == "*" + HTMLEscaping.escape(text))
        }
    }

    /// Text longer than 1 KiB (a feed body) is written in one pass, then
    /// appended to what the output holds, or becomes an empty output.
    @Test func escapingLongTextIntoEmptyAndStartedOutputs() {
        let text = String(repeating: "<p class=\"x\">Tom & Jerry's</p>\n", count: 64)
        #expect(text.utf8.count > 1024)
        for prefix in [[], [UInt8(0x2A)]] {
            var bytes = prefix
            Array(text.utf8).withUnsafeBufferPointer { HTMLEscaping.escape($0, into: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: prefix, as: UTF8.self) + HTMLEscaping.escape(text))
        }
    }

    /// The rewrite loop copies short runs and replacements in 8-byte moves
    /// where the room allows, and memmove elsewhere: on random texts dense
    /// with replaced bytes, short (measured, then written) and over 1 KiB
    /// (written into room for the longest result), with 3-byte characters
    /// and their look-alikes at every place, it writes what a plain
    /// byte-by-byte rewrite writes.
    @Test func rewriteMatchesAPlainRewriteOnRandomTexts() {
        let bytes: [UInt8: String] = [UInt8(ascii: "<"): "&lt;", UInt8(ascii: "\""): "&quot;", UInt8(ascii: "-"): "",
                                      0x01: "\u{FFFD}", UInt8(ascii: "~"): "12345678", 0x02: "123456789"]
        let characters: [[UInt8]: String] = [[0xEF, 0xBF, 0xBE]: "", [0xE2, 0x80, 0xA8]: "\\u2028"]
        let rewrite = ByteRewrite(bytes: bytes, characters: characters)
        func plain(_ text: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [], index = 0
            while index < text.count {
                if index + 3 <= text.count, let replacement = characters[Array(text[index..<index + 3])] {
                    out += replacement.utf8
                    index += 3
                } else if let replacement = bytes[text[index]] {
                    out += replacement.utf8
                    index += 1
                } else {
                    out.append(text[index])
                    index += 1
                }
            }
            return out
        }
        let pieces = ["<", "\"", "-", "\u{01}", "\u{02}", "~", "a", "bc", "plain text run", "é", "\u{FFFE}", "\u{FFFF}",
                      "\u{2028}", "\u{2029}", "ｱ", String(repeating: "x", count: 40)]
        var generator = SplitMix64(seed: 11)
        for round in 0..<400 {
            let count = round % 4 == 0 ? Int.random(in: 200...700, using: &generator) : Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let utf8 = Array(text.utf8)
            for prefix in [[], [UInt8(ascii: "*")]] {
                var output = prefix
                utf8.withUnsafeBufferPointer { rewrite.append($0, to: &output) }
                #expect(output.elementsEqual(prefix + plain(utf8)), "round \(round): \(text.debugDescription)")
            }
            var string = "*"
            rewrite.append(text, to: &string)
            #expect(string.utf8.elementsEqual([UInt8(ascii: "*")] + plain(utf8)), "round \(round): \(text.debugDescription)")
        }
    }

    /// The scan for dense text looks at eight bytes one by one, then eight
    /// at a time: a member at every position, from every start.
    @Test func tableScanMatchesAPlainSearch() {
        let set = ByteSet { $0 == 0x3C || $0 == 0xEF }
        for length in 0...34 {
            for position in [nil] + Array(0..<length) as [Int?] {
                var bytes = [UInt8](repeating: 0x61, count: length)
                if let position { bytes[position] = 0x3C }
                for start in 0...length {
                    let expected = (start..<length).first { set.contains(bytes[$0]) } ?? length
                    let found = bytes.withUnsafeBufferPointer { buffer in
                        set.withTable { ByteSet.firstIndex(table: $0, in: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!,
                                                           count: length, from: start) }
                    }
                    #expect(found == expected, "length \(length), member at \(String(describing: position)), from \(start)")
                }
            }
        }
    }

    @Test func findsNeedlesAnywhereAndOnlyWhole() {
        #expect(ByteScan.contains("aaab", "aab"))
        #expect(ByteScan.contains("&#11;", "&#"))
        #expect(ByteScan.contains("x&#", "&#"))
        #expect(!ByteScan.contains("x&", "&#"))
        #expect(!ByteScan.contains("", "&#"))
        #expect(!ByteScan.contains("&x#", "&#"))
        #expect(ByteScan.contains("ä<input type=\"checkbox\"", #"<input type="checkbox""#))
        #expect(ByteScan.contains("a\rb", byte: 0x0D))
        #expect(!ByteScan.contains("a\nb", byte: 0x0D))
        #expect(!ByteScan.contains("", byte: 0x0D))
    }

    /// The search looks for the needle's first byte that is not a space, letter
    /// or digit, so a needle's start before that byte must still be matched
    /// exactly: compared with a plain search at every offset, on short texts
    /// with near misses and on long ones made of few characters, so that
    /// needles recur.
    @Test(arguments: [" href=\"", " <a class=\"x\"", "</svg>", "<svg", "&#", "abc", " ", "a=", "=", "Ab 9<",
                      "<a <a <a <a <a <a <a <a <a <a x", "<input type=\"checkbox\"", "kk<k", "x", "a\u{2014}", "=k=k="])
    /// Whatever byte of the needle memchr looks for (its rarest), the first
    /// match is found, also where that byte sits at the needle's end or repeats.
    func firstOffsetMatchesAPlainSearch(needle: String) {
        var haystacks = ["", " href=\"", "x href=\"/a\" href=\"/b\"", "hhref=\" href=\"", "<svg><svg></svg></svg>",
                         "&&#&#", "ab abc", "  =a= a=", " <a class=\"x\"> <a class=\"y\">", "ab 9<AB 9<Ab 9<"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array(needle.utf8) + Array(" <a".utf8)
        for length in [17, 64, 300] {
            var bytes: [UInt8] = []
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            haystacks.append(String(decoding: bytes, as: UTF8.self))
        }
        let pattern = Array(needle.utf8)
        for haystack in haystacks {
            let bytes = Array(haystack.utf8)
            for from in 0...bytes.count {
                let expected = from > bytes.count - pattern.count ? nil
                    : (from...(bytes.count - pattern.count)).first { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
                let found = bytes.withUnsafeBufferPointer { hay in
                    pattern.withUnsafeBufferPointer { ByteScan.firstOffset(of: $0, in: hay, from: from) }
                }
                #expect(found == expected, "\(needle) in \(haystack) from \(from)")
            }
        }
    }

    @Test func escapingKeepsEverythingButSpecialBytes() {
        // Characters starting with 0xEF other than U+FFFE/U+FFFF stay, also at the end.
        #expect(HTMLEscaping.escape("！<ｱ>\u{FEFF}") == "！&lt;ｱ&gt;\u{FEFF}")
        #expect(HTMLEscaping.escape("\u{FFFD}") == "\u{FFFD}")
        #expect(HTMLEscaping.escape("a\u{FFFE}") == "a")
        #expect(HTMLEscaping.escape("\u{FFFF}b\u{FFFE}") == "b")
        #expect(HTMLEscaping.escape("&&\"'") == "&amp;&amp;&quot;&#39;")
        #expect(HTMLEscaping.escape("plain ünïcode text") == "plain ünïcode text")
        #expect(HTMLEscaping.escape("") == "")
        var output = "<b>"
        HTMLEscaping.escape("x<y", into: &output)
        #expect(output == "<b>x&lt;y")
    }

    @Test func linkColumnsCountScalarsOnTheirLine() {
        let markdown = "é [a](x)\nüü [b](y)\n"
        let links = [MarkdownLink(url: "x", line: 1, column: 4), MarkdownLink(url: "y", line: 2, column: 6),
                     MarkdownLink(url: "z", line: 3, column: 1), MarkdownLink(url: "w", line: 9, column: 2),
                     MarkdownLink(url: "v", line: 2, column: 99), MarkdownLink(url: "u", line: 0, column: 0)]
        let columns = MarkdownRenderer.scalarColumns(links, in: Array(markdown.utf8)).map { [$0.line, $0.column] }
        #expect(columns == [[1, 3], [2, 4], [3, 1], [9, 2], [2, 99], [1, 1]])
    }

    @Test func jsonStringsEscapeWhatScriptsAndReadersMisread() {
        let text = "Say \"hi\" \\ <b>&'\n\r\t\u{2028}\u{2029}\u{2027}é\u{FFFE}！\u{FFFF}\u{0C}\u{1F}end"
        #expect(JSONValue.string(text).rendered()
            == #""Say \"hi\" \\ \u003cb\u003e\u0026\u0027\n\r\t\u2028\u2029\#u{2027}é！ end""#)
        #expect(JSONValue.string("").rendered() == #""""#)
        #expect(JSONValue.string("plain").rendered() == #""plain""#)
    }

    @Test func rewritesBytesAndWholeCharactersByTable() {
        let rewrite = ByteRewrite(bytes: [UInt8(ascii: "a"): "A", UInt8(ascii: "-"): ""],
                                  characters: [[0xE2, 0x80, 0xA8]: "<LS>", [0xE2, 0x80, 0x94]: "--"])
        var output = ">"
        rewrite.append("a-b\u{2028}c—é\u{2019}\u{2028}", to: &output)
        #expect(output == ">Ab<LS>c--é\u{2019}<LS>")
        var untouched = ""
        rewrite.append("xyz é", to: &untouched)
        #expect(untouched == "xyz é")
    }

    @Test func continuationBytesAreCountedAtEveryLength() {
        #expect(Array("a é 東京 😀".utf8).withUnsafeBufferPointer { ByteScan.continuationBytes(in: $0) } == 1 + 4 + 3)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = bytes.filter { $0 & 0xC0 == 0x80 }.count
            #expect(bytes.withUnsafeBufferPointer { ByteScan.continuationBytes(in: $0) } == expected, "\(bytes)")
        }
    }
}

import Testing
@testable import SiteKit

@Suite struct WordCountTests {
    /// A byte at a time: what the eight-at-a-time count must equal.
    static func reference(_ bytes: [UInt8], inWord: inout Bool) -> Int {
        var count = 0
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    static func count(_ text: String, inWord: Bool = false) -> (Int, Bool) {
        var inWord = inWord
        let count = Array(text.utf8).withUnsafeBufferPointer { WordCount.count($0, inWord: &inWord) }
        return (count, inWord)
    }

    @Test func examples() {
        #expect(Self.count("") == (0, false))
        #expect(Self.count("", inWord: true) == (0, true))
        #expect(Self.count("one") == (1, true))
        #expect(Self.count("one two  three\n\tfour\r\nfive ") == (5, false))
        #expect(Self.count("believable", inWord: true) == (0, true))   // "un" came before
        #expect(Self.count(" then", inWord: true) == (1, true))
        #expect(Self.count("exactly8 exactly8 ") == (2, false))
        #expect(Self.count("café über 東京 — ok") == (5, true))
        // Other control bytes and U+00A0's bytes are not spaces.
        #expect(Self.count("a\u{0B}b\u{0C}c\u{A0}d") == (1, true))
    }

    @Test func agreesWithAByteAtATimeCountAtEveryLengthAndStart() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x20, 0x0A, 0x09, 0x0D, 0x0B, 0x0C, 0x00, 0x21, 0x41, 0x61, 0x7F, 0x80, 0xA0, 0xC3, 0xE2, 0xFF, 0x2A, 0x8A]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            for start in [false, true] {
                var expected = start, actual = start
                let want = Self.reference(bytes, inWord: &expected)
                let got = bytes.withUnsafeBufferPointer { WordCount.count($0, inWord: &actual) }
                #expect(got == want && actual == expected, "\(bytes) from \(start)")
            }
        }
    }
}

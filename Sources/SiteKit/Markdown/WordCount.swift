/// Counts words in text: a word starts at a byte that is not a space (space,
/// tab, line feed, carriage return) after one that is. Eight bytes are
/// tested per step: every article's prose goes through here, and a test and
/// branch per byte was half the time of the Markdown tree walk.
enum WordCount {
    /// The words that start in `bytes`; `inWord` says whether the byte before
    /// them was part of a word, and is left saying so of the last byte.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, inWord: inout Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        // Bit 0: whether the byte before the current eight is a space.
        var spaceBefore: UInt64 = inWord ? 0 : 1
        var index = 0
        while index &+ 8 <= bytes.count {
            let spaces = spaceMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            // A word starts at each byte that is not a space after one that is.
            let starts = ~spaces & (spaces << 1 | spaceBefore) & 0xFF
            count &+= starts.nonzeroBitCount
            spaceBefore = spaces >> 7
            index &+= 8
        }
        var previousIsSpace = spaceBefore == 1
        while index < bytes.count {
            let isSpace = isSpace(base[index])
            if !isSpace && previousIsSpace { count &+= 1 }
            previousIsSpace = isSpace
            index &+= 1
        }
        inWord = !previousIsSpace
        return count
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Bit k set when byte k of `word` (in memory order) is a space.
    @inline(__always)
    private static func spaceMask(_ word: UInt64) -> UInt64 {
        let high = zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroBytes(word ^ 0x0909_0909_0909_0909) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        // Gather each byte's high bit into the low eight bits.
        return ((high >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// The high bit of each byte of `x` that is zero, exactly (no borrow
    /// from one byte into the next).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }
}

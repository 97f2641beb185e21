/// Short content hashes for cache-busting file names.
public enum ContentHash {
    /// 64-bit FNV-1a of the UTF-8 text, as 10 hex digits.
    public static func hex(of text: String) -> String {
        hex(ofBytes: text.utf8)
    }

    /// 64-bit FNV-1a of `bytes`, as 10 hex digits.
    public static func hex(ofBytes bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(10))
    }
}

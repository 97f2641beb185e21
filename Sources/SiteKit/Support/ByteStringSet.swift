#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of byte strings that answers for bytes where they lie, with no
/// `String` made: the link scan asks it about every link of every page (forty
/// a page), and making, hashing (SipHash) and comparing a string for each was
/// a twentieth of a large build's instructions.
///
/// Keys are compared byte for byte, not by Unicode canonical equivalence as
/// `String` compares: a caller that needs the string answer must treat "no"
/// as "don't know" (``LinkChecker/KnownLinks`` does: a link not found is
/// resolved in full).
struct ByteStringSet: Sendable {
    /// Every key's bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each key starts in `arena`, and after the last, where it ends.
    private var starts: [Int] = [0]
    /// Open addressing with linear probing: a key's index plus one, 0 when empty.
    private var slots: [Int32]
    private let mask: Int

    /// The set of `keys` (repeats are kept once).
    init<Keys: Collection>(_ keys: Keys) where Keys.Element: Collection, Keys.Element.Element == UInt8 {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for key in keys { insert(Array(key)) }
    }

    /// How many keys there are.
    var count: Int { starts.count - 1 }

    /// Whether `bytes` is one of the keys.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        slot(of: bytes).found
    }

    private mutating func insert(_ key: [UInt8]) {
        let (slot, found) = key.withUnsafeBufferPointer { self.slot(of: $0) }
        guard !found else { return }
        arena += key
        starts.append(arena.count)
        slots[slot] = Int32(count)
    }

    /// The slot that holds `bytes`, or the empty slot where it would go.
    private func slot(of bytes: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Bool) {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return (slot, false) }
                let start = starts[entry - 1], end = starts[entry]
                if end - start == bytes.count,
                   bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 {
                    return (slot, true)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A hash of `bytes` eight at a time (multiply and fold, as in
    /// MurmurHash3's finaliser): the keys are site paths that share long
    /// prefixes, so every byte takes part.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}

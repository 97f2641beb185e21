import Foundation

/// URL slugs: lowercase ASCII letters, digits and single hyphens for files;
/// letters and digits of any script for taxonomy terms.
public enum Slug {
    /// Whether `text` is a valid slug: `partner-track-s2`, not `Partner_Track` or `-x`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !ByteScan.contains(text, "--") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// A slug made from free text: lowercased, accents folded, every run of other
    /// characters one hyphen ("Partner Track: Season 1" -> "partner-track-season-1").
    public static func make(from text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out += folded
        }
        return out
    }

    /// The slug of a taxonomy term: lowercased letters and digits of any script
    /// (Latin accents folded: "Café" -> "cafe"; "ドラマ", "Драма" -> "драма"),
    /// every run of other characters one hyphen, with `+` read as "plus" and `&`
    /// as "and", so "Apple TV+" and "Apple TV" get pages of their own
    /// ("apple-tv-plus", "apple-tv") and "Love & Death" reads "love-and-death".
    /// URLs carry it percent-encoded (``percentEncoded(_:)``); the folder on
    /// disk has the slug itself, which is what a host looks up.
    public static func term(_ name: String) -> String {
        var text = name
        if text.unicodeScalars.contains(where: { $0 == "+" || $0 == "&" }) {
            text = text.replacing("+", with: " plus ").replacing("&", with: " and ")
        }
        // Most tags are ASCII, and a build asks for each one's slug many times.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return make(from: text) }
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        // Whether the last character kept is not ASCII: a combining mark that
        // Unicode has no precomposed form for belongs to it (Devanagari vowel signs).
        var lastKeptIsNative = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if lastKeptIsNative { out.append(scalar) }
                continue
            default: break
            }
            var piece = fold(scalar)
            var native = false
            if piece.isEmpty, properties.isAlphabetic || properties.numericType != nil {
                piece = String(scalar).lowercased()
                native = true
            }
            if piece.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out.append("-") }
            pendingHyphen = false
            out.append(contentsOf: piece.unicodeScalars)
            lastKeptIsNative = native
        }
        return String(out)
    }

    /// A site path as a URL path: every byte but ASCII letters, digits, `-`,
    /// `.`, `_`, `~` and `/` percent-encoded ("tags/драма/" ->
    /// "tags/%D0%B4%D1%80%D0%B0%D0%BC%D0%B0/").
    public static func percentEncoded(_ path: String) -> String {
        guard path.utf8.contains(where: { !isURLSafe($0) }) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if isURLSafe(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"), UInt8(ascii: "/"): return true
        default: return false
        }
    }

    /// ``make(from:)`` of ASCII text, byte by byte; `nil` for other text.
    /// Tags are made slugs at load, one per tag of every article, and folding
    /// each separator went through Foundation's Unicode decomposition.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                let kept: UInt8
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept = byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 32
                case 0x80...: return nil
                default:
                    pendingHyphen = !out.isEmpty
                    continue
                }
                if pendingHyphen { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(kept)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The slug characters for one scalar ("" for a separator).
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(scalar).lowercased()
        default: break
        }
        // Latin letters with accents fold to their base letter (é -> e); other
        // scripts have no ASCII form and act as separators.
        var out = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(part)
            case "A"..."Z": out += String(part).lowercased()
            default: break
            }
        }
        return out
    }
}

import Foundation

/// URL slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// Whether `text` is a valid slug: `partner-track-s2`, not `Partner_Track` or `-x`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// A slug made from free text: lowercased, accents folded, every run of other
    /// characters one hyphen ("Partner Track: Season 1" -> "partner-track-season-1").
    public static func make(from text: String) -> String {
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

    /// The slug of a taxonomy term: like ``make(from:)``, with `+` read as
    /// "plus" and `&` as "and", so "Apple TV+" and "Apple TV" get pages of their
    /// own ("apple-tv-plus", "apple-tv") and "Love & Death" reads "love-and-death".
    public static func term(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0 == "+" || $0 == "&" }) else { return make(from: name) }
        return make(from: name.replacing("+", with: " plus ").replacing("&", with: " and "))
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

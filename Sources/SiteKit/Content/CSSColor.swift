import Foundation

/// Checks that text is a CSS colour a site may set (`accent:`), strictly: the
/// value goes into the stylesheet, so anything else is rejected rather than
/// passed on for the browser to ignore (or to end the rule early).
public enum CSSColor {
    /// Colour functions accepted, with the number of values before an optional alpha.
    static let functions: [String: Int] = ["rgb": 3, "rgba": 3, "hsl": 3, "hsla": 3, "hwb": 3,
                                           "lab": 3, "lch": 3, "oklab": 3, "oklch": 3]

    /// Why `text` is not an accepted colour, or `nil` when it is.
    public static func problem(with text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("#") {
            let digits = value.dropFirst()
            guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy(\.isHexDigit) else {
                return "a hex colour has 3 or 6 hex digits after '#' (#b4233a, #c23)"
            }
            return nil
        }
        if let open = value.firstIndex(of: "(") {
            let name = value[..<open].lowercased()
            guard let count = functions[name] else {
                return "'\(name)()' is not a colour function; use rgb(), hsl() or oklch()"
            }
            guard value.hasSuffix(")") else { return "the colour function is not closed with ')'" }
            return argumentsProblem(String(value[value.index(after: open)..<value.index(before: value.endIndex)]),
                                    function: name, count: count)
        }
        if namedColors.contains(value.lowercased()) { return nil }
        return "'\(value)' is not a colour name\(Suggestion.hint(for: value, in: namedColors.sorted()))"
    }

    /// Checks "180 35 58", "180, 35, 58", "350 68% 42% / 0.8", "0.5 0.18 15deg".
    private static func argumentsProblem(_ arguments: String, function: String, count: Int) -> String? {
        var main = arguments
        var alpha: Substring?
        if let slash = arguments.firstIndex(of: "/") {
            main = String(arguments[..<slash])
            alpha = arguments[arguments.index(after: slash)...]
        }
        let usesCommas = main.contains(",")
        var parts = main.split(whereSeparator: { usesCommas ? $0 == "," : $0 == " " })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // The legacy comma form carries alpha as a fourth value.
        if usesCommas && alpha == nil && parts.count == count + 1 { parts.removeLast() }
        guard parts.count == count, parts.allSatisfy(isComponent),
              alpha.map({ isComponent($0.trimmingCharacters(in: .whitespaces)) }) ?? true else {
            return "\(function)() takes \(count) numbers (optionally / alpha), such as \(function)(\(example(function)))"
        }
        return nil
    }

    /// A number with an optional unit (%, deg, turn, rad, grad), or `none`.
    private static func isComponent(_ text: String) -> Bool {
        if text == "none" { return true }
        var number = Substring(text)
        for unit in ["%", "deg", "grad", "rad", "turn"] where number.hasSuffix(unit) {
            number = number.dropLast(unit.count)
            break
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              Double(number) != nil else { return false }
        return true
    }

    private static func example(_ function: String) -> String {
        switch function {
        case "hsl", "hsla", "hwb": return "350 68% 42%"
        case "oklch", "lch": return "0.5 0.18 15"
        case "oklab", "lab": return "0.5 0.17 0.05"
        default: return "180 35 58"
        }
    }

    /// The CSS Color Module's named colours.
    static let namedColors: Set<String> = [
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black",
        "blanchedalmond", "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse",
        "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue", "darkcyan",
        "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki", "darkmagenta",
        "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen",
        "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise", "darkviolet", "deeppink",
        "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick", "floralwhite", "forestgreen",
        "fuchsia", "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow",
        "grey", "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender",
        "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral", "lightcyan",
        "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey", "lightpink", "lightsalmon",
        "lightseagreen", "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue",
        "lightyellow", "lime", "limegreen", "linen", "magenta", "maroon", "mediumaquamarine",
        "mediumblue", "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue",
        "mediumspringgreen", "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream",
        "mistyrose", "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab", "orange",
        "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise", "palevioletred",
        "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "purple", "rebeccapurple",
        "red", "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell",
        "sienna", "silver", "skyblue", "slateblue", "slategray", "slategrey", "snow", "springgreen",
        "steelblue", "tan", "teal", "thistle", "tomato", "turquoise", "violet", "wheat", "white",
        "whitesmoke", "yellow", "yellowgreen",
    ]
}

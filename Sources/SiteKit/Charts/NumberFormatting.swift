/// Locale-independent number formats for tables, labels and SVG coordinates.
public enum NumberFormatting {
    /// Fixed decimal places, rounded half away from zero, "-" for negatives,
    /// never "-0": `decimal(7.25, places: 1)` is "7.3".
    public static func decimal(_ value: Double, places: Int) -> String {
        precondition(places >= 0 && places <= 9)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return String(value) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let whole = units / scale
        var text = (negative ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A whole number with comma thousands separators: 16660000 -> "16,660,000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}

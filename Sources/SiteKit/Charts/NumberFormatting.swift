/// Locale-independent number formats for tables, labels and SVG coordinates.
public enum NumberFormatting {
    /// Fixed decimal places, rounded half away from zero, "-" for negatives,
    /// never "-0": `decimal(7.25, places: 1)` is "7.3".
    public static func decimal(_ value: Double, places: Int) -> String {
        guard let units = decimalUnits(value, places: places) else { return String(value) }
        return digits(of: units, negative: value < 0 && units != 0, minimumCount: places + 1) { written in
            written == places && places > 0 ? UInt8(ascii: ".") : nil
        } as: { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends ``decimal(_:places:)`` of `value` to `output` as UTF-8, with no
    /// string made: an SVG writes several numbers per bar (``ChartSVG/number(_:)``).
    static func appendDecimal(_ value: Double, places: Int, to output: inout [UInt8]) {
        guard let units = decimalUnits(value, places: places) else {
            output.append(contentsOf: String(value).utf8)
            return
        }
        digits(of: units, negative: value < 0 && units != 0, minimumCount: places + 1) { written in
            written == places && places > 0 ? UInt8(ascii: ".") : nil
        } as: { output.append(contentsOf: $0) }
    }

    /// `value` in units of 10^-places, rounded half away from zero; nil when
    /// too large for whole units.
    private static func decimalUnits(_ value: Double, places: Int) -> UInt64? {
        precondition(places >= 0 && places <= 9)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return nil }
        return UInt64(scaled)
    }

    /// A whole number with comma thousands separators: 16660000 -> "16,660,000".
    public static func grouped(_ value: Int) -> String {
        digits(of: UInt64(value.magnitude), negative: value < 0, minimumCount: 1) { written in
            written > 0 && written % 3 == 0 ? UInt8(ascii: ",") : nil
        } as: { String(decoding: $0, as: UTF8.self) }
    }

    /// The decimal digits of `magnitude`, at least `minimumCount` of them
    /// (zeros in front), after a "-" when `negative`; `mark`, given how many
    /// digits are written to the right, names a byte to put before the next
    /// one (a decimal point, a thousands comma). Written from the end of a
    /// buffer: charts format tens of numbers per bar, and building each from
    /// strings cost a thousand instructions.
    private static func digits<Result>(of magnitude: UInt64, negative: Bool, minimumCount: Int,
                                       mark: (Int) -> UInt8?,
                                       as result: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var rest = magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var start = buffer.count
            var written = 0
            repeat {
                if let mark = mark(written) {
                    start -= 1
                    buffer[start] = mark
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written < minimumCount
            if negative {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return result(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}

extension NumberFormatting {
    /// The minus sign readers see (U+2212), wider and clearer than a hyphen.
    public static let minus = "\u{2212}"

    /// A short label for axes and hover text: 16_660_000 -> "16.7M",
    /// 1_100_000_000 -> "1.1B", 950_000 -> "950K", 0 -> "0".
    ///
    /// One decimal below 100 of a unit, none above; a trailing ".0" is dropped,
    /// and a value that rounds up to 1000 of a unit moves to the next unit
    /// (999_950 -> "1M", not "1000K").
    public static func compact(_ value: Double) -> String {
        // Built as bytes, the string made once: every axis tick is labelled
        // this way, and building it from strings cost 2,500 instructions.
        let suffixes: [UInt8] = [0, UInt8(ascii: "K"), UInt8(ascii: "M"), UInt8(ascii: "B"), UInt8(ascii: "T")]
        let magnitude = abs(value)
        var unit = 0
        while unit < suffixes.count - 1 && magnitude >= power(1000, unit + 1) { unit += 1 }
        var text: [UInt8] = []
        text.reserveCapacity(16)
        while true {
            let scaled = magnitude / power(1000, unit)
            text.removeAll(keepingCapacity: true)
            appendDecimal(scaled, places: scaled < 100 ? 1 : 0, to: &text)
            if text.count >= 2, text[text.count - 2] == UInt8(ascii: "."), text[text.count - 1] == UInt8(ascii: "0") {
                text.removeLast(2)
            }
            guard text.elementsEqual("1000".utf8), unit < suffixes.count - 1 else { break }
            unit += 1
        }
        if value < 0 && !text.elementsEqual("0".utf8) { text.insert(contentsOf: minus.utf8, at: 0) }
        if unit > 0 { text.append(suffixes[unit]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// A whole-number change in percent with its sign: 87 -> "+87%",
    /// -42 -> "−42%" (U+2212), 0 -> "0%".
    public static func signedPercent(_ percent: Int) -> String {
        if percent > 0 { return "+\(percent)%" }
        if percent < 0 { return "\(minus)\(percent.magnitude)%" }
        return "0%"
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}

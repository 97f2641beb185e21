/// A size a chart is drawn at. Every chart is drawn twice, wide for columns of
/// 640 px and more and narrow for phones, and CSS shows the one that fits its
/// column (a container query, no JavaScript). Each SVG is at most as wide as
/// its viewBox, so one user unit is one CSS pixel and the font sizes below
/// are the sizes readers see, in an article as on a show page.
struct ChartLayout: Sendable, Equatable {
    /// "wide" or "narrow": the class `chart-layout-<name>` and the id suffix.
    var name: String
    var width: Double
    var height: Double
    /// Characters of a series title in an end label before it is shortened.
    var titleCharacters: Int

    /// Desktop: the article column is 42rem (672 px).
    static let wide = ChartLayout(name: "wide", width: 640, height: 320, titleCharacters: 24)
    /// Phones: a 390 px viewport leaves a 350 px column.
    static let narrow = ChartLayout(name: "narrow", width: 350, height: 260, titleCharacters: 14)
    /// Both, in the order they are written into the figure.
    static let all = [wide, narrow]

    var isNarrow: Bool { self == .narrow }

    /// The text size (px) and weight of a chart `<text>` with this class,
    /// as the stylesheet sets them (`.chart text` and the rules after it);
    /// geometry uses it to keep labels apart and inside the SVG.
    ///
    /// Classes are read word by word from the bytes (separated by spaces):
    /// every label is measured with its class, and building a set of them
    /// each time was a hundredth of a large build.
    static func font(ofClass className: String?) -> (size: Double, bold: Bool) {
        guard let className else { return (fontSize, false) }
        var bold = false, small = false
        let bytes = className.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            let word = bytes[start..<end]
            if word.elementsEqual("bar-label".utf8) || word.elementsEqual("heat-label".utf8) {
                bold = true
                small = true
            } else if word.elementsEqual("end-label-text".utf8) {
                bold = true
            } else if word.elementsEqual("axis-title".utf8) || word.elementsEqual("annotation".utf8) {
                small = true
            }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return (small ? smallFontSize : fontSize, bold)
    }

    /// The chart text size and the smaller one for axis titles and value labels.
    static let fontSize = 12.0, smallFontSize = 11.0

    /// A text's box as drawn with its class's font.
    static func box(_ text: String, x: Double, y: Double, anchor: String = "start", className: String? = nil) -> LabelBox {
        let font = font(ofClass: className)
        return LabelPlacement.box(text, x: x, y: y, anchor: anchor, fontSize: font.size, bold: font.bold)
    }
}

/// The parts every inline SVG chart shares: coordinates written with fixed
/// decimals, and the `<svg>` element with its accessible name and description.
enum ChartSVG {
    /// A coordinate with one decimal, locale-free, so output is byte-stable.
    /// Markup as it is: digits, a point and a minus need no escaping, and
    /// charts write tens of coordinates per bar.
    static func number(_ value: Double) -> SVGNumber {
        SVGNumber(value: value)
    }

    /// An `<svg>` drawn at `layout`'s size: its `width` is the viewBox width,
    /// so with the stylesheet's `max-width: 100%` one user unit is one CSS
    /// pixel wherever the column is wide enough. Announced as one image named
    /// by its `<title>` and described by its `<desc>`.
    /// - Parameters:
    ///   - id: unique on the page; the title and description get `<id>.title`
    ///     and `<id>.desc`.
    ///   - kind: the chart kind, added as class `chart-<kind>`.
    static func document(id: String, kind: String, width: Double, height: Double,
                         title: String, summary: String, content: HTML) -> HTML {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart chart-\(kind)" width="\(number(width))" height="\(number(height))" viewBox="0 0 \(number(width)) \(number(height))" role="img" aria-labelledby="\(id).title \(id).desc">
        <title id="\(id).title">\(title)</title>
        <desc id="\(id).desc">\(summary)</desc>
        \(content)</svg>
        """
    }

    /// The `id`s ``document(id:kind:width:height:title:summary:content:)``
    /// writes: its title's and its description's.
    static func documentIDs(_ id: String) -> [String] {
        ["\(id).title", "\(id).desc"]
    }

    /// The `id`s of a chart drawn at every layout (``id(_:_:)`` of each):
    /// `drawing` gives those one drawing writes.
    static func layoutIDs(_ id: String, drawing: (String) -> [String] = documentIDs) -> [String] {
        ChartLayout.all.flatMap { drawing(Self.id(id, $0)) }
    }

    /// The id of a chart's SVG at a layout: the wide one keeps the chart's
    /// id, the narrow one adds "-narrow".
    static func id(_ id: String, _ layout: ChartLayout) -> String {
        layout == .wide ? id : "\(id)-\(layout.name)"
    }

    /// The layouts of one chart, each in its `chart-layout-<name>` box that
    /// the stylesheet shows or hides by the column's width, each with its
    /// note (such as which weeks it shows) under it.
    static func layouts(_ drawings: [(layout: ChartLayout, svg: HTML, note: String?)]) -> HTML {
        HTML.join(drawings.map { drawing -> HTML in
            let note: HTML = drawing.note.map { "<p class=\"chart-note\">\($0)</p>\n" } ?? .empty
            return "<div class=\"chart-layout chart-layout-\(drawing.layout.name)\">\n\(drawing.svg)\n\(note)</div>\n"
        }, separator: "")
    }

    /// `<text>` at a point; `anchor` is start, middle or end.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String? = nil) -> HTML {
        "<text \(attribute: "class", className)x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">\(content)</text>\n"
    }

    /// A line from one point to another.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String? = nil) -> HTML {
        "<line \(attribute: "class", className)x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\"/>\n"
    }

    /// A horizontal line across the plot, for grid lines and the baseline.
    static func horizontalLine(y: Double, from x1: Double, to x2: Double, className: String? = nil) -> HTML {
        line(x1: x1, y1: y, x2: x2, y2: y, className: className)
    }
}

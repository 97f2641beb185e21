/// The frame around every embed: a `<figure class="embed">` with its caption,
/// the chart, and the same numbers as a table in a disclosure, so readers who
/// cannot see the chart (or want exact figures) get them.
enum ChartFigure {
    /// A chart figure: caption first, then the chart's one-sentence summary
    /// (also its SVG's description), the SVG, then "Show the numbers".
    static func chart(kind: String, caption: String, summary: String? = nil, svg: HTML, table: DataTable) -> HTML {
        let summary: HTML = summary.map { "<p class=\"chart-summary\">\($0)</p>\n" } ?? .empty
        return """
        <figure class="embed embed-\(kind)">
        <figcaption>\(caption)</figcaption>
        \(summary)\(svg)
        <details class="chart-data"><summary>Show the numbers</summary>
        \(table.render())
        </details>
        </figure>

        """
    }

    /// A table figure: the table carries its own caption; the figure caption
    /// explains how to read it.
    static func table(_ table: DataTable, note: String) -> HTML {
        """
        <figure class="embed embed-table">
        \(table.render())
        <figcaption>\(note)</figcaption>
        </figure>

        """
    }
}

extension ChartFigure {
    /// The figure with a source line ("Netflix Top 10, weeks through Sep 4,
    /// 2022") and a link to its numbers as CSV, placed at the end of the
    /// figure (inside its caption when the caption comes last). The link is relative: the file sits next to the page, so the
    /// same figure works on every page that shows it.
    static func addingSource(to figure: HTML, source: String?, dataFile: String) -> HTML {
        let line: HTML = source.map { "<p class=\"chart-source\">\($0) \u{b7} <a href=\"\(dataFile)\" download>Download the data (CSV)</a></p>\n" }
            ?? "<p class=\"chart-source\"><a href=\"\(dataFile)\" download>Download the data (CSV)</a></p>\n"
        var markup = figure.rendered
        guard let close = markup.ranges(of: "</figure>").last else { return HTML.join([figure, line]) }
        // A caption that closes the figure must stay its last child: the line
        // then goes at the end of the caption.
        if let caption = markup[..<close.lowerBound].ranges(of: "</figcaption>").last,
           markup[caption.upperBound..<close.lowerBound].allSatisfy(\.isWhitespace) {
            markup.insert(contentsOf: "\n" + line.rendered.dropLast(), at: caption.lowerBound)
        } else {
            markup.insert(contentsOf: line.rendered, at: close.lowerBound)
        }
        return HTML(unsafeRaw: markup)
    }
}

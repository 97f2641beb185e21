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

/// What goes into the frame around an embed, for the theme to lay out
/// (`Theme.figure`): a chart with its caption, one-sentence summary, drawing
/// and the same numbers as a table; or a table with a note on how to read it.
/// Both carry their source line and the CSV file of their numbers.
public struct FigureModel: Sendable, Equatable {
    /// What is drawn: "columns", "rank", "comparison", "heatmap" or "table".
    public var kind: String
    /// The chart's title; for a table, the note on how to read it.
    public var caption: String
    /// The chart in one sentence (also its SVG's description); `nil` for a table.
    public var summary: String?
    /// The SVG drawings (one per layout); `nil` for a table figure.
    public var graphic: HTML?
    /// The `id`s written in `graphic` (each drawing's title and description),
    /// which the link check takes instead of reading the drawings again.
    public var graphicIDs: [String]
    /// The numbers as an accessible table.
    public var table: HTML
    /// "Netflix Top 10, weeks through Sep 4, 2022".
    public var source: String?
    /// The CSV file of the numbers, relative to the page ("chart-1.csv").
    public var dataFile: String?

    public init(kind: String, caption: String, summary: String? = nil, graphic: HTML? = nil, graphicIDs: [String] = [],
                table: HTML, source: String? = nil, dataFile: String? = nil) {
        self.kind = kind
        self.caption = caption
        self.summary = summary
        self.graphic = graphic
        self.graphicIDs = graphicIDs
        self.table = table
        self.source = source
        self.dataFile = dataFile
    }
}

/// sitegen's standard frame around every embed: a `<figure class="embed">`
/// with its caption, the chart, and the same numbers as a table in a
/// disclosure, so readers who cannot see the chart (or want exact figures)
/// get them. Themes use it unless they lay figures out themselves.
public enum ChartFigure {
    /// A chart: caption, summary, drawing, "Show the numbers", then the source
    /// line. A table: the table, then a caption whose end holds the source line
    /// (a caption must be a figure's first or last child).
    public static func standard(_ figure: FigureModel) -> HTML {
        let source = sourceLine(figure)
        guard let graphic = figure.graphic else {
            let line = source.map { HTML(unsafeRaw: "\n" + $0.rendered.dropLast()) } ?? .empty
            return """
            <figure class="embed embed-\(figure.kind)">
            \(figure.table)
            <figcaption>\(figure.caption)\(line)</figcaption>
            </figure>

            """
        }
        let summary: HTML = figure.summary.map { "<p class=\"chart-summary\">\($0)</p>\n" } ?? .empty
        return """
        <figure class="embed embed-\(figure.kind)">
        <figcaption>\(figure.caption)</figcaption>
        \(summary)\(graphic)
        <details class="chart-data"><summary>Show the numbers</summary>
        \(figure.table)
        </details>
        \(source ?? .empty)</figure>

        """
    }

    /// "Netflix Top 10, weeks through Sep 4, 2022 · Download the data (CSV)".
    /// The link is relative: the file sits next to the page, so the same
    /// figure works on every page that shows it.
    static func sourceLine(_ figure: FigureModel) -> HTML? {
        switch (figure.source, figure.dataFile) {
        case let (source?, file?):
            return "<p class=\"chart-source\">\(source) \u{b7} <a href=\"\(file)\" download>Download the data (CSV)</a></p>\n"
        case let (nil, file?):
            return "<p class=\"chart-source\"><a href=\"\(file)\" download>Download the data (CSV)</a></p>\n"
        case let (source?, nil):
            return "<p class=\"chart-source\">\(source)</p>\n"
        case (nil, nil):
            return nil
        }
    }
}

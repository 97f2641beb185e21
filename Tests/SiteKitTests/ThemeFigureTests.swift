import Foundation
import Testing
@testable import SiteKit
import Templates

/// A theme lays out chart and table figures itself (`Theme.figure`): embeds,
/// the performance section and show pages all go through it.
@Suite struct ThemeFigureTests {
    /// sitegen's look, but with figures of its own.
    struct BareFigures: Theme {
        func figure(_ figure: FigureModel) -> HTML {
            """
            <section class="bare-figure" data-kind="\(figure.kind)"><h3>\(figure.caption)</h3>\
            \(figure.summary.map { "<p>\($0)</p>" } ?? "")\(figure.graphic ?? .empty)\(figure.table)\
            <p>\(figure.source ?? "") <a href="\(figure.dataFile ?? "")">numbers</a></p></section>

            """
        }
    }

    @Test func everyFigureGoesThroughTheTheme() throws {
        let site = try DataAsOfSiteTests.site([
            "a": TestSite.article("title: A\ndate: 2022-09-20\nshow: partner-track", body: """
                Intro.

                ```viewing-table
                show: partner-track
                ```

                ```country-heatmap
                show: partner-track
                ```
                """),
            "b": TestSite.article("title: B\ndate: 2022-09-20\nshow: partner-track", body: "Only the performance section."),
        ])
        defer { site.remove() }
        let output = site.root.appending(path: "custom-public")
        let builder = SiteBuilder(theme: BareFigures(), options: BuildOptions(now: TestSite.now))
        try builder.build(siteDirectory: site.root, output: output)
        let article = String(decoding: try Data(contentsOf: output.appending(path: "articles/a/index.html")), as: UTF8.self)
        let show = String(decoding: try Data(contentsOf: output.appending(path: "shows/partner-track/index.html")), as: UTF8.self)
        #expect(!article.contains("<figure class=\"embed") && !show.contains("<figure class=\"embed"))
        #expect(article.contains("<section class=\"bare-figure\" data-kind=\"table\"><h3>Global weekly list"))
        #expect(article.contains("<section class=\"bare-figure\" data-kind=\"heatmap\"><h3>"))
        #expect(article.contains("Netflix Top 10, weeks through Sep 11, 2022 <a href=\"table-1.csv\">numbers</a>"))
        // The performance section is framed by the theme too.
        let other = String(decoding: try Data(contentsOf: output.appending(path: "articles/b/index.html")), as: UTF8.self)
        #expect(other.contains("<section class=\"bare-figure\" data-kind=\"columns\">"))
        #expect(other.contains("<section class=\"bare-figure\" data-kind=\"table\">"))
        #expect(show.contains("<section class=\"bare-figure\" data-kind=\"columns\">"))
        #expect(show.contains("<section class=\"bare-figure\" data-kind=\"heatmap\">"))
    }

    @Test func theStandardFigureKeepsTheSourceLineInsideATableCaption() {
        let table = FigureModel(kind: "table", caption: "How to read it.", table: "<table></table>",
                                source: "Netflix Top 10", dataFile: "table-1.csv")
        #expect(ChartFigure.standard(table).rendered == """
        <figure class="embed embed-table">
        <table></table>
        <figcaption>How to read it.
        <p class="chart-source">Netflix Top 10 \u{b7} <a href="table-1.csv" download>Download the data (CSV)</a></p></figcaption>
        </figure>

        """)
        let chart = FigureModel(kind: "columns", caption: "Hours", summary: "Up.", graphic: "<svg></svg>", table: "<table></table>")
        #expect(ChartFigure.standard(chart).rendered == """
        <figure class="embed embed-columns">
        <figcaption>Hours</figcaption>
        <p class="chart-summary">Up.</p>
        <svg></svg>
        <details class="chart-data"><summary>Show the numbers</summary>
        <table></table>
        </details>
        </figure>

        """)
    }
}

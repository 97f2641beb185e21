import FuzzSupport
import SiteKit

/// The YAML body of an embed block (```` ```viewing-chart ```` and the others)
/// through `EmbedRenderer`, with real show data and a show whose title is markup.
/// The first byte picks the embed, the rest is the block's body. A block renders
/// to chart elements only (every string from the data or the block escaped), or
/// fails with errors inside the block's lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = bytes(data, size)
    let names = EmbedRenderer.names.sorted()
    let name = names[Int(input[0]) % names.count]
    // Bodies come out of Markdown the loader has normalised (UTF-8, LF line ends).
    let body = SourceText.normalizeLineEnds(String(decoding: input.dropFirst(), as: UTF8.self))
    let file = "content/articles/fuzz.md"
    // Front matter on lines 1-6, the fence on line 3 of the body: the YAML starts on line 10.
    var renderer = EmbedRenderer(shows: shows, file: file, lineOffset: 6)
    switch renderer.render(EmbedBlock(name: name, body: body, line: 3)) {
    case .success(let html):
        requireOnlyTags(chartElements, in: html.rendered, name)
        require(!html.rendered.contains("Evil</b>"), "a show title was not escaped")
    case .failure(let failure):
        requirePositions(failure, file: file, firstLine: 9, lastLine: 9 + lineCount(of: body), name)
    }
    return 0
}

/// What the chart and table code writes.
private let chartElements: Set<String> = [
    "figure", "figcaption", "svg", "g", "title", "desc", "rect", "text", "line", "polyline", "circle",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "p", "div", "details", "summary", "time",
    "a", // the figure's "Download the data (CSV)" link
    "defs", "pattern", "path", // the heatmap's hatch for "not in the Top 10"
]

/// A real show (Partner Track, with country ranks) and one whose title and
/// Netflix names are markup, with views and a gap between runs.
private let shows: [String: Show] = {
    let texts = [
        "partner-track-s1": """
        title: Partner Track
        premiere: 2022-08-26
        episodes: 10
        netflix:
          show_title: Partner Track
          season_title: "Partner Track: Season 1"
          category: TV (English)
        weeks:
          - {week_ending: 2022-08-28, rank: 7, hours_viewed: 16660000, weeks_in_top_10: 1}
          - {week_ending: 2022-09-04, rank: 4, hours_viewed: 31140000, weeks_in_top_10: 2}
          - {week_ending: 2022-09-11, rank: 6, hours_viewed: 18210000, weeks_in_top_10: 3}
        countries:
          - week_ending: 2022-08-28
            ranks: {BG: 7, BS: 3, CA: 9, CH: 9, US: 7, ZA: 8}
          - week_ending: 2022-09-04
            ranks: {AT: 1, AU: 1, BE: 3, US: 3, ZA: 1}
          - week_ending: 2022-09-18
            ranks: {IL: 10, UA: 6}

        """,
        "evil-show": """
        title: "<b>Evil</b> \\"Show\\" & 'Co' <script>alert(1)</script>"
        netflix:
          show_title: "<b>Evil</b>"
          season_title: "<b>Evil</b>: Season 1"
          category: TV (English)
        weeks:
          - {week_ending: 2023-06-04, rank: 1, hours_viewed: 99000000, views: 12500000, weeks_in_top_10: 1}
          - {week_ending: 2023-06-11, rank: 10, hours_viewed: 1000, views: 100, weeks_in_top_10: 2}
          - {week_ending: 2024-06-09, rank: 3, hours_viewed: 5000000, views: 800000, weeks_in_top_10: 3}
        countries:
          - week_ending: 2023-06-04
            ranks: {GB: 1, "NO": 10}

        """,
    ]
    var shows: [String: Show] = [:]
    for (slug, text) in texts {
        do {
            shows[slug] = try Show.parse(text, file: "content/data/shows/\(slug).yaml", slug: slug)
        } catch {
            fatalError("the harness's show data is invalid: \(error)")
        }
    }
    return shows
}()

import Foundation
import Testing
@testable import SiteKit

/// Whole builds: an article draws the weeks known as of the article, writes
/// its charts' numbers as CSV files, and leaves out a performance section
/// that would repeat it.
@Suite struct DataAsOfSiteTests {
    static let show = """
    title: Partner Track
    premiere: 2022-08-26
    weeks:
      - {week_ending: 2022-08-28, rank: 7, hours_viewed: 16660000, weeks_in_top_10: 1}
      - {week_ending: 2022-09-04, rank: 4, hours_viewed: 31140000, weeks_in_top_10: 2}
      - {week_ending: 2022-09-11, rank: 6, hours_viewed: 18210000, weeks_in_top_10: 3}
    countries:
      - {week_ending: 2022-08-28, ranks: {US: 7, NO: 5}}
      - {week_ending: 2022-09-04, ranks: {US: 3, "NO": 2, PL: 1}}
      - {week_ending: 2022-09-11, ranks: {US: 6}}

    """

    static func site(_ articles: [String: String], extra: [String: String] = [:]) throws -> TestSite {
        var files = ["content/data/shows/partner-track.yaml": show]
        for (slug, text) in articles { files["content/articles/\(slug).md"] = text }
        return try TestSite(files.merging(extra) { $1 })
    }

    /// The week endings an HTML page mentions as `datetime` or in its SVG titles.
    static func weeks(in html: String) -> Set<String> {
        Set(["2022-08-28", "2022-09-04", "2022-09-11"].filter { html.contains("datetime=\"\($0)\"") })
    }

    @Test func embedsAndThePerformanceSectionStopAtTheArticlesDate() throws {
        let site = try Self.site([
            "early": TestSite.article("title: Early\ndate: 2022-09-07\nshow: partner-track", body: """
                Intro.

                ```viewing-table
                show: partner-track
                ```

                ```viewing-chart
                show: partner-track
                ```

                ```country-heatmap
                show: partner-track
                ```
                """),
            "later": TestSite.article("title: Later\ndate: 2022-09-07\nupdated: 2022-09-13\nshow: partner-track"),
            "pinned": TestSite.article("title: Pinned\ndate: 2022-09-20\ndata_as_of: 2022-08-31\nshow: partner-track"),
            "latest": TestSite.article("title: Latest\ndate: 2022-08-29\ndata_as_of: latest\nshow: partner-track"),
        ])
        defer { site.remove() }
        try site.build()
        let early = try #require(site.read("articles/early/index.html"))
        #expect(Self.weeks(in: early) == ["2022-08-28", "2022-09-04"])
        // The chart draws two columns, none for the week ending Sep 11.
        let svg = SVGProbe.svg(in: early)
        #expect(!svg.isEmpty && !svg.contains("Sep 11") && !svg.contains("Sep 5"))
        // Nowhere on the page, heatmap included, is the week ending Sep 11.
        #expect(!early.contains("Sep 11") && !early.contains("2022-09-11"))
        #expect(early.contains("<title>United States, week Aug 29 \u{2013} Sep 4, 2022: #3</title>"))
        #expect(site.read("articles/early/chart-2.csv")?.contains("2022-09-11") == false)
        #expect(early.contains("Netflix Top 10, weeks through Sep 4, 2022"))
        // The body shows the figures: no "How it's performing" repeating them.
        #expect(!early.contains("performance-chart"))
        // Its numbers, next to the page.
        #expect(site.read("articles/early/table-1.csv") == """
            show,week_start,week_ending,days_counted,rank,hours_viewed,views,weeks_in_top_10\r
            Partner Track,2022-08-22,2022-08-28,3,7,16660000,,1\r
            Partner Track,2022-08-29,2022-09-04,7,4,31140000,,2\r

            """)
        #expect(site.read("articles/early/chart-1.csv") == site.read("articles/early/table-1.csv"))
        #expect(early.contains("<a href=\"chart-1.csv\" download>Download the data (CSV)</a>"))

        // `updated` moves the cut-off; the performance section draws its own weeks and files.
        let later = try #require(site.read("articles/later/index.html"))
        #expect(Self.weeks(in: later) == ["2022-08-28", "2022-09-04", "2022-09-11"])
        #expect(later.contains("<a href=\"performance-chart-1.csv\" download>"))
        #expect(site.read("articles/later/performance-table-1.csv")?.contains("2022-09-11") == true)
        // `data_as_of` wins over the dates.
        let pinned = try #require(site.read("articles/pinned/index.html"))
        #expect(Self.weeks(in: pinned) == ["2022-08-28"])
        #expect(site.read("articles/pinned/performance-table-1.csv")?.contains("2022-09-04") == false)
        // `latest` draws every week, also those after the article.
        #expect(Self.weeks(in: try #require(site.read("articles/latest/index.html")))
                == ["2022-08-28", "2022-09-04", "2022-09-11"])
        // The show's own page is not a snapshot.
        let showPage = try #require(site.read("shows/partner-track/index.html"))
        #expect(Self.weeks(in: showPage) == ["2022-08-28", "2022-09-04", "2022-09-11"])
        #expect(site.read("shows/partner-track/chart-2.csv")?.hasPrefix("country_code,country,region,week_ending,rank\r\nUS,United States,North America,2022-08-28,7\r\n") == true)
    }

    @Test func performanceSectionCanBeTurnedOffOrComesTooEarly() throws {
        let site = try Self.site([
            "off": TestSite.article("title: Off\ndate: 2022-09-20\nshow: partner-track\nperformance: false"),
            "on": TestSite.article("title: On\ndate: 2022-09-20\nshow: partner-track\nperformance: true"),
            "heatmap": TestSite.article("title: Heatmap\ndate: 2022-09-20\nshow: partner-track", body: "```country-heatmap\nshow: partner-track\ngroup: region\n```"),
            "before": TestSite.article("title: Before\ndate: 2022-08-20\nshow: partner-track"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.read("articles/off/index.html")?.contains("How it\u{2019}s performing") == false)
        #expect(site.exists("articles/off/performance-chart-1.csv") == false)
        #expect(site.read("articles/on/index.html")?.contains("How it\u{2019}s performing") == true)
        // A heatmap is not the weekly figures: the section follows it.
        let heatmap = try #require(site.read("articles/heatmap/index.html"))
        #expect(heatmap.contains("performance-chart-1") && heatmap.contains("<th scope=\"rowgroup\" colspan=\"4\">Nordics</th>"))
        #expect(site.read("articles/before/index.html")?.contains("Partner Track had not entered Netflix\u{2019}s global Top 10 as of Aug 20, 2022.") == true)
    }

    @Test func badNewKeysAndEmbedsAreErrors() throws {
        let site = try Self.site([
            "a": TestSite.article("title: A\ndate: 2022-09-20\nshow: partner-track\nperformance: no\ndata_as_of: soon", body: """
                Intro.

                ```viewing-tabel
                show: partner-track
                ```

                ```viewing-chart
                show: partner-track
                metric: views
                ```

                ```viewing-chart
                show: partner-track
                through: 2022-08-01
                ```
                """),
        ])
        defer { site.remove() }
        #expect(site.buildErrors() == """
            content/articles/a.md:5:14: error: 'performance' must be true or false, got 'no'
            content/articles/a.md:6:13: error: 'data_as_of' must be a date written YYYY-MM-DD or `latest`, got 'soon': the article's charts draw the weeks ending on or before it
            """)
        let fixed = try Self.site([
            "a": TestSite.article("title: A\ndate: 2022-09-20\nshow: partner-track", body: """
                Intro.

                ```viewing-tabel
                show: partner-track
                ```

                ```viewing-chart
                show: partner-track
                metric: views
                ```

                ```viewing-chart
                show: partner-track
                through: 2022-08-01
                ```
                """),
        ])
        defer { fixed.remove() }
        #expect(fixed.buildErrors() == """
            content/articles/a.md:8:1: error: unknown embed 'viewing-tabel' (did you mean 'viewing-table'?): the embeds are country-heatmap, viewing-chart, viewing-comparison, viewing-table; fix the name after the ``` fence
            content/articles/a.md:14:9: error: 'partner-track' has no views in the weeks drawn (2022-08-28 to 2022-09-11): Netflix publishes views from the week ending 2023-06-18 on; use metric: hours
            content/articles/a.md:17:1: error: 'partner-track' has no week in the Top 10 in weeks ending on or before 2022-08-01: its weeks run from 2022-08-28 to 2022-09-11; change 'from' or 'through'
            """)
        #expect(!fixed.exists("articles/a/index.html"))
    }

    @Test func aStaticFileCannotTakeTheNameOfAChartsData() throws {
        let site = try Self.site(["a": TestSite.article("title: A\ndate: 2022-09-20\nshow: partner-track\ntags: [Netflix]")],
                                 extra: ["content/static/articles/a/performance-chart-1.csv": "x",
                                         "content/static/articles/a/notes.csv": "fine",
                                         "content/static/articles/b/chart-1.csv": "no page there: fine",
                                         "content/static/tags/netflix/chart-1.csv": "tag pages draw no charts: fine",
                                         "content/static/shows/partner-track/table-2.csv": "x"])
        defer { site.remove() }
        #expect(site.buildErrors() == """
            content/static/articles/a/performance-chart-1.csv:1:1: error: writes articles/a/performance-chart-1.csv, a name kept for the data files of the charts on content/articles/a.md (articles/a/index.html): rename or move the static file
            content/static/shows/partner-track/table-2.csv:1:1: error: writes shows/partner-track/table-2.csv, a name kept for the data files of the charts on the page of show 'Partner Track' (shows/partner-track/index.html): rename or move the static file
            """)
    }
}

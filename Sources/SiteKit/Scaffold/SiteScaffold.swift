/// The files of a new site (`sitegen new site DIR`): settings with every key
/// explained, one article with a chart, an About page, a data file with real
/// Netflix Top 10 figures and a static folder. Builds as it is.
public enum SiteScaffold {
    /// The sample show's slug; its data file is written with the site.
    public static let sampleShow = "wednesday-season-1"
    /// The sample article's slug.
    public static let sampleArticle = "wednesday-top-10-run"

    /// Every file of a new site, sorted by path.
    /// - Parameters:
    ///   - title: the site's name.
    ///   - now: the moment of creation, the sample article's date.
    public static func files(title: String, now: DateTime) -> [ScaffoldFile] {
        [
            ScaffoldFile(path: ".gitignore", text: "# Build output: rebuilt by `sitegen build`.\n/public/\n"),
            ScaffoldFile(path: "content/articles/\(sampleArticle).md", text: article(now: now)),
            ScaffoldFile(path: "content/data/shows/\(sampleShow).yaml", text: showData),
            ScaffoldFile(path: "content/pages/about.md", text: about),
            ScaffoldFile(path: "content/site.yaml", text: siteYAML(title: title)),
            ScaffoldFile(path: "content/static/images/logo.svg", text: logo),
        ]
    }

    /// A site name from its folder's name: "green-room" -> "Green Room"; "My Site"
    /// when the name has no letters or digits.
    public static func title(fromFolder name: String) -> String {
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0.isWhitespace })
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        guard !words.isEmpty else { return "My Site" }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// `site.yaml`: the two required keys set, every other key shown with its
    /// default, commented out.
    static func siteYAML(title: String) -> String {
        """
        # Site-wide settings. Keys are checked strictly: a misspelt key is an error.
        # The README lists every key; those commented out below show their defaults.

        # The site's name, in the header, page titles and feeds. Required.
        title: \(YAMLScalar.quoted(title))
        # The absolute URL the site is served from. Required. Under a sub-path
        # (https://example.com/blog/) every link gets that prefix.
        base_url: https://example.com/
        # Language tag for <html lang>, feeds and og:locale (en, en-GB, fr-CA, ...).
        language: en
        # One sentence for the home page, feeds and search results.
        description: Streaming shows, followed week by week.
        # Default author of articles that name none.
        # author: The Desk
        # Articles per list page (home, tags, shows).
        # page_size: 10
        # Pass raw HTML written in Markdown through (otherwise it is dropped).
        # raw_html: false

        # The look without Swift (see the README for content/static/custom.css).
        # Accent colour: #rgb, #rrggbb, rgb(), hsl(), oklch() or a colour name. Quote a #.
        # accent: "#b4233a"
        # A file in content/static/ shown before the title.
        # logo: /images/logo.svg
        # Markdown for the footer of every page.
        # footer: "© The Desk · [About](pages/about.md)"

        # Sharing. The card image of pages that name no `image:`, and its alt text.
        # image: /images/card.png
        # image_alt: What the card shows
        # Author pages, for search engines (JSON-LD) and feeds.
        # authors:
        #   The Desk: {url: /about/}

        # Hosting. Write _headers (cache rules) for Netlify and Cloudflare Pages.
        # headers: false

        """
    }

    static func article(now: DateTime) -> String {
        """
        ---
        title: "Wednesday: eight weeks at the top of Netflix's Top 10"
        date: \(now.rfc3339)
        summary: >-
          Wednesday opened with 341.23 million hours viewed and stayed No. 1 for six
          straight weeks. A sample article: edit it or delete it.
        tags: [Netflix, Sample]
        show: \(sampleShow)
        renewal:
          status: renewed        # renewed | cancelled | pending | ending
          prediction: Season 2 confirmed
          as_of: 2023-01-06
        ---
        This is a sample article written by `sitegen new site`. Its front matter (the
        lines between the `---` fences) sets the title, date, tags and the show it
        follows; the show's figures live in `content/data/shows/\(sampleShow).yaml`.

        *Wednesday* debuted with **341.23 million hours** viewed in its first five
        days, then set a record with 411.29 million in its first full week.

        ```viewing-chart
        show: \(sampleShow)
        metric: hours        # hours | views | rank
        ```

        ## What to do next

        - Run `sitegen serve` and open http://127.0.0.1:1313/ to see changes as you type.
        - Write a new article with `sitegen new article "Your title"`.
        - Keep the figures current with `sitegen import netflix-top10` (see the README).

        """
    }

    static let about = """
        ---
        title: About
        summary: Who we are and where our numbers come from.
        ---
        We follow streaming shows week by week: **is it renewed**, and **how is it doing**?

        Viewing figures come from Netflix's weekly Top 10 (top10.netflix.com). Charts and
        tables are drawn from those figures when the site is built.

        """

    /// The first eight weeks of Wednesday season 1, as in Netflix's global Top 10
    /// file (all-weeks-global.tsv), so a new site charts real figures.
    static let showData = """
        # Figures from Netflix's global Top 10 (all-weeks-global.tsv). `sitegen import
        # netflix-top10` adds later weeks to this file by its `netflix:` block.
        title: Wednesday
        premiere: 2022-11-23
        episodes: 8
        netflix:
          show_title: Wednesday
          season_title: "Wednesday: Season 1"
          category: TV (English)
        weeks:
          - week_ending: 2022-11-27
            rank: 1
            hours_viewed: 341230000
            weeks_in_top_10: 1
          - week_ending: 2022-12-04
            rank: 1
            hours_viewed: 411290000
            weeks_in_top_10: 2
          - week_ending: 2022-12-11
            rank: 1
            hours_viewed: 269670000
            weeks_in_top_10: 3
          - week_ending: 2022-12-18
            rank: 1
            hours_viewed: 173960000
            weeks_in_top_10: 4
          - week_ending: 2022-12-25
            rank: 1
            hours_viewed: 118540000
            weeks_in_top_10: 5
          - week_ending: 2023-01-01
            rank: 1
            hours_viewed: 103960000
            weeks_in_top_10: 6
          - week_ending: 2023-01-08
            rank: 3
            hours_viewed: 81340000
            weeks_in_top_10: 7
          - week_ending: 2023-01-15
            rank: 3
            hours_viewed: 57820000
            weeks_in_top_10: 8

        """

    /// A small square mark for `logo:` (not used until site.yaml names it).
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
        <rect width="32" height="32" rx="6" fill="#b4233a"/>
        <path d="M8 22V10l8 7 8-7v12" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/>
        </svg>

        """
}

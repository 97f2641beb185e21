/// The default theme's stylesheet. Colours, fonts and widths are custom
/// properties, so the dark mode and the charts (which read `--chart-*`) switch
/// together, and a site's custom.css restyles everything by setting a few of
/// them (the README lists them).
public enum Stylesheet {
    public static let css = """
    :root {
      --bg: #fbfaf7; --surface: #ffffff; --text: #1d1f23; --muted: #5b6068; --border: #dedbd2;
      --accent: #b4233a; --accent-text: #ffffff; --link: #0b57a4; --link-visited: #5b3a9a;
      --renewed: #1f7a3d; --cancelled: #b4233a; --pending: #8a5a00; --ending: #4b5563;
      --chart-bar: #0b57a4; --chart-bar-alt: #7aa7d6; --chart-axis: #5b6068; --chart-grid: #e6e3da;
      --chart-text: #1d1f23;
      /* Okabe–Ito, ordered by contrast on the light background (blue 5.2:1, vermillion 3.9:1, …). */
      --chart-line-1: #0072b2; --chart-line-2: #d55e00; --chart-line-3: #009e73; --chart-line-4: #cc79a7;
      --chart-line-5: #e69f00; --chart-line-6: #56b4e9; --chart-line-7: #b59a00;
      --heat-0: #f1f5fb; --heat-1: #0a2f5c; --heat-text-dark: #ffffff; --heat-text-light: #1d1f23;
      /* Hatching of "not in the Top 10" cells: 3.4:1 against --heat-0, so a blank never passes for #10. */
      --heat-hatch: #7b8594;
      --measure: 42rem;
      --page-width: 60rem;
      --mono: ui-monospace, "SF Mono", Menlo, Consolas, monospace;
      --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #121316; --surface: #1b1d21; --text: #e8e6e1; --muted: #a3a8b0; --border: #33363d;
        --accent: #ff6b81; --accent-text: #121316; --link: #8cc4ff; --link-visited: #c9a9ff;
        --renewed: #5fd28a; --cancelled: #ff7b8e; --pending: #f2c14e; --ending: #b8bec8;
        --chart-bar: #6fb1ff; --chart-bar-alt: #35587f; --chart-axis: #a3a8b0; --chart-grid: #2c2f36;
        --chart-text: #e8e6e1;
        /* Okabe–Ito again, ordered by contrast on the dark background (sky blue 7.3:1, orange 7.5:1, …). */
        --chart-line-1: #56b4e9; --chart-line-2: #e69f00; --chart-line-3: #009e73; --chart-line-4: #cc79a7;
        --chart-line-5: #d55e00; --chart-line-6: #f0e442; --chart-line-7: #0072b2;
        --heat-0: #1f2a38; --heat-1: #8cc4ff; --heat-text-dark: #121316; --heat-text-light: #e8e6e1;
        --heat-hatch: #7d8896;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 1.0625rem/1.6 var(--font); }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:visited { color: var(--link-visited); }
    a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .wrap { max-width: var(--page-width); margin: 0 auto; padding: 0 1.25rem; }
    .skip-link { position: absolute; left: -999px; top: 0; background: var(--surface); padding: 0.5rem 1rem; }
    .skip-link:focus { left: 1rem; z-index: 10; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .site-header { border-top: 4px solid var(--accent); border-bottom: 1px solid var(--border); background: var(--surface); }
    .site-header .wrap { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.9rem; padding-bottom: 0.9rem; }
    .site-title { font-weight: 800; font-size: 1.35rem; letter-spacing: -0.01em; color: var(--text); text-decoration: none; }
    .site-title:visited { color: var(--text); }
    .site-title.has-logo::before { content: none; }
    .site-logo { height: 1.6em; width: auto; vertical-align: middle; margin-right: 0.45em; }
    .site-title::before { content: ""; display: inline-block; width: 0.7em; height: 0.7em; margin-right: 0.45em; background: var(--accent); border-radius: 2px; }
    .site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.1rem; list-style: none; margin: 0; padding: 0; }
    .site-header nav a { color: var(--muted); text-decoration: none; font-weight: 600; }
    .site-header nav a:hover, .site-header nav a[aria-current="page"] { color: var(--text); text-decoration: underline; }
    main.wrap { padding-top: 2rem; padding-bottom: 3rem; }
    h1, h2, h3, h4 { line-height: 1.2; letter-spacing: -0.01em; }
    h1 { font-size: clamp(1.8rem, 4vw, 2.6rem); margin: 0 0 0.5rem; }
    .intro, .page-note { color: var(--muted); }
    .meta { color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.6rem 0 0; }
    .tags a { display: inline-block; font-size: 0.85rem; padding: 0.1rem 0.6rem; border: 1px solid var(--border); border-radius: 999px; text-decoration: none; color: var(--muted); background: var(--surface); }
    .tags a:hover { color: var(--text); border-color: var(--muted); }
    .tags .show-tag a { border-color: var(--accent); color: var(--text); font-weight: 600; }
    .article-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
    .card article { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 1.1rem 1.3rem; }
    .card h2 { font-size: 1.35rem; margin: 0 0 0.3rem; }
    .card h2 a { color: var(--text); text-decoration: none; }
    .card h2 a:hover { text-decoration: underline; }
    .card .summary { margin: 0.5rem 0 0; }
    .badge { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; padding: 0.05rem 0.5rem; border-radius: 4px; border: 1px solid currentColor; margin-right: 0.35rem; }
    .badge.status-renewed { color: var(--renewed); }
    .badge.status-cancelled { color: var(--cancelled); }
    .badge.status-pending { color: var(--pending); }
    .badge.status-ending { color: var(--ending); }
    .pager { display: flex; justify-content: space-between; margin-top: 2rem; font-weight: 600; }
    .term-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6rem; }
    .term-list li { background: var(--surface); border: 1px solid var(--border); border-radius: 999px; padding: 0.25rem 0.8rem; }
    .count { color: var(--muted); font-size: 0.85rem; }
    .article { max-width: var(--measure); margin: 0 auto; }
    .article-header { margin-bottom: 1.5rem; }
    .prose { font-family: var(--serif); font-size: 1.125rem; line-height: 1.7; }
    .prose h2, .prose h3, .prose h4 { font-family: var(--font); margin-top: 2rem; }
    .prose img, .article-image img { max-width: 100%; height: auto; }
    .article-image { margin: 1.25rem 0; }
    .prose blockquote { margin: 1.5rem 0; padding: 0.2rem 1.2rem; border-left: 4px solid var(--accent); color: var(--muted); }
    .prose pre { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 0.9rem 1rem; overflow-x: auto; font-size: 0.9rem; }
    .prose code { font-family: var(--mono); font-size: 0.92em; }
    .prose table { border-collapse: collapse; width: 100%; font-family: var(--font); font-size: 0.95rem; margin: 1.5rem 0; display: block; overflow-x: auto; }
    .prose th, .prose td { border-bottom: 1px solid var(--border); padding: 0.45rem 0.6rem; text-align: left; }
    .prose .footnotes { font-size: 0.95rem; color: var(--muted); border-top: 1px solid var(--border); margin-top: 2.5rem; }
    .heading-anchor { margin-left: 0.3em; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
    h2:hover .heading-anchor, h3:hover .heading-anchor, h4:hover .heading-anchor, .heading-anchor:focus { opacity: 1; }
    .fact-box { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin: 0 0 2rem; }
    .fact { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 1rem 1.2rem; }
    .fact h2.fact-label, .fact .fact-label { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.3rem; font-weight: 700; }
    .renewal .status { font-size: 1.5rem; font-weight: 800; margin: 0; }
    .status-renewed .status { color: var(--renewed); }
    .status-cancelled .status { color: var(--cancelled); }
    .status-pending .status { color: var(--pending); }
    .status-ending .status { color: var(--ending); }
    .renewal { border-top: 5px solid var(--pending); }
    .status-renewed { border-top-color: var(--renewed); }
    .status-cancelled { border-top-color: var(--cancelled); }
    .status-ending { border-top-color: var(--ending); }
    .prediction, .as-of { margin: 0.4rem 0 0; }
    .as-of { color: var(--muted); font-size: 0.9rem; }
    .scores dl { margin: 0; display: grid; gap: 0.45rem; }
    .score { display: grid; grid-template-columns: 5.5rem 1fr; align-items: center; gap: 0.6rem; }
    .score dt { color: var(--muted); font-weight: 600; }
    .score dd { margin: 0; display: flex; align-items: center; gap: 0.6rem; }
    .score-value { font-weight: 800; min-width: 3.6rem; }
    .score-bar { flex: 1; height: 0.45rem; background: var(--chart-grid); border-radius: 999px; overflow: hidden; }
    .score-bar span { display: block; height: 100%; background: var(--chart-bar); }
    .toc { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 0.8rem 1.2rem; margin-bottom: 2rem; }
    .toc h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    .toc ol { margin: 0; padding-left: 1.2rem; }
    .toc .toc-level-2 { margin-left: 1rem; list-style: circle; }
    .toc .toc-level-3 { margin-left: 2rem; list-style: square; }
    .performance { margin-top: 2.5rem; border-top: 1px solid var(--border); }
    /* Each chart is drawn wide (640 px) and narrow (350 px); the figure's own width picks one.
       An SVG is never wider than its viewBox, so chart text renders at its set size. */
    .embed { margin: 1.75rem 0; font-family: var(--font); container-type: inline-size; }
    .embed figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
    .chart { display: block; max-width: 100%; height: auto; }
    .chart-layout-narrow { display: none; }
    @container (max-width: 639.98px) {
      .chart-layout-wide { display: none; }
      .chart-layout-narrow { display: block; }
    }
    .chart-summary { margin: 0 0 0.75rem; font-size: 0.95rem; line-height: 1.45; }
    .chart-note { margin: 0.35rem 0 0; font-size: 0.85rem; color: var(--muted); }
    /* Tables keep their columns and scroll inside their figure; the page itself never scrolls sideways. */
    .embed-table, details.chart-data { overflow-x: auto; position: relative; }
    .chart text { fill: var(--chart-text); font: 12px var(--font); }
    .chart .axis line, .chart .axis path { stroke: var(--chart-axis); }
    .chart .grid line { stroke: var(--chart-grid); }
    .chart .bar { fill: var(--chart-bar); }
    .chart .bar:hover { fill: var(--accent); }
    .chart .muted-text { fill: var(--muted); }
    .embed > figcaption:first-child { font-weight: 700; font-size: 1rem; color: var(--text); margin: 0 0 0.6rem; }
    .chart .axis-title { fill: var(--muted); font-size: 11px; }
    .chart .baseline { stroke: var(--chart-axis); stroke-width: 1.5; }
    .chart .bar-label { font-size: 11px; font-weight: 700; }
    .chart .annotation { font-size: 11px; fill: var(--muted); }
    .chart .axis-break { fill: none; stroke: var(--chart-axis); stroke-width: 1.5; }
    .chart .break-guide { stroke: var(--chart-axis); stroke-width: 1; stroke-dasharray: 2 3; opacity: 0.7; }
    .chart .leader { fill: none; stroke: var(--series); stroke-width: 1; }
    .chart .key { stroke: var(--series); stroke-width: 4; stroke-linecap: round; }
    .chart .rank-line .marker { stroke-width: 1; }
    .chart .series-1 { --series: var(--chart-line-1); } .chart .series-2 { --series: var(--chart-line-2); }
    .chart .series-3 { --series: var(--chart-line-3); } .chart .series-4 { --series: var(--chart-line-4); }
    .chart .series-5 { --series: var(--chart-line-5); } .chart .series-6 { --series: var(--chart-line-6); }
    .chart .series-7 { --series: var(--chart-line-7); }
    .chart .line { fill: none; stroke: var(--series); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
    .chart .marker { fill: var(--series); stroke: var(--bg); stroke-width: 1.5; }
    .chart .end-label-text { font-weight: 700; paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
    .chart .heat-base, .chart .heat-blank { fill: var(--heat-0); }
    .chart .heat-hatch path { stroke: var(--heat-hatch); stroke-width: 1.2; }
    .chart .heat-cell { fill: var(--heat-1); }
    .chart .heat-group { font-weight: 700; font-size: 12px; }
    .chart .heat-break { stroke: var(--chart-axis); stroke-width: 2; stroke-dasharray: 3 2; }
    .embed .chart-source { font-size: 0.85rem; color: var(--muted); margin: 0.4rem 0 0; }
    table.data-table .partial-week { font-weight: 400; font-size: 0.8rem; color: var(--muted); white-space: nowrap; }
    table.data-table .partial-flag { margin-left: 0.1em; }
    table.data-table tr.row-group th { text-align: left; font-size: 0.85rem; padding-top: 0.8rem; }
    .chart .heat-label { font-size: 11px; font-weight: 700; }
    .chart text.on-strong { fill: var(--heat-text-dark); }
    .chart text.on-weak { fill: var(--heat-text-light); }
    .prose table.data-table { display: table; margin: 0; }
    table.data-table .muted { color: var(--muted); }
    .performance-empty { color: var(--muted); }
    /* relative: the visually hidden words in cells stay inside the scroller, not past the page edge. */
    .data-table-wrap { overflow-x: auto; position: relative; }
    table.data-table { border-collapse: collapse; width: 100%; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
    table.data-table caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; }
    table.data-table th, table.data-table td { padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--border); }
    table.data-table thead th { text-align: left; color: var(--muted); font-size: 0.85rem; border-bottom: 2px solid var(--border); }
    table.data-table th[scope="row"] { text-align: left; font-weight: 600; white-space: nowrap; }
    table.data-table .num { text-align: right; }
    .change-up { color: var(--renewed); }
    .change-down { color: var(--cancelled); }
    details.chart-data { margin-top: 0.5rem; font-size: 0.9rem; }
    details.chart-data summary { cursor: pointer; color: var(--link); }
    .site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; padding: 1.5rem 0 2.5rem; }
    .site-footer p { margin: 0.2rem 0; }
    .site-footer a { color: inherit; }
    .fine { font-size: 0.8rem; }
    @media (max-width: 40rem) {
      body { font-size: 1rem; }
      .prose { font-size: 1.05rem; }
      main.wrap { padding-top: 1.25rem; }
      table.data-table { font-size: 0.875rem; }
      table.data-table th, table.data-table td { padding: 0.35rem 0.4rem; }
      table.data-table th[scope="row"] { white-space: normal; }
    }

    """
}

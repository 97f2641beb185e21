import SiteKit

/// The frame every page shares: head, header with navigation, footer.
enum Layout {
    static func page(_ context: PageContext, bodyClass: String, head: HTML = .empty, main: HTML) -> HTML {
        let fullTitle = context.path.isEmpty ? context.site.title : "\(context.title) · \(context.site.title)"
        return """
        <!DOCTYPE html>
        <html lang="\(context.site.language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(fullTitle)</title>
        <meta name="description" content="\(context.description)">
        <link rel="canonical" href="\(context.canonicalURL)">
        <meta name="color-scheme" content="light dark">
        <link rel="stylesheet" href="\(context.stylesheetURL)">
        \(head)</head>
        <body class="\(bodyClass)">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
        <div class="wrap">
        <a class="site-title" href="\(context.basePath)">\(context.site.title)</a>
        <nav aria-label="Main"><ul>\(context.navigation.map { navItem($0, context: context) })</ul></nav>
        </div>
        </header>
        <main id="main" class="wrap">
        \(main)
        </main>
        <footer class="site-footer">
        <div class="wrap">
        <p>\(context.site.title)\(context.site.description.isEmpty ? "" : " — \(context.site.description)")</p>
        <p class="fine">Viewing figures: Netflix Top 10 (top10.netflix.com). Built with sitegen.</p>
        </div>
        </footer>
        </body>
        </html>

        """
    }

    private static func navItem(_ link: Link, context: PageContext) -> HTML {
        context.isCurrent(link)
            ? "<li><a href=\"\(link.url)\" aria-current=\"page\">\(link.label)</a></li>"
            : "<li><a href=\"\(link.url)\">\(link.label)</a></li>"
    }

    /// `<time>` with a machine-readable datetime and a readable label.
    static func time(_ moment: DateTime) -> HTML {
        "<time datetime=\"\(moment.description)\">\(DateFormatting.long(moment.date))</time>"
    }

    static func tagList(_ tags: [TermLink]) -> HTML {
        guard !tags.isEmpty else { return .empty }
        return "<ul class=\"tags\" aria-label=\"Tags\">\(tags.map { tag -> HTML in "<li><a href=\"\(tag.url)\">\(tag.name)</a></li>" })</ul>"
    }
}

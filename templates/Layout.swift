import SiteKit

/// The frame every page shares: head, header with navigation, footer.
public enum Layout {
    /// The full page: `<head>` with meta, feeds and share cards, header, `main`, footer.
    public static func page(_ context: PageContext, bodyClass: String, head: HTML = .empty, main: HTML) -> HTML {
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
        \(context.customStylesheetURL.map { url -> HTML in "<link rel=\"stylesheet\" href=\"\(url)\">\n" })\(context.feeds.map { feed -> HTML in "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(feed.label)\" href=\"\(feed.url)\">\n" })\(context.jsonFeed.map { feed -> HTML in "<link rel=\"alternate\" type=\"application/feed+json\" title=\"\(feed.label)\" href=\"\(feed.url)\">\n" })\(socialMeta(context, fullTitle: fullTitle))\(structuredData(context))\(head)</head>
        <body class="\(bodyClass)">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
        <div class="wrap">
        <a class="site-title\(context.logoURL == nil ? "" : " has-logo")" href="\(context.basePath)">\(logo(context))\(context.site.title)</a>
        <nav aria-label="Main"><ul>\(context.navigation.map { navItem($0, context: context) })</ul></nav>
        </div>
        </header>
        <main id="main" class="wrap">
        \(main)
        </main>
        <footer class="site-footer">
        <div class="wrap">
        \(footerText(context))
        </div>
        </footer>
        </body>
        </html>

        """
    }

    /// The site's `logo:` before its title; the title names the link, so the image is decorative.
    private static func logo(_ context: PageContext) -> HTML {
        guard let url = context.logoURL else { return .empty }
        return "<img class=\"site-logo\" src=\"\(url)\" alt=\"\">"
    }

    /// The site's `footer:` Markdown, or the site's name, description and sources.
    private static func footerText(_ context: PageContext) -> HTML {
        if let footer = context.footer { return "<div class=\"footer-text\">\(footer)</div>" }
        return """
        <p>\(context.site.title)\(context.site.description.isEmpty ? "" : " — \(context.site.description)")</p>
        <p class="fine">Viewing figures: Netflix Top 10 (top10.netflix.com). Built with sitegen.</p>
        """
    }

    /// Open Graph and Twitter card tags, so shared links show a title, summary and image.
    private static func socialMeta(_ context: PageContext, fullTitle: String) -> HTML {
        let social = context.social
        // One value, the optional tags appended to it: every page writes
        // these, and a value per tag joined afterwards cost twice as much.
        var tags: HTML = """
        <meta property="og:type" content="\(social.type)">
        <meta property="og:title" content="\(context.path.isEmpty ? context.site.title : context.title)">
        <meta property="og:description" content="\(context.description)">
        <meta property="og:url" content="\(context.canonicalURL)">
        <meta property="og:site_name" content="\(context.site.title)">
        <meta name="twitter:card" content="\(social.image == nil ? "summary" : "summary_large_image")">
        <meta name="twitter:title" content="\(fullTitle)">
        <meta name="twitter:description" content="\(context.description)">

        """
        if let locale = context.site.openGraphLocale {
            tags.append("<meta property=\"og:locale\" content=\"\(locale)\">\n")
        }
        if let image = social.image {
            tags.append("<meta property=\"og:image\" content=\"\(image)\">\n")
            tags.append("<meta name=\"twitter:image\" content=\"\(image)\">\n")
            if let alt = social.imageAlt { tags.append("<meta property=\"og:image:alt\" content=\"\(alt)\">\n") }
        }
        if let published = social.published {
            tags.append("<meta property=\"article:published_time\" content=\"\(published.rfc3339)\">\n")
        }
        if let modified = social.modified {
            tags.append("<meta property=\"article:modified_time\" content=\"\(modified.rfc3339)\">\n")
        }
        return tags
    }

    /// JSON-LD; SiteKit writes it with `<`, `>` and `&` escaped, so it cannot end the script early.
    private static func structuredData(_ context: PageContext) -> HTML {
        guard let json = context.structuredData else { return .empty }
        return "<script type=\"application/ld+json\">\(HTML(unsafeRaw: json))</script>\n"
    }

    private static func navItem(_ link: Link, context: PageContext) -> HTML {
        context.isCurrent(link)
            ? "<li><a href=\"\(link.url)\" aria-current=\"page\">\(link.label)</a></li>"
            : "<li><a href=\"\(link.url)\">\(link.label)</a></li>"
    }

    /// `<time>` with a machine-readable datetime and a readable label.
    public static func time(_ moment: DateTime) -> HTML {
        "<time datetime=\"\(moment.description)\">\(DateFormatting.long(moment.date))</time>"
    }

    /// The show and tag links of an article.
    public static func tagList(_ tags: [TermLink], show: TermLink? = nil) -> HTML {
        guard !tags.isEmpty || show != nil else { return .empty }
        let showItem: HTML = show.map { "<li class=\"show-tag\"><a href=\"\($0.url)\">\($0.name)</a></li>" } ?? .empty
        return "<ul class=\"tags\" aria-label=\"Show and tags\">\(showItem)\(tags.map { tag -> HTML in "<li><a href=\"\(tag.url)\">\(tag.name)</a></li>" })</ul>"
    }
}

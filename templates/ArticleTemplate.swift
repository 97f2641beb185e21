import SiteKit

/// An article: header, renewal box and scores, table of contents, body,
/// and the show's performance section.
public enum ArticleTemplate {
    /// An article page: header, renewal box and scores, contents, body, performance.
    public static func render(_ page: ArticlePage) -> HTML {
        let article = page.article
        let main: HTML = """
        <article class="article">
        <header class="article-header">
        <h1>\(article.title)</h1>
        <p class="meta">\(byline(article, wordCount: page.wordCount))</p>
        \(Layout.tagList(article.tags, show: article.show))
        </header>
        \(image(article))
        \(factBox(renewal: page.renewal, scores: page.scores))
        \(tableOfContents(page.tableOfContents))
        <div class="prose">
        \(page.body)
        </div>
        \(performance(page.performance))
        </article>
        """
        return Layout.page(page.context, bodyClass: "page-article", main: main)
    }

    private static func byline(_ article: ArticleSummary, wordCount: Int) -> HTML {
        var parts: [HTML] = []
        if let author = article.author { parts.append("By <span class=\"author\">\(author)</span>") }
        parts.append("Published \(Layout.time(article.date))")
        if let updated = article.updated, updated.date != article.date.date {
            parts.append("Updated \(Layout.time(updated))")
        }
        parts.append("\(article.readingMinutes) min read (\(NumberFormatting.grouped(wordCount)) words)")
        return HTML.join(parts, separator: " · ")
    }

    private static func image(_ article: ArticleSummary) -> HTML {
        guard let image = article.image else { return .empty }
        return "<figure class=\"article-image\"><img src=\"\(image)\" alt=\"\(article.imageAlt ?? "")\"></figure>"
    }

    /// The renewal status and scores box.
    public static func factBox(renewal: Renewal?, scores: Scores?) -> HTML {
        guard renewal != nil || scores != nil else { return .empty }
        var items: [HTML] = []
        if let renewal {
            items.append("""
            <div class="fact renewal status-\(renewal.status.rawValue)">
            <h2 class="fact-label">Renewal status</h2>
            <p class="status">\(renewal.status.label)</p>
            \(renewal.prediction.map { prediction -> HTML in "<p class=\"prediction\"><span class=\"fact-label\">Our prediction:</span> \(prediction)</p>" })
            \(renewal.asOf.map { date -> HTML in "<p class=\"as-of\">As of <time datetime=\"\(date.description)\">\(DateFormatting.long(date))</time></p>" })
            </div>
            """)
        }
        if let scores {
            var rows: [HTML] = []
            if let critics = scores.critics { rows.append(score("Critics", "\(critics)%", fraction: Double(critics) / 100)) }
            if let audience = scores.audience { rows.append(score("Audience", "\(audience)%", fraction: Double(audience) / 100)) }
            if let imdb = scores.imdb {
                rows.append(score("IMDb", "\(NumberFormatting.decimal(imdb, places: 1))/10", fraction: imdb / 10))
            }
            items.append("""
            <div class="fact scores">
            <h2 class="fact-label">Scores</h2>
            <dl>\(rows)</dl>
            </div>
            """)
        }
        return "<aside class=\"fact-box\" aria-label=\"Renewal status and scores\">\(items)</aside>"
    }

    private static func score(_ label: String, _ value: String, fraction: Double) -> HTML {
        let width = NumberFormatting.decimal(min(max(fraction, 0), 1) * 100, places: 0)
        return """
        <div class="score"><dt>\(label)</dt><dd><span class="score-value">\(value)</span><span class="score-bar" aria-hidden="true"><span style="width: \(width)%"></span></span></dd></div>
        """
    }

    private static func tableOfContents(_ headings: [Heading]) -> HTML {
        guard !headings.isEmpty else { return .empty }
        let top = headings.map(\.level).min() ?? 2
        let items = headings.map { heading -> HTML in
            "<li class=\"toc-level-\(heading.level - top + 1)\"><a href=\"#\(heading.id)\">\(heading.text)</a></li>"
        }
        return """
        <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">In this article</h2>
        <ol>\(items)</ol>
        </nav>
        """
    }

    private static func performance(_ section: HTML?) -> HTML {
        guard let section, !section.isEmpty else { return .empty }
        return """
        <section class="performance" aria-labelledby="performance">
        <h2 id="performance">How it’s performing</h2>
        \(section)
        </section>
        """
    }
}

/// Articles that build but are probably not what the editor meant: with no
/// body, left out because they are dated in the future, or about to expire
/// (which removes the page and breaks the links to it).
enum PublicationWarnings {
    /// How far ahead an `expires:` is announced.
    static let expiryNoticeDays = 30

    /// The warnings for `articles` (all of the site's) under `options`' clock.
    static func warnings(articles: [Article], options: BuildOptions) -> [SiteError] {
        var warnings: [SiteError] = []
        let now = options.now
        // By index, reading fields in place: a preview runs this after each
        // edit, and copying every article (dozens of references each) was
        // most of an edit's rebuild.
        for index in articles.indices where !Self.isQuiet(articles[index], now: now) {
            let article = articles[index]
            let file = article.sourcePath
            if !Publication.isPublished(article, options: options) {
                if !article.draft, article.date > now, !options.includeFuture {
                    warnings.append(.warning(
                        file: file, line: article.datePosition.line, column: article.datePosition.column,
                        message: "dated \(article.date), in the future, so this build leaves the article out; "
                            + "it appears in the first build after that moment (build with --future to include it now)"))
                }
                continue
            }
            if article.isBodyBlank {
                warnings.append(.warning(
                    file: file, line: max(1, article.bodyFirstLine - 1),
                    message: "the article has no body, so its page shows the title alone: write the text below this `---` line, or mark it `draft: true`"))
            }
            if let expires = article.expires, expires > now,
               expires.secondsSinceEpoch - now.secondsSinceEpoch <= Int64(expiryNoticeDays) * 86_400 {
                let seconds = expires.secondsSinceEpoch - now.secondsSinceEpoch
                let days = (seconds + 86_399) / 86_400
                warnings.append(.warning(
                    file: file, line: article.expiresPosition.line, column: article.expiresPosition.column,
                    message: "expires \(expires), \(days == 1 ? "within a day" : "in \(days) days"): the first build "
                        + "after that removes the page, and links to it from other sites and feeds break; "
                        + "remove `expires:` to keep it, or link readers elsewhere before then"))
            }
        }
        return warnings
    }

    /// Whether an article certainly has nothing to warn about: published
    /// long before now, not expiring soon, with a body that does not start
    /// with white space (the usual case, told without copying the article).
    private static func isQuiet(_ article: borrowing Article, now: DateTime) -> Bool {
        guard article.date <= now, !article.draft, let first = article.bodyFirstByte,
              (0x21..<0x7F).contains(first) else { return false }
        guard let expires = article.expires else { return true }
        return expires.secondsSinceEpoch - now.secondsSinceEpoch > Int64(expiryNoticeDays) * 86_400
    }
}

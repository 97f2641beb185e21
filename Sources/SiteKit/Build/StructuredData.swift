/// JSON-LD that tells search engines what a page is.
enum StructuredData {
    /// A schema.org `NewsArticle`.
    static func newsArticle(_ article: ArticleSummary, image: String?, settings: SiteSettings, basePath: String) -> String {
        let url = Feeds.absolute(article.url, settings: settings, basePath: basePath)
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(article.title)),
            ("description", .string(article.summary)),
            ("datePublished", .string(article.date.rfc3339)),
            ("dateModified", .string((article.updated ?? article.date).rfc3339)),
            ("mainEntityOfPage", .string(url)),
            ("url", .string(url)),
        ]
        if let author = article.author {
            var person: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(author))]
            if let url = settings.authorURLs[author] {
                person.append(("url", .string(Feeds.absolute(url, settings: settings, basePath: basePath))))
            }
            members.append(("author", .object(person)))
        }
        if let image { members.append(("image", .array([.string(image)]))) }
        members.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(settings.title)),
                                              ("url", .string(settings.baseURL))])))
        if !article.tags.isEmpty {
            members.append(("keywords", .array(article.tags.map { .string($0.name) })))
        }
        return JSONValue.object(members).rendered()
    }
}

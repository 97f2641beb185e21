/// Which sources a build publishes, given its options and clock.
enum Publication {
    static func isPublished(_ article: Article, options: BuildOptions) -> Bool {
        if article.draft && !options.includeDrafts { return false }
        if article.date > options.now && !options.includeFuture { return false }
        if let expires = article.expires, expires <= options.now { return false }
        return true
    }

    static func isPublished(_ page: StandalonePage, options: BuildOptions) -> Bool {
        !page.draft || options.includeDrafts
    }
}

/// A content file read again after it changed (``SiteLoader/readChanged(_:in:siteDirectory:)``).
enum ReloadedFile: Sendable {
    case article(Article)
    case page(StandalonePage)
    case show(Show)
    /// A static file, by its path under content/static.
    case staticFile(String)
}

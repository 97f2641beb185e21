/// `_headers` for Netlify and Cloudflare Pages (`headers: true`): hashed
/// stylesheets are cached forever, HTML only briefly, so a new build shows at
/// once while the CSS it links is fetched once per visitor.
///
/// The patterns never overlap: both hosts merge every matching rule, and two
/// `Cache-Control` values for one file would be joined into a contradiction.
enum HostHeaders {
    /// How long browsers and CDNs may keep an HTML page without asking again.
    static let htmlMaxAge = 300

    /// The file's text.
    /// - Parameters:
    ///   - immutable: site paths of files whose name changes with their content.
    ///   - basePath: "/" or "/blog/".
    static func file(immutable: [String], basePath: String) -> String {
        var text = "# Written by sitegen (headers: true in site.yaml).\n"
        text += "# Hashed files: their name changes whenever their content does.\n"
        for path in immutable.sorted() {
            text += "\(basePath)\(path)\n  Cache-Control: public, max-age=31536000, immutable\n"
        }
        text += "# Pages: served from cache for \(htmlMaxAge / 60) minutes at most, then checked again.\n"
        for pattern in [basePath, "\(basePath)*/", "\(basePath)*.html"] {
            text += "\(pattern)\n  Cache-Control: public, max-age=\(htmlMaxAge), must-revalidate\n"
        }
        return text
    }
}

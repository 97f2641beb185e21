/// sitemap.xml (sitemaps.org 0.9) and robots.txt.
enum Sitemap {
    /// A page listed in the sitemap.
    struct Entry: Sendable, Equatable {
        /// Site path ("articles/x/").
        var path: String
        var lastModified: DateTime?
    }

    static func xml(_ entries: [Entry], baseURL: String) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            xml += "<url><loc>\(Feeds.xmlEscape(baseURL + entry.path))</loc>"
            if let modified = entry.lastModified { xml += "<lastmod>\(modified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}

/// Atom (RFC 4287) and JSON Feed 1.1 documents for a list of articles.
enum Feeds {
    /// One feed: where it lives and what it lists.
    struct Feed: Sendable {
        /// Site path of the Atom document ("feed.xml", "tags/x/feed.xml").
        var path: String
        /// Site path of the HTML page the feed mirrors.
        var pagePath: String
        var title: String
        /// Articles, newest first.
        var entries: [ArticleSummary]
        /// Each entry's full HTML for feed readers (``FeedContent``), by its URL.
        var content: [String: Body] = [:]
    }

    /// An article's body for feeds, prepared once per build: an article sits
    /// in several feeds (the site's, each of its tags', its show's), and
    /// escaping its whole HTML again for each was a tenth of a large build.
    struct Body: Sendable, Equatable {
        /// The HTML as the text of an Atom `<content type="html">`, as UTF-8
        /// (``cdataSection(_:)``): it goes into the feed's bytes, and a string
        /// of it would be validated again for each feed that lists the article.
        var xmlText: [UInt8]
        /// The HTML itself, kept only for the entries of the JSON Feed.
        var html: String?

        /// The body of an article's feed HTML given as UTF-8, with no string
        /// made of it but the kept HTML.
        init(utf8 html: [UInt8], keepHTML: Bool) {
            xmlText = Self.cdataSection(html)
            self.html = keepHTML ? String(decoding: html, as: UTF8.self) : nil
        }

        /// `html` as CDATA: to an XML reader the same text as the HTML
        /// escaped, for a copy instead of a rewrite of every `<`, `>`, `&` and
        /// `"` (escaping every article's body was 2 % of a build's
        /// instructions, and made it a quarter longer). Characters XML
        /// forbids go as escaping drops them, and a `]]>` in the HTML (raw
        /// HTML may hold one) is split across two sections.
        static func cdataSection(_ html: [UInt8]) -> [UInt8] {
            var text: [UInt8] = []
            text.reserveCapacity(html.count)
            html.withUnsafeBufferPointer { ControlCharacters.droppingForbiddenInXML.append($0, to: &text) }
            var section = cdataOpen
            section.reserveCapacity(text.count + 32)
            var cursor = 0
            while let end = FeedContent.find(cdataClose, in: text, from: cursor) {
                // "]]" ends this section, "]]><![CDATA[" starts the next, ">" opens it.
                section += text[cursor..<(end + 2)]
                section += cdataClose + cdataOpen
                cursor = end + 2
            }
            section += text[cursor...]
            section += cdataClose
            return section
        }

        private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)

        init(xmlText: [UInt8], html: String?) {
            self.xmlText = xmlText
            self.html = html
        }
    }

    /// A ``Body`` as the build keeps it until the feeds are written: in
    /// memory for a preview, which compares and reuses bodies across
    /// rebuilds; for a one-off build in memory while ``FeedAssembly``'s
    /// budget allows, beyond it its escaped HTML in a ``SpillFile``, so
    /// that memory does not grow with the number of articles.
    enum StoredBody: Sendable, Equatable {
        case inMemory(Body)
        case stored(SpillFile.Span, html: String?)

        /// `body` with its escaped HTML appended to `store`.
        static func spilled(_ body: Body, into store: SpillFile) throws(SiteError) -> StoredBody {
            let span = body.xmlText.withUnsafeBufferPointer { buffer in
                Result { () throws(SiteError) in try store.append(utf8: buffer) }
            }
            return .stored(try span.get(), html: body.html)
        }

        /// The body, read back from the store if it is there.
        func body() throws(SiteError) -> Body {
            switch self {
            case .inMemory(let body): body
            case .stored(let span, let html): Body(xmlText: try span.utf8(), html: html)
            }
        }
    }

    /// The Atom document, as UTF-8: the entries' bodies go in as
    /// the bytes they are kept as.
    static func atom(_ feed: Feed, settings: SiteSettings, basePath: String) -> [UInt8] {
        let selfURL = settings.baseURL + feed.path
        let updated = feed.entries.map { $0.updated ?? $0.date }.max() ?? DateTime(date: CalendarDate(daysSinceEpoch: 0))
        var xml: [UInt8] = []
        xml.reserveCapacity(feed.entries.reduce(2048) { $0 + 1024 + (feed.content[$1.url]?.xmlText.count ?? 0) })
        xml += """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(settings.language))">
        <title>\(xmlEscape(feed.title))</title>
        """.utf8
        if !settings.description.isEmpty { xml += "\n<subtitle>\(xmlEscape(settings.description))</subtitle>".utf8 }
        xml += """

        <id>\(xmlEscape(selfURL))</id>
        <link rel="self" type="application/atom+xml" href="\(xmlEscape(selfURL))"/>
        <link rel="alternate" type="text/html" href="\(xmlEscape(settings.baseURL + feed.pagePath))"/>
        <updated>\(updated.rfc3339)</updated>
        \(atomAuthor(settings.author ?? settings.title, settings: settings, basePath: basePath))
        <generator>sitegen</generator>

        """.utf8
        for entry in feed.entries {
            let url = absolute(entry.url, settings: settings, basePath: basePath)
            // Written as markup bytes, the text escaped straight into them
            // (XML needs the escaping HTML gets): built as strings, each entry
            // cost a dozen string appends and copies.
            let head: HTML = """
            <entry>
            <title>\(entry.title)</title>
            <id>\(url)</id>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <published>\(entry.date.rfc3339)</published>
            <updated>\((entry.updated ?? entry.date).rfc3339)</updated>
            \(atomAuthor(entry.author ?? settings.author ?? settings.title, settings: settings, basePath: basePath))
            \(entry.tags.map { tag -> HTML in "<category term=\"\(tag.name)\"/>" })
            <summary type="text">\(entry.summary)</summary>

            """
            xml += head.utf8
            if let body = feed.content[entry.url] {
                xml += #"<content type="html">"#.utf8
                xml += body.xmlText
                xml += "</content>".utf8
            }
            xml += "\n</entry>\n".utf8
        }
        xml += "</feed>\n".utf8
        return xml
    }

    /// The JSON Feed 1.1 document.
    static func json(_ feed: Feed, jsonPath: String, settings: SiteSettings, basePath: String) -> String {
        let items: [JSONValue] = feed.entries.map { entry in
            let url = absolute(entry.url, settings: settings, basePath: basePath)
            var members: [(String, JSONValue)] = [
                ("id", .string(url)), ("url", .string(url)), ("title", .string(entry.title)),
                feed.content[entry.url]?.html.map { ("content_html", .string($0)) } ?? ("content_text", .string(entry.summary)),
                ("summary", .string(entry.summary)),
                ("date_published", .string(entry.date.rfc3339)),
                ("date_modified", .string((entry.updated ?? entry.date).rfc3339)),
            ]
            if let author = entry.author ?? settings.author {
                members.append(("authors", .array([jsonAuthor(author, settings: settings, basePath: basePath)])))
            }
            if let image = entry.image {
                members.append(("image", .string(absolute(image, settings: settings, basePath: basePath))))
            }
            if !entry.tags.isEmpty { members.append(("tags", .array(entry.tags.map { .string($0.name) }))) }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(feed.title)),
            ("home_page_url", .string(settings.baseURL + feed.pagePath)),
            ("feed_url", .string(settings.baseURL + jsonPath)),
            ("language", .string(settings.language)),
        ]
        if !settings.description.isEmpty { members.append(("description", .string(settings.description))) }
        if let author = settings.author {
            members.append(("authors", .array([jsonAuthor(author, settings: settings, basePath: basePath)])))
        }
        members.append(("items", .array(items)))
        return JSONValue.object(members).rendered(indent: 2) + "\n"
    }

    /// An Atom `<author>`, with the author's page from site.yaml `authors:` as `<uri>`.
    static func atomAuthor(_ name: String, settings: SiteSettings, basePath: String) -> HTML {
        let uri = settings.authorURLs[name].map { url -> HTML in "<uri>\(absolute(url, settings: settings, basePath: basePath))</uri>" }
        return "<author><name>\(name)</name>\(uri)</author>"
    }

    /// A JSON Feed author object, with `url` when site.yaml `authors:` gives one.
    static func jsonAuthor(_ name: String, settings: SiteSettings, basePath: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name))]
        if let url = settings.authorURLs[name] {
            members.append(("url", .string(absolute(url, settings: settings, basePath: basePath))))
        }
        return .object(members)
    }

    /// An absolute URL for a root-relative URL or a path; absolute URLs pass
    /// through, and a protocol-relative one (`//cdn.example.net/x.jpg`) takes
    /// the site's scheme: it names another host, not a path on this one.
    static func absolute(_ url: String, settings: SiteSettings, basePath: String) -> String {
        if url.hasPrefix("//") {
            let scheme = settings.baseURL.prefix { $0 != ":" }
            return scheme + ":" + url
        }
        if LinkChecker.hasScheme(url) { return url }
        if url.hasPrefix(basePath) { return settings.baseURL + url.dropFirst(basePath.count) }
        if url.hasPrefix("/") { return settings.baseURL + url.dropFirst() }
        return settings.baseURL + url
    }

    /// XML text and attribute escaping.
    static func xmlEscape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}

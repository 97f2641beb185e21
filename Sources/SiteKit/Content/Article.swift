import Yams

/// A news article from `content/articles/<slug>.md`.
public struct Article: Sendable, Equatable {
    /// The source file, relative to the site folder (`content/articles/x.md`).
    public var sourcePath: String
    /// A code fence the body never closes (found once, at load: see
    /// ``SitePlan/unclosedFence(file:body:firstLine:)``).
    public var unclosedFence: SiteError?
    public var slug: String
    public var title: String
    public var date: DateTime
    public var updated: DateTime?
    /// The front matter summary; `nil` when the article relies on its first paragraph.
    public var summary: String?
    public var tags: [String]
    /// The slug of each tag (``Slug/term(_:)``), made once at load.
    public var tagSlugs: [String] = []
    public var author: String?
    public var draft: Bool
    /// Image path or URL for the article's header and share cards.
    public var image: String?
    public var imageAlt: String?
    /// Slug of the show data file the article follows.
    public var show: String?
    /// Slugs of shows to compare with.
    public var compare: [String]
    public var renewal: Renewal?
    public var scores: Scores?
    /// Old URLs (site paths) that should redirect here.
    public var aliases: [String]
    /// After this moment the article is no longer published.
    public var expires: DateTime?
    /// The Markdown body; empty when a full build keeps it in a ``SpillFile``
    /// (``storedBody``): read it with ``markdown()``.
    public var body: String
    /// Where a full build keeps the body from load to render, so that memory
    /// does not hold every article's text at once.
    var storedBody: StoredMarkdown?
    /// The line of the .md file on which the body starts.
    public var bodyFirstLine: Int
    /// Where the `show:` value sits in the file, for errors about it.
    public var showLine: Int = 1
    public var showColumn: Int = 1
    /// Where each alias is written in the file, for errors about it.
    public var aliasPositions: [String: SourcePosition] = [:]
    /// Where the `slug:` value sits (line 1 when the slug is the file name), for
    /// errors about the article's path.
    public var slugLine: Int = 1
    public var slugColumn: Int = 1
    /// Where the `compare:` value sits, for errors about the shows it names.
    public var compareLine: Int = 1
    public var compareColumn: Int = 1
    /// Where each `compare:` entry is written, in list order.
    public var comparePositions: [SourcePosition] = []
    /// Where each tag is written, in list order.
    public var tagPositions: [SourcePosition] = []
    /// Where the `date:` and `expires:` values sit, for warnings about them.
    public var datePosition = SourcePosition(line: 1, column: 1)
    public var expiresPosition = SourcePosition(line: 1, column: 1)
    /// `data_as_of:`: the last day whose weeks the article's charts draw.
    public var dataAsOf: DataAsOf?
    /// `performance: false` leaves out the "How it's performing" section.
    public var performance: Bool = true

    /// How far an article's charts and tables reach (`data_as_of:`).
    public enum DataAsOf: Sendable, Equatable {
        /// Weeks ending on or before this day.
        case date(CalendarDate)
        /// Every week in the data files, also after the article was written.
        case latest
    }

    /// The last day whose weeks the article's embeds and performance section
    /// draw: `data_as_of`, else the day of `updated`, else of `date`; `nil`
    /// for `data_as_of: latest`.
    public var dataCutOff: CalendarDate? {
        switch dataAsOf {
        case .date(let day): return day
        case .latest: return nil
        case nil: return (updated ?? date).date
        }
    }

    /// The site path of the article: `articles/<slug>/`.
    public var path: String { "articles/\(slug)/" }

    static let keys = ["title", "date", "updated", "summary", "tags", "author", "draft", "image", "image_alt",
                       "show", "compare", "slug", "renewal", "scores", "aliases", "expires", "data_as_of", "performance"]

    /// Parses an article's normalized source text.
    /// - Parameters:
    ///   - file: the path shown in errors.
    ///   - fileSlug: the slug taken from the file name, used unless front matter sets `slug`.
    public static func parse(_ text: String, file: String, fileSlug: String) throws(BuildFailure) -> Article {
        let document = try FrontMatterDocument.read(text, file: file, keys: keys)
        let (parts, reader, root, map) = (document.parts, document.reader, document.root, document.map)
        let title = map.requiredText("title", example: "\"Partner Track season 2: renewal status\"", what: "front matter")
        let date = map.dateTime("date")
        if date == nil && map.value("date") == nil { map.missing("date", example: "2024-05-01", what: "front matter") }
        let slug = ContentSlug.resolve(map: map, fileSlug: fileSlug, file: file)
        let tags = map.stringList("tags") ?? []
        var tagNodes: [Node] = []
        if case .sequence(let sequence)? = map.value("tags") { tagNodes = Array(sequence) }
        let tagPositions = tagNodes.map { SourcePosition(line: reader.lineOffset + ($0.mark?.line ?? 1), column: $0.mark?.column ?? 1) }
        for (index, tag) in tags.enumerated() where Slug.term(tag).isEmpty {
            reader.fail(at: index < tagNodes.count ? tagNodes[index] : root,
                        "tag '\(tag)' has no letters or digits to make a URL from: use a word")
        }
        let show = map.string("show")
        if let show, !Slug.isValid(show) {
            map.fail("show", "'show' must name a data file by its slug (content/data/shows/<slug>.yaml), got '\(show)'")
        }
        let aliases = map.stringList("aliases") ?? []
        var aliasPositions: [String: SourcePosition] = [:]
        if let items = map.value("aliases").flatMap({ reader.sequence($0, what: "'aliases'") }) {
            for (alias, node) in zip(aliases, items) {
                aliasPositions[alias] = SourcePosition(line: reader.lineOffset + (node.mark?.line ?? 1),
                                                       column: node.mark?.column ?? 1)
                if let problem = Self.aliasProblem(alias) { reader.fail(at: node, problem) }
            }
        }
        let compare = map.stringList("compare") ?? []
        var comparePositions: [SourcePosition] = []
        if let items = map.value("compare").flatMap({ reader.sequence($0, what: "'compare'") }) {
            for (slug, node) in zip(compare, items) {
                comparePositions.append(SourcePosition(line: reader.lineOffset + (node.mark?.line ?? 1),
                                                       column: node.mark?.column ?? 1))
                if !Slug.isValid(slug) {
                    reader.fail(at: node, "'compare' must list data files by their slugs (content/data/shows/<slug>.yaml), got '\(slug)'")
                }
            }
        }
        var updated = map.dateTime("updated")
        if let written = updated, let date {
            if DateTime.update(written, precedes: date) {
                map.fail("updated", "'updated' (\(written)) is before 'date' (\(date)): an article cannot be updated before it is published; fix one of them")
            }
            updated = DateTime.effectiveUpdate(written, published: date)
        }
        let renewal = map.value("renewal").flatMap { Renewal.decode($0, reader: reader) }
        let dataAsOf = map.value("data_as_of").flatMap { DataAsOf.decode($0, reader: reader) }
        let scores = map.value("scores").flatMap { Scores.decode($0, reader: reader) }
        var article = Article(
            sourcePath: file, slug: slug ?? fileSlug, title: title ?? "",
            date: date ?? DateTime(date: CalendarDate(daysSinceEpoch: 0)),
            updated: updated, summary: map.string("summary"), tags: tags,
            author: map.string("author"), draft: map.bool("draft") ?? false,
            image: map.string("image"), imageAlt: map.string("image_alt"),
            show: show, compare: compare,
            renewal: renewal, scores: scores,
            aliases: aliases, expires: map.dateTime("expires"),
            body: parts.body, bodyFirstLine: parts.bodyFirstLine,
            showLine: map.line(of: "show"), showColumn: map.column(of: "show"), aliasPositions: aliasPositions,
            slugLine: map.value("slug") == nil ? 1 : map.line(of: "slug"),
            slugColumn: map.value("slug") == nil ? 1 : map.column(of: "slug"),
            compareLine: map.line(of: "compare"), compareColumn: map.column(of: "compare"),
            comparePositions: comparePositions, tagPositions: tagPositions,
            datePosition: SourcePosition(line: map.line(of: "date"), column: map.column(of: "date")),
            expiresPosition: SourcePosition(line: map.line(of: "expires"), column: map.column(of: "expires")),
            dataAsOf: dataAsOf, performance: map.bool("performance") ?? true)
        guard reader.errors.isEmpty else { throw BuildFailure(reader.errors) }
        article.tagSlugs = tags.map(Slug.term)
        article.unclosedFence = SitePlan.unclosedFence(file: file, body: parts.body, firstLine: parts.bodyFirstLine)
        return article
    }
}

extension Article {
    /// A body kept in a ``SpillFile``, with the two facts the plan's warnings
    /// ask of it.
    struct StoredMarkdown: Sendable, Equatable {
        var span: SpillFile.Span
        var isBlank: Bool
        var firstByte: UInt8?
        /// Whether the file was checked for the characters XML forbids
        /// before the body was stored (``SiteLoader`` refuses them), so that
        /// rendering need not look for them again.
        var charactersChecked = false
    }

    /// The Markdown body, read back from the spill file if it is there.
    func markdown() throws(SiteError) -> String {
        guard let storedBody else { return body }
        return try storedBody.span.text()
    }

    /// ``markdown()`` as UTF-8, read back without being validated again.
    func markdownUTF8() throws(SiteError) -> [UInt8] {
        guard let storedBody else { return Array(body.utf8) }
        return try storedBody.span.utf8()
    }

    /// Whether the body holds nothing but white space.
    var isBodyBlank: Bool { storedBody?.isBlank ?? !body.contains { !$0.isWhitespace } }

    /// The body's first byte.
    var bodyFirstByte: UInt8? { storedBody.map(\.firstByte) ?? body.utf8.first }

    /// Moves the body into `file`, leaving `body` empty.
    /// - Parameter charactersChecked: whether the file was checked for the
    ///   characters XML forbids (``SourceText/checkCharacters(_:file:)``).
    mutating func storeBody(in file: SpillFile, charactersChecked: Bool = false) throws(SiteError) {
        guard storedBody == nil else { return }
        storedBody = StoredMarkdown(span: try file.append(body), isBlank: isBodyBlank, firstByte: body.utf8.first,
                                    charactersChecked: charactersChecked)
        body = ""
    }

    /// Whether the body is known to hold none of the characters XML forbids.
    var bodyCharactersChecked: Bool { storedBody?.charactersChecked ?? false }

    /// Whether the plan of a site takes the same from both versions of an
    /// article: whether and where it is published, where it sorts and what
    /// it is filed under (see ``SitePlan/reusing(_:changed:options:)``).
    func sharesPlan(with other: Article) -> Bool {
        sourcePath == other.sourcePath && slug == other.slug && date == other.date && updated == other.updated
            && expires == other.expires && draft == other.draft && tags == other.tags
            && tagPositions == other.tagPositions && show == other.show && compare == other.compare
            && aliases == other.aliases
    }
}

extension Article.DataAsOf {
    static func decode(_ node: Node, reader: YAMLReader) -> Article.DataAsOf? {
        guard let text = reader.string(node, what: "'data_as_of'") else { return nil }
        if text == "latest" { return .latest }
        do {
            return .date(try CalendarDate(parsing: text))
        } catch {
            // A date-shaped mistake (2022-02-30) gets the date's own reason.
            let dateShaped = text.count == 10 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
            reader.fail(at: node, dateShaped ? "'data_as_of' \(error.reason)"
                : "'data_as_of' must be a date written YYYY-MM-DD or `latest`, got '\(text)': the article's charts draw the weeks ending on or before it")
            return nil
        }
    }
}

extension Article {
    /// Why an alias cannot be used, or `nil` when it is a plain site path.
    static func aliasProblem(_ alias: String) -> String? {
        let segments = alias.split(separator: "/")
        // The redirect is written at the percent-decoded path (what hosts look
        // up), so `%2E%2E` is `..` and `%0B` a control character. `//` anywhere:
        // the output folder refuses the empty segment only when the redirect is
        // written, with an error that names no line of the article.
        let decoded = alias.removingPercentEncoding
        guard alias.hasPrefix("/"), !alias.contains("//"), !segments.isEmpty,
              segments.allSatisfy({ $0 != "." && $0 != ".." }),
              alias.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && !"?#\\\"'<>".unicodeScalars.contains($0) }),
              let decoded, decoded.hasPrefix("/"), !decoded.contains("//"),
              decoded.split(separator: "/").allSatisfy({ $0 != "." && $0 != ".." }),
              decoded.unicodeScalars.allSatisfy({ $0.value > 0x20 && !ControlCharacters.isRefused($0) && $0 != "\\" })
        else {
            return "alias '\(alias)' must be a path on this site starting with / (such as /2022/09/old-title/), without .., //, ?, # or spaces"
        }
        return nil
    }
}

/// A line and column in a source file.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Where a show stands on renewal, shown in the article's renewal box.
public struct Renewal: Sendable, Equatable {
    /// The decision so far.
    public enum Status: String, Sendable, CaseIterable {
        case renewed, cancelled, pending, ending

        /// The label readers see.
        public var label: String {
            switch self {
            case .renewed: return "Renewed"
            case .cancelled: return "Cancelled"
            case .pending: return "Awaiting decision"
            case .ending: return "Final season"
            }
        }
    }

    public var status: Status
    /// Our own call, in words ("Likely renewal").
    public var prediction: String?
    /// The date the status was last checked.
    public var asOf: CalendarDate?

    static func decode(_ node: Node, reader: YAMLReader) -> Renewal? {
        guard let map = reader.mapping(node, keys: ["status", "prediction", "as_of"], what: "'renewal'") else {
            return nil
        }
        var status: Status?
        if let text = map.string("status") {
            status = Status(rawValue: text)
            if status == nil {
                let names = Status.allCases.map(\.rawValue)
                map.fail("status", "unknown renewal status '\(text)'\(Suggestion.hint(for: text, in: names)); use one of: \(names.joined(separator: ", "))")
            }
        } else {
            map.missing("status", example: "pending", what: "'renewal'")
        }
        guard let status else { return nil }
        return Renewal(status: status, prediction: map.string("prediction"), asOf: map.calendarDate("as_of"))
    }
}

/// Review scores shown beside the renewal box.
public struct Scores: Sendable, Equatable {
    /// Critics' approval, percent.
    public var critics: Int?
    /// Audience approval, percent.
    public var audience: Int?
    /// IMDb rating out of 10.
    public var imdb: Double?

    static func decode(_ node: Node, reader: YAMLReader) -> Scores? {
        guard let map = reader.mapping(node, keys: ["critics", "audience", "imdb"], what: "'scores'") else {
            return nil
        }
        return Scores(critics: map.int("critics", range: 0...100), audience: map.int("audience", range: 0...100),
                      imdb: map.double("imdb", range: 0...10))
    }
}

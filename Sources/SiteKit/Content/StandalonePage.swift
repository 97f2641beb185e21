/// A page outside the news flow (About, Contact) from `content/pages/<slug>.md`.
public struct StandalonePage: Sendable, Equatable {
    public var sourcePath: String
    /// A code fence the body never closes (found once, at load).
    public var unclosedFence: SiteError?
    public var slug: String
    public var title: String
    public var summary: String?
    public var date: DateTime?
    public var updated: DateTime?
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int
    /// Where the `slug:` value sits (line 1 when the slug is the file name).
    public var slugLine: Int = 1
    public var slugColumn: Int = 1

    /// The site path of the page: `<slug>/`.
    public var path: String { "\(slug)/" }

    static let keys = ["title", "summary", "date", "updated", "draft", "slug"]

    /// Parses a page's normalized source text.
    public static func parse(_ text: String, file: String, fileSlug: String) throws(BuildFailure) -> StandalonePage {
        let document = try FrontMatterDocument.read(text, file: file, keys: keys)
        let (parts, reader, map) = (document.parts, document.reader, document.map)
        let title = map.requiredText("title", example: "About us", what: "front matter")
        let slug = ContentSlug.resolve(map: map, fileSlug: fileSlug, file: file)
        var page = StandalonePage(
            sourcePath: file, slug: slug ?? fileSlug, title: title ?? "", summary: map.string("summary"),
            date: map.dateTime("date"), updated: map.dateTime("updated"), draft: map.bool("draft") ?? false,
            body: parts.body, bodyFirstLine: parts.bodyFirstLine,
            slugLine: map.value("slug") == nil ? 1 : map.line(of: "slug"),
            slugColumn: map.value("slug") == nil ? 1 : map.column(of: "slug"))
        guard reader.errors.isEmpty else { throw BuildFailure(reader.errors) }
        page.unclosedFence = SitePlan.unclosedFence(file: file, body: parts.body, firstLine: parts.bodyFirstLine)
        return page
    }
}

/// The slug of a Markdown source: front matter `slug`, else the file name.
enum ContentSlug {
    static func resolve(map: YAMLMapping, fileSlug: String, file: String) -> String? {
        if let slug = map.string("slug") {
            guard Slug.isValid(slug) else {
                map.fail("slug", "slug '\(slug)' may only hold lowercase letters, digits and single hyphens: try '\(Slug.make(from: slug))'")
                return nil
            }
            return slug
        }
        guard Slug.isValid(fileSlug) else {
            map.reader.fail(fileLine: 1, column: 1,
                            "file name '\(fileSlug)' is not a valid slug (lowercase letters, digits and single hyphens): rename the file to '\(Slug.make(from: fileSlug)).md' or set `slug:` in the front matter")
            return nil
        }
        return fileSlug
    }
}

import Foundation

/// The site-wide settings from `content/site.yaml`.
public struct SiteSettings: Sendable, Equatable {
    /// The site's name, shown in the header and page titles.
    public var title: String
    /// Absolute URL the site is served from, always ending in `/`.
    public var baseURL: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String {
        didSet { openGraphLocale = Self.openGraphLocale(of: language) }
    }
    /// One-sentence description for the home page and feeds.
    public var description: String
    /// Default author for articles that name none.
    public var author: String?
    /// Whether raw HTML in Markdown is passed through (off: it is dropped).
    public var allowRawHTML: Bool
    /// Articles per list page.
    public var pageSize: Int
    /// The theme's accent colour (`accent:`), a checked CSS colour.
    public var accent: String?
    /// A static file shown beside the site title (`logo:`), as a path in content/static/.
    public var logo: String?
    /// Where `logo:` is written in site.yaml, for the check that the file exists.
    public var logoPosition: SourcePosition?
    /// Markdown for the footer (`footer:`), rendered with the site's Markdown settings.
    public var footer: String?
    /// The share image of pages that name none (`image:`): a static file's site
    /// path ("/images/card.png") or an absolute URL.
    public var image: String?
    /// Where `image:` is written, for the check that a static file exists.
    public var imagePosition: SourcePosition?
    /// The default image's alt text (`image_alt:`).
    public var imageAlt: String?
    /// Author pages by author name (`authors:`), root-relative or absolute, for
    /// JSON-LD and feeds.
    public var authorURLs: [String: String] = [:]
    /// Write `_headers` for Netlify and Cloudflare Pages (`headers: true`).
    public var hostHeaders = false

    public init(title: String, baseURL: String, language: String = "en", description: String = "",
                author: String? = nil, allowRawHTML: Bool = false, pageSize: Int = 10) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        openGraphLocale = Self.openGraphLocale(of: language)
        self.description = description
        self.author = author
        self.allowRawHTML = allowRawHTML
        self.pageSize = pageSize
    }

    /// The path part of `baseURL`, where the site lives on its host: "/" or "/blog/".
    public var basePath: String {
        guard let schemeEnd = baseURL.firstRange(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }

    static let keys = ["title", "base_url", "language", "description", "author", "raw_html", "page_size",
                       "accent", "logo", "footer", "image", "image_alt", "authors", "headers"]

    /// Parses the text of `site.yaml`.
    public static func parse(_ yaml: String, file: String) throws(BuildFailure) -> SiteSettings {
        let reader = YAMLReader(file: file)
        let root = reader.compose(yaml) ?? .mapping(.init([]))
        var settings: SiteSettings?
        if let map = reader.mapping(root, keys: keys, what: "site settings") {
            let title = map.requiredText("title", example: "My Site", what: "site settings")
            let baseURL = map.string("base_url")
            if baseURL == nil { map.missing("base_url", example: "https://example.com/", what: "site settings") }
            if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
                map.fail("base_url", "'base_url' must be an absolute http(s) URL such as https://example.com/, got '\(baseURL)'")
            }
            let language = map.string("language") ?? "en"
            if !isLanguageTag(language) {
                map.fail("language", "'language' must be a language tag such as en or en-GB, got '\(language)'")
            }
            var look = SiteSettings(title: "", baseURL: "")
            look.readLook(map)
            look.readSharing(map)
            if let title, let baseURL {
                settings = SiteSettings(
                    title: title, baseURL: baseURL, language: language,
                    description: map.string("description") ?? "",
                    author: map.string("author"),
                    allowRawHTML: map.bool("raw_html") ?? false,
                    pageSize: map.int("page_size", range: 1...1000) ?? 10)
                settings?.accent = look.accent
                settings?.logo = look.logo
                settings?.logoPosition = look.logoPosition
                settings?.footer = look.footer
                settings?.image = look.image
                settings?.imagePosition = look.imagePosition
                settings?.imageAlt = look.imageAlt
                settings?.authorURLs = look.authorURLs
                settings?.hostHeaders = map.bool("headers") ?? false
            }
        }
        guard reader.errors.isEmpty, let settings else { throw BuildFailure(reader.errors) }
        return settings
    }

    /// Reads the keys that change the look without Swift: `accent`, `logo`, `footer`.
    private mutating func readLook(_ map: YAMLMapping) {
        if let accent = map.string("accent") {
            if let problem = CSSColor.problem(with: accent) {
                map.fail("accent", "'accent' must be a CSS colour such as #b4233a, rgb(180 35 58), hsl(350 68% 42%), oklch(0.5 0.18 15) or crimson: \(problem)")
            } else {
                self.accent = accent.trimmingCharacters(in: .whitespaces)
            }
        }
        if let logo = map.string("logo") {
            if logo.contains("://") || logo.hasPrefix("//") || logo.contains("..") || logo.hasSuffix("/") || logo.isEmpty {
                map.fail("logo", "'logo' must be the path of a file in content/static/, such as /images/logo.svg, got '\(logo)'")
            } else {
                self.logo = String(logo.drop(while: { $0 == "/" }))
                logoPosition = SourcePosition(line: map.line(of: "logo"), column: map.column(of: "logo"))
            }
        }
        footer = map.string("footer")
    }

    /// Reads the keys for share cards and structured data: `image`, `image_alt`, `authors`.
    private mutating func readSharing(_ map: YAMLMapping) {
        if let image = map.string("image") {
            if image.hasPrefix("https://") || image.hasPrefix("http://") {
                self.image = image
            } else if image.contains("://") || image.hasPrefix("//") || image.contains("..") || image.hasSuffix("/") || image.isEmpty {
                map.fail("image", "'image' must be a file in content/static/ (/images/card.png) or an absolute http(s) URL, got '\(image)'")
            } else {
                self.image = "/" + image.drop(while: { $0 == "/" })
                imagePosition = SourcePosition(line: map.line(of: "image"), column: map.column(of: "image"))
            }
        }
        imageAlt = map.string("image_alt")
        guard let node = map.value("authors"), let pairs = map.reader.pairs(node, what: "'authors'") else { return }
        for (key, value) in pairs {
            guard let name = map.reader.string(key, what: "an author's name"),
                  let entry = map.reader.mapping(value, keys: ["url"], what: "author '\(name)'") else { continue }
            guard let url = entry.string("url") else {
                entry.missing("url", example: "https://example.com/about/", what: "author '\(name)'")
                continue
            }
            let absolute = url.hasPrefix("https://") || url.hasPrefix("http://")
            guard !url.contains(" "), absolute || (url.hasPrefix("/") && !url.hasPrefix("//")) else {
                entry.fail("url", "an author's 'url' must be an absolute http(s) URL or a site path starting with /, got '\(url)'")
                continue
            }
            authorURLs[name] = url
        }
    }

    /// Problems with files that settings name: `logo:` and a site-path `image:`
    /// must be static files.
    public func checkFiles(staticFiles: [String], file: String) -> [SiteError] {
        var errors: [SiteError] = []
        func check(_ key: String, _ path: String, at position: SourcePosition?) {
            guard !staticFiles.contains(path) else { return }
            let position = position ?? SourcePosition(line: 1, column: 1)
            let hint = Suggestion.hint(for: path, in: staticFiles)
            errors.append(SiteError(file: file, line: position.line, column: position.column,
                                    message: "'\(key)' names content/static/\(path), which does not exist\(hint): add the file or fix the path"))
        }
        if let logo { check("logo", logo, at: logoPosition) }
        if let image, imagePosition != nil { check("image", String(image.dropFirst()), at: imagePosition) }
        return errors
    }

    /// `og:locale`: the language tag as language_TERRITORY ("en-GB" -> "en_GB").
    /// A bare language gets its most common territory ("en" -> "en_US", "fr" ->
    /// "fr_FR"); a language with a script but no region, or one not in the table,
    /// gets none (the tag is left out rather than guessed).
    ///
    /// Worked out when the language is set: every page's head writes it, and
    /// splitting the tag again for each page cost 6,000 instructions a page.
    public private(set) var openGraphLocale: String?

    private static func openGraphLocale(of language: String) -> String? {
        let parts = language.split(separator: "-").map(String.init)
        guard let first = parts.first, (2...3).contains(first.count) else { return nil }
        let lang = first.lowercased()
        let rest = parts.dropFirst()
        if let region = rest.first(where: { $0.count == 2 && $0.allSatisfy(\.isLetter) }) {
            return "\(lang)_\(region.uppercased())"
        }
        guard rest.isEmpty else { return nil }
        return Self.defaultTerritories[lang].map { "\(lang)_\($0)" }
    }

    /// The territory a bare language most often means on the web.
    static let defaultTerritories: [String: String] = [
        "ar": "AR", "bg": "BG", "ca": "ES", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR", "en": "US",
        "es": "ES", "et": "EE", "fi": "FI", "fr": "FR", "he": "IL", "hi": "IN", "hr": "HR", "hu": "HU",
        "id": "ID", "it": "IT", "ja": "JP", "ko": "KR", "lt": "LT", "lv": "LV", "ms": "MY", "nb": "NO",
        "nl": "NL", "nn": "NO", "pl": "PL", "pt": "BR", "ro": "RO", "ru": "RU", "sk": "SK", "sl": "SI",
        "sr": "RS", "sv": "SE", "th": "TH", "tr": "TR", "uk": "UA", "vi": "VN", "zh": "CN",
    ]

    private static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

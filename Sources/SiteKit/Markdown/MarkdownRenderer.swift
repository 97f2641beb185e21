import CCmarkGFM
import CmarkSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options for rendering one Markdown document.
public struct MarkdownOptions: Sendable, Equatable {
    /// Pass raw HTML through; when off, cmark drops it and unsafe link schemes.
    public var allowRawHTML: Bool
    /// Ids the page template already uses, so headings never take them.
    public var reservedIDs: Set<String>

    public init(allowRawHTML: Bool = false, reservedIDs: Set<String> = []) {
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
    }
}

/// A heading of a rendered document, for tables of contents and link checks.
public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The `id` attribute the heading got.
    public var id: String
    /// The heading's plain text.
    public var text: String
}

/// The markup a theme puts around a heading's rendered content: the opening tag
/// with its id, and whatever follows the text (an anchor link) with the closing tag.
public struct HeadingMarkup: Sendable, Equatable {
    public var before: HTML
    public var after: HTML
    /// Whether the markup is known to read by its quotes alone
    /// (``KnownMarkup/readsByQuotes(_:)``): sitegen's own is, and a theme's
    /// is read to find out.
    var readsByQuotes = false

    public init(before: HTML, after: HTML) {
        self.before = before
        self.after = after
    }

    /// `<h2 id="x">Text <a class="heading-anchor" href="#x" aria-label="Link to section: Text">#</a></h2>`.
    public static func standard(_ heading: Heading) -> HeadingMarkup {
        var markup = HeadingMarkup(
            before: "<h\(heading.level) id=\"\(heading.id)\">",
            after: " <a class=\"heading-anchor\" href=\"#\(heading.id)\" aria-label=\"Link to section: \(heading.text)\">#</a></h\(heading.level)>")
        markup.readsByQuotes = true
        return markup
    }

    /// `<h2 id="x">Text</h2>`: no anchor link, for feeds and other copies of a page.
    public static func plain(_ heading: Heading) -> HeadingMarkup {
        var markup = HeadingMarkup(before: "<h\(heading.level) id=\"\(heading.id)\">", after: "</h\(heading.level)>")
        markup.readsByQuotes = true
        return markup
    }
}

/// A fenced block whose info string names an embed (```` ```viewing-chart ````).
public struct EmbedBlock: Sendable, Equatable {
    /// The first word of the info string.
    public var name: String
    /// The block's content (YAML for sitegen's embeds).
    public var body: String
    /// The line of the opening fence, counted in the Markdown text (1-based).
    public var line: Int

    /// A block as the Markdown tree holds it.
    public init(name: String, body: String, line: Int) {
        self.name = name
        self.body = body
        self.line = line
    }
}

/// A link or image of a Markdown document, recorded from the cmark tree where
/// it was written, so a broken one is reported at its place without searching
/// the text for it (and text inside code is never taken for a link).
public struct MarkdownLink: Sendable, Equatable {
    /// The URL as the page writes it (after rewriting links to Markdown sources).
    public var url: String
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column in the Markdown text, counted in Unicode scalars.
    public var column: Int
    public var isImage: Bool

    public init(url: String, line: Int, column: Int, isImage: Bool = false) {
        self.url = url
        self.line = line
        self.column = column
        self.isImage = isImage
    }
}

/// The HTML of a Markdown document and what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML's UTF-8, as cmark-gfm wrote it (with task checkboxes labelled):
    /// it goes into a page as bytes, and a string of it would be validated.
    public var utf8: [UInt8]
    /// The HTML.
    public var html: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
    public var headings: [Heading]
    /// Every link and image, in document order.
    public var links: [MarkdownLink] = []
    /// The plain text of the first paragraph, for summaries.
    public var firstParagraph: String?
    /// Words of prose (code blocks excluded).
    public var wordCount: Int
    /// Whether every `"` in `utf8` opens or closes an attribute value
    /// written ` name="value"`: no raw HTML passed through, no embed, heading
    /// markup that reads so. The link scan then reads the body's ids and
    /// links by its quotes alone (``KnownMarkup/quoted(_:dropping:)``).
    public var quotedAttributesOnly = false
}

/// Renders GitHub Flavored Markdown with cmark-gfm.
///
/// cmark-gfm keeps global state that concurrent parses corrupt: the extension
/// registry, and the inline parser's special-character table, which every parse
/// fills with its extensions' characters when inline parsing starts and empties
/// when it ends (so one parse ending switches off another's strikethrough).
///
/// - The registry is written once, before the first parse
///   (``coreExtensionsRegistered``); after that, finding an extension only reads it.
/// - The table is filled once for good, before the first parse, and no parse
///   writes it after that (``parsesRunConcurrently``, with the
///   `CmarkSupport` target): `cmark_parser_finish`, whose inline pass
///   filled and emptied it (`process_inlines` in cmark-gfm's blocks.c), then
///   only reads it. Every parser attaches the same extensions, so the table is
///   the one each parse would have set up for itself. The inline pass ran
///   under a process-wide lock before: a seventh of a build's instructions,
///   which the other core waited for.
/// - Everything, parsing included, runs on as many threads as call it:
///   - making a parser and attaching extensions: the parser's own lists;
///   - feeding it text: block structure only, where the table extension's
///     `cmark_arena_push`/`pop` do nothing unless the arena allocator (never used
///     here) is set;
///   - rendering a finished tree: the HTML renderer and the extensions' render
///     functions keep their state in the call's renderer.
///
/// `MarkdownConcurrencyTests` holds all of it to a serial run.
public enum MarkdownRenderer {
    /// The GFM extensions every document gets.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's core extensions, once, before any parser looks
    /// one up: Swift runs a static's initializer once, and every thread that
    /// reads the value after it sees the registry complete.
    private static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Whether parses run at once, without a lock: cmark-gfm's
    /// special-character table is filled for good
    /// (`sitegen_cmark_fix_special_characters`) and a parse was seen to leave
    /// it alone, its adds and removes reaching sitegen's replacement of the
    /// library's function. Otherwise (a linker that did not let the library's
    /// calls reach it) every inline pass takes ``inlineParsing``.
    static let parsesRunConcurrently: Bool = {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        guard attachExtensions(to: parser) == nil,
              sitegen_cmark_fix_special_characters(UnsafeMutableRawPointer(parser)) == 1 else { return false }
        let before = sitegen_cmark_special_character_calls()
        let probe = "~~x~~ www.example.com"
        cmark_parser_feed(parser, probe, probe.utf8.count)
        if let document = cmark_parser_finish(parser) { cmark_node_free(document) }
        // The inline pass adds its extensions' characters and removes them: two calls.
        return sitegen_cmark_special_character_calls() - before >= 2
    }()

    /// Attaches every extension of ``extensionNames`` to `parser`; the name
    /// of the first the installed cmark-gfm lacks (attaching NULL would crash),
    /// `nil` when all are there.
    private static func attachExtensions(to parser: OpaquePointer) -> String? {
        precondition(coreExtensionsRegistered)
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else { return name }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        return nil
    }

    /// Whether the arena frees a document's nodes and parser (see `CmarkSupport`).
    private static let arenaFreesAll = sitegen_cmark_arena_frees_all()

    /// Held around `cmark_parser_finish`, the one call whose inline pass
    /// writes the special-character table, when ``parsesRunConcurrently`` is
    /// false.
    private static let inlineParsing = Mutex(())

    /// Why a document was not rendered.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The installed cmark-gfm lacks an extension sitegen relies on.
        case missingExtension(String)
        /// Containers nest deeper than `InputLimits.markdownNesting`, first at this
        /// line and column of the Markdown text.
        case nestedTooDeep(line: Int, column: Int)

        public var description: String {
            switch self {
            case .missingExtension(let name):
                "cmark-gfm extension '\(name)' is not available: install libcmark-gfm-extensions-dev"
            case .nestedTooDeep:
                "Markdown nested more than \(InputLimits.markdownNesting) levels deep here (block quotes, lists, "
                    + "emphasis or links inside each other): flatten the structure"
            }
        }

        /// The failure as an error in `file`, whose Markdown starts after `lineOffset` lines.
        public func siteError(file: String, lineOffset: Int) -> SiteError {
            switch self {
            case .missingExtension:
                SiteError(file: file, message: description)
            case let .nestedTooDeep(line, column):
                SiteError(file: file, line: lineOffset + line, column: column, message: description)
            }
        }
    }

    /// Renders `markdown` to HTML.
    /// - Parameters:
    ///   - embedNames: info strings that mark embed blocks; blocks whose info
    ///     string is a near-miss of one (``Suggestion/closest(to:in:)``) are
    ///     handed to `embed` as well, so a typo can be reported.
    ///   - rewriteLink: given each link and image URL; a returned URL replaces it
    ///     (links to other Markdown sources become their pages' URLs).
    ///   - embed: called for each embed block (in document order); the returned
    ///     HTML replaces the block, `nil` leaves it as a code block.
    ///   - heading: the markup around each heading's content (the theme's).
    public static func render(
        _ markdown: String,
        options: MarkdownOptions = MarkdownOptions(),
        embedNames: Set<String> = [],
        embed: (EmbedBlock) -> HTML? = { _ in nil },
        rewriteLink: (String) -> String? = { _ in nil },
        heading: (Heading) -> HeadingMarkup = HeadingMarkup.standard
    ) throws(Failure) -> RenderedMarkdown {
        try render(utf8: Array(markdown.utf8), options: options, embedNames: embedNames, embed: embed,
                   rewriteLink: rewriteLink, heading: heading)
    }

    /// ``render(_:options:embedNames:embed:rewriteLink:heading:)`` of
    /// Markdown given as UTF-8 that is known to be valid (a source read at
    /// load): an article's body comes back from the spill file as bytes, and
    /// a string of it would be validated again for nothing. With
    /// `charactersChecked`, the text is known to hold none of the characters
    /// XML forbids (the loader refused them), and is not searched for them.
    static func render(
        utf8 markdown: [UInt8],
        options: MarkdownOptions = MarkdownOptions(),
        embedNames: Set<String> = [],
        embed: (EmbedBlock) -> HTML? = { _ in nil },
        rewriteLink: (String) -> String? = { _ in nil },
        heading: (Heading) -> HeadingMarkup = HeadingMarkup.standard,
        charactersChecked: Bool = false
    ) throws(Failure) -> RenderedMarkdown {
        // Content is checked for raw control characters at load
        // (`charactersChecked`); text that was not has them made U+FFFD here,
        // before tagfilter reads the raw HTML (dropped afterwards, one inside
        // `<sc\u{1C}ript>` made a `<script>`).
        let markdown = charactersChecked ? markdown : ControlCharacters.replacingForbidden(utf8: markdown)
        var cmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        let concurrently = parsesRunConcurrently
        // Everything cmark-gfm allocates for this document comes from one
        // arena, freed at once when the document is done (see CmarkSupport).
        // Declared first, so that it ends after every free below.
        let memory = sitegen_cmark_arena_begin().assumingMemoryBound(to: cmark_mem.self)
        defer { sitegen_cmark_arena_end() }
        guard let parser = cmark_parser_new_with_mem(cmarkOptions, memory) else { fatalError("cmark_parser_new: out of memory") }
        if let missing = attachExtensions(to: parser) {
            cmark_parser_free(parser)
            throw .missingExtension(missing)
        }
        markdown.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        var finished: OpaquePointer?
        if concurrently {
            finished = cmark_parser_finish(parser)
        } else {
            inlineParsing.withLock { _ in finished = cmark_parser_finish(parser) }
        }
        guard let document = finished else { fatalError("cmark_parser_finish: out of memory") }
        var transformer = DocumentTransformer(reservedIDs: options.reservedIDs, memory: memory)
        // Declared before the rewrite and run after rendering: the nodes the
        // rewrite took out may own text that nodes still in the tree point into.
        // Every node and the parser live in the arena: where it frees them
        // all at its end, freeing them one by one walked the whole tree for
        // nothing (1.5 % of a build's instructions).
        defer {
            if Self.arenaFreesAll == 0 {
                for node in transformer.detachedNodes { cmark_node_free(node) }
                cmark_node_free(document)
                cmark_parser_free(parser)
            }
        }
        transformer.transform(document, embedNames: embedNames, rewriteLink: rewriteLink, embed: embed,
                              heading: heading)
        if let (line, column) = transformer.tooDeep { throw .nestedTooDeep(line: line, column: column) }

        // The extension list belongs to the parser: render before freeing it.
        guard let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html: out of memory")
        }
        var html = Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                             count: strlen(rendered)))
        memory.pointee.free(rendered)
        // Raw control characters are refused with the source file, but a numeric
        // reference (`&#11;`) still makes cmark write one. Both rewrites are
        // rare, and work on a string made only then.
        if Self.contains(markdown, "&#") {
            html = Array(ControlCharacters.removingForbidden(String(decoding: html, as: UTF8.self)).utf8)
        }
        if Self.hasTaskCheckbox(html) {
            html = Array(labelTaskCheckboxes(String(decoding: html, as: UTF8.self)).utf8)
        }
        return RenderedMarkdown(
            utf8: html, headings: transformer.headings,
            links: scalarColumns(transformer.links, in: markdown),
            firstParagraph: transformer.firstParagraph, wordCount: transformer.wordCount,
            // Without the unsafe option, cmark-gfm writes raw HTML as a comment.
            quotedAttributesOnly: transformer.insertsQuotedMarkupOnly && !(options.allowRawHTML && transformer.hasRawHTML))
    }

    /// Whether cmark-gfm wrote a task-list checkbox into `html`.
    private static func hasTaskCheckbox(_ html: [UInt8]) -> Bool {
        contains(html, #"<input type="checkbox""#)
    }

    /// Whether `bytes` hold `needle`.
    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            ByteScan.firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
                                 in: bytes, from: 0) != nil
        }
    }

    /// `links` with cmark's byte columns turned into Unicode scalar columns of
    /// `markdown` (its UTF-8), as every error position is counted.
    static func scalarColumns(_ links: [MarkdownLink], in markdown: [UInt8]) -> [MarkdownLink] {
        guard !links.isEmpty else { return links }
        return markdown.withUnsafeBufferPointer { bytes in
            // Byte offsets where each line starts.
            var lineStarts = [0]
            if let base = bytes.baseAddress {
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    offset = UnsafeRawPointer(base).distance(to: found) + 1
                    lineStarts.append(offset)
                }
            }
            return links.map { link in
                // Positions cmark could not place (line or column 0) become the line's start.
                var clamped = link
                clamped.line = max(link.line, 1)
                clamped.column = max(link.column, 1)
                guard link.line >= 1, link.line <= lineStarts.count else { return clamped }
                let start = lineStarts[link.line - 1]
                // cmark can report column 0 (found by Fuzz/), and a byte column may fall
                // inside a character: count the scalars that start before it instead
                // of slicing the scalar view there.
                let byteOffset = link.column - 1
                guard byteOffset >= 0, byteOffset <= bytes.count - start else { return clamped }
                var adjusted = link
                let prefix = UnsafeBufferPointer(rebasing: bytes[start..<(start + byteOffset)])
                adjusted.column = 1 + byteOffset - ByteScan.continuationBytes(in: prefix)
                return adjusted
            }
        }
    }

    /// cmark-gfm's task-list checkboxes carry no label, which screen readers
    /// announce as an unnamed form control; give each its state in words.
    static func labelTaskCheckboxes(_ html: String) -> String {
        // A plain byte search: Foundation's String.contains bridges to NSString,
        // for a check that is almost always false.
        guard ByteScan.contains(html, #"<input type="checkbox""#) else { return html }
        return html
            .replacing("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                       with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />")
            .replacing("<input type=\"checkbox\" disabled=\"\" />",
                       with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />")
    }
}

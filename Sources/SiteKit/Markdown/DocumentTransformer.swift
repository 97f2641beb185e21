import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rewrites a parsed cmark document before rendering: headings get ids and
/// anchor links, embed blocks are replaced by their HTML. Also gathers the
/// headings, the first paragraph and a word count.
///
/// Replacements are cmark custom blocks: the HTML renderer writes their
/// enter/exit text as it is, independent of the raw-HTML setting, so safe mode
/// stays on for everything the editor wrote.
struct DocumentTransformer {
    private(set) var headings: [Heading] = []
    private(set) var firstParagraph: String?
    private(set) var wordCount = 0
    /// Links and images with their positions (columns in bytes, as cmark counts).
    private(set) var links: [MarkdownLink] = []
    /// Nodes taken out of the tree. They are freed only after rendering: inline
    /// nodes moved out of a heading (raw HTML among them) point into the
    /// heading's own text buffer, so freeing the heading first makes the
    /// renderer read freed memory.
    private(set) var detachedNodes: [OpaquePointer] = []
    /// Where the tree first nests deeper than `InputLimits.markdownNesting`
    /// (line and column in the Markdown text), if it does.
    private(set) var tooDeep: (line: Int, column: Int)?
    /// Whether the document holds raw HTML (blocks or inline).
    private(set) var hasRawHTML = false
    /// Whether the markup the rewrite put in reads by its quotes alone
    /// (``KnownMarkup/readsByQuotes(_:)``): no embed, and heading markup
    /// that does.
    private(set) var insertsQuotedMarkupOnly = true
    private var ids: HeadingIDs
    /// The allocator of the document's nodes, which new nodes must share:
    /// cmark-gfm links no node into a tree of another allocator.
    private let memory: UnsafeMutablePointer<cmark_mem>?

    /// - Parameter memory: the allocator the document was parsed with; `nil`
    ///   for cmark-gfm's default.
    init(reservedIDs: Set<String>, memory: UnsafeMutablePointer<cmark_mem>? = nil) {
        ids = HeadingIDs(reserved: reservedIDs)
        self.memory = memory
    }

    /// A new node of `type` with the document's allocator.
    private func newNode(_ type: cmark_node_type) -> OpaquePointer {
        let node = memory.map { cmark_node_new_with_mem(type, $0) } ?? cmark_node_new(type)
        guard let node else { fatalError("cmark_node_new: out of memory") }
        return node
    }

    mutating func transform(_ document: OpaquePointer, embedNames: Set<String>,
                            rewriteLink: (String) -> String? = { _ in nil }, embed: (EmbedBlock) -> HTML?,
                            heading: (Heading) -> HeadingMarkup = HeadingMarkup.standard) {
        var headingNodes: [OpaquePointer] = []
        var embedNodes: [(OpaquePointer, EmbedBlock)] = []
        guard let iterator = cmark_iter_new(document) else { return }
        var inWord = false
        // The nodes from the document down to the current one. Leaves get no exit
        // event, so entering a node first drops whatever is not its parent.
        var path: [OpaquePointer] = []
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), Self.isBlock(node) { inWord = false }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                let parent = cmark_node_parent(node)
                while let last = path.last, last != parent { path.removeLast() }
                path.append(node)
                if path.count - 1 > InputLimits.markdownNesting && tooDeep == nil {
                    tooDeep = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
                }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING:
                    headingNodes.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    var url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if let rewritten = rewriteLink(url) {
                        cmark_node_set_url(node, rewritten)
                        url = rewritten
                    }
                    links.append(MarkdownLink(url: url, line: Int(cmark_node_get_start_line(node)),
                                              column: Int(cmark_node_get_start_column(node)),
                                              isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE))
                case CMARK_NODE_PARAGRAPH where firstParagraph == nil && cmark_node_parent(node) == document:
                    firstParagraph = Self.plainText(of: node)
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    // A word may span inline nodes ("*un*believable", "`sitegen`'s"):
                    // only spaces and block boundaries end it.
                    wordCount += Self.countWords(cmark_node_get_literal(node), inWord: &inWord)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    inWord = false
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    hasRawHTML = true
                case CMARK_NODE_CODE_BLOCK:
                    let info = String(cString: cmark_node_get_fence_info(node))
                    let name = String(info.split(separator: " ", maxSplits: 1).first ?? "")
                    // A near-miss of an embed name (`viewing-tabel`) goes to the
                    // embed handler too, which reports it: as a code block it
                    // would fail silently. Code languages are nowhere near.
                    if embedNames.contains(name)
                        || (!name.isEmpty && Suggestion.closest(to: name, in: Array(embedNames)) != nil) {
                        let body = String(cString: cmark_node_get_literal(node))
                        embedNodes.append((node, EmbedBlock(name: name, body: body, line: Int(cmark_node_get_start_line(node)))))
                    }
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
        cmark_iter_free(iterator)

        for node in headingNodes { replaceHeading(node, markup: heading) }
        for (node, block) in embedNodes {
            guard let html = embed(block) else { continue }
            replace(node, with: html.rendered, exit: "")
            insertsQuotedMarkupOnly = false
        }
    }

    private mutating func replaceHeading(_ node: OpaquePointer, markup: (Heading) -> HeadingMarkup) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = Self.plainText(of: node)
        let id = ids.next(for: text)
        let heading = Heading(level: level, id: id, text: text)
        headings.append(heading)
        let tags = markup(heading)
        // sitegen's own markup is known to (QuotedAttributesTests); a theme's is read.
        if insertsQuotedMarkupOnly, !tags.readsByQuotes,
           !KnownMarkup.readsByQuotes(tags.before.utf8 + tags.after.utf8) {
            insertsQuotedMarkupOnly = false
        }
        // The tags are custom inlines inside an empty custom block: the renderer
        // puts line breaks around a custom block's own enter/exit text, which
        // would split "<h2>\nText\n <a>" over three lines.
        let custom = replace(node, with: "", exit: "")
        cmark_node_append_child(custom, inline(tags.before.rendered))
        // Keep the heading's inline content, now inside the custom block.
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_append_child(custom, inline(tags.after.rendered))
    }

    /// Puts a custom block with the given enter/exit HTML where `node` was and
    /// unlinks `node`, keeping it in `detachedNodes` for the caller to free
    /// after rendering.
    @discardableResult
    private mutating func replace(_ node: OpaquePointer, with enter: String, exit: String) -> OpaquePointer {
        let custom = newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(custom, enter)
        cmark_node_set_on_exit(custom, exit)
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        detachedNodes.append(node)
        return custom
    }

    /// A custom inline that writes `markup` as it is.
    private func inline(_ markup: String) -> OpaquePointer {
        let node = newNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(node, markup)
        cmark_node_set_on_exit(node, "")
        return node
    }

    /// The text of a node's descendants, with soft breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
        cmark_iter_free(iterator)
        return text
    }

    /// Whether `node` is a block (paragraph, heading, table cell, …): words never
    /// continue across a block boundary.
    private static func isBlock(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        // cmark marks every node type, core or extension (table cells), with a
        // block or inline flag in its high bits.
        return Int(type.rawValue) & Int(CMARK_NODE_TYPE_MASK) == Int(CMARK_NODE_TYPE_BLOCK)
    }

    /// Counts the words that start in `literal`; `inWord` carries a word that
    /// runs on from the previous inline node.
    private static func countWords(_ literal: UnsafePointer<CChar>?, inWord: inout Bool) -> Int {
        guard let literal else { return 0 }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            WordCount.count(UnsafeBufferPointer(start: bytes, count: strlen(literal)), inWord: &inWord)
        }
    }
}

/// The banner `sitegen serve` puts on every page while the last rebuild
/// failed: each error as `path:line:col: message` with the source lines around
/// it, so the editor sees in the browser why the save did not show up.
public enum ErrorBanner {
    /// Lines of context shown before and after the line of an error.
    static let contextLines = 2

    /// The banner for `errors`. `source` gives the text of a file named in an
    /// error (relative to the site folder), or `nil` when it cannot be read.
    public static func html(for errors: [SiteError], source: (String) -> String?) -> HTML {
        var items: [HTML] = []
        var texts: [String: [Substring]?] = [:]
        for error in errors {
            if texts[error.file] == nil {
                texts[error.file] = .some(source(error.file).map { $0.split(separator: "\n", omittingEmptySubsequences: false) })
            }
            let lines = texts[error.file] ?? nil
            items.append("""
            <li><code>\(error.file):\(String(error.line)):\(String(error.column))</code> \(error.message)\(excerpt(lines, around: error))</li>
            """)
        }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        // Inline styles only: the banner must look the same whatever the site's CSS is.
        return """
        <div id="sitegen-errors" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;\
        max-height:70vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#1a1a1a;\
        border-bottom:4px solid #c0002a;font:15px/1.45 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.3)">
        <p style="margin:0 0 .5rem;font-weight:700;color:#a00024">The last rebuild failed (\(count)): \
        this page is from the last good build. Fix the file and save.</p>
        <ol style="margin:0;padding-left:1.25rem">\(HTML.join(items, separator: "\n"))</ol></div>

        """
    }

    /// The source lines around an error's line, the line itself marked and a
    /// caret under its column.
    static func excerpt(_ lines: [Substring]?, around error: SiteError) -> HTML {
        guard let lines, error.line <= lines.count else { return .empty }
        let first = max(1, error.line - contextLines)
        let last = min(lines.count, error.line + contextLines)
        let width = String(last).count
        var text = ""
        for number in first...last {
            let label = String(number)
            let marker = number == error.line ? ">" : " "
            text += "\(marker) \(String(repeating: " ", count: width - label.count))\(label) | \(lines[number - 1])\n"
            if number == error.line {
                text += "  \(String(repeating: " ", count: width)) | \(String(repeating: " ", count: error.column - 1))^\n"
            }
        }
        return """
        <pre style="margin:.35rem 0 .75rem;padding:.5rem .75rem;background:#fff;border:1px solid #e3b5bd;\
        overflow:auto;font:13px/1.4 ui-monospace,monospace">\(text)</pre>
        """
    }

    /// `html` with `banner` right after the opening `<body>` tag (or first).
    public static func inject(_ banner: HTML, into html: String) -> String {
        guard let body = html.range(of: "<body"), let close = html[body.upperBound...].firstIndex(of: ">") else {
            return banner.rendered + html
        }
        var result = html
        result.insert(contentsOf: banner.rendered, at: result.index(after: close))
        return result
    }
}

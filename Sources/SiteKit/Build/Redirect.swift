/// The page written at an alias: sends browsers and crawlers to the new URL.
enum Redirect {
    static func page(to url: String, title: String) -> String {
        let target = HTMLEscaping.escape(url)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLEscaping.escape(title))</title>
        <link rel="canonical" href="\(target)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(target)">
        </head>
        <body>
        <p>This page has moved to <a href="\(target)">\(target)</a>.</p>
        </body>
        </html>

        """
    }
}

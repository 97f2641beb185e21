import Foundation

/// The preview's automatic reload: a small script, added only to pages that
/// `sitegen serve` sends (never to the built site), that asks the server for
/// the build number and reloads the page when a new build is in place.
public enum LiveReload {
    /// The URL path the script polls; the server answers with the build number.
    public static let path = "/__sitegen/build"

    /// `html` with the reload script before `</body>` (or at the end), polling
    /// for a build newer than `build`.
    public static func inject(into html: String, build: Int) -> String {
        let script = """
        <script>/* sitegen serve: reload when the site is rebuilt */(function(){var b="\(build)";\
        setInterval(function(){fetch("\(path)",{cache:"no-store"}).then(function(r){return r.text()})\
        .then(function(t){if(t!==b){location.reload()}}).catch(function(){})},700)})();</script>

        """
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: end.lowerBound)
        return result
    }
}

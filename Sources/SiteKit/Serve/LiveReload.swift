import Foundation

/// The preview's automatic reload: a small script, added only to pages that
/// `sitegen serve` sends (never to the built site). It listens to the server's
/// Server-Sent Events: the server names the current version of the site when
/// the script connects and after every rebuild, and a page made from another
/// version reloads. A change to stylesheets alone swaps them in place.
public enum LiveReload {
    /// The URL path of the event stream.
    public static let eventsPath = "/__sitegen/events"

    /// Retry delay for the browser after the connection drops (a restart).
    static let retryMilliseconds = 500

    /// What a rebuild changed, as far as open pages care.
    public enum Change: Sendable, Equatable {
        /// Pages may differ: reload them.
        case pages
        /// Only stylesheets changed: swap them without losing the scroll position.
        case stylesheets
    }

    /// One Server-Sent Event announcing `version`.
    public static func event(_ change: Change?, version: String) -> String {
        let name = change == .stylesheets ? "css" : "build"
        return "retry: \(retryMilliseconds)\nevent: \(name)\ndata: \(version)\n\n"
    }

    /// A comment line that keeps idle connections open and finds closed ones.
    public static let keepAlive = ": keep-alive\n\n"

    /// `html` with the reload script before `</body>` (or at the end), for a
    /// page made from site version `version`.
    public static func inject(into html: String, version: String) -> String {
        let token = JSONValue.string(version).rendered()
        let script = """
        <script>/* sitegen serve: reload when the site is rebuilt */(function(){var v=\(token);\
        var s=new EventSource("\(eventsPath)");\
        s.addEventListener("build",function(e){if(e.data!==v){s.close();location.reload()}});\
        s.addEventListener("css",function(e){v=e.data;fetch(location.href,{cache:"no-store"})\
        .then(function(r){return r.text()}).then(function(t){\
        var d=new DOMParser().parseFromString(t,"text/html");\
        document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){l.remove()});\
        d.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){document.head.appendChild(document.adoptNode(l))})})\
        .catch(function(){location.reload()})})})();</script>

        """
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: end.lowerBound)
        return result
    }

    /// What a batch of changed content paths means for open pages: stylesheets
    /// only when every path is a `.css` file under `static/`.
    public static func change(for paths: [String]?) -> Change {
        guard let paths, !paths.isEmpty else { return .pages }
        return paths.allSatisfy { $0.hasPrefix("static/") && $0.lowercased().hasSuffix(".css") } ? .stylesheets : .pages
    }
}

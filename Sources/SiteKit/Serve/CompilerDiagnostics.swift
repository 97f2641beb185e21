/// Reads the Swift compiler's output when the preview rebuilds the templates,
/// so compile errors show in the browser like content errors.
public enum CompilerDiagnostics {
    /// The `path:line:col: error: message` lines of `output`, each once, with
    /// paths under `root` made relative to it; when there are none, one error
    /// holding the end of the output.
    public static func errors(in output: String, root: String) -> [SiteError] {
        var errors: [SiteError] = []
        var seen = Set<SiteError>()
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[3] == " error", let row = Int(parts[1]), let column = Int(parts[2]) else { continue }
            var file = String(parts[0])
            if file.hasPrefix(root + "/") { file.removeFirst(root.count + 1) }
            var message = parts[4][...]
            while message.first == " " { message.removeFirst() }
            let error = SiteError(file: file, line: row, column: column, message: String(message))
            // The compiler repeats each error for every job that imports the file.
            if seen.insert(error).inserted { errors.append(error) }
        }
        if errors.isEmpty {
            let tail = output.split(separator: "\n").suffix(20).joined(separator: "\n")
            errors.append(SiteError(file: "templates", message: "swift build failed:\n\(tail)"))
        }
        return errors
    }
}

import Foundation

/// `--precompress`: a `.gz` and a `.br` beside every text file of the output, for
/// hosts that serve precompressed files (nginx `gzip_static`/`brotli_static`,
/// Caddy `precompressed`, Apache with rewrite rules).
enum Precompressor {
    /// The extensions of files worth compressing (images and fonts already are).
    static let textExtensions: Set<String> = ["html", "css", "xml", "json", "txt", "svg", "csv", "js"]

    static func isText(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return textExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Compresses the text files among `paths` (site paths inside `folder`), on
    /// every core. Returns how many files were written, or the problems.
    static func compress(_ paths: [String], in folder: URL) -> Result<Int, BuildFailure> {
        let texts = paths.filter(isText).sorted()
        let results = Parallel.map(texts) { path -> SiteError? in
            let url = folder.appending(path: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return SiteError(file: url.path, message: "cannot read the file back to compress it")
            }
            let bytes = [UInt8](data)
            do {
                try Data(Compression.gzip(bytes)).write(to: URL(filePath: url.path + ".gz"))
                try Data(Compression.brotli(bytes)).write(to: URL(filePath: url.path + ".br"))
                return nil
            } catch {
                return SiteError(file: url.path + ".gz", message: "cannot write the compressed file: \(error.localizedDescription)")
            }
        }
        let errors = results.compactMap { $0 }
        return errors.isEmpty ? .success(texts.count * 2) : .failure(BuildFailure(errors))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The load phase: reads `content/` into a ``Site``, collecting every problem.
public enum SiteLoader {
    /// Reads and checks `content/site.yaml` alone.
    public static func loadSettings(siteDirectory: URL) throws(BuildFailure) -> SiteSettings {
        let settingsPath = "content/site.yaml"
        let settingsURL = siteDirectory.appending(path: "content/site.yaml")
        guard FileManager.default.fileExists(atPath: settingsURL.path) else {
            // The usual cause: sitegen run outside the site's folder.
            let folder = siteDirectory.standardizedFileURL.path
            throw BuildFailure([SiteError(file: settingsPath, message: "no site here: \(folder) has no content/site.yaml; run sitegen in the site's folder, pass --site DIR, or create content/site.yaml with `title:` and `base_url:`")])
        }
        let text: String
        do { text = try readText(settingsURL, shownAs: settingsPath) } catch { throw BuildFailure([error]) }
        return try SiteSettings.parse(text, file: settingsPath)
    }

    /// Loads the site in `siteDirectory` (the folder holding `content/`);
    /// with `bodies`, articles' Markdown bodies are kept in that file, not in memory.
    public static func load(siteDirectory: URL, bodies: SpillFile? = nil) throws(BuildFailure) -> Site {
        let content = siteDirectory.appending(path: "content")
        var errors: [SiteError] = []

        var settings: SiteSettings?
        do { settings = try loadSettings(siteDirectory: siteDirectory) } catch { errors += error.errors }

        let articles = loadAll(in: content, folder: "articles", extension: "md", errors: &errors) { text, path, slug in
            var article = try Article.parse(text, file: path, fileSlug: slug)
            // `readText` refused the characters XML forbids in the whole file.
            if let bodies { try article.storeBody(in: bodies, charactersChecked: true) }
            return article
        }
        let pages = loadAll(in: content, folder: "pages", extension: "md", errors: &errors) { text, path, slug in
            try StandalonePage.parse(text, file: path, fileSlug: slug)
        }
        let showList = loadAll(in: content, folder: "data/shows", extension: "yaml", errors: &errors) { text, path, slug in
            guard Slug.isValid(slug) else {
                throw BuildFailure([SiteError(file: path, message: "file name '\(slug)' is not a valid slug (lowercase letters, digits and single hyphens): rename it to '\(Slug.make(from: slug)).yaml'")])
            }
            return try Show.parse(text, file: path, slug: slug)
        }
        let staticFiles = listFiles(in: content.appending(path: "static")).filter { path in
            // Folder metadata that operating systems drop everywhere; `.well-known/`
            // and other dot files are published as they are.
            !systemJunk.contains(String(path.split(separator: "/").last ?? ""))
        }

        if let settings { errors += settings.checkFiles(staticFiles: staticFiles, file: "content/site.yaml") }
        var customStylesheet: String?
        if staticFiles.contains(customStylesheetPath) {
            do {
                customStylesheet = try readText(content.appending(path: "static/\(customStylesheetPath)"),
                                                shownAs: "content/static/\(customStylesheetPath)")
            } catch { errors.append(error) }
        }
        guard errors.isEmpty, let settings else { throw BuildFailure(errors) }
        let shows = Dictionary(showList.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var site = Site(settings: settings, articles: articles, pages: pages, shows: shows,
                        staticFiles: staticFiles.filter { $0 != customStylesheetPath })
        site.customStylesheet = customStylesheet
        return site
    }

    /// Reads and parses every `*.ext` file of a content folder, in parallel.
    private static func loadAll<Item: Sendable>(
        in content: URL, folder: String, extension ext: String, errors: inout [SiteError],
        parse: @escaping @Sendable (String, String, String) throws -> Item
    ) -> [Item] {
        let directory = content.appending(path: folder)
        let all = listFiles(in: directory)
        // Byte searches: Foundation's `contains` bridges each name to NSString.
        let names = all.filter { !ByteScan.contains($0, byte: UInt8(ascii: "/")) }
        var items: [Item] = []
        // Files in subfolders are not read; say so rather than drop them silently.
        for path in all where ByteScan.contains(path, byte: UInt8(ascii: "/")) && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            errors.append(SiteError(file: "content/\(folder)/\(path)", message: "files in subfolders of content/\(folder)/ are not read: move it into content/\(folder)/ itself"))
        }
        for name in names where !name.hasSuffix(".\(ext)") && !name.hasPrefix(".") {
            let shown = "content/\(folder)/\(name)"
            errors.append(SiteError(file: shown, message: "unexpected file in content/\(folder)/: only .\(ext) files belong here; move it to content/static/ or rename it to end in .\(ext)"))
        }
        let sources = names.filter { $0.hasSuffix(".\(ext)") }
        let results = Parallel.map(sources, width: Parallel.readWidth) { name in
            loadOne(name, in: content, folder: folder, extension: ext, parse: parse)
        }
        for result in results {
            switch result {
            case .success(let item): items.append(item)
            case .failure(let failure): errors += failure.errors
            }
        }
        return items
    }

    /// Reads and parses one `name.ext` of a content folder.
    fileprivate static func loadOne<Item>(
        _ name: String, in content: URL, folder: String, extension ext: String,
        parse: (String, String, String) throws -> Item
    ) -> Result<Item, BuildFailure> {
        let shown = "content/\(folder)/\(name)"
        let slug = String(name.dropLast(ext.count + 1))
        do {
            let limit = ext == "md" ? InputLimits.markdownFileBytes : InputLimits.dataFileBytes
            let text = try readText(content.appending(path: folder).appending(path: name), shownAs: shown, limit: limit)
            return .success(try parse(text, shown, slug))
        } catch let failure as BuildFailure {
            return .failure(failure)
        } catch let error as SiteError {
            return .failure(BuildFailure([error]))
        } catch {
            return .failure(BuildFailure([SiteError(file: shown, message: "\(error)")]))
        }
    }

    /// What a changed path below content/ names.
    private enum ChangedPath {
        case article(name: String)
        case page(name: String)
        case show(slug: String, name: String)
        case staticFile(String)

        /// `nil` for anything a full load must look at (site.yaml, a file
        /// of another kind, one in a subfolder, a show file with a bad name).
        init?(_ path: String) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            switch (parts.count, parts.first) {
            case (2, "articles") where parts[1].hasSuffix(".md") && !parts[1].hasPrefix("."):
                self = .article(name: parts[1])
            case (2, "pages") where parts[1].hasSuffix(".md") && !parts[1].hasPrefix("."):
                self = .page(name: parts[1])
            case (3, "data") where parts[1] == "shows" && parts[2].hasSuffix(".yaml") && !parts[2].hasPrefix("."):
                let slug = String(parts[2].dropLast(".yaml".count))
                guard Slug.isValid(slug) else { return nil }
                self = .show(slug: slug, name: parts[2])
            case (_, "static") where parts.count >= 2:
                let file = parts.dropFirst().joined(separator: "/")
                guard file != SiteLoader.customStylesheetPath else { return nil }
                self = .staticFile(file)
            default:
                return nil
            }
        }

        /// Reads and parses the file it names.
        func read(in content: URL) -> Result<ReloadedFile, BuildFailure> {
            switch self {
            case .article(let name):
                loadOne(name, in: content, folder: "articles", extension: "md") {
                    ReloadedFile.article(try Article.parse($0, file: $1, fileSlug: $2))
                }
            case .page(let name):
                loadOne(name, in: content, folder: "pages", extension: "md") {
                    ReloadedFile.page(try StandalonePage.parse($0, file: $1, fileSlug: $2))
                }
            case .show(_, let name):
                loadOne(name, in: content, folder: "data/shows", extension: "yaml") {
                    ReloadedFile.show(try Show.parse($0, file: $1, slug: $2))
                }
            case .staticFile(let file):
                .success(.staticFile(file))
            }
        }
    }

    /// `site` with the files at `paths` (relative to content/) read again: the
    /// articles, pages and show data files changed, added or deleted. `nil`
    /// when a full load is needed to be sure (site.yaml, a static file added
    /// or removed, anything in a subfolder or of another kind), so that every
    /// problem a full load would report is reported.
    public static func reload(_ site: Site, paths: Set<String>, siteDirectory: URL) throws(BuildFailure) -> Site? {
        let content = siteDirectory.appending(path: "content")
        var reloaded = site
        var errors: [SiteError] = []
        for path in paths.sorted() {
            guard let changed = ChangedPath(path) else { return nil }
            let exists = FileManager.default.fileExists(atPath: content.appending(path: path).path)
            switch changed {
            case .article: reloaded.articles.removeAll { $0.sourcePath == "content/" + path }
            case .page: reloaded.pages.removeAll { $0.sourcePath == "content/" + path }
            case .show(let slug, _): reloaded.shows[slug] = nil
            case .staticFile(let file):
                // A changed static file is copied again; one added or removed changes the site.
                guard exists, site.staticFiles.contains(file) else { return nil }
            }
            guard exists else { continue }
            switch changed.read(in: content) {
            case .success(.article(let article)):
                // Into its place: the list stays sorted newest first without sorting it again.
                var low = 0
                var high = reloaded.articles.count
                while low < high {
                    let middle = (low + high) / 2
                    if Site.newestFirst(reloaded.articles[middle], article) { low = middle + 1 } else { high = middle }
                }
                reloaded.articles.insert(article, at: low)
            case .success(.page(let page)):
                reloaded.pages.append(page)
                reloaded.pages.sort { $0.slug < $1.slug }
            case .success(.show(let show)): reloaded.shows[show.slug] = show
            case .success(.staticFile): continue
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return reloaded
    }

    /// The files at `paths` (relative to content/) read again: articles,
    /// pages, show data files and static files changed in place. `nil` when
    /// one was added, deleted or is of another kind (``reload(_:paths:siteDirectory:)``
    /// then tells what the site became).
    static func readChanged(_ paths: Set<String>, in site: Site, siteDirectory: URL) throws(BuildFailure) -> [ReloadedFile]? {
        let content = siteDirectory.appending(path: "content")
        var files: [ReloadedFile] = []
        var errors: [SiteError] = []
        for path in paths.sorted() {
            guard let changed = ChangedPath(path),
                  FileManager.default.fileExists(atPath: content.appending(path: path).path) else { return nil }
            switch changed {
            case .show(let slug, _) where site.shows[slug] == nil: return nil
            case .staticFile(let file) where !site.staticFiles.contains(file): return nil
            default: break
            }
            switch changed.read(in: content) {
            case .success(let file): files.append(file)
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return files
    }

    /// The static file that restyles the theme: published hashed, after its stylesheet.
    static let customStylesheetPath = "custom.css"

    /// Files that desktop systems leave in folders and that no site means to publish.
    static let systemJunk: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini"]

    /// Reads a file as normalized UTF-8 text; a file over `limit` bytes is not read.
    static func readText(_ url: URL, shownAs path: String,
                         limit: Int = InputLimits.dataFileBytes) throws(SiteError) -> String {
        // Foundation works the path out anew on each call.
        let filePath = url.path
        var info = stat()
        if stat(filePath, &info) == 0, Int(info.st_size) > limit {
            let kind = limit == InputLimits.markdownFileBytes ? "an article or page" : "a data file"
            throw SiteError(file: path, message: "the file is larger than \(limit / 1024 / 1024) MB, the most sitegen reads for \(kind): split it into smaller files (is it the file you meant to put here?)")
        }
        guard let bytes = readBytes(filePath, sizeHint: Int(info.st_size)) else {
            throw SiteError(file: path, message: "cannot read the file: check that it exists and is readable")
        }
        let text = try SourceText.decode(bytes, file: path)
        try SourceText.checkCharacters(text, file: path)
        return text
    }

    /// A file's bytes, read with open and read straight into the array: through
    /// FileManager and Data every file was copied once more.
    private static func readBytes(_ path: String, sizeHint: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var capacity = max(sizeHint, 0) + 1  // one more, to see the end in the first pass
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity - start))
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + start, capacity - start)
            }
            if count < 0 {
                if errno == EINTR { bytes.removeSubrange(start...); continue }
                return nil
            }
            bytes.removeSubrange((start + count)...)
            if count == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }

    /// Regular files below `directory`, as sorted relative paths; none when it is missing.
    /// Editors' backup and lock files (`EditorArtifacts`) are left out.
    /// Symbolic links are left out, like anything else that is not a regular file.
    static func listFiles(in directory: URL) -> [String] {
        var files: [String] = []
        collectFiles(in: directory.standardizedFileURL.path, prefix: "", into: &files)
        return files.sorted()
    }

    /// Walks a folder with readdir: its entry types come free with the names, where
    /// FileManager's URL enumerator built an NSURL and asked for resource values per
    /// file (8% of a 10k-article build's CPU).
    private static func collectFiles(in path: String, prefix: String, into files: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // Some file systems leave the type out: ask without following links.
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: type = Int32(DT_REG)
                case S_IFDIR: type = Int32(DT_DIR)
                default: continue
                }
            }
            if type == Int32(DT_REG) {
                // An editor's backup or lock file beside an article is not content.
                if EditorArtifacts.contains(Substring(name)) { continue }
                files.append(prefix + name)
            } else if type == Int32(DT_DIR) {
                collectFiles(in: path + "/" + name, prefix: prefix + name + "/", into: &files)
            }
        }
    }
}

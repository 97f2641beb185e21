/// Files that editors write next to the ones being edited: backups, swap and
/// lock files, save probes. They are never content, so the build skips them
/// and the preview never rebuilds for them.
public enum EditorArtifacts {
    /// Whether a file called `name` (the last path component) is an editor's
    /// backup, swap or lock file: `x.md~` (Emacs, gedit, Kate backups),
    /// `#x.md#` (Emacs auto-save), `.#x.md` (Emacs lock), `.x.md.swp`/`.swo`/
    /// `.swx` (Vim swap), `4913` (Vim's write probe), `x.md.tmp.123` is *not*
    /// matched: atomic-save temporaries are renamed into place and the rename
    /// is what the watcher sees.
    public static func contains(_ name: Substring) -> Bool {
        if name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") && name.count > 1 { return true }
        if name.hasPrefix(".#") { return true }
        if name.hasPrefix("."), name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx") { return true }
        if name == "4913" { return true }
        return false
    }

    /// Whether any component of the relative `path` is an editor artifact.
    public static func contains(path: String) -> Bool {
        guard let last = path.split(separator: "/").last else { return false }
        return contains(last)
    }
}

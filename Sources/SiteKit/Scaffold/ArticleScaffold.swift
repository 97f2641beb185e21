import Foundation

/// A new draft article (`sitegen new article "Title"`): front matter filled in,
/// optional keys shown commented out.
public enum ArticleScaffold {
    /// The draft for `title`, at `content/articles/<slug>.md`.
    /// - Parameters:
    ///   - show: the slug of a data file the article follows.
    ///   - knownShows: the slugs of the site's data files, to check `show`.
    ///   - now: the article's date.
    public static func draft(title: String, show: String?, knownShows: [String],
                             now: DateTime) throws(BuildFailure) -> ScaffoldFile {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let slug = Slug.make(from: trimmed)
        guard !slug.isEmpty else {
            throw BuildFailure([SiteError(file: "content/articles", message: "the title '\(title)' has no letters or digits to make a file name from: give a title such as \"Wednesday season 2 renewal\"")])
        }
        if let show, !knownShows.contains(show) {
            let hint = Suggestion.hint(for: show, in: knownShows)
            let known = knownShows.isEmpty ? "there are none yet" : "known: \(knownShows.sorted().joined(separator: ", "))"
            throw BuildFailure([SiteError(file: "content/data/shows", message: "unknown show '\(show)'\(hint): --show takes the name of a file in content/data/shows/ without .yaml (\(known))")])
        }
        var lines = [
            "---",
            "title: \(YAMLScalar.doubleQuoted(trimmed))",
            "date: \(now.rfc3339)",
            "draft: true                # remove this line to publish",
            "# summary: One or two sentences for lists and feeds (default: the first paragraph).",
            "tags: []",
        ]
        if let show {
            lines.append("show: \(show)")
        } else {
            lines.append("# show: a-show-slug          # a file in content/data/shows/: adds \"How it's performing\"")
        }
        lines += [
            "# image: /images/picture.jpg",
            "# image_alt: What the picture shows",
            "# renewal:",
            "#   status: pending          # renewed | cancelled | pending | ending",
            "#   prediction: Leaning toward renewal",
            "#   as_of: \(now.date)",
            "---",
            "Write the article here, in Markdown.",
            "",
        ]
        return ScaffoldFile(path: "content/articles/\(slug).md", text: lines.joined(separator: "\n"))
    }
}

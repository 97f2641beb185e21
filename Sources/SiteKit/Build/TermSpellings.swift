/// Tags written differently that make the same slug, and so share one page
/// ("Sci-Fi" and "Sci Fi" are both /tags/sci-fi/): probably one tag typed two
/// ways, which the editor should know about.
enum TermSpellings {
    /// A warning for each spelling other than the one the page shows, at its
    /// first use, naming every spelling and the files that use it. Spellings
    /// that differ only in case ("True Crime", "true crime") are one word and
    /// share the page silently.
    static func warnings(articles: [Article], tags: Taxonomy, basePath: String) -> [SiteError] {
        // Most sites write each tag one way: the slugs written more than one
        // way are found first, and only their uses are sorted and collected
        // (for every tag use, that was a sixth of the plan's time).
        var firstSpelling: [String: String] = [:]
        var mixed = Set<String>()
        for article in articles {
            for (tag, slug) in zip(article.tags, article.tagSlugs) {
                guard let first = firstSpelling[slug] else {
                    firstSpelling[slug] = tag
                    continue
                }
                if first != tag, first.lowercased() != tag.lowercased() { mixed.insert(slug) }
            }
        }
        guard !mixed.isEmpty else { return [] }
        // slug -> spelling -> where it is written, in file order.
        var uses: [String: [String: [(file: String, position: SourcePosition)]]] = [:]
        for articleIndex in articles.indices.sorted(by: { articles[$0].sourcePath < articles[$1].sourcePath }) {
            let article = articles[articleIndex]
            for (index, (tag, slug)) in zip(article.tags, article.tagSlugs).enumerated() where mixed.contains(slug) {
                let position = index < article.tagPositions.count ? article.tagPositions[index] : SourcePosition(line: 1, column: 1)
                uses[slug, default: [:]][tag, default: []].append((article.sourcePath, position))
            }
        }
        var warnings: [SiteError] = []
        for (slug, spellings) in uses where Set(spellings.keys.map { $0.lowercased() }).count > 1 {
            guard let shown = tags.term(slug)?.name else { continue }
            let ordered = spellings.keys.sorted()
            func files(_ spelling: String) -> String {
                var seen = Set<String>()
                return spellings[spelling, default: []].map(\.file).filter { seen.insert($0).inserted }
                    .joined(separator: ", ")
            }
            for spelling in ordered where spelling.lowercased() != shown.lowercased() {
                guard let first = spellings[spelling]?.first else { continue }
                let others = ordered.filter { $0 != spelling }
                let usedIn = ([spelling] + others).map { "'\($0)' in \(files($0))" }.joined(separator: "; ")
                warnings.append(.warning(
                    file: first.file, line: first.position.line, column: first.position.column,
                    message: "tag '\(spelling)' makes the same URL as \(others.map { "'\($0)'" }.joined(separator: ", ")) "
                        + "(\(basePath)tags/\(slug)/), so they share one page, shown as '\(shown)'. Used: \(usedIn). "
                        + "Write the tag one way everywhere"))
            }
        }
        return warnings
    }
}

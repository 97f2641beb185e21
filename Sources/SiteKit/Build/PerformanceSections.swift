import Synchronization

/// The "How it's performing" section of each show (and comparison list), drawn
/// once per build: every article that follows the same show shows the same
/// chart and table, and drawing them was a seventh of a large build's time.
final class PerformanceSections: Sendable {
    private let drawn = Mutex<[String: HTML]>([:])

    /// The section for an article following `show`, compared with `compare`.
    func section(for show: Show, compare: [Show]) -> HTML {
        let key = ([show.slug] + compare.map(\.slug)).joined(separator: " ")
        if let html = drawn.withLock({ $0[key] }) { return html }
        // Drawn outside the lock; two workers may both draw a section the
        // first time, and both get the same HTML.
        var embeds = EmbedRenderer(shows: [:], file: show.sourcePath, lineOffset: 0, idPrefix: "performance-chart")
        let html = embeds.performanceSection(for: show, compare: compare)
        drawn.withLock { $0[key] = html }
        return html
    }
}

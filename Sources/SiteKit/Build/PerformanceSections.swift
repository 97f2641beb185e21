import Synchronization

/// The "How it's performing" section of each show (and comparison list), drawn
/// once per build for each data cut-off: every article that follows the same
/// show as of the same weeks shows the same chart and table, and drawing them
/// was a seventh of a large build's time.
final class PerformanceSections: Sendable {
    /// A drawn section: its HTML and the data files its figures link to
    /// (relative links, so the same HTML serves every article).
    struct Section: Sendable {
        var html: HTML
        var dataFiles: [ChartDataFile]
    }

    private let drawn = Mutex<[String: Section]>([:])
    /// The theme's figure layout.
    private let layOut: @Sendable (FigureModel) -> HTML

    init(layOut: @escaping @Sendable (FigureModel) -> HTML = ChartFigure.standard) {
        self.layOut = layOut
    }

    /// The section for an article following `show`, compared with `compare`,
    /// drawing no week ending after `cutOff`.
    func section(for show: Show, compare: [Show], cutOff: CalendarDate?) -> Section {
        let key = Self.key(show: show, compare: compare, cutOff: cutOff)
        if let section = drawn.withLock({ $0[key] }) { return section }
        // Drawn outside the lock; two workers may both draw a section the
        // first time, and both get the same HTML.
        var embeds = EmbedRenderer(shows: [:], file: show.sourcePath, lineOffset: 0, cutOff: cutOff,
                                   idPrefix: "performance-chart", tablePrefix: "performance-table", layOut: layOut)
        let section = Section(html: embeds.performanceSection(for: show, compare: compare), dataFiles: embeds.dataFiles)
        drawn.withLock { $0[key] = section }
        return section
    }

    /// What a section depends on: the shows and, for each, the last week the
    /// cut-off keeps. Articles whose cut-offs keep the same weeks share one
    /// section; a show that had not charted yet keys on the day itself, which
    /// its sentence names.
    static func key(show: Show, compare: [Show], cutOff: CalendarDate?) -> String {
        let range = WeekRange(through: cutOff)
        let followed = show.restricted(to: range)
        let parts = ([followed] + compare.map { $0.restricted(to: range) }).map { shown in
            "\(shown.slug)@\(shown.weeks.last.map { $0.weekEnding.description } ?? "-")"
        }
        let day = followed.weeks.isEmpty ? " as of \(cutOff.map(\.description) ?? "-")" : ""
        return parts.joined(separator: " ") + day
    }
}

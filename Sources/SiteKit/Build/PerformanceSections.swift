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
        /// The figures' drawings and tables, pointing into `html`.
        var knownMarkup: [KnownMarkup] = []
    }

    /// How many sections are kept at once. Articles are rendered grouped by
    /// show (``RenderPhase``), so the articles that share a section (the same
    /// show as of the same week) come close together; keeping every section
    /// ever drawn made memory grow with the site (about 8 KB each; 64k
    /// distinct sections at 100k articles).
    let capacity: Int

    /// Sections drawn, and their keys oldest first, for evicting.
    private struct Cache {
        var sections: [String: Section] = [:]
        var order: [String] = []
        var oldest = 0
    }

    private let drawn = Mutex(Cache())
    /// The theme's figure layout.
    private let layOut: @Sendable (FigureModel) -> HTML

    init(capacity: Int = 2048, layOut: @escaping @Sendable (FigureModel) -> HTML = ChartFigure.standard) {
        self.capacity = max(1, capacity)
        self.layOut = layOut
    }

    /// The section for an article following `show`, compared with `compare`,
    /// drawing no week ending after `cutOff`.
    func section(for show: Show, compare: [Show], cutOff: CalendarDate?) -> Section {
        let key = Self.key(show: show, compare: compare, cutOff: cutOff)
        if let section = drawn.withLock({ $0.sections[key] }) { return section }
        // Drawn outside the lock; two workers may both draw a section the
        // first time, and both get the same HTML.
        var embeds = EmbedRenderer(shows: [:], file: show.sourcePath, lineOffset: 0, cutOff: cutOff,
                                   idPrefix: "performance-chart", tablePrefix: "performance-table", layOut: layOut)
        let html = embeds.performanceSection(for: show, compare: compare)
        let section = Section(html: html, dataFiles: embeds.dataFiles,
                              knownMarkup: KnownMarkup.located(embeds.knownMarkup, in: html))
        drawn.withLock { cache in
            guard cache.sections.updateValue(section, forKey: key) == nil else { return }
            // A ring of keys: once full, the oldest key's slot takes the new one.
            if cache.order.count < capacity {
                cache.order.append(key)
            } else {
                cache.sections[cache.order[cache.oldest]] = nil
                cache.order[cache.oldest] = key
                cache.oldest = (cache.oldest + 1) % capacity
            }
        }
        return section
    }

    /// The keys of the sections kept now.
    var keptKeys: Set<String> { drawn.withLock { Set($0.sections.keys) } }

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

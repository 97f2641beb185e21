import Synchronization

/// Each article's card for the list pages, drawn once per build by the
/// theme's ``Theme/card(_:)``: an article is on about seven lists (the home
/// pages, each of its tags, its show), and drawing its card on each was 3.7 %
/// of a 10k-article build.
///
/// Cards are kept up to ``memoryBudget`` bytes; beyond it they are drawn each
/// time they are needed, so that a very large site does not hold every card
/// until the last list page is written.
final class ArticleCards: Sendable {
    /// A card kept, with the summary it was drawn from.
    private struct Kept: Sendable {
        var summary: ArticleSummary
        var card: HTML
    }

    private struct Cache: Sendable {
        var cards: [String: Kept] = [:]
        var bytes = 0
    }

    /// The most card bytes kept at once.
    let memoryBudget: Int
    private let draw: @Sendable (ArticleSummary) -> HTML
    private let cache = Mutex(Cache())

    /// - Parameter draw: the theme's card.
    init(memoryBudget: Int = 32 << 20, draw: @escaping @Sendable (ArticleSummary) -> HTML) {
        self.memoryBudget = memoryBudget
        self.draw = draw
    }

    /// The card of `article`, drawn now or earlier in the build.
    func card(for article: ArticleSummary) -> HTML {
        // Keyed by URL, but only a card drawn from an equal summary is used:
        // a preview's rebuild may list an article whose summary changed.
        if let kept = cache.withLock({ $0.cards[article.url] }), kept.summary == article { return kept.card }
        // Drawn outside the lock; two workers may both draw a card the first time.
        let card = draw(article)
        cache.withLock { cache in
            let size = card.utf8.count
            if let old = cache.cards[article.url] {
                cache.bytes -= old.card.utf8.count
                cache.cards[article.url] = nil
            }
            guard cache.bytes + size <= memoryBudget else { return }
            cache.cards[article.url] = Kept(summary: article, card: card)
            cache.bytes += size
        }
        return card
    }

    /// How many card bytes are kept now.
    var keptBytes: Int { cache.withLock { $0.bytes } }
}

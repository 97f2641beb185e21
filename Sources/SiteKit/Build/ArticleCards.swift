import Synchronization

/// Each article's card for the list pages, drawn once per build by the
/// theme's ``Theme/card(_:)``: an article is on about seven lists (the home
/// pages, each of its tags, its show), and drawing its card on each was 3.7 %
/// of a 10k-article build.
///
/// Each card is scanned for its ids and links once, when drawn, and the link
/// scan passes over it on every list page that holds it (``KnownMarkup``).
///
/// Cards are kept up to ``memoryBudget`` bytes (each counted with what it
/// holds besides its markup, ``cost(of:)``); beyond it they are drawn each
/// time they are needed, so that a very large site does not hold every card
/// until the last list page is written.
final class ArticleCards: Sendable {
    /// A card, and its ids and links as the link scan reads them.
    struct Card: Sendable {
        var html: HTML
        /// `nil` when the card is not whole markup (the scan reads it in each page).
        var knownMarkup: KnownMarkup?
    }

    /// A card kept, with the summary it was drawn from.
    private struct Kept: Sendable {
        var summary: ArticleSummary
        var card: Card
    }

    private struct Cache: Sendable {
        var cards: [String: Kept] = [:]
        var bytes = 0
    }

    /// The most bytes kept cards may cost at once (``cost(of:)``).
    let memoryBudget: Int
    private let draw: @Sendable (ArticleSummary) -> HTML
    /// The links the build's link scan leaves out of pages (``LinkChecker/scan(utf8:path:source:dropping:passingOver:)``).
    private let knownLinks: LinkChecker.KnownLinks?
    private let cache = Mutex(Cache())

    /// - Parameters:
    ///   - knownLinks: the links the pages' scan leaves out, left out of the cards' too.
    ///   - draw: the theme's card.
    init(memoryBudget: Int = 32 << 20, knownLinks: LinkChecker.KnownLinks? = nil,
         draw: @escaping @Sendable (ArticleSummary) -> HTML) {
        self.memoryBudget = memoryBudget
        self.knownLinks = knownLinks
        self.draw = draw
    }

    /// The card of `article`, drawn now or earlier in the build.
    func card(for article: ArticleSummary) -> Card {
        // Keyed by URL, but only a card drawn from an equal summary is used:
        // a preview's rebuild may list an article whose summary changed.
        if let kept = cache.withLock({ $0.cards[article.url] }), kept.summary == article { return kept.card }
        // Drawn outside the lock; two workers may both draw a card the first time.
        let html = draw(article)
        let size = Self.cost(of: html)
        // A card that will not be kept is read in each page: scanning it
        // here as well would read it twice.
        let fits = cache.withLock { $0.bytes + size <= memoryBudget }
        let card = Card(html: html, knownMarkup: fits ? KnownMarkup.scanned(html, dropping: knownLinks) : nil)
        cache.withLock { cache in
            if let old = cache.cards[article.url] {
                cache.bytes -= Self.cost(of: old.card.html)
                cache.cards[article.url] = nil
            }
            guard cache.bytes + size <= memoryBudget else { return }
            cache.cards[article.url] = Kept(summary: article, card: card)
            cache.bytes += size
        }
        return card
    }

    /// How many bytes the kept cards cost now.
    var keptBytes: Int { cache.withLock { $0.bytes } }

    /// What keeping a card costs: its markup's buffer, and about a kilobyte
    /// for the copy of the summary it was drawn from (a list's summaries are
    /// made for it), its ids and links and its slot. Counting the markup
    /// alone let a 100k-article build keep 80 MiB more than the budget.
    static func cost(of card: HTML) -> Int {
        card.utf8.capacity + 1024
    }
}

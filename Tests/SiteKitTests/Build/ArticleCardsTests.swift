import Foundation
import Synchronization
import Testing
@testable import SiteKit
import Templates

/// Article cards are drawn once per build, whatever the number of lists an
/// article is on, and never outlive the summary they were drawn from.
@Suite struct ArticleCardsTests {
    static func summary(_ slug: String, title: String = "Title", tags: [String] = []) -> ArticleSummary {
        ArticleSummary(title: title, url: "/articles/\(slug)/", date: DateTime(date: CalendarDate(year: 2024, month: 5, day: 1)!),
                       updated: nil, author: nil, summary: "Summary of \(slug).",
                       tags: tags.map { TermLink(name: $0, url: "/tags/\($0)/", count: 1) }, show: nil,
                       renewalStatus: nil, image: nil, imageAlt: nil, readingMinutes: 1)
    }

    /// Counts the cards drawn. With `shared`, every card is that one value
    /// (one buffer): a card's cost counts its buffer's capacity, which the
    /// allocator may round differently for equal cards drawn apart.
    final class Drawn: Sendable {
        let count = Mutex(0)
        let shared: HTML?

        init(shared: HTML? = nil) {
            self.shared = shared
        }

        func draw(_ article: ArticleSummary) -> HTML {
            count.withLock { $0 += 1 }
            return shared ?? "<li>\(article.title)</li>"
        }
    }

    @Test func aCardIsDrawnOnceAndReused() {
        let drawn = Drawn()
        let cards = ArticleCards { drawn.draw($0) }
        let first = cards.card(for: Self.summary("a")).html
        let again = cards.card(for: Self.summary("a")).html
        let second = cards.card(for: Self.summary("b")).html
        #expect(first.rendered == "<li>Title</li>")
        #expect(again == first)
        #expect(drawn.count.withLock { $0 } == 2)
        #expect(cards.keptBytes == ArticleCards.cost(of: first) + ArticleCards.cost(of: second))
        #expect(ArticleCards.cost(of: first) >= first.utf8.count + 1024)
    }

    @Test func aChangedSummaryIsDrawnAgain() {
        let drawn = Drawn()
        let cards = ArticleCards { drawn.draw($0) }
        _ = cards.card(for: Self.summary("a", title: "Old"))
        let new = cards.card(for: Self.summary("a", title: "New & improved")).html
        #expect(new.rendered == "<li>New &amp; improved</li>")
        #expect(cards.card(for: Self.summary("a", title: "New & improved")).html == new)
        #expect(drawn.count.withLock { $0 } == 2)
        // The old card's bytes are no longer counted.
        #expect(cards.keptBytes == ArticleCards.cost(of: new))
    }

    @Test func cardsBeyondTheBudgetAreDrawnEachTime() {
        let drawn = Drawn(shared: "<li>Title</li>")
        let size = ArticleCards.cost(of: drawn.shared!)
        let cards = ArticleCards(memoryBudget: 2 * size) { drawn.draw($0) }
        for slug in ["a", "b", "c"] { _ = cards.card(for: Self.summary(slug)) }
        #expect(cards.keptBytes == 2 * size)
        // a and b were kept; c did not fit and is drawn again, and left to
        // the page's scan (scanning it once would not save a scan).
        for slug in ["a", "b", "c", "c"] { #expect(cards.card(for: Self.summary(slug)).html.rendered == "<li>Title</li>") }
        #expect(drawn.count.withLock { $0 } == 5)
        #expect(cards.card(for: Self.summary("a")).knownMarkup != nil)
        #expect(cards.card(for: Self.summary("c")).knownMarkup == nil)
    }

    /// A theme that draws its own cards.
    struct CompactCards: Theme {
        func card(_ article: ArticleSummary) -> HTML {
            "<li class=\"compact\"><a href=\"\(article.url)\">\(article.title)</a></li>"
        }
    }

    /// A site of one article, tagged `news`, so that it is on two lists.
    static func oneArticleSite(title: String) throws -> TestSite {
        try TestSite([
            "content/site.yaml": "title: Site\nbase_url: https://example.org/\n",
            "content/articles/a.md": TestSite.article("title: \"\(title)\"\ndate: 2024-01-01\ntags: [news]", body: "Text."),
        ])
    }

    /// Builds `site` with `theme`.
    static func build(_ site: TestSite, theme: some Theme) throws(BuildFailure) {
        _ = try SiteBuilder(theme: theme, options: BuildOptions(now: TestSite.now)).build(siteDirectory: site.root, output: site.output)
    }

    @Test func aThemeCardIsOnEveryList() throws {
        let site = try Self.oneArticleSite(title: "A & B")
        defer { site.remove() }
        try Self.build(site, theme: CompactCards())
        let card = "<li class=\"compact\"><a href=\"/articles/a/\">A &amp; B</a></li>"
        for page in ["index.html", "tags/news/index.html"] {
            let html = try #require(site.read(page))
            #expect(html.contains("<ol class=\"article-list\">\(card)</ol>"), "\(page)")
        }
    }

    /// A theme whose card links to a page the site does not have.
    struct BrokenCards: Theme {
        func card(_ article: ArticleSummary) -> HTML {
            "<li class=\"card\"><a href=\"\(article.url)\">\(article.title)</a> <a href=\"/no-such-page/\">more</a></li>"
        }
    }

    @Test func aBrokenLinkInACardIsReportedOnEveryList() throws {
        let site = try Self.oneArticleSite(title: "A")
        defer { site.remove() }
        var message = ""
        do { try Self.build(site, theme: BrokenCards()) } catch { message = error.description }
        // The card is scanned once and passed over on each page, yet every page's link is checked.
        #expect(message.contains("index.html"), "\(message)")
        #expect(message.contains("tags/news/index.html"), "\(message)")
        #expect(message.contains("/no-such-page/"), "\(message)")
    }
}

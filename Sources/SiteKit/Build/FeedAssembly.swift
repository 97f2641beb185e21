import Synchronization

/// The feeds of a one-off full build, each handed out to be written as soon
/// as every article it lists is rendered: by the worker that rendered the
/// last of them.
///
/// Articles are rendered grouped by show (``RenderPhase``), so a show's feed
/// is ready soon after its articles and their bodies are let go. Before, every
/// listed article's escaped body waited in the spill file until the generated
/// pages' phase: at 10k articles 110 MB written and 124 MB read back, a
/// tenth of the build's kernel time. The site's and the tags'
/// feeds list articles from every show and wait longer; their bodies stay in
/// memory up to ``memoryBudget`` bytes, and beyond it go to the spill file,
/// so that a site with thousands of tags does not hold every body at once.
final class FeedAssembly: Sendable {
    /// A feed whose articles are all rendered, with what its render needs.
    struct Ready: Sendable {
        let planned: PlannedOutput
        /// The listed articles' summaries, by slug.
        let summaries: [String: ArticleSummary]
        /// Their bodies for feeds, by article URL.
        let bodies: [String: Feeds.StoredBody]
    }

    /// A feed waiting for some of its articles.
    private struct Pending {
        let planned: PlannedOutput
        let slugs: [String]
        var waitingFor: Int
        var summaries: [String: ArticleSummary] = [:]
    }

    /// An article's body, until the last feed listing it is ready.
    private struct HeldBody {
        let url: String
        let body: Feeds.StoredBody
        /// Bytes held in memory (none when the body is in the spill file).
        let bytes: Int
        var feedsWaiting: Int
    }

    private struct State {
        var pending: [Pending] = []
        var bodies: [String: HeldBody] = [:]
        var heldBytes = 0
    }

    private let state: Mutex<State>
    /// Positions in the pending feeds of the feeds listing an article, by slug.
    private let feedsListing: [String: [Int]]
    private let spill: SpillFile?
    /// How many bytes of bodies wait in memory at most (while there is a
    /// spill file to put the rest in).
    let memoryBudget: Int
    /// The feeds assembled here.
    let feeds: Set<OutputPath>

    /// The assembly of every feed `plan` writes.
    init(plan: SitePlan, spill: SpillFile?, memoryBudget: Int = 64 << 20) {
        var state = State()
        var feeds = Set<OutputPath>()
        var feedsListing: [String: [Int]] = [:]
        feedsListing.reserveCapacity(plan.feedArticleSlugs.count)
        for planned in plan.outputs {
            guard let slugs = plan.feedEntries(of: planned.origin) else { continue }
            feeds.insert(planned.path)
            for slug in slugs { feedsListing[slug, default: []].append(state.pending.count) }
            var feed = Pending(planned: planned, slugs: slugs, waitingFor: slugs.count)
            feed.summaries.reserveCapacity(slugs.count)
            state.pending.append(feed)
        }
        self.state = Mutex(state)
        self.feedsListing = feedsListing
        self.spill = spill
        self.memoryBudget = memoryBudget
        self.feeds = feeds
    }

    /// Takes a rendered article's summary and feed body (from
    /// ``FeedContent``, not yet escaped); returns the feeds it was the last
    /// article of, to be rendered now.
    func add(slug: String, summary: ArticleSummary, html: [UInt8], keepHTML: Bool) throws(SiteError) -> [Ready] {
        guard let listing = feedsListing[slug] else { return [] }
        let body = Feeds.Body(utf8: html, keepHTML: keepHTML)
        let bytes = body.xmlText.count + (body.html?.utf8.count ?? 0)
        let overBudget = spill != nil && state.withLock { $0.heldBytes + bytes > memoryBudget }
        var stored = Feeds.StoredBody.inMemory(body)
        if overBudget, let spill { stored = try .spilled(body, into: spill) }
        let held = HeldBody(url: summary.url, body: stored, bytes: overBudget ? body.html?.utf8.count ?? 0 : bytes,
                            feedsWaiting: listing.count)
        return state.withLock { state in
            var ready: [Ready] = []
            state.bodies[slug] = held
            state.heldBytes += held.bytes
            for position in listing {
                state.pending[position].summaries[slug] = summary
                state.pending[position].waitingFor -= 1
                if state.pending[position].waitingFor == 0 { ready.append(Self.take(position, from: &state)) }
            }
            return ready
        }
    }

    /// The feeds still waiting for an article (none once every listed
    /// article was added), with what they have.
    func unfinished() -> [Ready] {
        state.withLock { state in
            state.pending.indices.filter { state.pending[$0].waitingFor > 0 }.map { Self.take($0, from: &state) }
        }
    }

    /// Hands out the feed at `position`, letting go of the bodies no other
    /// waiting feed lists.
    private static func take(_ position: Int, from state: inout State) -> Ready {
        let feed = state.pending[position]
        var bodies: [String: Feeds.StoredBody] = [:]
        bodies.reserveCapacity(feed.slugs.count)
        for slug in feed.slugs {
            guard var held = state.bodies[slug] else { continue }
            bodies[held.url] = held.body
            held.feedsWaiting -= 1
            if held.feedsWaiting == 0 {
                state.bodies[slug] = nil
                state.heldBytes -= held.bytes
            } else {
                state.bodies[slug] = held
            }
        }
        state.pending[position].summaries = [:]
        state.pending[position].waitingFor = 0
        return Ready(planned: feed.planned, summaries: feed.summaries, bodies: bodies)
    }
}

/// A way of grouping articles, with a page per term and an index of terms:
/// tags (from `tags:`) and shows (from `show:`).
struct Taxonomy: Sendable {
    /// The URL segment and key: "tags", "shows".
    var name: String
    /// The label of one term's page: "Tag", "Show".
    var singular: String
    /// The index page's title: "Tags", "Shows".
    var plural: String
    /// Terms sorted by slug.
    let terms: [Term]
    /// Position of each term in `terms`, by slug.
    private let positions: [String: Int]

    init(name: String, singular: String, plural: String, terms: [Term]) {
        self.name = name
        self.singular = singular
        self.plural = plural
        self.terms = terms
        positions = Dictionary(terms.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The site path of the index of terms.
    var path: String { "\(name)/" }

    /// One term and the articles filed under it.
    struct Term: Sendable {
        /// The slug, in any script ("драма").
        var slug: String
        var name: String
        /// Slugs of the term's articles, newest first.
        var articleSlugs: [String]
        /// The site path, percent-encoded as URLs carry it ("tags/%D0%B4…/").
        var path: String
    }

    /// Builds a taxonomy from each article's term names (articles newest first).
    /// - Parameter termNames: the names an article is filed under. Spellings of
    ///   one term ("True Crime", "true crime") share a page, shown under the most
    ///   used spelling (ties: the first in code-point order, so capitals win).
    static func collect(name: String, singular: String, plural: String, articles: [Article],
                        termNames: (Article) -> [(slug: String, name: String)]) -> Taxonomy {
        // Terms are found by their position, the slug looked up once per use:
        // through a dictionary of terms it was five lookups, a tenth of the
        // plan's time.
        var positions: [String: Int] = [:]
        var terms: [Term] = []
        var spellings: [[String: Int]] = []
        for article in articles {
            for (slug, termName) in termNames(article) {
                let position: Int
                if let known = positions[slug] {
                    position = known
                } else {
                    position = terms.count
                    positions[slug] = position
                    terms.append(Term(slug: slug, name: termName, articleSlugs: [],
                                      path: "\(name)/\(Slug.percentEncoded(slug))/"))
                    spellings.append([:])
                }
                spellings[position][termName, default: 0] += 1
                if terms[position].articleSlugs.last != article.slug {
                    terms[position].articleSlugs.append(article.slug)
                }
            }
        }
        for position in terms.indices {
            let best = spellings[position].max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
            terms[position].name = best?.key ?? terms[position].slug
        }
        return Taxonomy(name: name, singular: singular, plural: plural, terms: terms.sorted { $0.slug < $1.slug })
    }

    /// The term with this slug.
    func term(_ slug: String) -> Term? {
        positions[slug].map { terms[$0] }
    }
}

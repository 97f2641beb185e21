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
        var bySlug: [String: Term] = [:]
        var spellings: [String: [String: Int]] = [:]
        for article in articles {
            for (slug, termName) in termNames(article) {
                if bySlug[slug] == nil {
                    bySlug[slug] = Term(slug: slug, name: termName, articleSlugs: [],
                                        path: "\(name)/\(Slug.percentEncoded(slug))/")
                }
                spellings[slug, default: [:]][termName, default: 0] += 1
                if bySlug[slug]?.articleSlugs.last != article.slug {
                    bySlug[slug]?.articleSlugs.append(article.slug)
                }
            }
        }
        for (slug, counts) in spellings {
            let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
            bySlug[slug]?.name = best?.key ?? slug
        }
        return Taxonomy(name: name, singular: singular, plural: plural,
                        terms: bySlug.values.sorted { $0.slug < $1.slug })
    }

    /// The term with this slug.
    func term(_ slug: String) -> Term? {
        positions[slug].map { terms[$0] }
    }
}

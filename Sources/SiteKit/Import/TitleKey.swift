/// What makes a title one data file: Netflix's category and the season title (the
/// show title for films), compared case-insensitively, since Netflix's spelling
/// varies (`PIECES OF HER: Season 1`).
struct TitleKey: Hashable, Comparable, Sendable {
    /// "TV (English)", …
    let category: String
    /// The match title, lowercased.
    let title: String

    init(category: String, matchTitle: String) {
        self.category = category
        title = matchTitle.lowercased()
    }

    /// The key of a data file's `netflix:` identity.
    init(_ identity: NetflixIdentity) {
        self.init(category: identity.category,
                  matchTitle: identity.seasonTitle == "N/A" ? identity.showTitle : identity.seasonTitle)
    }

    /// The country file's category for this title: `Films` or `TV`.
    var countryCategory: String {
        category.hasPrefix("Films") ? "Films" : "TV"
    }

    static func < (lhs: TitleKey, rhs: TitleKey) -> Bool {
        (lhs.title, lhs.category) < (rhs.title, rhs.category)
    }
}

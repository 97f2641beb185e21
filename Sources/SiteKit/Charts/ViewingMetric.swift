/// What a weekly chart measures.
public enum ViewingMetric: String, Sendable, CaseIterable {
    case hours, views, rank

    /// The figure for a week; `nil` when Netflix did not publish it (views
    /// before June 2023). For `rank` this is the rank itself.
    public func value(of week: ShowWeek) -> Int? {
        switch self {
        case .hours: return week.hoursViewed
        case .views: return week.views
        case .rank: return week.rank
        }
    }

    /// "hours viewed", "views", "rank".
    public var noun: String {
        switch self {
        case .hours: return "hours viewed"
        case .views: return "views"
        case .rank: return "global rank"
        }
    }

    /// A figure with its unit, exact: "16,660,000 hours", "#4".
    public func describe(_ value: Int) -> String {
        switch self {
        case .hours: return "\(NumberFormatting.grouped(value)) hours"
        case .views: return "\(NumberFormatting.grouped(value)) views"
        case .rank: return "#\(value)"
        }
    }
}

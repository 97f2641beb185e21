/// The weeks a chart or table may draw: every week ending on or after `from`
/// and on or before `through` (either end open when `nil`).
///
/// An article is a snapshot: its embeds draw the weeks known as of the
/// article, so a later import cannot change what its charts say.
public struct WeekRange: Sendable, Hashable {
    /// The first week ending drawn, or `nil` for the show's first week.
    public var from: CalendarDate?
    /// The last week ending drawn, or `nil` for the show's latest week.
    public var through: CalendarDate?

    public init(from: CalendarDate? = nil, through: CalendarDate? = nil) {
        self.from = from
        self.through = through
    }

    /// Every week: what show pages draw.
    public static let all = WeekRange()

    /// Whether the range is open at both ends.
    public var isAll: Bool { from == nil && through == nil }

    /// Whether a week ending on `date` is drawn.
    public func contains(_ date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let through, date > through { return false }
        return true
    }

    /// The range in words for errors: "weeks ending 2022-06-01 to 2022-09-04",
    /// "weeks ending on or before 2022-09-04", "every week".
    public var description: String {
        switch (from, through) {
        case let (from?, through?): return "weeks ending \(from) to \(through)"
        case let (from?, nil): return "weeks ending on or after \(from)"
        case let (nil, through?): return "weeks ending on or before \(through)"
        case (nil, nil): return "every week"
        }
    }
}

extension Show {
    /// The show as of a range: only the global and country weeks that end in
    /// it, everything else unchanged. Charts draw the result as they would
    /// any show, so restricting data is one pure step before drawing.
    public func restricted(to range: WeekRange) -> Show {
        guard !range.isAll else { return self }
        var show = self
        show.weeks = weeks.filter { range.contains($0.weekEnding) }
        if let from = range.from { show.weekBefore = weeks.last { $0.weekEnding < from } }
        show.countries = countries.filter { range.contains($0.weekEnding) }
        return show
    }

}

/// Week-over-week comparisons that respect gaps: Netflix's weeks are only
/// comparable when they are consecutive, so a title that leaves the Top 10 and
/// returns months later starts a new run, with no change shown.
public enum WeekOverWeek {
    /// Whether `later` is the week right after `earlier` (exactly 7 days on).
    public static func isNextWeek(_ earlier: CalendarDate, _ later: CalendarDate) -> Bool {
        later.daysSinceEpoch - earlier.daysSinceEpoch == 7
    }

    /// The change from `previous` to `current` in whole percent, rounded half
    /// away from zero (+86.9% -> 87, −41.5% -> −42); `nil` when `previous` is 0.
    ///
    /// Integer arithmetic keeps exact halves exact (a Double would make 41.5
    /// 41.499999…).
    public static func percentChange(from previous: Int, to current: Int) -> Int? {
        guard previous > 0 else { return nil }
        let numerator = (current - previous).multipliedReportingOverflow(by: 100)
        guard !numerator.overflow else { return nil }
        let magnitude = (2 * numerator.partialValue.magnitude + UInt(previous)) / (2 * UInt(previous))
        return numerator.partialValue < 0 ? -Int(magnitude) : Int(magnitude)
    }

    /// For each week (oldest first), the change against the week before, or
    /// `nil` at the start of a run or where either value is unknown.
    public static func changes(_ weeks: [ShowWeek], value: (ShowWeek) -> Int?) -> [Int?] {
        weeks.indices.map { index in
            guard index > 0, isNextWeek(weeks[index - 1].weekEnding, weeks[index].weekEnding),
                  let previous = value(weeks[index - 1]), let current = value(weeks[index]) else { return nil }
            return percentChange(from: previous, to: current)
        }
    }

    /// The weeks split into runs of consecutive weeks; each run is a range of
    /// indices into `weeks` (oldest first).
    public static func runs(_ weeks: [ShowWeek]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in weeks.indices.dropFirst() where !isNextWeek(weeks[index - 1].weekEnding, weeks[index].weekEnding) {
            runs.append(start..<index)
            start = index
        }
        if !weeks.isEmpty { runs.append(start..<weeks.count) }
        return runs
    }
}

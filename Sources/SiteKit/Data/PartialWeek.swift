/// A debut week that does not cover Netflix's full Monday–Sunday week: the
/// title premiered within it, so its figures count fewer days and the change
/// into the next week overstates growth.
public enum PartialWeek {
    /// The days a week counts when it is the title's first week in the Top 10
    /// and `premiere` falls after its Monday (1–6); `nil` for a full week or
    /// when the premiere is unknown.
    public static func days(of week: ShowWeek, premiere: CalendarDate?) -> Int? {
        guard week.weeksInTop10 == 1, let premiere else { return nil }
        let days = week.weekEnding.daysSinceEpoch - premiere.daysSinceEpoch + 1
        return (1...6).contains(days) ? days : nil
    }
}

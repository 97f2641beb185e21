/// The x axis of a weekly chart on real Top 10 histories: one slot per week,
/// a week out of the Top 10 inside a run stays an empty slot, but a gap of
/// more than ``maximumGap`` weeks becomes an axis break of fixed width
/// (titles re-enter years later, and drawing those years as empty space
/// would squeeze the runs into slivers).
///
/// Slots never get narrower than `minimumSlot`: when the weeks do not fit,
/// the axis keeps the latest segments that fit whole, and when even the
/// latest does not fit, its latest weeks.
struct WeekAxis: Sendable {
    /// A stretch of the axis without a break: `slots` weeks from `first`,
    /// its left edge at `x`.
    struct Segment: Equatable, Sendable {
        var first: CalendarDate
        var slots: Int
        var x: Double
        var last: CalendarDate { first.adding(days: (slots - 1) * 7) }
    }

    /// Gaps of more than this many weeks out of the Top 10 break the axis.
    static let maximumGap = 4

    var segments: [Segment]
    var slotWidth: Double
    var breakWidth: Double
    /// How many of the given weeks are left off the axis (the oldest).
    var hiddenWeeks: Int
    /// The weeks drawn, oldest first.
    var shownWeeks: [CalendarDate]

    /// An axis for `weeks` (week-ending dates, ascending) across `left...right`.
    init(weeks: [CalendarDate], left: Double, right: Double, minimumSlot: Double, breakWidth: Double = 24) {
        self.breakWidth = breakWidth
        let available = right - left
        var groups = Self.segments(weeks)
        func needed(_ groups: [[CalendarDate]]) -> Double {
            Double(groups.map(Self.slotCount).reduce(0, +)) * minimumSlot + Double(max(groups.count - 1, 0)) * breakWidth
        }
        while groups.count > 1 && needed(groups) > available { groups.removeFirst() }
        if let only = groups.first, groups.count == 1, needed(groups) > available {
            let slots = max(1, Int((available / minimumSlot).rounded(.down)))
            let start = only[only.count - 1].adding(days: -(slots - 1) * 7)
            groups = [only.filter { $0 >= start }]
        }
        shownWeeks = groups.flatMap { $0 }
        hiddenWeeks = weeks.count - shownWeeks.count
        let totalSlots = groups.map(Self.slotCount).reduce(0, +)
        slotWidth = totalSlots == 0 ? available
            : (available - Double(max(groups.count - 1, 0)) * breakWidth) / Double(totalSlots)
        var x = left
        var segments: [Segment] = []
        for group in groups {
            let slots = Self.slotCount(group)
            segments.append(Segment(first: group[0], slots: slots, x: x))
            x += Double(slots) * slotWidth + breakWidth
        }
        self.segments = segments
    }

    /// The weeks split where more than ``maximumGap`` weeks are missing.
    static func segments(_ weeks: [CalendarDate]) -> [[CalendarDate]] {
        var groups: [[CalendarDate]] = []
        for week in weeks {
            if let last = groups.last?.last, (week.daysSinceEpoch - last.daysSinceEpoch) / 7 - 1 <= maximumGap {
                groups[groups.count - 1].append(week)
            } else {
                groups.append([week])
            }
        }
        return groups
    }

    private static func slotCount(_ group: [CalendarDate]) -> Int {
        guard let first = group.first, let last = group.last else { return 0 }
        return (last.daysSinceEpoch - first.daysSinceEpoch) / 7 + 1
    }

    /// The left edge of a week's slot, or `nil` when the week is not on the axis.
    func slotX(_ week: CalendarDate) -> Double? {
        for segment in segments where week >= segment.first && week <= segment.last {
            return segment.x + Double((week.daysSinceEpoch - segment.first.daysSinceEpoch) / 7) * slotWidth
        }
        return nil
    }

    /// The middle of a week's slot.
    func center(_ week: CalendarDate) -> Double? {
        slotX(week).map { $0 + slotWidth / 2 }
    }

    /// The right edge of a segment.
    func end(of segment: Segment) -> Double {
        segment.x + Double(segment.slots) * slotWidth
    }

    /// The breaks: the middle of each, and the week the title came back.
    var breaks: [(x: Double, reentry: CalendarDate)] {
        zip(segments, segments.dropFirst()).map { earlier, later in
            ((end(of: earlier) + later.x) / 2, later.first)
        }
    }

    /// The date labels under the axis: the first week of each segment (a
    /// re-entry is always labelled), then regularly spaced weeks, thinned so
    /// that no two overlap or leave `0...width`; the year goes on a second
    /// row under the first label of each segment and where it changes.
    func labels(baseline: Double, width: Double) -> [(text: String, x: Double, y: Double, className: String?)] {
        let dateClass: String? = nil, yearClass = "muted-text"
        var candidates: [(date: CalendarDate, x: Double, forced: Bool)] = []
        let every = max(1, Int(((ChartLayout.box("Sep 30", x: 0, y: 0).width + 8) / slotWidth).rounded(.up)))
        for segment in segments {
            for slot in stride(from: 0, to: segment.slots, by: every) {
                let date = segment.first.adding(days: slot * 7)
                candidates.append((date, center(date)!, slot == 0))
            }
        }
        func clamped(_ text: String, _ x: Double, _ className: String?) -> Double {
            let half = ChartLayout.box(text, x: 0, y: 0, anchor: "middle", className: className).width / 2
            return min(max(x, half + 1), width - half - 1)
        }
        let ordered = candidates.filter(\.forced) + candidates.filter { !$0.forced }
        let dates = ordered.map { candidate in
            let text = DateFormatting.shortDay(candidate.date)
            return (text: text, x: clamped(text, candidate.x, dateClass), date: candidate.date)
        }
        let kept = LabelPlacement.thin(dates.map { ChartLayout.box($0.text, x: $0.x, y: baseline + 16, anchor: "middle") })
            .map { dates[$0] }.sorted { $0.date < $1.date }
        var result = kept.map { (text: $0.text, x: $0.x, y: baseline + 16, className: dateClass) }
        var years: [(text: String, x: Double)] = []
        var lastYear: Int?
        for label in kept {
            let startsSegment = segments.contains { $0.first == label.date }
            if label.date.year != lastYear || startsSegment {
                let text = String(label.date.year)
                years.append((text, clamped(text, label.x, yearClass)))
                lastYear = label.date.year
            }
        }
        let keptYears = LabelPlacement.thin(years.map {
            ChartLayout.box($0.text, x: $0.x, y: baseline + 30, anchor: "middle", className: yearClass)
        })
        result += keptYears.map { (text: years[$0].text, x: years[$0].x, y: baseline + 30, className: yearClass) }
        return result
    }
}

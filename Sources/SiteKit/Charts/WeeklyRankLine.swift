/// `metric: rank` as a line: No. 1 at the top, every rank 1–10 on the axis,
/// a dot per week and a line only between consecutive weeks, so a week out
/// of the Top 10 breaks it (rank is an order, not an amount: no columns).
extension WeeklyColumnChart {
    /// A point of the rank line.
    struct RankPoint {
        var week: ShowWeek
        var x: Double, y: Double
    }

    /// The weeks on the axis as points, split into runs of consecutive weeks.
    func rankRuns(in frame: Frame) -> [[RankPoint]] {
        var runs: [[RankPoint]] = []
        for week in show.weeks {
            guard let x = frame.axis.center(week.weekEnding) else { continue }
            let point = RankPoint(week: week, x: x, y: frame.y(Double(week.rank), rank: true))
            if let previous = runs.last?.last, WeekOverWeek.isNextWeek(previous.week.weekEnding, week.weekEnding) {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }

    func rankLine(_ frame: Frame) -> HTML {
        var marks: [HTML] = []
        let runs = rankRuns(in: frame)
        for run in runs where run.count > 1 {
            let points = run.map { "\(ChartSVG.number($0.x)),\(ChartSVG.number($0.y))" }.joined(separator: " ")
            marks.append("<polyline class=\"line\" points=\"\(points)\"/>\n")
        }
        let radius = min(3.5, max(2, frame.axis.slotWidth * 0.3))
        for point in runs.joined() {
            let hover = "\(DateFormatting.week(ending: point.week.weekEnding)): #\(point.week.rank)"
            marks.append("<circle class=\"marker\" cx=\"\(ChartSVG.number(point.x))\" cy=\"\(ChartSVG.number(point.y))\" r=\"\(ChartSVG.number(radius))\"><title>\(hover)</title></circle>\n")
        }
        return "<g class=\"series series-1 rank-line\">\n\(marks)</g>\n"
    }
}

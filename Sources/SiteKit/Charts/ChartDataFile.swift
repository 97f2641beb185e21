/// The numbers of one chart or table as a CSV file, written next to the page
/// that shows it (`articles/x/chart-1.csv`) and linked from its figure.
public struct ChartDataFile: Sendable, Equatable {
    /// The file name in the page's folder: `chart-1.csv`, `table-1.csv`,
    /// `performance-chart-1.csv`, … (numbered in page order, so stable).
    public var name: String
    /// RFC 4180 text: a header row, CRLF line ends, UTF-8.
    public var csv: String

    public init(name: String, csv: String) {
        self.name = name
        self.csv = csv
    }

    /// Whether a file name is one a chart's data may take in a page's folder:
    /// the plan keeps static files off these names.
    public static func isDataFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".csv") else { return false }
        var stem = Substring(name.dropLast(4))
        if stem.hasPrefix("performance-") { stem = stem.dropFirst("performance-".count) }
        for kind in ["chart-", "table-"] where stem.hasPrefix(kind) {
            let number = stem.dropFirst(kind.count)
            return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    /// "Netflix Top 10, weeks through Sep 4, 2022": the source line of a
    /// figure whose last week ends on `lastWeek`.
    static func sourceLine(lastWeek: CalendarDate) -> String {
        "Netflix Top 10, weeks through \(DateFormatting.medium(lastWeek))"
    }
}

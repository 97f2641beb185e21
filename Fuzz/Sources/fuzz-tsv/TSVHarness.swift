import FuzzSupport
import SiteKit

/// Netflix's TSV files as `sitegen import` reads them. The first byte picks the
/// file kind (global or countries), the rest is the file. Either every bad field
/// is reported at a line of the file, or the rows are typed, in file order, and
/// within the ranges the importer relies on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = bytes(data, size)
    // The importer reads files with String(decoding:), which repairs bad UTF-8.
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    // Line ends are normalised before counting, as the reader does.
    let lines = lineCount(of: text.replacing("\r\n", with: "\n").replacing("\r", with: "\n"))
    if input[0] & 1 == 0 {
        let file = "all-weeks-global.tsv"
        do {
            let parsed = try GlobalTop10.parse(text, file: file)
            require(parsed.rows.count < lines, "more rows than lines after the header")
            var previous = 1
            for row in parsed.rows {
                require(row.line > previous && row.line <= lines, "row line \(row.line) after \(previous), of \(lines)")
                require((1...10).contains(row.rank), "rank \(row.rank)")
                require(row.hoursViewed >= 0 && row.weeksInTop10 >= 1, "negative figures on line \(row.line)")
                require(row.views.map { $0 >= 0 } ?? true, "negative views on line \(row.line)")
                require(row.runtime.map { $0.isFinite && $0 >= 0 } ?? true, "bad runtime on line \(row.line)")
                previous = row.line
            }
        } catch {
            requirePositions(error, file: file, lastLine: lines, "global TSV")
        }
    } else {
        let file = "all-weeks-countries.tsv"
        do {
            let parsed = try CountryTop10.parse(text, file: file)
            require(parsed.rows.count < lines, "more rows than lines after the header")
            var previous = 1
            for row in parsed.rows {
                require(row.line > previous && row.line <= lines, "row line \(row.line) after \(previous), of \(lines)")
                require((1...10).contains(row.rank), "rank \(row.rank)")
                require(row.country.count == 2 && row.country.allSatisfy { $0.isASCII && $0.isUppercase },
                        "country code '\(row.country)' on line \(row.line)")
                previous = row.line
            }
        } catch {
            requirePositions(error, file: file, lastLine: lines, "countries TSV")
        }
    }
    return 0
}

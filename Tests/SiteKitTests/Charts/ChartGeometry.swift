@testable import SiteKit

/// Reads a chart's text labels back from its SVG as boxes, with the same
/// width estimate the charts use, so tests can check that none overlap and
/// all lie inside the viewBox.
enum ChartGeometry {
    /// The `<text>` elements of an SVG with their content.
    static func texts(_ svg: String) -> [(text: String, attributes: [String: String])] {
        Array(zip(SVGProbe.texts("text", in: svg), SVGProbe.elements("text", in: svg)).map { ($0, $1) })
    }

    /// Each text's box, the content unescaped so its length is what readers see.
    static func boxes(_ svg: String) -> [(text: String, box: LabelBox)] {
        texts(svg).map { text, attributes in
            let content = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'")
            return (text, ChartLayout.box(content, x: SVGProbe.number(attributes, "x"), y: SVGProbe.number(attributes, "y"),
                                          anchor: attributes["text-anchor"] ?? "start", className: attributes["class"]))
        }
    }

    /// The viewBox size.
    static func size(_ svg: String) -> (width: Double, height: Double) {
        let box = (SVGProbe.elements("svg", in: svg).first?["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        return (box[2], box[3])
    }

    /// The labels that overlap another or leave the viewBox, described; empty when all is well.
    static func labelProblems(_ svg: String) -> [String] {
        let boxes = boxes(svg)
        let (width, height) = size(svg)
        var problems = boxes.filter { !$0.box.isInside(width: width, height: height) }.map { "'\($0.text)' leaves the viewBox: \($0.box)" }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].box.overlaps(boxes[j].box) {
                problems.append("'\(boxes[i].text)' overlaps '\(boxes[j].text)'")
            }
        }
        return problems
    }

    /// Each SVG of a rendered figure (one per layout).
    static func svgs(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}

extension ChartFixtures {
    /// `count` consecutive weeks from `start`, hours falling off from a peak in week 2.
    static func run(from start: String, count: Int, firstInTop10: Int = 1) -> [ShowWeek] {
        (0..<count).map { index in
            ShowWeek(weekEnding: date(start).adding(days: 7 * index), rank: min(10, 1 + index / 3),
                     hoursViewed: index == 1 ? 335_010_000 : 286_790_000 / (index + 1), weeksInTop10: firstInTop10 + index)
        }
    }

    /// Like Stranger Things 4: a 19-week run in 2022 (with a one-week gap)
    /// and a 10-week return in late 2025.
    static let longReturn = Show(
        sourcePath: "content/data/shows/stranger-things-4.yaml", slug: "stranger-things-4", title: "Stranger Things 4",
        weeks: run(from: "2022-05-29", count: 17) + run(from: "2022-10-02", count: 2, firstInTop10: 18)
            + run(from: "2025-11-23", count: 10, firstInTop10: 20))

    /// Six one- or two-week returns, each after six weeks out: five breaks.
    static let comebacks = Show(
        sourcePath: "content/data/shows/comebacks.yaml", slug: "comebacks", title: "Comebacks",
        weeks: (0..<6).flatMap { run(from: date("2023-01-01").adding(days: 7 * 8 * $0).description, count: 1 + $0 % 2) })

    /// Two years in the Top 10 without a break: more weeks than fit at 6 px a column.
    static let marathon = Show(
        sourcePath: "content/data/shows/marathon.yaml", slug: "marathon", title: "Marathon",
        weeks: run(from: "2022-01-02", count: 104))
}

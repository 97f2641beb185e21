import Testing
@testable import SiteKit

@Suite struct LabelPlacementTests {
    @Test func widthEstimateIsPerCharacterAndConservative() {
        #expect(LabelPlacement.textWidth("Sep 11", fontSize: 12) == 6 * 12 * 0.62)
        #expect(LabelPlacement.textWidth("Sep 11", fontSize: 12, bold: true) == 6 * 12 * 0.66)
        // Anchors: start, middle and end put the same box at different places.
        let start = LabelPlacement.box("ab", x: 100, y: 50, anchor: "start", fontSize: 10)
        #expect(start.x == 100 && start.y == 42 && abs(start.width - 12.4) < 1e-9 && start.height == 10)
        #expect(abs(LabelPlacement.box("ab", x: 100, y: 50, anchor: "middle", fontSize: 10).x - 93.8) < 1e-9)
        #expect(abs(LabelPlacement.box("ab", x: 100, y: 50, anchor: "end", fontSize: 10).x - 87.6) < 1e-9)
    }

    @Test func boxesOverlapOnlyWhenTheyShareArea() {
        let a = LabelBox(x: 0, y: 0, width: 10, height: 10)
        #expect(a.overlaps(LabelBox(x: 9, y: 9, width: 5, height: 5)))
        #expect(!a.overlaps(LabelBox(x: 10, y: 0, width: 5, height: 5)), "touching edges do not overlap")
        #expect(!a.overlaps(LabelBox(x: 0, y: 11, width: 5, height: 5)))
        #expect(LabelPlacement.disjoint([a, LabelBox(x: 10, y: 0, width: 5, height: 5)]))
        #expect(!LabelPlacement.disjoint([a, LabelBox(x: 20, y: 0, width: 5, height: 5), LabelBox(x: 5, y: 5, width: 1, height: 1)]))
        #expect(a.isInside(width: 10, height: 10))
        #expect(!LabelBox(x: -1, y: 0, width: 5, height: 5).isInside(width: 10, height: 10))
    }

    @Test func segmentsThroughABox() {
        let box = LabelBox(x: 10, y: 10, width: 10, height: 10)
        #expect(box.intersects(from: (0, 15), to: (30, 15)), "straight through")
        #expect(box.intersects(from: (0, 0), to: (30, 30)), "diagonal")
        #expect(box.intersects(from: (12, 12), to: (14, 14)), "wholly inside")
        #expect(!box.intersects(from: (0, 0), to: (30, 5)), "passes above")
        #expect(!box.intersects(from: (0, 30), to: (9, 0)), "ends before the box")
    }

    @Test func spreadKeepsOrderAndSeparatesByTheirSizes() {
        // Three labels of height 10 (+2 padding) wanting nearly the same place spread both ways.
        let placed = LabelPlacement.spread([100, 102, 101], sizes: [10, 10, 10], minimum: 0, maximum: 300)
        #expect(placed == [89, 113, 101])
        // Far-apart labels stay where they are.
        #expect(LabelPlacement.spread([50, 200], sizes: [10, 10], minimum: 0, maximum: 300) == [50, 200])
        // At the bottom edge the block moves up, inside the bounds.
        #expect(LabelPlacement.spread([299, 300], sizes: [10, 10], minimum: 0, maximum: 300) == [282, 294])
        // At the top edge it moves down.
        #expect(LabelPlacement.spread([0, 1], sizes: [10, 10], minimum: 0, maximum: 300) == [6, 18])
        // A two-line label takes more room.
        #expect(LabelPlacement.spread([100, 100], sizes: [24, 10], minimum: 0, maximum: 300) == [90.5, 109.5])
    }

    @Test func spreadResultsNeverOverlap() {
        let wanted = [120.0, 118, 125, 60, 61, 300, 299, 5]
        let sizes = [12.0, 26, 12, 12, 12, 12, 26, 12]
        let placed = LabelPlacement.spread(wanted, sizes: sizes, padding: 3, minimum: 0, maximum: 300)
        let boxes = zip(placed, sizes).map { LabelBox(x: 0, y: $0 - $1 / 2, width: 10, height: $1) }
        #expect(LabelPlacement.disjoint(boxes))
        #expect(boxes.allSatisfy { $0.isInside(width: 10, height: 300) })
        // Order along the axis is kept (ties by input order).
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        #expect(zip(order, order.dropFirst()).allSatisfy { placed[$0] < placed[$1] })
    }

    @Test func thinKeepsTheFirstCandidatesThatFit() {
        let boxes = [LabelBox(x: 0, y: 0, width: 30, height: 10),   // kept: first
                     LabelBox(x: 100, y: 0, width: 30, height: 10), // kept
                     LabelBox(x: 20, y: 0, width: 30, height: 10),  // overlaps the first
                     LabelBox(x: 32, y: 0, width: 30, height: 10),  // within the 4-unit gap of the first
                     LabelBox(x: 50, y: 0, width: 30, height: 10)]  // fits between
        #expect(LabelPlacement.thin(boxes) == [0, 1, 4])
        #expect(LabelPlacement.thin(boxes, avoiding: [LabelBox(x: 95, y: 5, width: 10, height: 10)]) == [0, 4])
    }
}

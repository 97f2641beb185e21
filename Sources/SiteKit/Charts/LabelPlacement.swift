/// A rectangle in SVG user units (y grows downwards).
struct LabelBox: Equatable, Sendable {
    var x: Double, y: Double, width: Double, height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }

    /// Whether the two boxes share any area (touching edges do not count).
    func overlaps(_ other: LabelBox) -> Bool {
        x < other.right && other.x < right && y < other.bottom && other.y < bottom
    }

    /// Whether the box lies wholly inside `0...width` × `0...height`.
    func isInside(width: Double, height: Double) -> Bool {
        x >= -0.01 && y >= -0.01 && right <= width + 0.01 && bottom <= height + 0.01
    }

    /// Whether the segment from `a` to `b` passes through the box
    /// (Liang–Barsky clipping), so a label can avoid another series' line.
    func intersects(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> Bool {
        var low = 0.0, high = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, right - a.x), (-dy, a.y - y), (dy, bottom - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
        }
        return true
    }
}

/// Where text labels go so that none overlap: width estimates for text that
/// is never measured (the build has no fonts), boxes for `<text>` elements,
/// one-dimensional spreading for end labels and greedy thinning for axis
/// ticks. Pure functions, so each chart and its tests use the same rules.
enum LabelPlacement {
    /// A conservative width estimate: 0.62 em per character, 0.66 em when
    /// bold. System UI fonts average about 0.5–0.55 em for mixed text and
    /// digits, so real text is narrower than the box that was kept free.
    static func textWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        Double(text.count) * fontSize * (bold ? 0.66 : 0.62)
    }

    /// The box a `<text>` occupies: from cap height above the baseline to the
    /// descenders below it, placed by its `text-anchor`.
    static func box(_ text: String, x: Double, y: Double, anchor: String, fontSize: Double, bold: Bool = false) -> LabelBox {
        let width = textWidth(text, fontSize: fontSize, bold: bold)
        let left: Double
        switch anchor {
        case "middle": left = x - width / 2
        case "end": left = x - width
        default: left = x
        }
        return LabelBox(x: left, y: y - 0.8 * fontSize, width: width, height: fontSize)
    }

    /// Positions near `wanted` (returned in the input order) for items of the
    /// given `sizes` along one axis, so that no two overlap (with `padding`
    /// between them) and all lie within `minimum...maximum` (item centres are
    /// returned; each item spans centre ± size/2).
    ///
    /// Items are sorted by their wanted position; overlapping items form a
    /// block centred on the mean of their wanted positions, blocks merge until
    /// none overlap, then the blocks are pushed inside the bounds. This is the
    /// usual direct-label layout of newsroom line charts: order is kept, and a
    /// crowd spreads both ways rather than all down.
    static func spread(_ wanted: [Double], sizes: [Double], padding: Double = 2,
                       minimum: Double, maximum: Double) -> [Double] {
        precondition(wanted.count == sizes.count)
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        let extent = order.map { sizes[$0] + padding }
        // A block: a run of consecutive items (indices into `order`) and its start edge.
        var blocks: [(items: Range<Int>, start: Double)] = []
        for (rank, index) in order.enumerated() {
            blocks.append((rank..<rank + 1, wanted[index] - extent[rank] / 2))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                let previousEnd = previous.start + previous.items.reduce(0) { $0 + extent[$1] }
                guard previousEnd > last.start else { break }
                let items = previous.items.lowerBound..<last.items.upperBound
                // Centre the merged block so the mean displacement is zero.
                var offset = 0.0, shift = 0.0
                for item in items {
                    shift += wanted[order[item]] - (offset + extent[item] / 2)
                    offset += extent[item]
                }
                blocks.removeLast(2)
                blocks.append((items, shift / Double(items.count)))
            }
        }
        var placed = [Double](repeating: 0, count: order.count)
        for block in blocks {
            var offset = block.start
            for item in block.items {
                placed[item] = offset + extent[item] / 2
                offset += extent[item]
            }
        }
        // Keep inside the bounds: push forward from the start, then back from the end.
        for item in placed.indices {
            let floor = item == 0 ? minimum + extent[item] / 2
                : placed[item - 1] + (extent[item - 1] + extent[item]) / 2
            placed[item] = max(placed[item], floor)
        }
        for item in placed.indices.reversed() {
            let ceiling = item == placed.count - 1 ? maximum - extent[item] / 2
                : placed[item + 1] - (extent[item + 1] + extent[item]) / 2
            placed[item] = min(placed[item], ceiling)
        }
        var result = wanted
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }

    /// The candidates that can be drawn without overlapping, taken greedily
    /// in the order given (put the ones that must appear first) and never
    /// touching `obstacles`; returns their indices, sorted.
    static func thin(_ candidates: [LabelBox], gap: Double = 4, avoiding obstacles: [LabelBox] = []) -> [Int] {
        var kept: [Int] = []
        var taken = obstacles
        for (index, box) in candidates.enumerated() {
            let padded = LabelBox(x: box.x - gap / 2, y: box.y, width: box.width + gap, height: box.height)
            guard !taken.contains(where: { $0.overlaps(padded) }) else { continue }
            kept.append(index)
            taken.append(padded)
        }
        return kept.sorted()
    }

    /// Whether no two boxes overlap.
    static func disjoint(_ boxes: [LabelBox]) -> Bool {
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { return false }
        }
        return true
    }
}

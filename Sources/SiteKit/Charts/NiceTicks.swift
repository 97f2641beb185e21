import Foundation

/// Axis ticks from zero up to a "nice" value at or above the data's maximum,
/// spaced by 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for graph labels",
/// Graphics Gems, 1990, loose labelling).
///
/// Value axes of sitegen's charts always start at zero: a column or line
/// that starts elsewhere exaggerates differences.
public struct NiceTicks: Sendable, Equatable {
    /// The distance between ticks: 1, 2 or 5 × 10^k.
    public let step: Double
    /// The tick values, from 0 to ``top`` inclusive.
    public let values: [Double]

    /// The highest tick, which is also the top of the scale.
    public var top: Double { values.last ?? 0 }

    /// Ticks covering `0...maximum` with about `targetCount` ticks.
    /// A maximum of zero (or less) gets the scale 0…1.
    public init(covering maximum: Double, targetCount: Int = 5) {
        precondition(targetCount >= 2)
        guard maximum > 0, maximum.isFinite else {
            step = 1
            values = [0, 1]
            return
        }
        let range = Self.niceNumber(maximum, round: false)
        let step = Self.niceNumber(range / Double(targetCount - 1), round: true)
        // The tolerance keeps 30.000000000000004 / 10 from adding a tick.
        let steps = Int(ceil(maximum / step - 1e-9))
        self.step = step
        values = (0...max(1, steps)).map { Double($0) * step }
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 × 10^k near `value`; rounded to
    /// the nearest when `round`, else the smallest nice number ≥ `value`.
    static func niceNumber(_ value: Double, round: Bool) -> Double {
        let exponent = floor(log10(value))
        let scale = pow(10, exponent)
        let fraction = value / scale
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * scale
    }
}

/// A number in an SVG attribute (a coordinate, a length), written with one
/// decimal: `12.25` as "12.3" (``NumberFormatting/decimal(_:places:)``).
/// Interpolated into ``HTML`` it is written straight into the markup.
struct SVGNumber: Sendable, Equatable, CustomStringConvertible {
    let value: Double

    var description: String { NumberFormatting.decimal(value, places: 1) }
}

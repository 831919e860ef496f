/// Which dispersion φ scales the counts of the year-on-year test (`--dispersion`).
///
/// Victims are identified in clusters and yearly counts move with police capacity, so counts vary
/// more than Poisson counts; the exact test on counts scaled by 1/φ (`RateRatioTest.dispersionScaled`)
/// allows for it. φ = 1 is the pure Poisson test.
public enum Dispersion: Sendable, Hashable {
    /// φ estimated per segment of each series (the default): R's quasipoisson dispersion of the
    /// segment's log-linear trend, floored at 1 (`PoissonTrendFit.dispersion`). A segment with fewer
    /// than `minimumFigures` figures, all zero, or without a finite fit has φ = 1 and its tested rows
    /// carry the flag `dispersion-not-estimated`.
    case estimate
    /// φ = 1: the pure Poisson test (R's `poisson.test`).
    case none
    /// A fixed φ ≥ 1 (finite) for every comparison.
    case fixed(Double)

    /// The fewest figures a segment needs for φ to be estimated (n − 2 ≥ 2 residual degrees of freedom).
    public static let minimumFigures = 4

    /// The value as `--dispersion` takes it: `estimate`, `none` or a number ≥ 1.
    public init(parsing text: String) throws(DispersionParseError) {
        switch text {
        case "estimate": self = .estimate
        case "none": self = .none
        default:
            guard let value = Double(text), value.isFinite else { throw DispersionParseError(text: text) }
            guard value >= 1 else { throw DispersionParseError(text: text, belowOne: true) }
            self = .fixed(value)
        }
    }

    /// The φ of the segment of `observations` (a series' figures in year order) that starts at `start`
    /// (its first figure, or a break) and runs to the next break, and where it ends (`value(for:)`).
    func value(forSegmentFrom start: Int, of observations: [Observation])
        -> (phi: Double, notEstimated: Bool, end: Int)
    {
        var end = start + 1
        while end < observations.endIndex && !observations[end].isBreak { end += 1 }
        let (phi, notEstimated) = value(for: observations[start..<end])
        return (phi, notEstimated, end)
    }

    /// The φ used in a segment (its figures in year order) and whether it was left at 1 for want of an
    /// estimate (`estimate` only: fewer than 4 figures, all zero, or no finite fit).
    func value(for segment: ArraySlice<Observation>) -> (phi: Double, notEstimated: Bool) {
        switch self {
        case .none: return (1, false)
        case .fixed(let value): return (value, false)
        case .estimate:
            guard segment.count >= Self.minimumFigures else { return (1, true) }
            return value(fitted: PoissonTrendFit.fit(PoissonTrendFit.points(of: segment)))
        }
    }

    /// The same for a segment of at least `minimumFigures` figures whose fit is `fit` (`nil`: none).
    func value(fitted fit: PoissonTrendFit?) -> (phi: Double, notEstimated: Bool) {
        switch self {
        case .none: return (1, false)
        case .fixed(let value): return (value, false)
        case .estimate: return fit.map { ($0.dispersion, false) } ?? (1, true)
        }
    }
}

/// A `--dispersion` value that is neither `estimate`, `none` nor a finite number ≥ 1.
public struct DispersionParseError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var belowOne = false

    public var description: String {
        belowOne
            ? "a fixed dispersion must be at least 1 (1 is the pure Poisson test), got '\(text)'"
            : "expected estimate, none or a number >= 1 (e.g. 2.5), got '\(text)'"
    }
}

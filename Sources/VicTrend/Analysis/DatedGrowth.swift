#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Growth over an exact elapsed time: running totals read with dates (`AsOfDate`), where the time from a
/// figure to its base is t = days / 365.25 years, not a whole number of years.
///
/// The required count ⌈base × (a/b)^t⌉ is exact (`ExactGrowth`) when t is a whole number (the days are a
/// multiple of 1,461, four mean years). Otherwise it is computed in floating point, and decided
/// conservatively: when base × (a/b)^t is within 1e-9 (relative) of a whole number n — closer than
/// `Double`'s rounding of the power could be trusted to place it — the required count is n + 1, so a
/// figure is `met` only when it clears the boundary by more than rounding can explain. Elsewhere it is
/// ⌈base × (a/b)^t⌉; either way never less than the true required count, and at most one more.
enum DatedGrowth {
    /// The relative distance from a whole number within which a floating-point required count is
    /// decided conservatively (one more).
    static let tolerance = 1e-9

    /// Days in four mean (Julian) years: an elapsed time of a multiple of it is a whole number of years.
    static let daysInFourYears = 1_461

    /// The elapsed time of `days` in years: days / 365.25.
    static func years(days: Int) -> Double {
        Double(days) / 365.25
    }

    /// The smallest count that meets growth by the factor a/b a year from `base` over `days` (≥ 0):
    /// ⌈base × (a/b)^(days / 365.25)⌉, exact for whole years, else conservative as described above;
    /// `nil` when it does not fit in 64 bits (or for a negative base or time, which no caller gives).
    static func ceilScaled(_ base: Int, by a: UInt64, over b: UInt64, days: Int) -> Int? {
        guard base >= 0, b > 0, days >= 0 else { return nil }
        if base == 0 { return 0 }
        // t = 4 × days / 1,461 is whole exactly when 1,461 divides the days (1,461 is odd).
        if days % daysInFourYears == 0 {
            return ExactGrowth.ceilScaled(base, by: a, over: b, years: days / daysInFourYears * 4)
        }
        let t = years(days: days)
        let scaled = Double(base) * exp(t * (log(Double(a)) - log(Double(b))))
        // 2^63 and above (or ∞) does not fit; the margin of one covers the conservative step.
        guard scaled.isFinite, scaled < 9_223_372_036_854_774_784.0 else { return nil }
        let nearest = scaled.rounded()
        let required = abs(scaled - nearest) <= tolerance * scaled ? nearest + 1 : scaled.rounded(.up)
        guard required < 9_223_372_036_854_774_784.0 else { return nil }
        return Int(required)
    }

    /// (to / from)^(1 / t) − 1 with t = days / 365.25; −1 when `to` is 0; `nil` when the result is not
    /// finite (two dates a few days apart can give a ratio to a power beyond binary64). `from > 0`,
    /// `days > 0`.
    static func growthRate(from: Int, to: Int, days: Int) -> Double? {
        guard from > 0, days > 0 else { return nil }
        let growth = pow(Double(to) / Double(from), 1 / years(days: days)) - 1
        return growth.isFinite ? growth : nil
    }
}

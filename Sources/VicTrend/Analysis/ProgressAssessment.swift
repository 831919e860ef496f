#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Eurostat's assessment of progress towards a quantitative target (SDG monitoring report method).
///
/// CAGR = (y_t / y_0)^(1 / (t − t0)) − 1 and R = CAGR / target_rate. R ≥ 0.95 significant progress;
/// 0.60 ≤ R < 0.95 moderate; 0 ≤ R < 0.60 insufficient; R < 0 movement away. The category is decided
/// exactly, by comparing y_t × D^n with y_0 × N^n in integers (N / D = 1 + 0.95 × rate, and so on),
/// so a value on a boundary never falls on the wrong side through rounding.
public struct ProgressAssessment: Sendable, Hashable {
    /// The progress categories, best first.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case significantProgress = "significant-progress"
        case moderateProgress = "moderate-progress"
        case insufficientProgress = "insufficient-progress"
        case movementAway = "movement-away"
        /// Fewer than two figures, a period shorter than the minimum, or a start of zero.
        case notAssessable = "not-assessable"
        /// Withheld by small-cell suppression: an end of the period is a suppressed count.
        case suppressed
    }

    /// First year of the period.
    public var fromYear: Int
    /// Last year of the period.
    public var toYear: Int
    /// Count in `fromYear` (`nil` when suppressed).
    public var fromVictims: Int?
    /// Count in `toYear` (`nil` when suppressed).
    public var toVictims: Int?
    /// Compound annual growth rate as a fraction; `nil` when not assessable.
    public var cagr: Double?
    /// CAGR / target rate; `nil` when not assessable or the target is 0.
    public var ratio: Double?
    /// The category, decided exactly.
    public var category: Category

    /// A period without counts (every figure withheld): not assessable.
    init(notAssessableFrom fromYear: Int, to toYear: Int) {
        self.fromYear = fromYear
        self.toYear = toYear
        category = .notAssessable
    }

    /// Assesses growth from `start` to `end` (same country, `start.year ≤ end.year`); not assessable
    /// when they are fewer than `minimumYears` (at least 1) calendar years apart, or `start` is 0. When
    /// both are dated running totals, the CAGR and the category are annualised by the exact time
    /// between their dates (days / 365.25; the category decided as `DatedGrowth` decides a required
    /// count); the period is still chosen, and its minimum checked, in calendar years.
    public init(from start: Observation, to end: Observation, target: TargetRate, minimumYears: Int = 1) {
        fromYear = start.year
        toYear = end.year
        fromVictims = start.victims
        toVictims = end.victims
        let years = end.year - start.year
        guard years > 0, years >= minimumYears, start.victims > 0 else {
            category = .notAssessable
            return
        }
        let days = end.asOf.flatMap { to in start.asOf.map { to.dayNumber - $0.dayNumber } }
        let cagr: Double?
        if let days {
            cagr = DatedGrowth.growthRate(from: start.victims, to: end.victims, days: days)
        } else {
            cagr = TrendAnalysis.growthRate(from: start.victims, to: end.victims, years: years)
        }
        self.cagr = cagr
        ratio = target.numerator == 0 ? nil : cagr.map { $0 / target.doubleValue }
        let (n, d) = (target.numerator, target.denominator)
        /// Whether `end` reaches `start` grown by the factor a/b a year.
        func reaches(_ a: UInt64, over b: UInt64) -> Bool {
            guard let days else {
                return ExactGrowth.reaches(end.victims, from: start.victims, factor: a, over: b, years: years)
            }
            return DatedGrowth.ceilScaled(start.victims, by: a, over: b, days: days).map { end.victims >= $0 }
                ?? false
        }
        if reaches(20 * d + 19 * n, over: 20 * d) {
            category = .significantProgress
        } else if reaches(5 * d + 3 * n, over: 5 * d) {
            category = .moderateProgress
        } else if end.victims >= start.victims {
            category = .insufficientProgress
        } else {
            category = .movementAway
        }
    }
}

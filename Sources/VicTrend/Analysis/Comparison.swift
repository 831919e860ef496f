#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What every judged count (a country-year or a group total) tells about itself.
public protocol GrowthJudgement {
    var growthRate: Double? { get }
    var requiredVictims: Int? { get }
    var shortfall: Int? { get }
    var status: YearAssessment.Status { get }
    var flags: [YearAssessment.Flag] { get }
    var test: RateRatioTest? { get }
    var significance: YearAssessment.Significance? { get }
    /// Why a comparison with a base has no test (`nil` when tested, or for a first year).
    var untested: UntestedReason? { get }
}

/// A count measured against its base count: growth, the exact target test and the Poisson test.
/// Country-years and group totals are both judged through it, so they follow the same rules.
public struct Comparison: GrowthJudgement, Sendable, Hashable {
    /// The base year, or `nil` for a first year.
    public var baseYear: Int?
    /// The base count.
    public var baseVictims: Int?
    /// (victims / base)^(1 / years) − 1; `nil` when not assessed.
    public var growthRate: Double?
    /// ⌈base × (1 + target)^years⌉, exact; `nil` when not assessed.
    public var requiredVictims: Int?
    /// max(0, required − victims); `nil` when not assessed.
    public var shortfall: Int?
    public var status: YearAssessment.Status
    /// `first-year`, `zero-base`, `gap` as they apply.
    public var flags: [YearAssessment.Flag]
    /// The exact Poisson test; `nil` when not assessed, or when it could not be computed (then
    /// `testUnavailable` says why).
    public var test: RateRatioTest?
    /// Why the exact test applies to this comparison but was not computed (a count above 2^53); `nil`
    /// when it was computed or does not apply. A report shows this instead of an empty p-value.
    public var testUnavailable: RateRatioTest.Unavailable?
    /// For shortfalls: significant or within noise.
    public var significance: YearAssessment.Significance?
    /// Why a comparison with a base has no test: running totals, `--no-test`, a zero base, a count
    /// above 2^53 (`testUnavailable`), or suppression; `nil` when tested and for a first year.
    public var untested: UntestedReason?
    /// True when the required count does not fit in 64 bits (the comparison is then not assessed).
    public var overflowed = false
    /// The dispersion φ the test's counts were scaled by (1: the pure Poisson test); `nil` when no test
    /// was computed.
    public var dispersion: Double?
    /// Dated running totals: the exact time from the base's date to the count's, in years
    /// (days / 365.25), by which growth and the required count were computed (`DatedGrowth`); `nil`
    /// for counts compared by whole years.
    var elapsedYears: Double?

    /// The rules a count is judged by: the target, and whether and at which confidence the exact
    /// Poisson test runs (only on annual counts: running totals are not Poisson counts).
    struct Rules {
        /// Required growth a year.
        var targetRate: TargetRate
        /// Whether the exact Poisson test runs (annual counts, the test not turned off).
        var exactTest: Bool
        /// Confidence level of the test's intervals.
        var confidence: Double
        /// Running totals (never tested).
        var cumulative: Bool
        /// φ is estimated per segment (`--dispersion estimate`): a φ other than 1 is then one series'
        /// own, and the tests scaled by it are not kept for other series.
        var estimatedDispersion: Bool

        init(_ options: AnalysisOptions) {
            targetRate = options.targetRate
            exactTest = options.series == .annual && options.exactTest
            confidence = options.confidence
            cumulative = options.series == .cumulative
            estimatedDispersion = options.dispersion == .estimate
        }
    }

    /// Compares `victims` in `year` with `base` (`nil` for a first year).
    public init(victims: Int, year: Int, base: (year: Int, victims: Int)?, options: AnalysisOptions) {
        var cache = TestCache()
        self.init(victims: victims, year: year, base: base, rules: Rules(options), cache: &cache)
    }

    /// The same, reusing tests already computed for the same counts and gap.
    /// `dispersion` is the φ the test's counts are scaled by (1: the pure Poisson test). With
    /// `elapsedDays` (dated running totals: the days from the base's date to the count's), growth and the
    /// required count are annualised by days / 365.25 (`DatedGrowth`) instead of whole years; the `gap`
    /// flag still counts calendar years.
    init(
        victims: Int, year: Int, base: (year: Int, victims: Int)?, rules: Rules, cache: inout TestCache,
        dispersion: Double = 1, elapsedDays: Int? = nil
    ) {
        baseYear = base?.year
        baseVictims = base?.victims
        status = .notAssessed
        guard let base else {
            flags = [.firstYear]
            return
        }
        let years = year - base.year
        flags = []
        if base.victims == 0 { flags.append(.zeroBase) }
        if years > 1 { flags.append(.gap) }
        guard base.victims > 0 else {
            untested = .zeroBase
            return
        }
        let required: Int?
        if let days = elapsedDays {
            let factor = rules.targetRate.growthFactor
            elapsedYears = DatedGrowth.years(days: days)
            required = DatedGrowth.ceilScaled(
                base.victims, by: factor.numerator, over: factor.denominator, days: days)
        } else {
            required = cache.ceilScaled(base.victims, years: years, rate: rules.targetRate)
        }
        guard let required else {
            overflowed = true
            return
        }
        growthRate =
            elapsedDays.map { DatedGrowth.growthRate(from: base.victims, to: victims, days: $0) }
            ?? TrendAnalysis.growthRate(from: base.victims, to: victims, years: years)
        requiredVictims = required
        shortfall = max(0, required - victims)
        status = victims >= required ? .met : .shortfall
        // Running totals (dated or not) are not independent counts, so the Poisson test does not apply
        // to them.
        guard rules.exactTest else {
            untested = rules.cumulative ? .runningTotals : .testTurnedOff
            return
        }
        let outcome = cache.test(
            victims: victims, base: base.victims, years: years, rules: rules, dispersion: dispersion)
        guard case .tested(let test) = outcome else {
            testUnavailable = outcome.unavailable
            untested = outcome.unavailable.map(UntestedReason.init)
            return
        }
        self.test = test
        self.dispersion = dispersion
        if status == .shortfall {
            significance = test.pValue < 1 - rules.confidence ? .significantShortfall : .withinNoise
        }
    }
}

/// Exact tests already computed in one analysis, by counts and gap: real panels repeat small counts
/// often, and the test is the costliest step of an assessment. Also keeps the powers of the growth
/// factor, which every required and trajectory count needs.
struct TestCache {
    private struct Key: Hashable {
        var victims: Int
        var base: Int
        var years: Int
        var dispersion: Double
    }

    private var entries: [Key: RateRatioTest.Outcome] = [:]
    private var knownPowers: ExactGrowth.Powers?

    /// ⌈base × (1 + rate)^years⌉, as `ExactGrowth.ceilScaled`, with the powers of the growth factor
    /// computed on first use and kept for the analysis (used in place, not copied per row).
    mutating func ceilScaled(_ base: Int, years: Int, rate: TargetRate) -> Int? {
        let factor = rate.growthFactor
        if knownPowers?.a != factor.numerator || knownPowers?.b != factor.denominator {
            knownPowers = ExactGrowth.Powers(a: factor.numerator, b: factor.denominator)
        }
        return knownPowers?.ceilScaled(base, years: years)
    }

    /// The test of `victims` against `base` over `years` with counts scaled by 1/`dispersion` (any
    /// counts: up to 2^53 it is computed, above it the outcome says why not). Tests with φ = 1 or a
    /// fixed φ are kept and reused; a φ estimated for one segment is that segment's alone (a real
    /// number that no other series shares), so its tests are computed without being looked up or kept.
    mutating func test(
        victims: Int, base: Int, years: Int, rules: Comparison.Rules, dispersion: Double = 1
    ) -> RateRatioTest.Outcome {
        guard dispersion == 1 || !rules.estimatedDispersion else {
            return Self.compute(
                victims: victims, base: base, years: years, rules: rules, dispersion: dispersion)
        }
        let key = Key(victims: victims, base: base, years: years, dispersion: dispersion)
        if let known = entries[key] { return known }
        let outcome = Self.compute(
            victims: victims, base: base, years: years, rules: rules, dispersion: dispersion)
        if entries.isEmpty { entries.reserveCapacity(Self.initialCapacity) }
        if entries.count < 1 << 20 { entries[key] = outcome }
        return outcome
    }

    /// Room for the tests kept, made at the first: a few hundred tests are then kept without rehashing
    /// (grown from empty, the two batches of a yearly check's 54 countries took 15 resizes).
    private static let initialCapacity = 256

    private static func compute(
        victims: Int, base: Int, years: Int, rules: Comparison.Rules, dispersion: Double
    ) -> RateRatioTest.Outcome {
        // (1 + rate)^years: a year apart (most comparisons) the factor itself, which is what pow gives
        // for an exponent of 1 (within half an ulp, so exactly), without the call.
        let factor = 1 + rules.targetRate.doubleValue
        let ratio = years == 1 ? factor : pow(factor, Double(years))
        return RateRatioTest.outcome(
            victims: victims, base: base, ratio: ratio, confidence: rules.confidence, dispersion: dispersion)
    }
}

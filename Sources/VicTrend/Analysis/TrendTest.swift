#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A country's trend over the latest segment of its series (from the latest break on): the Poisson
/// log-linear trend (`PoissonTrendFit`) tested against the target with the segment's dispersion —
/// R's `glm(victims ~ year, family = quasipoisson)` with the dispersion floored at 1.
///
/// With b the fitted slope, se = √(φ · Var_Poisson(b)) and ν = n − 2 degrees of freedom:
/// - growth = e^b − 1 a year; its interval e^(b ∓ t_(ν, 1−α/2) · se) − 1 (α = 1 − confidence);
/// - p-value = T_ν((b − ln(1 + target)) / se), one-sided: the chance of a trend this far below the
///   target if the true trend were on it;
/// - significance: `significant-shortfall` when growth is below the target and p < 1 − confidence,
///   `within-noise` when below and not significant, `nil` at or above the target.
/// Running totals have no trend test (they are not independent counts).
public struct TrendTest: Sendable, Hashable {
    /// The segment's first year and its number of figures n (≥ 4).
    public var fromYear: Int
    public var figures: Int
    /// The φ the standard error was scaled by.
    public var dispersion: Double
    /// e^b − 1, a fraction a year.
    public var growth: Double
    /// The confidence interval of `growth`.
    public var low: Double
    public var high: Double
    /// One-sided p-value of "the trend is below the target".
    public var pValue: Double
    /// Set when the trend is below the target.
    public var significance: YearAssessment.Significance?

    /// The test of `fit` (n ≥ 3) with dispersion `phi` against `target` at `confidence` (0 < c < 1).
    init(fit: PoissonTrendFit, dispersion phi: Double, target: TargetRate, confidence: Double) {
        fromYear = fit.firstYear
        figures = fit.count
        dispersion = phi
        let degrees = Double(fit.residualDegrees)
        let b = fit.slope
        let se = (phi * fit.varianceSlope).squareRoot()
        let multiplier = StudentT.twoSidedQuantile(confidence, degrees: degrees)
        growth = expm1(b)
        low = expm1(b - multiplier * se)
        high = expm1(b + multiplier * se)
        let targetSlope = log1p(target.doubleValue)
        pValue = StudentT.cdf((b - targetSlope) / se, degrees: degrees)
        if b < targetSlope {
            significance = pValue < 1 - confidence ? .significantShortfall : .withinNoise
        }
    }
}

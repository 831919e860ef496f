#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A country's count projected to the target year T from the trend of its latest segment
/// (`PoissonTrendFit`, the fit the trend test uses), with a prediction interval, the trajectory count
/// at T and a category in the spirit of Germany's sustainability indicators.
///
/// With μ̂_T = exp(a + b·(T − t̄)), φ the segment's dispersion, Σ the Poisson fit's covariance of (a, b)
/// and x_T = (1, T − t̄):
/// - V = φ·μ̂_T + μ̂_T²·φ·x_Tᵀ Σ x_T (a new count's variance plus the fit's, R's
///   `predict(..., se.fit = TRUE, dispersion = φ)` on the link scale mapped by the delta method);
/// - `low`, `high` = μ̂_T ∓ t_(n−2, 1−α/2)·√V, `low` floored at 0 (victims, not necessarily whole);
/// - `trajectory`: ⌈baseline × (1 + target)^(T − baseline year)⌉, exact as the trends table's trajectory
///   (from the trajectory's baseline as it stands in the latest year: the first figure after the latest
///   break when a break restarted it); `nil` when the baseline is 0 (no trajectory) or beyond 64 bits;
/// - `probabilityOnTrajectory` = 1 − T_(n−2)((trajectory − μ̂_T)/√V): the chance, under the fitted trend
///   and its uncertainty, that the count at T is at or above the trajectory;
/// - `category`, with d_req = trajectory − latest and d_proj = μ̂_T − latest (latest: the country's
///   latest figure): `on-track` when d_req ≤ 0 or d_proj ≥ 0.95·d_req, `slightly-off-track` when
///   d_proj ≥ 0.80·d_req, `off-track` when d_proj ≥ 0, `wrong-direction` otherwise; a d_proj within
///   1e-9 of the latest figure counts as 0 (a flat fit is not a fall by rounding).
/// No projection (`nil`) for running totals, when the latest segment has fewer than 4 figures or no
/// finite fit, when T is not after the country's latest figure (nothing to project), or when the
/// projection or its interval is beyond floating-point range (`ProjectionBasis.untested(to:options:)`
/// says which).
public struct Projection: Sendable, Hashable {
    /// The projection's category (the German sustainability indicators' weather symbols, in words).
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case onTrack = "on-track"
        case slightlyOffTrack = "slightly-off-track"
        case offTrack = "off-track"
        case wrongDirection = "wrong-direction"
    }

    /// T.
    public var year: Int
    /// μ̂_T, victims (a fitted mean, not a whole number).
    public var victims: Double
    /// The prediction interval at the report's confidence; `low` ≥ 0.
    public var low: Double
    public var high: Double
    /// The trajectory count at T; `nil` without a trajectory (zero baseline) or beyond 64 bits.
    public var trajectory: Int?
    /// P(count at T ≥ trajectory), under the fit; `nil` without a trajectory.
    public var probabilityOnTrajectory: Double?
    /// `nil` without a trajectory.
    public var category: Category?

    /// The category of a projection `projected` for a country whose latest figure is `latest` and whose
    /// trajectory at T is `trajectory`.
    static func category(projected: Double, latest: Int, trajectory: Int) -> Category {
        let required = Double(trajectory) - Double(latest)
        var projectedChange = projected - Double(latest)
        // A flat projection (a perfect fit of equal counts) is no change, not a fall by rounding.
        if abs(projectedChange) <= 1e-9 * max(1, Double(latest)) { projectedChange = 0 }
        if required <= 0 || projectedChange >= 0.95 * required { return .onTrack }
        if projectedChange >= 0.80 * required { return .slightlyOffTrack }
        if projectedChange >= 0 { return .offTrack }
        return .wrongDirection
    }
}

/// What a country's figures at the target year are computed from: the latest segment's fit and
/// dispersion, the latest figure and the trajectory's baseline — a few dozen bytes, so that a report
/// written as the series arrive keeps this per country, not the series, and projects once the panel's
/// latest year (and so the default target year) is known.
struct ProjectionBasis: Sendable, Hashable {
    /// The latest segment's fit (annual series with at least 4 figures in it), else `nil`.
    var fit: PoissonTrendFit?
    /// The φ the trend test used.
    var dispersion: Double
    /// The country's latest figure.
    var latestYear: Int
    var latestVictims: Int
    /// The trajectory's baseline as it stands in the latest year (`CountrySummary.baselineYear`).
    var baselineYear: Int?
    var baselineVictims: Int?
    /// Why `fit` is `nil` (`CountrySummary.trendUntested`).
    var unfitted: UntestedReason?

    /// Why there is no projection to `year`: no fit, `year` not after the latest figure, or a projection
    /// beyond floating-point range; `nil` when `projection(to:options:)` gives one.
    func untested(to year: Int, options: AnalysisOptions) -> UntestedReason? {
        if fit == nil { return unfitted ?? .noFit }
        if year <= latestYear { return .targetYearNotAfterLatest }
        return projection(to: year, options: options) == nil ? .projectionOutOfRange : nil
    }

    /// The projection to `year` (see `Projection`), or `nil`.
    func projection(to year: Int, options: AnalysisOptions) -> Projection? {
        guard let fit, fit.count >= Dispersion.minimumFigures, year > latestYear else { return nil }
        let mu = fit.fitted(at: year)
        let variance = dispersion * mu + mu * mu * dispersion * fit.linkVariance(at: year)
        let sd = variance.squareRoot()
        let degrees = Double(fit.residualDegrees)
        let multiplier = StudentT.twoSidedQuantile(options.confidence, degrees: degrees)
        guard mu.isFinite, sd.isFinite, sd > 0, (mu + multiplier * sd).isFinite else { return nil }
        var projection = Projection(
            year: year, victims: mu, low: max(0, mu - multiplier * sd), high: mu + multiplier * sd)
        if let baselineYear, let baselineVictims, baselineVictims > 0, year >= baselineYear {
            let factor = options.targetRate.growthFactor
            if let trajectory = ExactGrowth.ceilScaled(
                baselineVictims, by: factor.numerator, over: factor.denominator, years: year - baselineYear)
            {
                projection.trajectory = trajectory
                projection.probabilityOnTrajectory =
                    1 - StudentT.cdf((Double(trajectory) - mu) / sd, degrees: degrees)
                projection.category = Projection.category(
                    projected: mu, latest: latestVictims, trajectory: trajectory)
            }
        }
        return projection
    }

    /// Growth a year needed from the latest figure to be on the trajectory in `year`:
    /// (trajectory_year / latest)^(1 / (year − latest year)) − 1, the trajectory in floating point
    /// (computed in logarithms: finite for any year);
    /// `nil` when `year` is not after the latest figure, or the baseline or the latest figure is 0.
    func requiredGrowth(to year: Int, target: TargetRate) -> Double? {
        guard let baselineYear, let baselineVictims, baselineVictims > 0, latestVictims > 0, year > latestYear
        else { return nil }
        // In logarithms, so that a target year centuries away gives its growth (about the target) rather
        // than ∞ from a trajectory beyond binary64.
        let logTrajectory =
            log(Double(baselineVictims)) + Double(year - baselineYear) * log1p(target.doubleValue)
        return expm1((logTrajectory - log(Double(latestVictims))) / Double(year - latestYear))
    }
}

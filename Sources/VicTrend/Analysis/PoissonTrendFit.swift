#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Poisson log-linear trend of one segment of a series, log μ_t = a + b·(t − t̄), fitted by
/// maximum likelihood: R's `glm(victims ~ I(year - centre), family = poisson)`, step for step.
///
/// The year is centred on the mean of the segment's years (`centre`), so a and b are nearly
/// uncorrelated and the 2×2 normal equations are well conditioned; b, its variance and the fitted
/// counts are those of a fit on the raw year. IRLS starts, iterates and stops as R's `glm.fit` does:
/// μ⁰ = y + 0.1, working response z = η + (y − μ)/μ with weights μ, until the deviance changes by less
/// than 1e-8 × (|deviance| + 0.1), at most 25 iterations. As in R, the covariance comes from the weights
/// of the last iteration and Pearson's X² = Σ w·((y − μ̂)/μ̂)² from those weights and the final μ̂
/// (`summary.glm`'s dispersion), so every figure matches R's to its last digits.
///
/// When no fit is made (`fit` returns `nil`):
/// - fewer than 2 figures, or all in one year;
/// - every count 0 (nothing to fit: the MLE of a is −∞);
/// - every nonzero count in the segment's first year, or every one in its last (a single nonzero count
///   at either end among them): the likelihood grows without bound as b → ∓∞, so no finite MLE exists
///   (R stops after 25 iterations with "fitted rates numerically 0"). A single nonzero count between
///   the ends has a finite MLE and is fitted;
/// - IRLS not converged in 25 iterations, or a non-finite step (not seen for counts up to 2^63).
///
/// A perfect fit (counts exactly exponential, e.g. all equal) gives X² = 0 and so `dispersion` 1.
struct PoissonTrendFit: Sendable, Hashable {
    /// The segment's first and last years, and its number of figures n.
    var firstYear: Int
    var lastYear: Int
    var count: Int
    /// The mean of the segment's years, t̄.
    var centre: Double
    /// a: log of the fitted count at t̄.
    var intercept: Double
    /// b: the log-linear slope a year (growth a year is e^b − 1).
    var slope: Double
    /// The Poisson fit's covariance of (a, b), (XᵀWX)⁻¹ (R's `vcov` of the poisson fit, i.e. the
    /// quasipoisson one before scaling by the dispersion).
    var varianceIntercept: Double
    var covariance: Double
    var varianceSlope: Double
    /// Pearson's X² = Σ (y − μ̂)² / μ̂ (with R's last-iteration weights).
    var pearson: Double
    /// The residual deviance.
    var deviance: Double
    /// IRLS iterations made (1...25).
    var iterations: Int

    /// Degrees of freedom of the residuals, n − 2.
    var residualDegrees: Int { count - 2 }

    /// R's quasipoisson dispersion, X² / (n − 2), floored at 1: φ = max(1, X² / (n − 2)). 1 when n ≤ 2
    /// (no residual degree of freedom to estimate it from).
    var dispersion: Double {
        guard count > 2 else { return 1 }
        return max(1, pearson / Double(count - 2))
    }

    /// The fitted count in `year`, exp(a + b·(year − t̄)).
    func fitted(at year: Int) -> Double {
        exp(intercept + slope * (Double(year) - centre))
    }

    /// x_Tᵀ Σ x_T for x_T = (1, year − t̄): the Poisson variance of the linear predictor at `year`
    /// (R's `predict(..., se.fit = TRUE)`'s se.fit² on the link scale for dispersion 1).
    func linkVariance(at year: Int) -> Double {
        let x = Double(year) - centre
        return varianceIntercept + 2 * x * covariance + x * x * varianceSlope
    }

    /// The largest number of IRLS iterations (R's `glm.control()$maxit`).
    static let maximumIterations = 25
    /// R's `glm.control()$epsilon`.
    static let tolerance = 1e-8

    /// The (year, count) points of a segment of figures, in their order: what `fit` takes. An array made
    /// by an eager `map`, which reads the two fields in place; a lazy map handed to `fit` copied each
    /// whole `Observation` (its strings and flags retained and released) at every pass over the points.
    static func points(of segment: ArraySlice<Observation>) -> [(year: Int, victims: Int)] {
        segment.map { (year: $0.year, victims: $0.victims) }
    }

    /// Fits the segment `points` (in year order, each year once, counts ≥ 0); `nil` when no finite
    /// fit exists (see the type's documentation).
    static func fit(_ points: some Collection<(year: Int, victims: Int)>) -> PoissonTrendFit? {
        let n = points.count
        guard n >= 2, let first = points.first else { return nil }
        var last = first
        var total = 0.0
        var yearSum = 0.0
        for point in points {
            last = point
            total += Double(point.victims)
            yearSum += Double(point.year)
        }
        guard last.year > first.year, total > 0 else { return nil }
        let centre = yearSum / Double(n)
        let t = points.map { Double($0.year) - centre }
        let y = points.map { Double($0.victims) }
        // A finite MLE needs a nonzero count after the first year and one before the last.
        guard y.dropFirst().contains(where: { $0 > 0 }), y.dropLast().contains(where: { $0 > 0 }) else {
            return nil
        }
        var mu = y.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var previousDeviance = deviance(y, mu)
        // The weights are the μ an iteration starts from: the two arrays swap places at each iteration
        // and the new μ overwrites the old weights, so that neither is copied.
        var weights = [Double](repeating: 0, count: n)
        var a = 0.0
        var b = 0.0
        var inverse = (aa: 0.0, ab: 0.0, bb: 0.0)
        for iteration in 1...maximumIterations {
            // Weighted least squares of z on (1, t) with weights μ.
            swap(&weights, &mu)
            var s0 = 0.0
            var s1 = 0.0
            var s2 = 0.0
            var r0 = 0.0
            var r1 = 0.0
            for index in 0..<n {
                let w = weights[index]
                let z = eta[index] + (y[index] - w) / w
                s0 += w
                s1 += w * t[index]
                s2 += w * t[index] * t[index]
                r0 += w * z
                r1 += w * z * t[index]
            }
            let determinant = s0 * s2 - s1 * s1
            guard determinant > 0, determinant.isFinite else { return nil }
            inverse = (s2 / determinant, -s1 / determinant, s0 / determinant)
            a = inverse.aa * r0 + inverse.ab * r1
            b = inverse.ab * r0 + inverse.bb * r1
            guard a.isFinite, b.isFinite else { return nil }
            for index in 0..<n {
                eta[index] = a + b * t[index]
                mu[index] = exp(eta[index])
            }
            let currentDeviance = deviance(y, mu)
            guard currentDeviance.isFinite else { return nil }
            if abs(currentDeviance - previousDeviance) / (abs(currentDeviance) + 0.1) < tolerance {
                var pearson = 0.0
                for index in 0..<n {
                    let residual = (y[index] - mu[index]) / mu[index]
                    pearson += weights[index] * residual * residual
                }
                return PoissonTrendFit(
                    firstYear: first.year, lastYear: last.year, count: n, centre: centre, intercept: a,
                    slope: b, varianceIntercept: inverse.aa, covariance: inverse.ab,
                    varianceSlope: inverse.bb, pearson: pearson, deviance: currentDeviance,
                    iterations: iteration)
            }
            previousDeviance = currentDeviance
        }
        return nil
    }

    /// The Poisson deviance 2 Σ (y log(y/μ) − (y − μ)), y log y = 0 at y = 0 (R's `poisson()$dev.resids`).
    private static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var sum = 0.0
        for index in y.indices {
            let observed = y[index]
            let term = observed > 0 ? observed * log(observed / mu[index]) : 0
            sum += 2 * (term - (observed - mu[index]))
        }
        return sum
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exact conditional test for two Poisson counts: is a year's count significantly below what the
/// target requires, or within the noise that small counts always have?
///
/// Given the year's count `x` and the base count `y`, and conditioning on their sum `n = x + y`, `x` is
/// Binomial(n, p) with p = ρ / (1 + ρ), where ρ is the true rate ratio. H0: ρ ≥ r (the target ratio
/// (1 + rate)^years) against ρ < r gives p-value P(X ≤ x) under p0 = r / (1 + r) — the same as R's
/// `poisson.test(c(x, y), r = r, alternative = "less")`. The two-sided Clopper–Pearson interval for p,
/// mapped through p / (1 − p), is the interval for ρ (R's `poisson.test` conf.int).
///
/// Victim counts are clustered (one case can identify several victims), so the test is indicative,
/// not proof.
public struct RateRatioTest: Sendable, Hashable {
    /// P(X ≤ victims) under H0 (rate ratio equal to the target ratio).
    public var pValue: Double
    /// Lower bound of the two-sided confidence interval for the rate ratio (0 when victims is 0).
    public var ratioLow: Double
    /// Upper bound of the interval (`.infinity` when the base is 0).
    public var ratioHigh: Double

    /// Tests `victims` against `base` for the target ratio `ratio` (> 0) at `confidence` (0 < c < 1).
    public init(victims: Int, base: Int, ratio: Double, confidence: Double) {
        let total = victims + base
        let nullProbability = ratio / (1 + ratio)
        pValue = ExactDistributions.binomialCDF(victims, trials: total, probability: nullProbability)
        let alpha = 1 - confidence
        let low =
            victims == 0
            ? 0 : ExactDistributions.betaQuantile(alpha / 2, Double(victims), Double(total - victims + 1))
        let high =
            base == 0
            ? 1 : ExactDistributions.betaQuantile(1 - alpha / 2, Double(victims + 1), Double(total - victims))
        ratioLow = low / (1 - low)
        ratioHigh = high >= 1 ? .infinity : high / (1 - high)
    }
}

/// Binomial and beta distribution functions, computed in log space with a continued fraction.
enum ExactDistributions {
    /// P(X ≤ k) for X ~ Binomial(trials, probability): I_{1−p}(n − k, k + 1).
    static func binomialCDF(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        return regularizedIncompleteBeta(1 - p, Double(n - k), Double(k + 1))
    }

    /// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of the incomplete beta function, by the modified Lentz method.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-15
        let sum = a + b
        var c = 1.0
        var d = 1 - sum * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var result = d
        var m = 1.0
        while m < 1e7 {
            let twoM = 2 * m
            let even = m * (b - m) * x / ((a - 1 + twoM) * (a + twoM))
            d = 1 + even * d
            d = 1 / (abs(d) < tiny ? tiny : d)
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            result *= d * c
            let odd = -(a + m) * (sum + m) * x / ((a + twoM) * (a + 1 + twoM))
            d = 1 + odd * d
            d = 1 / (abs(d) < tiny ? tiny : d)
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            let step = d * c
            result *= step
            if abs(step - 1) < epsilon { break }
            m += 1
        }
        return result
    }

    /// The x in [0, 1] with I_x(a, b) = q, by bisection (I is increasing in x), to double precision.
    static func betaQuantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
        if q <= 0 { return 0 }
        if q >= 1 { return 1 }
        var low = 0.0
        var high = 1.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if regularizedIncompleteBeta(middle, a, b) < q {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }
}

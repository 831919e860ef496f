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
        // Counts as Doubles: exact below 2^53, and their sum cannot overflow.
        let x = Double(victims)
        let y = Double(base)
        let nullProbability = ratio / (1 + ratio)
        pValue = ExactDistributions.binomialCDF(x, trials: x + y, probability: nullProbability)
        let alpha = 1 - confidence
        let low = victims == 0 ? 0 : ExactDistributions.betaQuantile(alpha / 2, x, y + 1)
        let high = base == 0 ? 1 : ExactDistributions.betaQuantile(1 - alpha / 2, x + 1, y)
        ratioLow = low / (1 - low)
        ratioHigh = high >= 1 ? .infinity : high / (1 - high)
    }
}

/// Binomial and beta distribution functions, computed in log space with a continued fraction.
enum ExactDistributions {
    /// P(X ≤ k) for X ~ Binomial(trials, probability): I_{1−p}(n − k, k + 1).
    static func binomialCDF(_ k: Double, trials n: Double, probability p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        return regularizedIncompleteBeta(1 - p, n - k, k + 1)
    }

    /// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 ≤ x ≤ 1.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        regularizedIncompleteBeta(x, a, b, logBeta: lgamma(a) + lgamma(b) - lgamma(a + b))
    }

    /// The same with log B(a, b) given, so that repeated evaluations for one (a, b) compute it once.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double, logBeta: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = a * log(x) + b * log1p(-x) - logBeta
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
        let epsilon = 1e-13
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

    /// The x in [0, 1] with I_x(a, b) = q: Newton's method on the regularized incomplete beta function
    /// (its derivative is the beta density), started from a normal approximation and kept inside a
    /// bracket that shrinks with every step, falling back to bisection when a step would leave it.
    static func betaQuantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
        if q <= 0 { return 0 }
        if q >= 1 { return 1 }
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        var low = 0.0
        var high = 1.0
        var x = min(max(initialQuantile(q, a, b), 1e-300), 1 - 1e-16)
        for _ in 0..<200 {
            let difference = regularizedIncompleteBeta(x, a, b, logBeta: logBeta) - q
            if difference == 0 { return x }
            if difference < 0 { low = x } else { high = x }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logBeta)
            var next = x - difference / density
            if !(next > low && next < high) || !next.isFinite {
                next = (low + high) / 2
            }
            if abs(next - x) <= 1e-11 * max(x, 1e-300) || high - low <= 1e-15 * max(x, 1e-300) {
                return next
            }
            x = next
        }
        return x
    }

    /// A first guess at the beta quantile: Paulson's approximation of the F quantile (Wilson–Hilferty
    /// cube-root transform), mapped through x = aF / (aF + b); relative error around 1e-3 for moderate
    /// a and b, so Newton needs two or three steps. Falls back to the normal approximation.
    static func initialQuantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
        let z = normalQuantile(q)
        let first = 2 / (9 * 2 * a)
        let second = 2 / (9 * 2 * b)
        let radicand =
            (1 - first) * (1 - first) * second + (1 - second) * (1 - second) * first - first * second * z * z
        let denominator = (1 - second) * (1 - second) - second * z * z
        if radicand > 0 && denominator > 0 {
            let root = ((1 - second) * (1 - first) + z * radicand.squareRoot()) / denominator
            if root > 0 {
                let f = root * root * root
                return a * f / (a * f + b)
            }
        }
        let mean = a / (a + b)
        let spread = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        return mean + z * spread
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9);
    /// only a starting point for `betaQuantile`.
    static func normalQuantile(_ p: Double) -> Double {
        let a = [
            -39.696_830_286_653_76, 220.946_098_424_520_5, -275.928_510_446_968_7, 138.357_751_867_269,
            -30.664_798_066_147_16, 2.506_628_277_459_239,
        ]
        let b = [
            -54.476_098_798_224_06, 161.585_836_858_040_9, -155.698_979_859_886_6, 66.801_311_887_719_72,
            -13.280_681_552_885_72,
        ]
        let c = [
            -0.007_784_894_002_430_293, -0.322_396_458_041_136_5, -2.400_758_277_161_838,
            -2.549_732_539_343_734, 4.374_664_141_464_968, 2.938_163_982_698_783,
        ]
        let d = [
            0.007_784_695_709_041_462, 0.322_467_129_070_039_8, 2.445_134_137_142_996, 3.754_408_661_907_416,
        ]
        let lowTail = 0.024_25
        if p < lowTail {
            let r = (-2 * log(p)).squareRoot()
            return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
        }
        if p > 1 - lowTail {
            return -normalQuantile(1 - p)
        }
        let r = p - 0.5
        let r2 = r * r
        return (((((a[0] * r2 + a[1]) * r2 + a[2]) * r2 + a[3]) * r2 + a[4]) * r2 + a[5]) * r
            / (((((b[0] * r2 + b[1]) * r2 + b[2]) * r2 + b[3]) * r2 + b[4]) * r2 + 1)
    }
}

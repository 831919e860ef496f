#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Quantiles of the beta distribution (R's `qbeta`), for the Clopper–Pearson bounds of the exact test.
enum BetaQuantile {
    /// The x in [0, 1] with I_x(a, b) = q, for a, b > 0: 0 for q ≤ 0, 1 for q ≥ 1. Solved for x when the
    /// quantile is below ½ and for 1 − x above, so that both keep full relative precision: the result is
    /// within about one ulp of the true quantile — the last Newton step carries `IncompleteBeta`'s own
    /// rounding, so it is not always the nearest double (50-digit checks found errors of −1.0 to +0.9
    /// ulp) — and R's `qbeta` gives the same double in every reference case, also where x / (1 − x)
    /// depends on x's last bit, as when the victims far outnumber the base. A faster solve (one
    /// evaluation and a higher-order step) was tried on 2026-12-04 and left out: it lands on another
    /// double about one time in fifteen, which would change the JSON report's printed limits.
    static func quantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
        if q <= 0 { return 0 }
        if q >= 1 { return 1 }
        let guess = initialQuantile(q, a, b)
        if guess <= 0.5 {
            return solve(lower: q, upper: 1 - q, a, b, guess: guess)
        }
        // I_x(a, b) = q ⇔ I_(1−x)(b, a) = 1 − q.
        return 1 - solve(lower: 1 - q, upper: q, b, a, guess: initialQuantile(1 - q, b, a))
    }

    /// The t with I_t(a, b) = `lower` = 1 − `upper` (of the two, the one at most ½ is used, and is exact):
    /// Newton's method (the derivative is the beta density) inside a bracket that every evaluation
    /// shrinks, with bisection when a step would leave the bracket.
    private static func solve(lower: Double, upper: Double, _ a: Double, _ b: Double, guess: Double) -> Double
    {
        let parameters = IncompleteBeta.Parameters(a: a, b: b)
        var low = 0.0
        var high = 1.0
        var t = min(max(guess, 1e-300), 1 - 1e-16)
        for _ in 0..<200 {
            let y = 1 - t
            let lambda = parameters.lambda(x: t, y: y)
            let value = IncompleteBeta(x: t, y: y, parameters: parameters, lambda: lambda)
            let difference = lower <= 0.5 ? value.value - lower : upper - value.complement
            if difference == 0 { return t }
            if difference < 0 { low = t } else { high = t }
            let density = value.kernel / (t * y)
            let step = difference / density
            let next = t - step
            if next > low && next < high {
                // Newton's error after this step is about ½ |f''/f'| step², f''/f' being the derivative
                // of the log density: once that is below a quarter ulp, the step lands on the answer.
                let curvature = abs((a - 1) / t - (b - 1) / y)
                if 0.5 * curvature * step * step <= 0x1p-54 * next || abs(step) <= 0x1p-53 * next {
                    return next
                }
                t = next
            } else if abs(step) <= 0x1p-53 * t {
                return t
            } else {
                let middle = low + (high - low) / 2
                if middle == low || middle == high { return t }
                t = middle
            }
        }
        return t
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
    /// only a starting point for `quantile`.
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

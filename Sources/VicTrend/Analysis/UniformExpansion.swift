#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temme's uniform asymptotic expansion of I_x(a, b) for large a and b (DLMF 8.18.9–8.18.12; N. M.
/// Temme, "Special functions", 1996, §11.3.3.2), to its first correction term. With N = a + b,
/// x0 = a / N and η of the sign of x − x0 given by −η² / 2 = x0 ln(x / x0) + (1 − x0) ln((1 − x) / (1 − x0)),
///
///     I_x(a, b) = ½ erfc(−η √(N/2)) + e^(−N η² / 2) / √(2πN) × e^δ × c0(η),
///     c0(η) = 1/η − √(x0 (1 − x0)) / (x − x0),
///
/// where e^δ, the ratio of the Stirling corrections of Γ(N), Γ(a), Γ(b), is kept whole (the expansion
/// proper would take it into its later terms). The neglected terms are about 0.05 min(a, b)^(−3/2)
/// relative (measured against 40-digit values), below 1e-13 from min(a, b) = 10^8 on, where this is used:
/// there the continued fraction would need up to 10^4 terms near the mean, and the expansion costs one
/// `erfc` and two logarithms.
enum UniformExpansion {
    /// The smallest min(a, b) for which the expansion is used.
    static let smallestParameter = 1e8

    /// I_x(a, b) for x at or below the mean, λ = a − N x in [0, 0.1 min(a, b)).
    static func lowerTail(x: Double, y: Double, _ parameters: IncompleteBeta.Parameters, lambda: Double)
        -> Double
    {
        let a = parameters.a
        let b = parameters.b
        let n = parameters.total.hi + parameters.total.lo
        // N η² / 2 is the sum of the two deviance terms, so √ of it is η √(N/2) without η.
        let halfNEtaSquared = -parameters.logPower(x: x, y: y, lambda: lambda)
        let leading = 0.5 * erfc(halfNEtaSquared.squareRoot())
        // c0 in terms of r1 = −(x − x0)/x0 = λ/a and r2 = (x − x0)/(1 − x0) = −λ/b, free of the
        // cancellation of its two terms near η = 0: with h(r) = 2(−ln(1 − r) − r)/r² = 1 + r h1(r),
        // (η / u)² = (1 − x0) h(r1) + x0 h(r2) =: ρ², u = (x − x0) / √(x0 (1 − x0)), and
        // c0 = √(x0 (1 − x0)) ((1 − x0)/x0 h1(r1) − x0/(1 − x0) h1(r2)) / ((1 + ρ) ρ);
        // at η = 0 it is (1 − 2 x0) / (3 √(x0 (1 − x0))), DLMF 8.18.12.
        let x0 = a / n
        let y0 = b / n
        let r1 = lambda / a
        let r2 = -lambda / b
        let h1 = Self.h1(r1)
        let h2 = Self.h1(r2)
        let rho = (y0 * (1 + r1 * h1) + x0 * (1 + r2 * h2)).squareRoot()
        let c0 = (x0 * y0).squareRoot() * ((y0 / x0) * h1 - (x0 / y0) * h2) / ((1 + rho) * rho)
        let correction = exp(parameters.stirling - halfNEtaSquared) / (2 * Double.pi * n).squareRoot() * c0
        return leading + correction
    }

    /// h1(r) = Σ_(m ≥ 1) 2 r^(m−1) / (m + 2) for |r| ≤ 0.1 (25 terms: the first neglected is below 1e-26).
    static func h1(_ r: Double) -> Double {
        var result = 0.0
        var m = 25.0
        while m >= 1 {
            result = result * r + 2 / (m + 2)
            m -= 1
        }
        return result
    }
}

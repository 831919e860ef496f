/// Student's t distribution with ν > 0 degrees of freedom, from the regularized incomplete beta
/// function: R's `pt` and `qt` (to about 1e-14 relative).
enum StudentT {
    /// P(T ≤ t) (R's `pt(t, ν)`). With x = ν / (ν + t²): ½ I_x(ν/2, ½) for t < 0, 1 minus it for t > 0,
    /// ½ at 0; 0 at −∞, 1 at +∞, NaN for NaN.
    static func cdf(_ t: Double, degrees: Double) -> Double {
        if t.isNaN { return .nan }
        if t == 0 { return 0.5 }
        if t.isInfinite { return t < 0 ? 0 : 1 }
        let square = t * t
        // Both x and 1 − x from their own formulas, so neither loses digits to a subtraction.
        let total = degrees + square
        let tail = IncompleteBeta(x: degrees / total, y: square / total, a: degrees / 2, b: 0.5).value / 2
        return t < 0 ? tail : 1 - tail
    }

    /// The t ≥ 0 with P(|T| ≤ t) = `level` (0 ≤ level < 1): R's `qt(1 − (1 − level)/2, ν)`, the
    /// multiplier of a two-sided interval at confidence `level`. From I_y(½, ν/2) = level with
    /// y = t² / (ν + t²), solved for y (`BetaQuantile`), t = √(ν y / (1 − y)).
    static func twoSidedQuantile(_ level: Double, degrees: Double) -> Double {
        if level <= 0 { return 0 }
        if level >= 1 { return .infinity }
        let y = BetaQuantile.quantile(level, 0.5, degrees / 2)
        return (degrees * y / (1 - y)).squareRoot()
    }
}

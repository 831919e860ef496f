#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The two pieces of Loader's saddle-point form of the binomial and beta densities (C. Loader, "Fast
/// and accurate computation of binomial probabilities", 2000; R's `dbinom_raw`, `stirlerr` and `bd0`):
/// the error of Stirling's formula and the deviance term. Both are small numbers computed directly,
/// where the textbook form takes the difference of logarithms of size n ln n and loses digits at large n.
enum SaddlePoint {
    /// ln Γ(z + 1) − ln(√(2π) z^(z + ½) e^(−z)), the error of Stirling's formula, for z > 0
    /// (≈ 1 / (12z) for large z). Exact table values for the integers 1...15, the asymptotic series
    /// above 15 (error below 3e-16), and `lgamma` for other z ≤ 15 (error about 1e-14 absolute).
    static func stirlingError(_ z: Double) -> Double {
        if z <= 15 {
            if z >= 1, let whole = Int(exactly: z) { return stirlingErrors[whole] }
            return lgamma(z + 1) - (z + 0.5) * log(z) + z - lnSqrt2Pi
        }
        let inverse = 1 / z
        let square = inverse * inverse
        if z > 500 { return (s0 - s1 * square) * inverse }
        if z > 80 { return (s0 - (s1 - s2 * square) * square) * inverse }
        if z > 35 { return (s0 - (s1 - (s2 - s3 * square) * square) * square) * inverse }
        return (s0 - (s1 - (s2 - (s3 - s4 * square) * square) * square) * square) * inverse
    }

    /// The deviance term x ln(x / m) + m − x (≥ 0, and 0 when x = m) for x > 0 and m > 0, with
    /// `difference` = x − m as exactly as the caller has it: near x = m the term is about
    /// (x − m)² / (2m), and m rounded to 53 bits would move it by up to m × 1e-16 × (x − m) / m.
    /// There it is summed as x ln(x/m) = 2x atanh(v), v = (x − m) / (x + m), which has no cancellation.
    static func deviance(_ x: Double, _ m: Double, difference: Double) -> Double {
        let sum = x + m
        if abs(difference) < 0.2 * sum {
            let v = difference / sum
            let vSquared = v * v
            var power = 2 * x * v
            var result = difference * v
            // |v| < 0.2: each term is 25 times smaller than the last; 30 are far more than enough.
            for j in 1...30 {
                power *= vSquared
                let next = result + power / Double(2 * j + 1)
                if next == result { break }
                result = next
            }
            return result
        }
        return x * log(x / m) - difference
    }

    /// ln √(2π).
    static let lnSqrt2Pi = 0.918_938_533_204_672_741_78
    private static let s0 = 1.0 / 12
    private static let s1 = 1.0 / 360
    private static let s2 = 1.0 / 1260
    private static let s3 = 1.0 / 1680
    private static let s4 = 1.0 / 1188
    /// stirlingError(n) for n = 0...15, from 40-digit values of ln Γ (index 0 is never read).
    private static let stirlingErrors: [Double] = [
        0.0, 0.081_061_466_795_327_258_22, 0.041_340_695_955_409_294_094, 0.027_677_925_684_998_339_149,
        0.020_790_672_103_765_093_112, 0.016_644_691_189_821_192_163, 0.013_876_128_823_070_747_999,
        0.011_896_709_945_891_770_095, 0.010_411_265_261_972_096_497, 0.009_255_462_182_712_732_917_7,
        0.008_330_563_433_362_871_256_5, 0.007_573_675_487_951_840_795, 0.006_942_840_107_209_529_865_7,
        0.006_408_994_188_004_207_068_4, 0.005_951_370_112_758_847_735_6, 0.005_554_733_551_962_801_371,
    ]
}

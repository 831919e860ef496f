import Testing

@testable import VicTrend

/// Properties of the incomplete beta function and its quantile over shapes from 0.1 to 10^15, integer
/// and not (the dispersion-scaled test's shapes are not integers).
@Suite("Incomplete beta function and beta quantiles")
struct IncompleteBetaTests {
    /// Shapes of every size, integer and not.
    private static let shapes: [(Double, Double)] = [
        (0.1, 0.1), (0.5, 3.7), (1, 1), (2.5, 1), (3, 40), (17.3, 4.1), (250, 180.5), (5000, 5100),
        (1e5 / 3, 1e5 / 7), (2e6, 3e6), (1e7 + 0.5, 9e6), (3e4, 3e9), (9.99e7, 1.2e8), (1e8, 1.2e8),
        (4e11, 5e11), (1e15, 1.1e15),
    ]

    @Test("the quantile is within one ulp of the true one, on either tail", arguments: shapes)
    func quantileInverts(a: Double, b: Double) {
        for q in [1e-12, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999_999] {
            let x = BetaQuantile.quantile(q, a, b)
            // The tail one ulp below x is at most q and one ulp above at least q (to 1e-12, the accuracy
            // of the function), on the side below ½ where both keep their digits; x = 1 when the true
            // quantile rounds to 1.
            let below = IncompleteBeta(x: x.nextDown, y: 1 - x.nextDown, a: a, b: b)
            let above = IncompleteBeta(x: min(x.nextUp, 1), y: 1 - min(x.nextUp, 1), a: a, b: b)
            if q <= 0.5 {
                #expect(below.value <= q * (1 + 1e-12) && above.value >= q * (1 - 1e-12), "q \(q): x \(x)")
            } else {
                let upper = 1 - q
                #expect(
                    below.complement >= upper * (1 - 1e-12) && above.complement <= upper * (1 + 1e-12),
                    "q \(q): x \(x)")
            }
        }
    }

    @Test("value and complement add up to 1, and the function grows with x", arguments: shapes)
    func monotone(a: Double, b: Double) {
        let mean = a / (a + b)
        let spread = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        var previous = 0.0
        for z in stride(from: -8.0, through: 8.0, by: 0.5) {
            let x = mean + z * spread
            guard x > 0 && x < 1 else { continue }
            let value = IncompleteBeta(x: x, y: 1 - x, a: a, b: b)
            #expect(abs(value.value + value.complement - 1) <= 1e-15)
            #expect(value.value >= previous, "z \(z)")
            previous = value.value
        }
    }

    /// Either side of min(a, b) = 10^8, where Temme's expansion takes over from the continued fraction,
    /// 2 and 6 standard deviations below the mean and at it: 60-digit quadrature values
    /// (scripts/high-precision-reference).
    @Test(
        "the continued fraction and Temme's expansion either side of min(a, b) = 10^8, to 1e-13",
        arguments: [
            (0.475_983_691_371_026_3, 99_999_999.0, 109_999_998.9, 9.861_198_320_394_749_3e-10),
            (0.476_121_547_917_326_2, 99_999_999.0, 109_999_998.9, 0.022_749_776_326_824_823),
            (0.476_190_476_190_476_16, 99_999_999.0, 109_999_998.9, 0.500_000_874_949_020_74),
            (0.475_983_691_372_060_26, 100_000_000.0, 110_000_000.000_000_01, 9.861_198_320_500_808_2e-10),
            (0.476_121_547_917_670_86, 100_000_000.0, 110_000_000.000_000_01, 0.022_749_776_326_901_24),
            (0.476_190_476_190_476_16, 100_000_000.0, 110_000_000.000_000_01, 0.500_000_874_949_251_04),
        ])
    func aroundTheSwitch(x: Double, a: Double, b: Double, expected: Double) {
        let value = IncompleteBeta(x: x, y: 1 - x, a: a, b: b).value
        #expect(abs(value - expected) / expected < 1e-13, "I \(value)")
    }

    @Test("Loader's terms: Stirling's error and the deviance against their definitions")
    func saddlePoint() {
        // ln Γ(z + 1) − ln(√(2π) z^(z + ½) e^(−z)) at 1, 10 (table), 15.5, 100, 1e6 (series), 0.3 (lgamma).
        let expected: [(Double, Double)] = [
            (1, 0.081_061_466_795_327_258), (10, 0.008_330_563_433_362_871_3),
            (15.5, 0.005_375_599_032_926_834_5),
            (100, 0.000_833_330_555_634_914_68), (1e6, 8.333_333_333_333_055_5e-8),
            (0.3, 0.236_064_900_748_215_59),
        ]
        for (z, value) in expected {
            #expect(abs(SaddlePoint.stirlingError(z) / value - 1) < 1e-13, "z \(z)")
        }
        // x ln(x/m) + m − x: 0 at x = m; (x − m)²/(2m) near it; plain formula far from it.
        #expect(SaddlePoint.deviance(7, 7, difference: 0) == 0)
        let near = SaddlePoint.deviance(1e15 + 3, 1e15, difference: 3)
        #expect(abs(near / (9 / 2e15) - 1) < 1e-12)
        #expect(abs(SaddlePoint.deviance(10, 4, difference: 6) - (10 * 0.916_290_731_874_155_1 - 6)) < 1e-14)
    }
}

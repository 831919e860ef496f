import Testing

@testable import VicTrend

/// Oracle values from R's poisson.test (as quoted in the issue) and scipy.stats (binom.cdf, beta.ppf);
/// `RReferenceTests` holds the test to R over a wider range of counts.
@Suite("Exact Poisson rate-ratio test for small counts")
struct RateRatioTestTests {
    /// True when `value` agrees with `expected` to `digits` significant digits.
    private func agrees(_ value: Double, _ expected: Double, digits: Int = 5) -> Bool {
        if expected == 0 { return abs(value) < 1e-12 }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return abs(value - expected) / abs(expected) < 1 / scale
    }

    @Test("R: poisson.test(c(930, 619), T = 3) has the 95% interval 1.355716 - 1.665905")
    func interval() {
        let test = RateRatioTest(victims: 930, base: 619, ratio: 1.1, confidence: 0.95)
        #expect(agrees(test.ratioLow, 1.355716))
        #expect(agrees(test.ratioHigh, 1.665905))
    }

    @Test("R: 0 after 5 with r = 1.1, less: p = 0.02449; 95 after 100: p = 0.1704")
    func issueOracles() {
        #expect(
            agrees(
                RateRatioTest(victims: 0, base: 5, ratio: 1.1, confidence: 0.95).pValue, 0.02448519, digits: 6
            ))
        #expect(
            agrees(
                RateRatioTest(victims: 95, base: 100, ratio: 1.1, confidence: 0.95).pValue, 0.1704069,
                digits: 6))
    }

    @Test(
        "p-values and intervals agree with scipy",
        arguments: [
            (0, 5, 1.1, 0.95, 0.02448519270213934, 0.0, 1.091279105182546),
            (3, 4, 1.1, 0.95, 0.44803460886601687, 0.10986347466312248, 4.433259889182373),
            (120, 110, 1.1, 0.95, 0.5008347703020701, 0.8351650499990521, 1.4261297423900114),
            (1100, 1210, 1.1, 0.95, 2.576492092999063e-06, 0.8370484883358928, 0.9872532050682417),
            (17, 4, 1.21, 0.95, 0.9970724370834094, 1.3862587318595323, 17.360897632051778),
            (5000, 5100, 1.1, 0.95, 3.8769089879379494e-09, 0.9426978092768722, 1.0195898708712001),
            (2, 2, 1.21, 0.90, 0.6130768279625258, 0.10817010508426676, 9.244698424032944),
            (95, 100, 1.1, 0.90, 0.17040692763838727, 0.7427486018945155, 1.2146420227608852),
        ])
    func scipy(
        victims: Int, base: Int, ratio: Double, confidence: Double, pValue: Double, low: Double, high: Double
    ) {
        let test = RateRatioTest(victims: victims, base: base, ratio: ratio, confidence: confidence)
        #expect(agrees(test.pValue, pValue), "p \(test.pValue)")
        #expect(agrees(test.ratioLow, low), "low \(test.ratioLow)")
        #expect(agrees(test.ratioHigh, high), "high \(test.ratioHigh)")
    }

    @Test("distribution edges")
    func edges() {
        // P(X ≤ 2) for Binomial(4, ½) = 11/16 = I_½(2, 3).
        #expect(agrees(IncompleteBeta(x: 0.5, y: 0.5, a: 2, b: 3).value, 11.0 / 16.0, digits: 14))
        #expect(IncompleteBeta(x: 0, y: 1, a: 2, b: 3).value == 0)
        #expect(IncompleteBeta(x: 1, y: 0, a: 2, b: 3).value == 1)
        #expect(IncompleteBeta(x: 0.3, y: 0.7, a: 0, b: 3).value == 1)
        #expect(IncompleteBeta(x: 0.3, y: 0.7, a: 2, b: 0).value == 0)
        #expect(BetaQuantile.quantile(0, 2, 3) == 0)
        #expect(BetaQuantile.quantile(1, 2, 3) == 1)
        // I_x(1, 1) = x, so the quantile is q itself; I_x(a, 1) = x^a.
        #expect(agrees(BetaQuantile.quantile(0.3, 1, 1), 0.3, digits: 14))
        #expect(agrees(BetaQuantile.quantile(0.3, 4, 1), 0.740_082_804_492_285_3, digits: 14))
        #expect(RateRatioTest(victims: 4, base: 0, ratio: 1.1, confidence: 0.95).ratioHigh == .infinity)
        #expect(RateRatioTest(victims: 4, base: 0, ratio: 1.1, confidence: 0.95).pValue == 1)
        #expect(RateRatioTest(victims: 0, base: 4, ratio: 1.1, confidence: 0.95).ratioLow == 0)
    }

    @Test("the test says why it was not computed: a count above 2^53, a ratio not positive and finite")
    func unavailable() {
        let limit = RateRatioTest.largestCount
        #expect(limit == 9_007_199_254_740_992)
        #expect(RateRatioTest.outcome(victims: limit, base: limit, ratio: 1.1, confidence: 0.95).test != nil)
        #expect(
            RateRatioTest.outcome(victims: limit + 1, base: 5, ratio: 1.1, confidence: 0.95)
                == .unavailable(.countAbove2To53))
        #expect(
            RateRatioTest.outcome(victims: 5, base: Int.max, ratio: 1.1, confidence: 0.95).unavailable
                == .countAbove2To53)
        for ratio in [0, -1, Double.infinity, Double.nan] {
            #expect(
                RateRatioTest.outcome(victims: 5, base: 5, ratio: ratio, confidence: 0.95)
                    == .unavailable(.ratioOutOfRange))
        }
        #expect(RateRatioTest.Unavailable.countAbove2To53.explanation.contains("2^53"))
    }

    @Test("the dispersion-scaled test with φ = 1 is the plain test, bit for bit")
    func dispersionOne() {
        for (victims, base) in [(0, 5), (3, 4), (930, 619), (1_100_000_000, 1_000_000_000)] {
            let plain = RateRatioTest(victims: victims, base: base, ratio: 1.1, confidence: 0.95)
            let scaled = RateRatioTest.dispersionScaled(
                victims: victims, base: base, ratio: 1.1, confidence: 0.95, dispersion: 1)
            #expect(plain == scaled)
        }
    }

    @Test("a comparison tests counts past 10^9 and up to 2^53, and says why above")
    func comparisonRange() throws {
        let options = AnalysisOptions()
        // 2,000,000,000 after 1,900,000,000: 5% growth against 10%, tested (it used to be skipped).
        let large = Comparison(
            victims: 2_000_000_000, year: 2021, base: (2020, 1_900_000_000), options: options)
        let test = try #require(large.test)
        #expect(large.testUnavailable == nil)
        #expect(test.pValue == 0 && large.significance == .significantShortfall)
        #expect(abs(test.ratioLow / 1.052_631_578_947_368_5 - 1) < 1e-4 && test.ratioHigh > test.ratioLow)
        // At 2^53 the comparison is tested too; one above, it says why not.
        let limit = RateRatioTest.largestCount
        let atLimit = Comparison(victims: limit, year: 2021, base: (2020, limit / 2), options: options)
        #expect(atLimit.test?.pValue == 1 && atLimit.testUnavailable == nil)
        let above = Comparison(victims: limit + 2, year: 2021, base: (2020, limit / 2), options: options)
        #expect(above.status == .met && above.test == nil && above.testUnavailable == .countAbove2To53)
        // Where the test does not apply (a first year, running totals), there is no reason either.
        let first = Comparison(victims: 5, year: 2021, base: nil, options: options)
        #expect(first.test == nil && first.testUnavailable == nil)
        let cumulative = Comparison(
            victims: limit + 2, year: 2021, base: (2020, limit / 2),
            options: AnalysisOptions(series: .cumulative))
        #expect(cumulative.test == nil && cumulative.testUnavailable == nil)
    }
}

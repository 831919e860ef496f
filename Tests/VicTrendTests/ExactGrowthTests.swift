import Testing

@testable import VicTrend

@Suite("Exact target arithmetic: ceil(base x (1 + rate)^years)")
struct ExactGrowthTests {
    private func required(_ base: Int, rate: String = "0.10", years: Int = 1) throws -> Int? {
        let target = try TargetRate(parsing: rate)
        let factor = target.growthFactor
        return ExactGrowth.ceilScaled(base, by: factor.numerator, over: factor.denominator, years: years)
    }

    @Test("the issue's boundary cases at 10%")
    func boundary() throws {
        #expect(try required(100) == 110)  // 100 -> 110 meets the target, 109 is short by 1
        #expect(try required(1000, years: 2) == 1210)  // 1000 -> 1210 over two years meets it
        #expect(try required(1, years: 1) == 2)  // 1.1 rounds up to 2
        #expect(try required(10) == 11)
        #expect(try required(0, years: 5) == 0)
    }

    @Test("values where binary floating point gets the boundary wrong")
    func floatingPointTraps() throws {
        // 1000 * 1.1^3 = 1331 exactly; in doubles it is 1331.0000000000005 and would round up to 1332.
        #expect(try required(1000, years: 3) == 1331)
        // 100 * 1.1 in doubles is 110.00000000000001; ceil would give 111.
        #expect(try required(100, years: 1) == 110)
        #expect(try required(10000, years: 4) == 14641)
        #expect(try required(3, rate: "0.1", years: 1) == 4)  // 3.3 -> 4
        #expect(try required(7, rate: "0.07", years: 2) == 9)  // 7 * 1.1449 = 8.0143 -> 9
        #expect(try required(200, rate: "0.125", years: 3) == 285)  // 200 * 1.423828125 = 284.77 -> 285
    }

    @Test("long gaps use arbitrary precision and agree with the machine-arithmetic path")
    func longGaps() throws {
        // 1000 * 1.1^30 = 17449.4022... -> 17450
        #expect(try required(1000, years: 30) == 17450)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let base = Int.random(in: 0...1_000_000, using: &generator)
            let years = Int.random(in: 0...12, using: &generator)
            let numerator = UInt64.random(in: 0...1000, using: &generator)
            let a = 1000 + numerator
            let fast = ExactGrowth.ceilScaled(base, by: a, over: 1000, years: years)
            let slow = ExactGrowth.slowCeilScaled(base, by: a, over: 1000, years: years)
            #expect(fast == slow, "base \(base), factor \(a)/1000, \(years) years")
        }
    }

    @Test("results beyond 64 bits are reported as nil, never wrapped")
    func overflow() throws {
        #expect(try required(Int.max, years: 1) == nil)
        #expect(try required(1_000_000, years: 400) == nil)
        #expect(ExactGrowth.ceilScaled(Int.max, by: 1, over: 1, years: 3) == Int.max)
        #expect(ExactGrowth.slowCeilScaled(Int.max, by: 1, over: 1, years: 3) == Int.max)
    }
}

extension ExactGrowthTests {
    @Test("powers by squaring equal repeated multiplication, overflow included")
    func powersBySquaring() {
        for value: UInt64 in [0, 1, 2, 3, 10, 11, 1000, 1_000_000_007, UInt64.max] {
            var naive: UInt128? = 1
            for exponent in 0...140 {
                #expect(ExactGrowth.power128(value, exponent) == naive, "\(value)^\(exponent)")
                naive = naive.flatMap {
                    let (product, overflow) = $0.multipliedReportingOverflow(by: UInt128(value))
                    return overflow ? nil : product
                }
            }
        }
    }

    @Test("the cached powers give the same required counts as computing them, at every gap")
    func cachedPowers() {
        var generator = SeededGenerator(seed: 61)
        for (a, b) in [
            (11 as UInt64, 10 as UInt64), (1019, 1000), (3, 2), (UInt64.max, UInt64.max - 1), (1, 1),
        ] {
            let powers = ExactGrowth.Powers(a: a, b: b)
            for years in 0...80 {
                let base = Int.random(in: 0...5_000_000, using: &generator)
                #expect(
                    powers.ceilScaled(base, years: years)
                        == ExactGrowth.ceilScaled(base, by: a, over: b, years: years),
                    "\(base) x (\(a)/\(b))^\(years)")
                #expect(
                    powers.ceilScaled(base, years: years)
                        == ExactGrowth.slowCeilScaled(base, by: a, over: b, years: years))
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

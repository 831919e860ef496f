#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exact integer arithmetic for growth targets: `base × (a/b)^years`, rounded up, with no floating point.
///
/// The common case (powers that fit in 128 bits) runs in machine arithmetic; larger powers fall back to an
/// arbitrary-precision natural number, so the answer is exact for any gap. That fallback costs
/// O(years²) limb operations, so it is only taken when the answer may fit in 64 bits: a result that
/// logarithms show to be far beyond 64 bits is `nil` at once (`surelyExceedsInt`). For a 10% target no
/// result fits beyond 459 years, so no call does more than a few thousand limb operations.
enum ExactGrowth {
    /// The smallest whole number `q` with `q ≥ base × (a/b)^years`, i.e. ⌈base × (a/b)^years⌉;
    /// `nil` when that number exceeds `Int.max`. `base ≥ 0`, `b > 0`, `years ≥ 0`.
    static func ceilScaled(_ base: Int, by a: UInt64, over b: UInt64, years: Int) -> Int? {
        var powers: (UInt128, UInt128)?
        if let numerator = power128(a, years), let denominator = power128(b, years) {
            powers = (numerator, denominator)
        }
        return ceilScaled(base, powers: powers, by: a, over: b, years: years)
    }

    /// `ceilScaled` with the powers aⁿ and bⁿ given (both `nil` when they do not fit in 128 bits).
    static func ceilScaled(
        _ base: Int, powers: (numerator: UInt128, denominator: UInt128)?, by a: UInt64,
        over b: UInt64, years: Int
    ) -> Int? {
        precondition(base >= 0 && b > 0 && years >= 0)
        if base == 0 { return 0 }
        if let (numerator, denominator) = powers {
            // Most products fit in 64 bits, where division is one instruction (128 bits take a call).
            if numerator <= UInt128(UInt64.max) && denominator <= UInt128(UInt64.max) {
                let (product, overflow) = UInt64(base).multipliedReportingOverflow(by: UInt64(numerator))
                if !overflow {
                    let (quotient, remainder) = product.quotientAndRemainder(dividingBy: UInt64(denominator))
                    let required = quotient + (remainder == 0 ? 0 : 1)
                    return required <= UInt64(Int.max) ? Int(required) : nil
                }
            }
            let (product, overflow) = UInt128(base).multipliedReportingOverflow(by: numerator)
            if !overflow {
                let (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
                let required = quotient + (remainder == 0 ? 0 : 1)
                return required <= UInt128(Int.max) ? Int(required) : nil
            }
        }
        if surelyExceedsInt(base, by: a, over: b, years: years) { return nil }
        return slowCeilScaled(base, by: a, over: b, years: years)
    }

    /// True when base × (a/b)^years is certainly above `Int.max`, decided from base-2 logarithms: above
    /// 63.01 bits. Their rounding error (under 1e-9 bits for any gap of years) is far inside that margin,
    /// so `true` is never wrong; `false` says nothing.
    static func surelyExceedsInt(_ base: Int, by a: UInt64, over b: UInt64, years: Int) -> Bool {
        guard base > 0, a > b, b > 0 else { return false }
        let bits = log2(Double(base)) + Double(years) * (log2(Double(a)) - log2(Double(b)))
        return bits > 63.01
    }

    /// The powers aⁿ and bⁿ of one growth factor a/b for small n, computed once: every assessment needs
    /// one for the required count and one for the trajectory.
    struct Powers {
        let a: UInt64
        let b: UInt64
        private var known: [(numerator: UInt128, denominator: UInt128)?] = []
        private static let cached = 64

        init(a: UInt64, b: UInt64) {
            self.a = a
            self.b = b
            known.reserveCapacity(Self.cached)
            // Each pair from the one before (one product each, not `power128`'s squarings): once either
            // power overflows 128 bits, so do all after it.
            var powers: (numerator: UInt128, denominator: UInt128)? = (1, 1)
            for _ in 0..<Self.cached {
                known.append(powers)
                if let (numerator, denominator) = powers {
                    let (nextNumerator, overflowA) = numerator.multipliedReportingOverflow(by: UInt128(a))
                    let (nextDenominator, overflowB) = denominator.multipliedReportingOverflow(by: UInt128(b))
                    powers = overflowA || overflowB ? nil : (nextNumerator, nextDenominator)
                }
            }
        }

        /// ⌈base × (a/b)^years⌉, as `ExactGrowth.ceilScaled`.
        func ceilScaled(_ base: Int, years: Int) -> Int? {
            guard years >= 0 && years < Self.cached else {
                return ExactGrowth.ceilScaled(base, by: a, over: b, years: years)
            }
            return ExactGrowth.ceilScaled(base, powers: known[years], by: a, over: b, years: years)
        }
    }

    /// The same as `ceilScaled`, always through `Natural` (kept separate so tests can compare the two).
    static func slowCeilScaled(_ base: Int, by a: UInt64, over b: UInt64, years: Int) -> Int? {
        var target = Natural(UInt64(base))
        var denominator = Natural(1)
        for _ in 0..<years {
            target.multiply(by: a)
            denominator.multiply(by: b)
        }
        // Smallest q with q × denominator ≥ target, by bisection over [0, Int.max].
        if denominator.multiplied(by: UInt64(Int.max)) < target { return nil }
        var low: UInt64 = 0
        var high = UInt64(Int.max)
        while low < high {
            let middle = low + (high - low) / 2
            if denominator.multiplied(by: middle) < target {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return Int(low)
    }

    /// `value^exponent` in 128 bits, or `nil` on overflow.
    /// By squaring: every square taken is a factor of the result (a square is taken only while higher
    /// bits of the exponent remain), so an overflow anywhere means the result overflows.
    static func power128(_ value: UInt64, _ exponent: Int) -> UInt128? {
        var result: UInt128 = 1
        var square = UInt128(value)
        var rest = exponent
        while rest > 0 {
            if rest & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: square)
                if overflow { return nil }
                result = product
            }
            rest >>= 1
            if rest > 0 {
                let (product, overflow) = square.multipliedReportingOverflow(by: square)
                if overflow { return nil }
                square = product
            }
        }
        return result
    }

}

/// A natural number of any size, with just the operations exact target tests need.
struct Natural: Comparable {
    /// Little-endian 64-bit limbs without high zero limbs (zero is `[]`).
    private(set) var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
    }

    mutating func multiply(by factor: UInt64) {
        if factor == 0 {
            limbs = []
            return
        }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    func multiplied(by factor: UInt64) -> Natural {
        var copy = self
        copy.multiply(by: factor)
        return copy
    }

    static func < (lhs: Natural, rhs: Natural) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }
}

extension ExactGrowth {
    /// True when `value ≥ base × (a/b)^years`, decided exactly (`value·bⁿ ≥ base·aⁿ`). Where the
    /// logarithms of the two sides differ by more than 0.01 bits (their rounding error is under 1e-9
    /// bits) they decide; only a near tie is multiplied out, and a tie needs (a/b)^years ≤ 2^63, which
    /// bounds the gap for any target above zero.
    static func reaches(_ value: Int, from base: Int, factor a: UInt64, over b: UInt64, years: Int) -> Bool {
        if value > 0, base > 0, a > 0, b > 0 {
            let difference =
                log2(Double(value)) - log2(Double(base)) - Double(years) * (log2(Double(a)) - log2(Double(b)))
            if difference > 0.01 { return true }
            if difference < -0.01 { return false }
        } else if value == 0 || base == 0 {
            // value ≥ 0 = base·aⁿ when base is 0; 0 ≥ base·aⁿ only when aⁿ is 0.
            return base == 0 || (a == 0 && years > 0)
        }
        return reachesExactly(value, from: base, factor: a, over: b, years: years)
    }

    /// `reaches`, always multiplied out (the reference the shortcut is tested against).
    static func reachesExactly(_ value: Int, from base: Int, factor a: UInt64, over b: UInt64, years: Int)
        -> Bool
    {
        var left = Natural(UInt64(value))
        var right = Natural(UInt64(base))
        for _ in 0..<years {
            left.multiply(by: b)
            right.multiply(by: a)
        }
        return !(left < right)
    }
}

/// A sum hi + lo of two doubles with |lo| ≤ ulp(hi) / 2: the exact result of one addition or one
/// multiplication of doubles, for the few quantities of the exact test that must not be rounded.
struct TwoDouble {
    var hi: Double
    var lo: Double

    /// a + b exactly (Knuth's two-sum; no overflow for finite a and b of moderate size).
    static func sum(_ a: Double, _ b: Double) -> TwoDouble {
        let s = a + b
        let bPart = s - a
        return TwoDouble(hi: s, lo: (a - (s - bPart)) + (b - bPart))
    }

    /// a × b exactly (the low part by a fused multiply-add), unless the product underflows.
    static func product(_ a: Double, _ b: Double) -> TwoDouble {
        let p = a * b
        return TwoDouble(hi: p, lo: (-p).addingProduct(a, b))
    }
}

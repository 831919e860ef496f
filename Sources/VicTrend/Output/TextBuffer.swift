/// An output buffer of UTF-8 bytes with number formatting that builds no intermediate `String`: the
/// CSV writer's hot path for millions of rows. Produces exactly the text of `NumberFormatting`.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A signed integer in decimal.
    mutating func append(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    /// An optional integer: nothing when `nil`.
    mutating func append(_ value: Int?) {
        if let value { append(value) }
    }

    private mutating func appendDigits(_ magnitude: UInt) {
        if magnitude < 10 {
            bytes.append(UInt8(truncatingIfNeeded: magnitude) + 48)
            return
        }
        // Digits into a stack buffer, then one append: one uniqueness check per number, not per digit.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = 20
            var rest = magnitude
            while rest > 0 {
                position -= 1
                digits[position] = UInt8(truncatingIfNeeded: rest % 10) + 48
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    /// `value` with `decimals` places, as `NumberFormatting.fixed`.
    mutating func append(fixed value: Double, decimals: Int) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) < 9.0e18 else {
            append(NumberFormatting.fixed(value, decimals: decimals))
            return
        }
        let units = Int(scaled)
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        for _ in 0..<decimals { divisor *= 10 }
        let magnitude = units.magnitude
        appendDigits(magnitude / divisor)
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % divisor
        var place = divisor / 10
        while place > 0 {
            bytes.append(UInt8(truncatingIfNeeded: fraction / place) + 48)
            fraction %= place
            place /= 10
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}

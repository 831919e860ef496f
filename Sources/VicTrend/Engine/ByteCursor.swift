/// Writes text and numbers through a raw pointer into room reserved beforehand
/// (`TextBuffer.write(reserving:_:)`), with no capacity check per byte: the innermost loop of the CSV
/// writer. Produces exactly the text of `NumberFormatting`.
///
/// The caller reserves enough room: at most 20 bytes for an integer, `room(fixed:decimals:)` for a fixed
/// decimal, the UTF-8 length of a text.
struct ByteCursor {
    /// Where the next byte goes.
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ position: UnsafeMutablePointer<UInt8>) {
        self.position = position
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        UnsafeMutableRawPointer(position).copyMemory(from: start, byteCount: bytes.count)
        position += bytes.count
    }

    mutating func put(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { put(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = text
            copy.withUTF8 { put(UnsafeRawBufferPointer($0)) }
        }
    }

    /// A signed integer in decimal.
    mutating func put(_ value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        putDigits(value.magnitude)
    }

    /// An optional integer: nothing when `nil`.
    mutating func put(_ value: Int?) {
        if let value { put(value) }
    }

    /// The most bytes `put(fixed:decimals:)` writes for `value`.
    static func room(fixed value: Double, decimals: Int) -> Int {
        fastFixed(value, decimals: decimals) != nil
            ? 22 + decimals : NumberFormatting.fixed(value, decimals: decimals).utf8.count
    }

    /// `value` with `decimals` places, as `NumberFormatting.fixed`.
    mutating func put(fixed value: Double, decimals: Int) {
        guard let (units, divisor) = Self.fastFixed(value, decimals: decimals) else {
            put(NumberFormatting.fixed(value, decimals: decimals))
            return
        }
        if units < 0 { put(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        putDigits(magnitude / divisor)
        guard decimals > 0 else { return }
        // The point, then the fraction's digits with leading zeros, written from the right.
        put(UInt8(ascii: "."))
        position += decimals
        Self.writeDigits(magnitude % divisor, count: decimals, endingAt: position)
    }

    /// The value in units of 10^−decimals, and 10^decimals, when it fits in 64 bits (else `nil`: the slow
    /// path through `NumberFormatting`).
    private static func fastFixed(_ value: Double, decimals: Int) -> (units: Int, divisor: UInt)? {
        guard decimals >= 0 && decimals <= 8 else { return nil }
        let scale = decimals == 4 ? 10_000.0 : (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) < 9.0e18 else { return nil }
        let divisor: UInt = decimals == 4 ? 10_000 : (0..<decimals).reduce(1) { value, _ in value * 10 }
        return (Int(scaled), divisor)
    }

    /// "00" to "99", for writing two digits per division.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// The digits of `magnitude`.
    mutating func putDigits(_ magnitude: UInt) {
        if magnitude < 10 {
            put(UInt8(truncatingIfNeeded: magnitude) + 48)
            return
        }
        var length = 2
        var limit: UInt = 100
        while length < 20 && magnitude >= limit {
            length += 1
            limit &*= 10
        }
        position += length
        Self.writeDigits(magnitude, count: length, endingAt: position)
    }

    /// Writes the last `count` decimal digits of `value` (with leading zeros) into the `count` bytes
    /// before `end`, two digits per division.
    private static func writeDigits(_ value: UInt, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var position = end
        var rest = value
        var left = count
        while left >= 2 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            position -= 2
            position[0] = pairs[pair]
            position[1] = pairs[pair + 1]
            left -= 2
        }
        if left == 1 {
            position -= 1
            position[0] = UInt8(truncatingIfNeeded: rest % 10) + 48
        }
    }
}

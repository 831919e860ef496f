/// Writes text and numbers through a raw pointer into room reserved beforehand
/// (`TextBuffer.write(reserving:_:)`), with no capacity check per byte: the innermost loop of the CSV
/// writer. Numbers are written by `NumberFormatting`'s digit writers, in place: the same code as every
/// other writer's numbers.
///
/// The caller reserves enough room: at most 20 bytes for an integer (`NumberFormatting.maxIntegerBytes`),
/// `room(fixedDecimals:)` for a fixed decimal, the UTF-8 length of a text.
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

    /// A signed integer in decimal (`NumberFormatting.writeInteger`). Inlined, as `put(fixed:)` is:
    /// the CSV writer calls both a dozen times a row.
    @inline(__always)
    mutating func put(_ value: Int) {
        position += NumberFormatting.writeInteger(value, to: position)
    }

    /// An optional integer: nothing when `nil`.
    mutating func put(_ value: Int?) {
        if let value { put(value) }
    }

    /// The most bytes `put(fixed:decimals:)` writes for any value with `decimals` places: the digits of a
    /// value that fits in 64 bits (`NumberFormatting.maxFixedBytes(decimals:)`), or the text of one that
    /// does not — Swift's shortest form, at most `maxShortestBytes`, or `NaN`, `inf`, `-inf`. A bound
    /// known without looking at the value, so that a row's room costs no formatting.
    static func room(fixedDecimals decimals: Int) -> Int {
        max(NumberFormatting.maxFixedBytes(decimals: decimals), maxShortestBytes)
    }

    /// The longest shortest-form text of a `Double`: a sign, 17 significant digits, the point and the
    /// exponent (`-2.2250738585072014e-308`).
    static let maxShortestBytes = 24

    /// `value` with `decimals` places: `NumberFormatting.fixed`'s digits, written in place
    /// (`NumberFormatting.writeFixed`); values beyond 64 bits, and NaN and infinities, through its text.
    /// With `comma`, the decimal separator is a comma (`0,0900`).
    @inline(__always)
    mutating func put(fixed value: Double, decimals: Int, comma: Bool = false) {
        let start = position
        if let (units, divisor) = NumberFormatting.fixedUnits(value, decimals: decimals) {
            position += NumberFormatting.writeFixed(
                units: units, divisor: divisor, decimals: decimals, to: position)
        } else {
            put(NumberFormatting.fixed(value, decimals: decimals))
        }
        guard comma else { return }
        var byte = start
        while byte < position {
            if byte.pointee == UInt8(ascii: ".") { byte.pointee = UInt8(ascii: ",") }
            byte += 1
        }
    }
}

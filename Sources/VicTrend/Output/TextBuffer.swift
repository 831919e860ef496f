/// An output buffer of UTF-8 bytes with number formatting that builds no intermediate `String`: the
/// CSV writer's hot path for millions of rows. Produces exactly the text of `NumberFormatting`.
///
/// The bytes live in memory the buffer owns, reached through a pointer: an append is one capacity check
/// and a store, with no copy-on-write check. A class, so that copies share (the writer owns its one).
final class TextBuffer {
    private struct Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int
    }

    private let storage: UnsafeMutablePointer<Storage>

    init(capacity: Int = 0) {
        let capacity = max(capacity, 256)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(base: .allocate(capacity: capacity), capacity: capacity))
    }

    deinit {
        storage.pointee.base.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The bytes written so far.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: storage.pointee.base, count: storage.pointee.count))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if storage.pointee.count + extra > storage.pointee.capacity { grow(extra) }
    }

    private func grow(_ extra: Int) {
        let capacity = max(2 * storage.pointee.capacity, storage.pointee.count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: storage.pointee.base, count: storage.pointee.count)
        storage.pointee.base.deallocate()
        storage.pointee.base = larger
        storage.pointee.capacity = capacity
    }

    /// Appends raw bytes.
    private func append(_ source: UnsafeRawBufferPointer) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        UnsafeMutableRawPointer(storage.pointee.base + storage.pointee.count).copyMemory(
            from: start, byteCount: source.count)
        storage.pointee.count += source.count
    }

    func append(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = text
            copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    @inline(__always)
    func append(byte: UInt8) {
        reserve(1)
        storage.pointee.base[storage.pointee.count] = byte
        storage.pointee.count += 1
    }

    /// A signed integer in decimal.
    func append(_ value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    /// An optional integer: nothing when `nil`.
    func append(_ value: Int?) {
        if let value { append(value) }
    }

    /// "00" to "99", for writing two digits per division.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    private func appendDigits(_ magnitude: UInt) {
        if magnitude < 10 {
            append(byte: UInt8(truncatingIfNeeded: magnitude) + 48)
            return
        }
        var length = 2
        var limit: UInt = 100
        while length < 20 && magnitude >= limit {
            length += 1
            limit &*= 10
        }
        reserve(length)
        Self.writeDigits(
            magnitude, count: length, endingAt: storage.pointee.base + storage.pointee.count + length)
        storage.pointee.count += length
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

    /// `value` with `decimals` places, as `NumberFormatting.fixed`.
    func append(fixed value: Double, decimals: Int) {
        let scale = decimals == 4 ? 10_000.0 : (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) < 9.0e18 else {
            append(NumberFormatting.fixed(value, decimals: decimals))
            return
        }
        let units = Int(scaled)
        if units < 0 { append(byte: UInt8(ascii: "-")) }
        let divisor: UInt = decimals == 4 ? 10_000 : (0..<decimals).reduce(1) { value, _ in value * 10 }
        let magnitude = units.magnitude
        appendDigits(magnitude / divisor)
        guard decimals > 0 else { return }
        // The point, then the fraction's digits with leading zeros, written from the right.
        reserve(decimals + 1)
        storage.pointee.base[storage.pointee.count] = UInt8(ascii: ".")
        Self.writeDigits(
            magnitude % divisor, count: decimals,
            endingAt: storage.pointee.base + storage.pointee.count + 1 + decimals)
        storage.pointee.count += decimals + 1
    }

    var text: String {
        String(
            decoding: UnsafeBufferPointer(start: storage.pointee.base, count: storage.pointee.count),
            as: UTF8.self)
    }

    /// Empties the buffer, keeping its memory.
    func removeAll() {
        storage.pointee.count = 0
    }
}

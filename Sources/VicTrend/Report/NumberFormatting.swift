#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one number formatter of every writer: locale-independent (the same bytes on every machine).
///
/// Digits are written by `writeDigits`, `writeInteger` and `writeFixed` into raw memory; the texts below
/// are made with them, and the CSV table's `ByteCursor` calls them in place, so a figure has one
/// spelling whichever writer prints it.
enum NumberFormatting {
    /// `value` rounded half away from zero to `decimals` places (0 to 19), ASCII minus: `0.1234`,
    /// `-0.0400`. Never prints `-0.0000`. Beyond 64 bits: Swift's shortest form (`1e+19`); `NaN`, `inf`,
    /// `-inf`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard let (units, divisor) = fixedUnits(value, decimals: decimals) else {
            guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
            return "\(value)"
        }
        return String(unsafeUninitializedCapacity: maxFixedBytes(decimals: decimals)) { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            return writeFixed(units: units, divisor: divisor, decimals: decimals, to: start)
        }
    }

    /// A growth fraction as a signed percentage with one decimal and a true minus sign:
    /// `+12.3%`, `−4.0%`, `0.0%`.
    static func percent(_ fraction: Double) -> String {
        let text = fixed(fraction * 100, decimals: 1)
        if text == "0.0" { return "0.0%" }
        if text.hasPrefix("-") { return "\u{2212}" + text.dropFirst() + "%" }
        return "+" + text + "%"
    }

    /// An integer in plain decimal digits, ASCII minus: `2015`, `-3`.
    static func integer(_ value: Int) -> String {
        String(unsafeUninitializedCapacity: maxIntegerBytes) { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            return writeInteger(value, to: start)
        }
    }

    /// A count with thousands grouped, or `x` when it is withheld (`nil`).
    static func count(_ value: Int?) -> String {
        value.map { grouped($0) } ?? "x"
    }

    /// An integer with `,` between thousands: `1,234,567`.
    static func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
        // At most bitWidth × log10(2) digits, a comma per three, a sign.
        let capacity = value.magnitude.bitWidth / 2 + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            guard let start = buffer.baseAddress else { return "" }
            // Written from the right, three digits at a time.
            var position = start + capacity
            var rest = value.magnitude
            while rest >= 1000 {
                let (quotient, group) = rest.quotientAndRemainder(dividingBy: 1000)
                writeDigits(UInt(group), count: 3, endingAt: position)
                position -= 4
                position.pointee = UInt8(ascii: ",")
                rest = quotient
            }
            let leading = UInt(rest)
            writeDigits(leading, count: digitCount(leading), endingAt: position)
            position -= digitCount(leading)
            if value < 0 {
                position -= 1
                position.pointee = UInt8(ascii: "-")
            }
            return String(
                decoding: UnsafeBufferPointer(start: position, count: start + capacity - position),
                as: UTF8.self)
        }
    }

    /// `value` with `digits` significant digits: fixed notation from 1e-4 to 1e15 (`0.1704`, `0.02449`,
    /// `1.356`), scientific outside (`3.877e-09`, `1.00e+19`). Zero is `0`.
    static func significant(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        if let decimals = fixedDecimals(significant: value, digits: digits) {
            return fixed(value, decimals: decimals)
        }
        let exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value
        for _ in 0..<max(0, -exponent) { mantissa *= 10 }
        for _ in 0..<max(0, exponent) { mantissa /= 10 }
        var text = fixed(mantissa, decimals: digits - 1)
        var shown = exponent
        if text.hasPrefix("10.") || text.hasPrefix("-10.") {  // rounding carried into the next power
            mantissa /= 10
            shown += 1
            text = fixed(mantissa, decimals: digits - 1)
        }
        let magnitude = integer(abs(shown))
        return text + "e" + (shown < 0 ? "-" : "+")
            + (magnitude.utf8.count == 1 ? "0" + magnitude : magnitude)
    }

    /// The decimals `significant` writes `value` with when it writes it as a fixed-point number (a finite
    /// value other than 0 from 1e-4 to below 1e15: `fixed(value, decimals:)`), else `nil` (0, NaN,
    /// infinities and the scientific form, which only `significant` writes).
    static func fixedDecimals(significant value: Double, digits: Int = 4) -> Int? {
        guard value.isFinite && value != 0 else { return nil }
        let exponent = Int(log10(abs(value)).rounded(.down))
        return exponent >= -4 && exponent < 15 ? max(0, digits - 1 - exponent) : nil
    }

    /// `value` with at most `decimals` decimals and no trailing zeros: `95`, `99.5`, `0.05`.
    static func compact(_ value: Double, maxDecimals decimals: Int = 6) -> String {
        if var (units, divisor) = fixedUnits(value, decimals: decimals) {
            // Trailing zeros dropped from the units: the digits `fixed` would write, without them.
            var places = decimals
            while places > 0 && units % 10 == 0 {
                units /= 10
                divisor /= 10
                places -= 1
            }
            return String(unsafeUninitializedCapacity: maxFixedBytes(decimals: places)) { buffer in
                guard let start = buffer.baseAddress else { return 0 }
                return writeFixed(units: units, divisor: divisor, decimals: places, to: start)
            }
        }
        var text = fixed(value, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: - Digits in raw memory (the CSV table's writer calls these in place)

    /// The most bytes `writeInteger` writes.
    static let maxIntegerBytes = 20

    /// The most bytes `writeFixed` writes for `decimals` places.
    static func maxFixedBytes(decimals: Int) -> Int { 21 + decimals }

    /// `value` rounded half away from zero in units of 10^−decimals, and 10^decimals; `nil` when it is
    /// not finite or does not fit in 64 bits (`fixed` then spells it otherwise).
    @inline(__always)
    static func fixedUnits(_ value: Double, decimals: Int) -> (units: Int, divisor: UInt)? {
        precondition(decimals >= 0 && decimals <= 19, "decimals out of range")
        // 10_000 spelt out: the CSV table's case, kept free of the loop.
        var scale = 10_000.0
        var divisor: UInt = 10_000
        if decimals != 4 {
            scale = 1
            divisor = 1
            for _ in 0..<decimals {
                scale *= 10
                divisor *= 10
            }
        }
        // Rounded half away from zero without a call to `round`: the part cut off by truncating is exact
        // (a scaled value of 2^52 or more is whole already, so the bound is the rounded value's).
        let scaled = value * scale
        guard value.isFinite, abs(scaled) < 9.0e18 else { return nil }
        var units = Int(scaled)
        let cut = scaled - Double(units)
        if cut >= 0.5 {
            units += 1
        } else if cut <= -0.5 {
            units -= 1
        }
        return (units, divisor)
    }

    /// Writes `units / divisor` with `decimals` places (`divisor` = 10^decimals, from `fixedUnits`) at
    /// `start`: sign, whole digits, point, fraction with its leading zeros. Returns the bytes written
    /// (at most `maxFixedBytes(decimals:)`).
    @inline(__always)
    static func writeFixed(units: Int, divisor: UInt, decimals: Int, to start: UnsafeMutablePointer<UInt8>)
        -> Int
    {
        var position = start
        if units < 0 {
            position.pointee = UInt8(ascii: "-")
            position += 1
        }
        let magnitude = units.magnitude
        let whole = magnitude / divisor
        let wholeDigits = digitCount(whole)
        position += wholeDigits
        writeDigits(whole, count: wholeDigits, endingAt: position)
        guard decimals > 0 else { return position - start }
        position.pointee = UInt8(ascii: ".")
        position += 1 + decimals
        writeDigits(magnitude % divisor, count: decimals, endingAt: position)
        return position - start
    }

    /// Writes `value` in decimal at `start`; returns the bytes written (at most `maxIntegerBytes`).
    @inline(__always)
    static func writeInteger(_ value: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var position = start
        if value < 0 {
            position.pointee = UInt8(ascii: "-")
            position += 1
        }
        let magnitude = value.magnitude
        if magnitude < 10 {
            position.pointee = UInt8(truncatingIfNeeded: magnitude) + 48
            return position + 1 - start
        }
        if magnitude < 10_000 {
            // Years and most counts: two pairs of digits at most, without counting the digits first.
            let pairs = digitPairs.utf8Start
            let high = Int(truncatingIfNeeded: magnitude / 100)
            let low = Int(truncatingIfNeeded: magnitude % 100) * 2
            if high >= 10 {
                position[0] = pairs[high * 2]
                position[1] = pairs[high * 2 + 1]
                position += 2
            } else if high > 0 {
                position[0] = UInt8(truncatingIfNeeded: high) + 48
                position += 1
            }
            position[0] = pairs[low]
            position[1] = pairs[low + 1]
            return position + 2 - start
        }
        let digits = digitCount(magnitude)
        position += digits
        writeDigits(magnitude, count: digits, endingAt: position)
        return position - start
    }

    /// The number of decimal digits of `magnitude` (1 for 0).
    @inline(__always)
    static func digitCount(_ magnitude: UInt) -> Int {
        if magnitude < 10 { return 1 }
        var count = 2
        var limit: UInt = 100
        while count < 20 && magnitude >= limit {
            count += 1
            limit &*= 10
        }
        return count
    }

    /// "00" to "99", for writing two digits per division.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Writes the last `count` decimal digits of `value` (with leading zeros) into the `count` bytes
    /// before `end`, two digits per division.
    @inline(__always)
    static func writeDigits(_ value: UInt, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
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

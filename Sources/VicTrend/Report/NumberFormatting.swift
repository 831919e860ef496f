#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Locale-independent number formatting shared by the writers (the same bytes on every machine).
enum NumberFormatting {
    /// `value` rounded half away from zero to `decimals` places, ASCII minus: `0.1234`, `-0.0400`.
    /// Never prints `-0.0000`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e18 else { return "\(value)" }
        let units = Int(scaled)
        let magnitude = units.magnitude
        var divisor: UInt = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = units < 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
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
        String(value)
    }

    /// A count with thousands grouped, or `x` when it is withheld (`nil`).
    static func count(_ value: Int?) -> String {
        value.map { grouped($0) } ?? "x"
    }

    /// An integer with `,` between thousands: `1,234,567`.
    static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with `digits` significant digits: fixed notation from 1e-4 to 1e15 (`0.1704`, `0.02449`,
    /// `1.356`), scientific outside (`3.877e-09`, `1.00e+19`). Zero is `0`.
    static func significant(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let exponent = Int(log10(abs(value)).rounded(.down))
        if exponent >= -4 && exponent < 15 {
            return fixed(value, decimals: max(0, digits - 1 - exponent))
        }
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
        let magnitude = String(abs(shown))
        return text + "e" + (shown < 0 ? "-" : "+") + (magnitude.count == 1 ? "0" + magnitude : magnitude)
    }

    /// `value` with at most `decimals` decimals and no trailing zeros: `95`, `99.5`, `0.05`.
    static func compact(_ value: Double, maxDecimals decimals: Int = 6) -> String {
        var text = fixed(value, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// The required growth a year, held exactly as a fraction (no binary floating point).
///
/// Read from decimal text such as `0.10`: `0.10` is exactly 1/10, so a count of 110 after 100 meets a
/// 10% target, with no rounding in between.
public struct TargetRate: Sendable, Hashable, CustomStringConvertible {
    /// rate = numerator / denominator, in lowest terms.
    public let numerator: UInt64
    /// Always positive; a divisor of 10^9.
    public let denominator: UInt64

    /// The Global Alliance's operational goal: at least 10% more identified victims a year.
    public static let allianceGoal = TargetRate(numerator: 1, denominator: 10)

    /// Why a target-rate text was refused.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a plain decimal number.
        case notADecimal(String)
        /// More than nine decimal places.
        case tooPrecise(String)
        /// Above 1 (100% a year), which is almost always a percentage typed as a whole number.
        case outOfRange(String)
        /// Below 0: the goal is growth.
        case negative(String)

        public var description: String {
            switch self {
            case .notADecimal(let text):
                return "target rate '\(text)' is not a decimal fraction; write it like 0.10 for 10% a year"
            case .tooPrecise(let text):
                return "target rate '\(text)' has more than 9 decimal places"
            case .outOfRange(let text):
                return "target rate '\(text)' is above 1 (100% a year); give a fraction: 0.10 means 10%"
            case .negative(let text):
                return
                    "target rate '\(text)' is below 0; the target is growth from 0 to 1: 0.10 means 10% a year"
            }
        }
    }

    private init(numerator: UInt64, denominator: UInt64) {
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// Reads a decimal fraction such as `0.10`, `.125` or `0` (0 ≤ rate ≤ 1, at most 9 decimals).
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingBlanks
        if trimmed.hasPrefix("-"), (try? Self(parsing: String(trimmed.dropFirst()))) != nil {
            throw .negative(text)
        }
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits = { (part: Substring) in
            part.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        }
        guard !(whole.isEmpty && fraction.isEmpty), isDigits(whole), isDigits(fraction),
            parts.count == 1 || !fraction.isEmpty
        else { throw .notADecimal(text) }
        guard fraction.count <= 9 else { throw .tooPrecise(text) }
        guard whole.count <= 9, let wholeValue = UInt64(whole.isEmpty ? "0" : whole) else {
            throw .outOfRange(text)
        }
        var denominator: UInt64 = 1
        for _ in 0..<fraction.count { denominator *= 10 }
        let fractionValue = UInt64(fraction.isEmpty ? "0" : fraction) ?? 0
        let numerator = wholeValue * denominator + fractionValue
        guard numerator <= denominator else { throw .outOfRange(text) }
        self.init(numerator: numerator, denominator: denominator)
    }

    /// The rate as a decimal fraction, shortest exact form: `0.1`, `0.125`.
    public var description: String { Self.decimal(numerator, over: denominator, scale: 1) }

    /// The rate as a percentage, exact: `10%`, `12.5%`.
    public var percentText: String { Self.decimal(numerator, over: denominator, scale: 100) + "%" }

    /// The growth factor 1 + rate as exact decimal text: `1.1` for 10%.
    public var growthFactorText: String { Self.decimal(denominator + numerator, over: denominator, scale: 1) }

    /// The yearly growth factor 1 + rate as (numerator, denominator).
    var growthFactor: (numerator: UInt64, denominator: UInt64) { (denominator + numerator, denominator) }

    /// The rate as a `Double`, for display and statistics only (never for met/shortfall decisions).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    private static func decimal(_ numerator: UInt64, over denominator: UInt64, scale: UInt64) -> String {
        // denominator divides 10^9, so numerator * scale / denominator has at most 9 decimals.
        let scaled = numerator * scale
        let whole = scaled / denominator
        var remainder = scaled % denominator
        var digits = ""
        while remainder != 0 {
            remainder *= 10
            digits.append(Character(Unicode.Scalar(UInt8(48 + remainder / denominator))))
            remainder %= denominator
        }
        return digits.isEmpty ? "\(whole)" : "\(whole).\(digits)"
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs.
    var trimmingBlanks: String {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}

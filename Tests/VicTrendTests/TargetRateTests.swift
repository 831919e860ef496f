import Testing

@testable import VicTrend

@Suite("The target rate, read exactly from decimal text")
struct TargetRateTests {
    @Test(
        "decimal text becomes an exact fraction",
        arguments: [
            ("0.10", UInt64(1), UInt64(10)), ("0.1", 1, 10), (".125", 1, 8), ("0", 0, 1), ("1", 1, 1),
            ("0.000000001", 1, 1_000_000_000), (" 0.25 ", 1, 4), ("1.0", 1, 1),
        ])
    func parsing(text: String, numerator: UInt64, denominator: UInt64) throws {
        let rate = try TargetRate(parsing: text)
        #expect(rate.numerator == numerator)
        #expect(rate.denominator == denominator)
    }

    @Test(
        "texts that are refused, with the reason",
        arguments: [
            ("10", TargetRate.ParseError.outOfRange("10")), ("1.5", .outOfRange("1.5")),
            ("10%", .notADecimal("10%")), ("abc", .notADecimal("abc")), ("", .notADecimal("")),
            ("-0.1", .negative("-0.1")), ("-1.5", .notADecimal("-1.5")), ("--0.1", .notADecimal("--0.1")),
            ("0.1234567891", .tooPrecise("0.1234567891")),
            ("1e-1", .notADecimal("1e-1")), ("0.", .notADecimal("0.")), (".", .notADecimal(".")),
        ])
    func refused(text: String, error: TargetRate.ParseError) {
        #expect(throws: error) { try TargetRate(parsing: text) }
    }

    @Test("display forms are exact")
    func display() throws {
        #expect(TargetRate.allianceGoal.description == "0.1")
        #expect(TargetRate.allianceGoal.percentText == "10%")
        #expect(TargetRate.allianceGoal.growthFactorText == "1.1")
        let eighth = try TargetRate(parsing: "0.125")
        #expect(eighth.percentText == "12.5%")
        #expect(eighth.growthFactorText == "1.125")
        #expect(TargetRate.ParseError.outOfRange("10").description.contains("0.10 means 10%"))
    }
}

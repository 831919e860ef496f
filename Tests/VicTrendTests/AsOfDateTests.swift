import Testing

@testable import VicTrend

@Suite("Dates of running totals: YYYY-MM-DD or YYYY-MM, elapsed years as days / 365.25")
struct AsOfDateTests {
    private func date(_ text: String) throws -> AsOfDate { try AsOfDate.parse(text).get() }

    @Test("January 2017 to November 2022: 2,130 days, 5.8316 years (not 5)")
    func issueExample() throws {
        // 2017-01-01 → 2022-01-01: 5 × 365 + 1 (2020) = 1,826 days; January to October 2022: 304 days.
        let start = try date("2017-01")
        let end = try date("2022-11")
        #expect(start == AsOfDate(year: 2017, month: 1, day: 1, monthOnly: true))
        #expect(end.dayNumber - start.dayNumber == 2_130)
        #expect(abs(AsOfDate.years(from: start, to: end) - 2_130 / 365.25) < 1e-15)
        #expect(abs(AsOfDate.years(from: start, to: end) - 5.831622176591376) < 1e-12)
    }

    @Test("day numbers: the epoch, leap days, the Gregorian century rule")
    func dayNumbers() throws {
        #expect(try date("1970-01-01").dayNumber == 0)
        #expect(try date("2000-03-01").dayNumber - date("2000-02-28").dayNumber == 2)  // 2000 is leap
        #expect(try date("1900-03-01").dayNumber - date("1900-02-28").dayNumber == 1)  // 1900 is not
        #expect(try date("2024-12-31").dayNumber - date("2024-01-01").dayNumber == 365)
        #expect(try date("2023-12-31").dayNumber - date("2023-01-01").dayNumber == 364)
        // 2021-06-30 → 2022-06-30: one year of 365 days, 0.9993 of a mean year.
        #expect(
            abs(AsOfDate.years(from: try date("2021-06-30"), to: try date("2022-06-30")) - 365 / 365.25)
                < 1e-15)
        #expect(try date(" 2022-11-07 ") == AsOfDate(year: 2022, month: 11, day: 7, monthOnly: false))
    }

    @Test(
        "invalid dates are refused with the reason",
        arguments: [
            ("2023-02-29", "'2023-02-29': 2023-02 has 28 days"),
            ("2022-13", "'2022-13': there is no month 13"),
            ("2022-00-10", "'2022-00-10': there is no month 0"),
            ("2022-04-31", "'2022-04-31': 2022-04 has 30 days"),
            ("0999-01", "'0999-01': the year must have four digits, 1000 to 9999"),
            (
                "2022-1-5",
                "'2022-1-5' is not a date: a date is YYYY-MM-DD or YYYY-MM (a month, meaning its first day)"
            ),
            (
                "2022/11/05",
                "'2022/11/05' is not a date: a date is YYYY-MM-DD or YYYY-MM (a month, meaning its first day)"
            ),
            ("", "'' is not a date: a date is YYYY-MM-DD or YYYY-MM (a month, meaning its first day)"),
            (
                "2022-1a-05",
                "'2022-1a-05' is not a date: a date is YYYY-MM-DD or YYYY-MM (a month, meaning its first day)"
            ),
        ])
    func refused(text: String, message: String) {
        #expect(AsOfDate.parse(text) == .failure(AsOfDate.ParseError(description: message)))
    }
}

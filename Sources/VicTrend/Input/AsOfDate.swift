/// The date a running total stands at (`--series cumulative` with a date column): `YYYY-MM-DD`, or
/// `YYYY-MM` for a month, which means the first day of that month (the usual convention of statistical
/// offices for a figure "as of" a month). Dates are proleptic Gregorian; the year is 1000–9999, the month
/// and day have two digits and must exist (2023-02-29 does not).
///
/// Running totals at dates are annualised by the exact elapsed time, days / 365.25 (the mean Julian year),
/// instead of whole calendar years: January 2017 to November 2022 is 2,130 days, 5.83 years, not 5.
///
/// Read from the date column of a long file under `--series cumulative` (`--date-column`, aliases
/// `date`, `as_of`; see docs/statistics.md, "Running totals at dates"). Stored in 5 bytes, so that an
/// `Observation` grows by 8 bytes, not 32, for the undated figures of every other input.
struct AsOfDate: Sendable, Hashable, Comparable {
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8
    /// Written as `YYYY-MM` (the first of the month stands for it).
    let monthOnly: Bool

    /// The year, 1000–9999.
    var year: Int { Int(storedYear) }
    /// The month, 1–12.
    var month: Int { Int(storedMonth) }
    /// The day of the month (1 for a month-only date).
    var day: Int { Int(storedDay) }

    /// A date from its parts (which the caller checked: year 1000–9999, an existing month and day).
    init(year: Int, month: Int, day: Int, monthOnly: Bool) {
        storedYear = Int16(truncatingIfNeeded: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
        self.monthOnly = monthOnly
    }

    /// The date as the reports show it: `YYYY-MM` for a month-only date, else `YYYY-MM-DD`.
    var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))" + (monthOnly ? "" : "-\(two(day))")
    }

    /// Why a cell is not a date, in words for the person who wrote it.
    struct ParseError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Reads `text` (blanks around it ignored): `YYYY-MM-DD` or `YYYY-MM`.
    static func parse(_ text: String) -> Result<AsOfDate, ParseError> {
        let bytes = Array(
            text.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
                .reversed())
        let shown = String(decoding: bytes.prefix(40), as: UTF8.self) + (bytes.count > 40 ? "…" : "")
        let form = "a date is YYYY-MM-DD or YYYY-MM (a month, meaning its first day)"
        guard bytes.count == 7 || bytes.count == 10, bytes[4] == UInt8(ascii: "-"),
            bytes.count == 7 || bytes[7] == UInt8(ascii: "-")
        else {
            return .failure(ParseError(description: "'\(shown)' is not a date: \(form)"))
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7) else {
            return .failure(ParseError(description: "'\(shown)' is not a date: \(form)"))
        }
        guard year >= 1000 else {
            return .failure(
                ParseError(description: "'\(shown)': the year must have four digits, 1000 to 9999"))
        }
        guard (1...12).contains(month) else {
            return .failure(ParseError(description: "'\(shown)': there is no month \(month)"))
        }
        guard bytes.count == 10 else {
            return .success(AsOfDate(year: year, month: month, day: 1, monthOnly: true))
        }
        guard let day = number(8..<10) else {
            return .failure(ParseError(description: "'\(shown)' is not a date: \(form)"))
        }
        let length = daysInMonth(month, of: year)
        guard (1...length).contains(day) else {
            return .failure(
                ParseError(
                    description:
                        "'\(shown)': \(year)-\(bytes[5...6].map { String(UnicodeScalar($0)) }.joined()) has \(length) days"
                ))
        }
        return .success(AsOfDate(year: year, month: month, day: day, monthOnly: false))
    }

    /// Days in `month` (1–12) of `year`, leap years by the Gregorian rule.
    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days since 1970-01-01 (negative before it): the civil-from-days inverse of Howard Hinnant's
    /// `days_from_civil`, exact for every proleptic Gregorian date.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The elapsed time from `start` to `end` in years: days / 365.25.
    static func years(from start: AsOfDate, to end: AsOfDate) -> Double {
        Double(end.dayNumber - start.dayNumber) / 365.25
    }

    static func < (lhs: AsOfDate, rhs: AsOfDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

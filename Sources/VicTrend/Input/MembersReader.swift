/// Reads a members file: CSV with a country column (named like the data's) and a `joined` column (a
/// date such as `2012-12-05`, a year, text such as `by 2014`, or empty when unknown). Other columns
/// (names, notes) are ignored.
public enum MembersReader {
    /// Reads `path`. Throws only when the file cannot be read; problems in it are diagnostics.
    public static func read(_ path: String, countries: CountryMatching = .iso) throws(InputError) -> (
        members: Members, log: DiagnosticLog
    ) {
        var members = Members()
        var log = DiagnosticLog()
        try CountryListReader.read(
            path, kind: "members", columns: [("joined", false)], countries: countries, log: &log
        ) { row, log in
            guard !row.country.isEmpty else {
                log.add(
                    Diagnostic(
                        .invalidMemberRow, at: row.cellLocation(nil),
                        "every row of a members file needs a country"))
                return
            }
            var firstYear: Int?
            if let joined = row.values[0] {
                if let year = firstYearIn(joined) {
                    // Joining late in a year (the launch was 5 December 2012): figures from the next year.
                    firstYear = joined.contains("-") ? year + 1 : year
                } else if !joined.isEmpty {
                    log.add(
                        Diagnostic(
                            .invalidMemberRow, at: row.cellLocation(0),
                            "the joined date '\(joined)' has no four-digit year; write a date (2012-12-05), "
                                + "a year, or leave it empty when unknown"))
                    return
                }
            }
            members.add(.init(country: row.country, firstExpectedYear: firstYear, location: row.location))
        }
        return (members, log)
    }

    /// The first run of exactly four digits in `text`, as a year.
    static func firstYearIn(_ text: String) -> Int? {
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                if digits.count == 4, let year = Int(digits) { return year }
                digits = ""
            }
        }
        return nil
    }
}

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
        var columns: (country: Int, joined: Int?)?
        var width = 0
        var headerSeen = false
        let reader = CSVReader(path: path)
        let stop = try reader.read { record, reader in
            if !headerSeen {
                headerSeen = true
                let names = (0..<record.count).map { ColumnMapping.normalise(record.text($0)) }
                width = record.count
                if let country = names.firstIndex(where: { ColumnMapping.Role.country.aliases.contains($0) })
                {
                    columns = (country, names.firstIndex(of: "joined"))
                } else {
                    log.add(
                        Diagnostic(
                            .missingColumn, at: reader.recordLocation,
                            "a members file needs a country column (country, country_code, iso3 or geo) and "
                                + "may have a joined column"))
                }
                return
            }
            guard let columns, !record.isBlank else { return }
            guard record.count == width else {
                log.add(
                    Diagnostic(
                        record.count < width ? .missingCells : .extraCells, at: reader.recordLocation,
                        "this row has \(record.count) cells but the header has \(width)"))
                return
            }
            let text = record.text(columns.country).trimmingBlanks
            var country = text
            if countries == .iso, !text.isEmpty {
                guard let code = CountryTable.standard.country(text)?.alpha3 else {
                    log.add(CountryTable.standard.unknown(text, at: reader.location(ofCell: columns.country)))
                    return
                }
                country = code
            }
            guard !country.isEmpty else {
                log.add(
                    Diagnostic(
                        .invalidMemberRow, at: reader.location(ofCell: columns.country),
                        "every row of a members file needs a country"))
                return
            }
            var firstYear: Int?
            if let joined = columns.joined {
                let text = record.text(joined)
                if let year = firstYearIn(text) {
                    // Joining late in a year (the launch was 5 December 2012): figures from the next year.
                    firstYear = text.contains("-") ? year + 1 : year
                } else if !text.trimmingBlanks.isEmpty {
                    log.add(
                        Diagnostic(
                            .invalidMemberRow, at: reader.location(ofCell: joined),
                            "the joined date '\(text)' has no four-digit year; write a date (2012-12-05), "
                                + "a year, or leave it empty when unknown"))
                    return
                }
            }
            members.add(
                .init(country: country, firstExpectedYear: firstYear, location: reader.recordLocation))
        }
        if let stop { log.add(stop) }
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

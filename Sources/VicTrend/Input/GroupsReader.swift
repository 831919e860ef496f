/// Reads a groups file: CSV with a country column (named like the data's: `country`, `country_code`,
/// `iso3` or `geo`) and a `group` column, one row per country and group.
public enum GroupsReader {
    /// Reads `path`. Throws only when the file cannot be read; problems in it are diagnostics.
    public static func read(_ path: String, countries: CountryMatching = .iso) throws(InputError) -> (
        groups: Groups, log: DiagnosticLog
    ) {
        var groups = Groups()
        var log = DiagnosticLog()
        var columns: (country: Int, group: Int)?
        var width = 0
        var headerSeen = false
        let reader = CSVReader(path: path)
        let stop = try reader.read { record, reader in
            if !headerSeen {
                headerSeen = true
                let names = (0..<record.count).map { ColumnMapping.normalise(record.text($0)) }
                width = record.count
                let country = names.firstIndex { ColumnMapping.Role.country.aliases.contains($0) }
                let group = names.firstIndex(of: "group")
                if let country, let group {
                    columns = (country, group)
                } else {
                    log.add(
                        Diagnostic(
                            .missingColumn, at: reader.recordLocation,
                            "a groups file needs a country column (country, country_code, iso3 or geo) and a "
                                + "group column; the header has: "
                                + (0..<record.count).map { "'\(record.text($0))'" }.joined(separator: ", ")))
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
            let group = record.text(columns.group).trimmingBlanks
            guard !country.isEmpty, !group.isEmpty else {
                let cell = country.isEmpty ? columns.country : columns.group
                log.add(
                    Diagnostic(
                        .invalidGroupRow, at: reader.location(ofCell: cell),
                        "every row of a groups file needs a country and a group"))
                return
            }
            groups.add(country: country, to: group)
        }
        if let stop { log.add(stop) }
        return (groups, log)
    }
}

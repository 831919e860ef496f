/// Reads a groups file: CSV with a country column (named like the data's: `country`, `country_code`,
/// `iso3` or `geo`) and a `group` column, one row per country and group; at most
/// `Groups.maximumCount` groups (past them, one error, VT208, at the first row of one more).
public enum GroupsReader {
    /// Reads `path`. Throws only when the file cannot be read; problems in it are diagnostics.
    public static func read(_ path: String, countries: CountryMatching = .iso) throws(InputError) -> (
        groups: Groups, log: DiagnosticLog
    ) {
        var groups = Groups()
        var log = DiagnosticLog()
        var refused = false
        try CountryListReader.read(
            path, kind: "groups", columns: [("group", true)], countries: countries, log: &log
        ) { row, log in
            let group = row.values[0] ?? ""
            guard !row.country.isEmpty, !group.isEmpty else {
                log.add(
                    Diagnostic(
                        .invalidGroupRow, at: row.cellLocation(row.country.isEmpty ? nil : 0),
                        "every row of a groups file needs a country and a group"))
                return
            }
            if !groups.has(group) && groups.count == Groups.maximumCount {
                if !refused {
                    refused = true
                    log.add(
                        Diagnostic(
                            .tooManyGroups, at: row.cellLocation(0),
                            "a groups file names at most \(Groups.maximumCount) groups, and this row starts one "
                                + "more: each group is a total in every year, and secondary suppression weighs "
                                + "every pair of them; report the groups in several runs"))
                }
                return
            }
            groups.add(country: row.country, to: group)
        }
        return (groups, log)
    }
}

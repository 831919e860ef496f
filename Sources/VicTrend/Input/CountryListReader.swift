/// Reads the small country lists victrend takes besides the data (groups, members): a CSV with a
/// country column, named like the data's (`country`, `country_code`, `iso3` or `geo`), and other
/// named columns. It checks the header and the cell counts, resolves countries as the data's are
/// resolved, and hands each row on.
enum CountryListReader {
    /// One row of a list.
    struct Row {
        /// The country key (alpha-3 with ISO matching), or "" when the cell is empty.
        var country: String
        /// The trimmed text of each requested column, in the order requested (`nil` for an absent
        /// optional column).
        var values: [String?]
        /// The row's location.
        var location: Location
        /// The location of the country cell or of requested column `index`.
        var cellLocation: (_ requested: Int?) -> Location
    }

    /// Reads `path` as a `kind` file ("groups", "members") with the given columns; `row` sees each data
    /// row whose country is known (or empty).
    static func read(
        _ path: String, kind: String, columns: [(name: String, required: Bool)], countries: CountryMatching,
        log: inout DiagnosticLog, row handle: (Row, inout DiagnosticLog) -> Void
    ) throws(InputError) {
        var country: Int?
        var requested: [Int?] = []
        var width = 0
        var headerSeen = false
        var header: [String] = []
        let reader = CSVReader(path: path)
        let stop = try reader.read { record, reader in
            if !headerSeen {
                headerSeen = true
                header = (0..<record.count).map { record.text($0) }
                let names = (0..<record.count).map { ColumnMapping.normalise(record.text($0)) }
                width = record.count
                country = names.firstIndex { ColumnMapping.Role.country.aliases.contains($0) }
                requested = columns.map { names.firstIndex(of: $0.name) }
                let missing = zip(columns, requested).contains { $0.required && $1 == nil }
                if country == nil || missing {
                    let needed = columns.filter(\.required).map { " and a \($0.name) column" }.joined()
                    log.add(
                        Diagnostic(
                            .missingColumn, at: reader.recordLocation,
                            "a \(kind) file needs a country column (country, country_code, iso3 or geo)\(needed); "
                                + "the header has: "
                                + (0..<record.count).map { "'\(record.text($0))'" }.joined(separator: ", ")))
                    country = nil
                }
                return
            }
            guard let country, !record.isBlank else { return }
            guard record.count == width else {
                log.add(
                    Diagnostic(
                        record.count < width ? .missingCells : .extraCells, at: reader.recordLocation,
                        "this row has \(record.count) cells but the header has \(width)"))
                return
            }
            let text = record.text(country).trimmingBlanks
            var key = text
            if countries == .iso, !text.isEmpty {
                guard let code = CountryTable.standard.country(text)?.alpha3 else {
                    // An aggregate (EU27_2020) is in no total whatever a list says: a note, not an error.
                    log.add(
                        Aggregates.isAggregate(text)
                            ? Aggregates.leftOut(
                                text, at: reader.location(ofCell: country),
                                "this row of the \(kind) file is left out (an aggregate is never added into a total)"
                            )
                            : CountryTable.standard.unknown(text, at: reader.location(ofCell: country)))
                    return
                }
                key = code
            }
            let values = requested.map { $0.map { record.text($0).trimmingBlanks } }
            // A key or a value (a group name) is shown in reports: no control characters.
            let cells = zip(requested, values).compactMap { column, value in
                column.flatMap { column in value.map { (column, $0) } }
            }
            for (index, value) in [(country, key)] + cells {
                if let reason = DisplayText.unsafeKeyReason(value) {
                    log.add(
                        RowInterpreter.controlInKey(
                            reason, column: header[index], at: reader.location(ofCell: index)))
                    return
                }
            }
            let columns = requested
            // Only valid during this call, like every cell location: the reader is on this row.
            let cellLocation = { (index: Int?) -> Location in
                reader.location(ofCell: index.flatMap { columns[$0] } ?? country)
            }
            handle(
                Row(
                    country: key, values: values,
                    location: reader.recordLocation, cellLocation: cellLocation), &log)
        }
        if let stop { log.add(stop) }
    }
}

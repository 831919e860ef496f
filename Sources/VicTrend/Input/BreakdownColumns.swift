/// The columns of a long or wide file that victrend does not read (not the country, year, count, date,
/// `--by`, `--filter` or `--exclude` columns), watched for a breakdown with its total: `Geschlecht` holding
/// `Insgesamt` on some rows and `weiblich` on others. Such rows are parts and their total; read as they
/// are, each country-year is given twice (VT201), and `--sum` would add the total to its parts (100 + 60
/// instead of 100). A breakdown and its total in one column is an error (VT152) whose message keeps the
/// total with `--filter`.
///
/// A total is a value `SourceProfile.totalValues` names (`_T`, `TOTAL`, `BOTHSEX`...) or one that
/// `Aggregates.looksLikeTotal` (`Insgesamt`, `Total`, `Summe`, `Alle`...); regions (`Europa`) are not
/// totals here, as a column of regions beside countries is no breakdown. A column stops being watched
/// once it has held more than `distinctLimit` distinct values without a total (an identifier or a note,
/// not a breakdown), so a row costs one comparison of bytes per column at most, plus a set look-up when
/// a cell differs from the column's previous one.
struct BreakdownColumns {
    /// One watched column.
    private struct Column {
        var index: Int
        /// A `--by` column: its values are series of their own, so a total among them is a series added
        /// into every total beside its parts.
        var isKey = false
        var last: [UInt8]? = nil
        var seen: Set<String> = []
        var total: (value: String, location: Location)? = nil
        var other: String? = nil
        var watching = true
    }

    static let distinctLimit = 256

    private var columns: [Column]

    /// Watches `indices` (columns of the header not read) and `keys` (the `--by` columns).
    init(indices: [Int], keys: [Int] = []) {
        columns = indices.map { Column(index: $0) } + keys.map { Column(index: $0, isKey: true) }
    }

    /// Looks at a kept data row.
    mutating func observe(_ record: CSVRecord, from reader: some RecordReader) {
        for position in columns.indices {
            // Read in place: a column taken out of the array would have each of its fields retained.
            let index = columns[position].index
            let cell = columns.withUnsafeBufferPointer { columns -> Slice<UnsafeRawBufferPointer>? in
                guard columns[position].watching, index < record.count else { return nil }
                let cell = CellParsing.trimmed(record[index])
                if let last = columns[position].last, CellParsing.same(cell, last) { return nil }
                return cell
            }
            guard let cell else { continue }
            columns[position].last = Array(cell)
            let text = String(decoding: cell, as: UTF8.self)
            if text.isEmpty || columns[position].seen.contains(text) { continue }
            columns[position].seen.insert(text)
            if Self.isTotal(text) {
                if columns[position].total == nil {
                    columns[position].total = (text, reader.location(ofCell: index))
                }
            } else if columns[position].other == nil {
                columns[position].other = text
            }
            if columns[position].total != nil && columns[position].other != nil {
                columns[position].watching = false
            } else if columns[position].total == nil && columns[position].seen.count > Self.distinctLimit {
                columns[position].watching = false
            }
        }
    }

    /// The errors at the end of the file: one for each column that held a total and other values.
    func problems(header: [String]) -> [Diagnostic] {
        columns.compactMap { column in
            guard let total = column.total, let other = column.other else { return nil }
            let name = header[column.index].trimmingBlanks
            let choice = "'\(RowInterpreter.exclusion(total.value, name))'"
            let rows =
                "the column \(DisplayText.quoted(name, limit: 64)) holds a total "
                + "(\(DisplayText.quoted(total.value, limit: 64))) beside other values "
                + "(\(DisplayText.quoted(other, limit: 64))): its rows are parts and their total"
            return Diagnostic(
                .breakdownWithTotal, at: total.location,
                column.isKey
                    ? rows + ", each a series of --by, so the total would be added to its parts in every "
                        + "total; leave it out: --exclude \(choice)"
                    : rows + ", which would be counted twice, or added up with --sum; keep the total: "
                        + "--filter \(choice)")
        }
    }

    /// Whether a breakdown value is a total (see the type's documentation), or a value of one or two
    /// words whose first says "all" or "both" (`All`, `All agencies`, `Both sexes`, `Tous sexes`, `Ambos
    /// sexos`, `Beide Geschlechter`, `Zusammen`): the UN's and the offices' totals of a breakdown. A longer
    /// text (`All figures provisional`, a note) is not one.
    static func isTotal(_ text: String) -> Bool {
        let normalised = CountryTable.normalise(text)
        if SourceProfile.totalValues.contains(text.uppercased())
            || Aggregates.looksLikeTotal(text, normalised: normalised)
        {
            return true
        }
        let words = normalised.split(separator: " ")
        guard let first = words.first, words.count <= 2 else { return false }
        return allWords.contains(String(first))
    }

    /// "All" and "both" in the participants' languages, in their normal form (`CountryTable.normalise`).
    static let allWords: Set<String> = [
        "all", "both", "zusammen", "beide", "tous", "toutes", "todos", "todas", "ambos", "ambas", "tutti",
        "tutte", "entrambi", "alles", "allen", "beiden", "samtliga", "bada", "wszystkie", "oba", "obie",
        "vsechny",
    ]
}

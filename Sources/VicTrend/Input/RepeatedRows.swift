/// Under `--sum`, which adds up the rows of one key and year, the rows that repeat an earlier row cell for
/// cell (each cell compared without its surrounding blanks).
///
/// - A row that repeats a row of the same file (or sheet) is a repeat, not a part: it is counted once
///   (VT206), as a repeated row is without `--sum`. Parts that happen to be equal must differ in a column
///   (the agency, the region) to be added up.
/// - A row that repeats a row of another file is added, as `--sum` asks (one file per agency is a usual
///   way to send parts), with a warning (VT207): if the second file revises the first rather than adding
///   to it, the figure is counted twice.
///
/// Rows are told apart by a 64-bit hash of their cells: two different rows share one with a probability
/// of about 10⁻¹⁹ a pair, and the warning then names the row it took for the earlier one, so even that
/// is never silent. Memory: about 40 bytes a row read under `--sum`; nothing without it.
struct RepeatedRows {
    /// The hash of each row's cells → its file's index << 40 | its line.
    private var seen: [Int: UInt64] = [:]
    /// The files (or sheets) read so far, by index; the last is the one being read.
    private var files: [Location] = []

    /// Starts a file (or a sheet of a workbook), whose first line `start` names.
    mutating func beginFile(_ start: Location) {
        files.append(Location(file: start.file, line: 1, sheet: start.sheet))
    }

    /// The row `record` repeats, if any: where it is, and whether it is in the file being read. A row
    /// repeated for the first time is recorded as the row later ones repeat.
    mutating func earlier(_ record: CSVRecord, line: Int) -> (location: Location, sameFile: Bool)? {
        guard let current = files.indices.last else { return nil }
        var hasher = Hasher()
        hasher.combine(record.count)
        for index in 0..<record.count {
            let cell = CellParsing.trimmed(record[index])
            hasher.combine(cell.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: cell))
        }
        let hash = hasher.finalize()
        guard let packed = seen[hash] else {
            seen[hash] = UInt64(current) << 40 | UInt64(min(max(line, 0), (1 << 40) - 1))
            return nil
        }
        let file = Int(packed >> 40)
        var location = files[file]
        location.line = Int(packed & ((1 << 40) - 1))
        return (location, file == current)
    }
}

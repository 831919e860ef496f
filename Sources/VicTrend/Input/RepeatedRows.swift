/// Under `--sum`, which adds up the rows of one key and year, the rows that repeat an earlier row cell for
/// cell (each cell compared without its surrounding blanks).
///
/// - A row that repeats a row of the same file (or sheet) is a repeat, not a part: it is counted once
///   (VT206), as a repeated row is without `--sum`. Parts that happen to be equal must differ in a column
///   (the agency, the region) to be added up.
/// - A row that repeats a row of another file is added, as `--sum` asks (one file per agency is a usual
///   way to send parts), with a warning (VT207): if the second file revises the first rather than adding
///   to it, the figure is counted twice.
/// - A figure (country, year, count) that repeats one of another file, however its cells are written
///   (`1.200` there, `1200` here; a column more), is added too, with the same warning; so is one that
///   repeats a figure of its own file whose country is written otherwise (`AT` there, `Austria` here):
///   parts within a file are told apart by another column (the agency) and written with the same
///   country cell, so a figure spelled otherwise is more likely a repeat. (Parts of one file whose
///   counts are equal and whose country cells are the same are not warned of.)
///
/// Rows are told apart by a 64-bit hash of their cells: two different rows share one with a probability
/// of about 10⁻¹⁹ a pair, and the warning then names the row it took for the earlier one, so even that
/// is never silent. Memory: about 100 bytes a row read under `--sum`; nothing without it.
struct RepeatedRows {
    /// The hash of each row's cells → its file's index << 40 | its line.
    private var seen: [Int: UInt64] = [:]
    /// The hash of each figure's key, year and count → where it is (as in `seen`) and the hash of its
    /// country cell as written.
    private var figures: [Int: (place: UInt64, spelling: Int)] = [:]
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
            hasher.combine(cell: CellParsing.trimmed(record[index]))
        }
        let hash = hasher.finalize()
        guard let packed = seen[hash] else {
            seen[hash] = Self.pack(file: current, line: line)
            return nil
        }
        return (location(packed), Int(packed >> 40) == current)
    }

    /// The last earlier figure of `key` in `year` with count `victims`, when it is in another file (or
    /// sheet), however written, or in this file with the country cell written otherwise than
    /// `countryCell` (compared without surrounding blanks): where it is, and whether in this file. Nil
    /// for a figure seen for the first time, or only in this file written the same way (parts told
    /// apart by another column). The figure is recorded as the last one either way.
    mutating func earlierFigure(
        key: String, year: Int, victims: Int, countryCell: Slice<UnsafeRawBufferPointer>, line: Int
    ) -> (location: Location, sameFile: Bool)? {
        guard let current = files.indices.last else { return nil }
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(year)
        hasher.combine(victims)
        let hash = hasher.finalize()
        var spelling = Hasher()
        spelling.combine(cell: CellParsing.trimmed(countryCell))
        let written = spelling.finalize()
        let earlier = figures.updateValue((Self.pack(file: current, line: line), written), forKey: hash)
        guard let earlier else { return nil }
        let sameFile = Int(earlier.place >> 40) == current
        return sameFile && earlier.spelling == written ? nil : (location(earlier.place), sameFile)
    }

    /// A file's index and a line in one number.
    private static func pack(file: Int, line: Int) -> UInt64 {
        UInt64(file) << 40 | UInt64(min(max(line, 0), (1 << 40) - 1))
    }

    /// The location a packed file index and line stand for.
    private func location(_ packed: UInt64) -> Location {
        var location = files[Int(packed >> 40)]
        location.line = Int(packed & ((1 << 40) - 1))
        return location
    }
}

extension Hasher {
    /// Feeds a cell's bytes and their count (so that cells run together hash apart).
    fileprivate mutating func combine(cell: Slice<UnsafeRawBufferPointer>) {
        combine(cell.count)
        combine(bytes: UnsafeRawBufferPointer(rebasing: cell))
    }
}

/// Under `--sum`, which adds up the rows of one key and year, the rows that repeat an earlier row cell for
/// cell (each cell compared without its surrounding blanks).
///
/// - A row that repeats a row of the same file (or sheet) is a repeat, not a part: it is counted once
///   (VT206), as a repeated row is without `--sum`. Parts that happen to be equal must differ in a column
///   (the agency, the region) to be added up.
/// - A row that repeats a row of another file is added, as `--sum` asks (one file per agency is a usual
///   way to send parts), with a warning (VT207): if the second file revises the first rather than adding
///   to it, the figure is counted twice.
/// - A figure (country, year, count) that repeats an earlier one with the country written otherwise
///   (`AT` there, `Austria` here), in any file, is added too, with the same warning: parts of a country
///   are told apart by another column (the agency) and written with the same country cell, so a
///   figure spelled otherwise is more likely a repeat. (Parts whose counts are equal and whose country
///   cells are the same are not warned of.)
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
            let cell = CellParsing.trimmed(record[index])
            hasher.combine(cell.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: cell))
        }
        let hash = hasher.finalize()
        guard let packed = seen[hash] else {
            seen[hash] = Self.pack(file: current, line: line)
            return nil
        }
        return (location(packed), Int(packed >> 40) == current)
    }

    /// Where the earlier figure of `key` in `year` with count `victims` is, when its country cell was
    /// written otherwise than `countryCell` (compared without surrounding blanks); nil for a figure
    /// seen for the first time (which is recorded) or written the same way.
    mutating func earlierSpelling(
        key: String, year: Int, victims: Int, countryCell: Slice<UnsafeRawBufferPointer>, line: Int
    ) -> Location? {
        guard let current = files.indices.last else { return nil }
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(year)
        hasher.combine(victims)
        let hash = hasher.finalize()
        let spelling = Hasher.hash(bytes: CellParsing.trimmed(countryCell))
        guard let earlier = figures[hash] else {
            figures[hash] = (Self.pack(file: current, line: line), spelling)
            return nil
        }
        return earlier.spelling == spelling ? nil : location(earlier.place)
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
    /// The hash of `bytes` and their count.
    fileprivate static func hash(bytes: Slice<UnsafeRawBufferPointer>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes))
        return hasher.finalize()
    }
}

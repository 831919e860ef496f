/// One row as libcsv delivered it: its cells, unquoted and unescaped, and the line it starts on.
///
/// A view of the reader's row buffer, which is reused from row to row: a record is only valid for the
/// duration of the call that receives it; copy what you keep. Cells are read in place.
struct CSVRecord {
    /// All cells' bytes, back to back.
    private let bytes: UnsafeRawBufferPointer
    /// End offset in `bytes` of each cell.
    private let ends: UnsafeBufferPointer<Int>
    /// Physical line of the row's first character (1-based).
    let line: Int

    init(bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, line: Int) {
        self.bytes = bytes
        self.ends = ends
        self.line = line
    }

    /// Number of cells.
    var count: Int { ends.count }

    /// The bytes of cell `index` (0-based), as libcsv delivered them: unquoted, leading and trailing
    /// blanks of unquoted cells removed.
    subscript(index: Int) -> Slice<UnsafeRawBufferPointer> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Cell `index` as text, with invalid UTF-8 shown as U+FFFD (for messages, not for keys).
    func text(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// True when every cell is empty (a row of bare delimiters, as spreadsheets export blank rows).
    var isBlank: Bool { bytes.isEmpty }
}

/// The cells of the row being parsed, written by libcsv's callbacks through a raw pointer: no reference
/// counting and no exclusivity checks per cell. Owned by a `CSVReader`.
struct CellSink {
    /// Cell bytes, back to back; `used` of them are filled.
    private(set) var bytes: UnsafeMutableRawBufferPointer
    private(set) var used = 0
    /// End offset of each cell; `count` of them are filled.
    private(set) var ends: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0
    /// Most cells accepted in one row; more sets `tooManyCells` (and the rest are not kept).
    let maxCells: Int
    private(set) var tooManyCells = false
    /// Rows libcsv ended since the last `removeAll` (one line ends at most one row).
    var rowsEnded = 0

    init(maxCells: Int) {
        self.maxCells = maxCells
        bytes = .allocate(byteCount: 1 << 10, alignment: 8)
        ends = .allocate(capacity: 64)
    }

    /// Frees the buffers; the sink is unusable afterwards.
    func free() {
        bytes.deallocate()
        ends.deallocate()
    }

    /// The filled part, as a record starting on `line`.
    func record(line: Int) -> CSVRecord {
        CSVRecord(
            bytes: UnsafeRawBufferPointer(rebasing: bytes[0..<used]),
            ends: UnsafeBufferPointer(rebasing: ends[0..<count]), line: line)
    }

    mutating func append(_ source: UnsafeRawPointer?, _ length: Int) {
        guard count < maxCells else {
            tooManyCells = true
            return
        }
        if used + length > bytes.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(2 * bytes.count, used + length), alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<used]))
            bytes.deallocate()
            bytes = larger
        }
        if count == ends.count {
            let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * ends.count)
            _ = larger.initialize(from: ends)
            ends.deallocate()
            ends = larger
        }
        if let source, length > 0, let base = bytes.baseAddress {
            (base + used).copyMemory(from: source, byteCount: length)
        }
        used += length
        ends[count] = used
        count += 1
    }

    /// Empties the sink for the next row (keeping its buffers).
    mutating func removeAll() {
        used = 0
        count = 0
        tooManyCells = false
        rowsEnded = 0
    }
}

/// One row as libcsv delivered it: its cells, unquoted and unescaped, and the line it starts on.
///
/// The cells share one byte buffer that the reader reuses from row to row, so a record is only valid
/// for the duration of the call that receives it; copy what you keep.
struct CSVRecord {
    /// All cells' bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// End offset in `bytes` of each cell.
    private(set) var ends: [Int] = []
    /// Physical line of the row's first character (1-based).
    var line = 0

    /// Number of cells.
    var count: Int { ends.count }

    /// The bytes of cell `index` (0-based), as libcsv delivered them: unquoted, leading and trailing
    /// blanks of unquoted cells removed.
    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Cell `index` as text, with invalid UTF-8 shown as U+FFFD (for messages, not for keys).
    func text(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// True when every cell is empty (a row of bare delimiters, as spreadsheets export blank rows).
    var isBlank: Bool { bytes.isEmpty }

    mutating func append(_ cell: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

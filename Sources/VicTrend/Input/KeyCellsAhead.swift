/// Looks ahead in the text a reader holds for the key cells of the rows to come, and has `KnownCells`
/// load their slots before the rows arrive (`KnownCells.prefetch`): in a file of many keys in no order
/// each row's look-up misses the cache, and loading a few dozen rows ahead overlaps those misses
/// instead of waiting for each in turn. A hint: it changes nothing but the time a read takes.
///
/// It works only while most rows look their cell up: a file sorted by key finds each row's key in the
/// row before, and is not scanned twice.
struct KeyCellsAhead {
    /// Lines loaded ahead of the row being read, topped up one line a row so that the loads stay spread
    /// out (bursts of 32 lines took the same time, their loads waiting on the processor's queue of
    /// misses).
    static let distance = 24

    /// The reader's text past the row being read, and how far into it lines were loaded.
    private var text = UnsafeRawBufferPointer(start: nil, count: 0)
    private var delimiter = UInt8(ascii: ",")
    private var offset = 0
    private var linesAhead = 0
    /// The reader's mark of the text given last (`RecordReader.text(aheadSince:)`).
    private var mark = 0
    /// Rows and look-ups lately (both halved every `window` rows).
    private var rows = 0
    private var lookUps = 0
    private static let window = 4096

    /// Counts a look-up of a row's key cell in `KnownCells`.
    mutating func lookedUp() {
        lookUps += 1
    }

    /// Called for each data row as `reader` delivers it: loads the next lines' slots when those loaded
    /// ahead run short. `column` is the key cell's (0-based).
    mutating func row(from reader: some RecordReader, cells: KnownCells, column: Int) {
        if let ahead = reader.text(aheadSince: &mark) {
            text = ahead.bytes
            delimiter = ahead.delimiter
            offset = 0
            linesAhead = 0
        }
        rows += 1
        if rows == Self.window {
            rows /= 2
            lookUps /= 2
        }
        if linesAhead > 0 { linesAhead -= 1 }
        guard linesAhead < Self.distance, offset < text.count, lookUps * 2 > rows else { return }
        offset = cells.prefetch(
            lines: Self.distance - linesAhead, of: text, from: offset, column: column, delimiter: delimiter)
        linesAhead = Self.distance
    }
}

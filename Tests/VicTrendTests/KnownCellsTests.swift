import Testing

@testable import VicTrend

/// The reader's table of key cells already read: a hit must be the very bytes stored, and the limits
/// must turn into misses, never into a wrong key.
@Suite("known key cells (the shuffled reader's look-up by bytes)")
struct KnownCellsTests {
    /// Calls `body` with `text`'s UTF-8 bytes as a cell slice, as libcsv hands them over.
    @discardableResult
    private func withCell<T>(_ text: String, _ body: (Slice<UnsafeRawBufferPointer>) -> T) -> T {
        // Padding around the cell, so that the slice does not start at 0.
        let bytes = Array("##\(text)##".utf8)
        return bytes.withUnsafeBytes { buffer in body(buffer[2..<(buffer.count - 2)]) }
    }

    @Test("a stored cell gives its key; a cell that differs in any byte or in length does not")
    func hitsAndMisses() {
        var cells = KnownCells()
        withCell("C001271") { cells.insert($0, key: "C001271") }
        withCell("Österreich") { cells.insert($0, key: "AUT") }
        withCell("") { cells.insert($0, key: "EMPTY") }
        #expect(withCell("C001271") { cells.find($0)?.key } == "C001271")
        #expect(withCell("Österreich") { cells.find($0)?.key } == "AUT")
        #expect(withCell("") { cells.find($0)?.key } == "EMPTY")
        #expect(withCell("C001272") { cells.find($0)?.key } == nil)
        #expect(withCell("C00127") { cells.find($0)?.key } == nil)
        #expect(withCell("C0012710") { cells.find($0)?.key } == nil)
        #expect(withCell(" C001271") { cells.find($0)?.key } == nil)
        #expect(withCell("österreich") { cells.find($0)?.key } == nil)
    }

    @Test("a stored cell's id is its place in the order of storing, and a look-up gives it with the key")
    func ids() {
        var cells = KnownCells(seed: 9)
        let texts = ["DEU", "Österreich", "Bundesland-Nordrhein-Westfalen", "", "FRA"]
        for (index, text) in texts.enumerated() {
            #expect(withCell(text) { cells.insert($0, key: "K\(index)") } == index)
        }
        for (index, text) in texts.enumerated() {
            let found = withCell(text) { cells.find($0) }
            #expect(found?.key == "K\(index)")
            #expect(found?.id == index)
        }
        #expect(withCell("BEL") { cells.find($0) } == nil)
    }

    @Test(
        "short cells kept whole in their slot: a trailing NUL, a zero byte and lengths 8 and 9 are told apart"
    )
    func shortCells() {
        var cells = KnownCells(seed: 5)
        let texts = ["A", "A\0", "\0", "AUT", "AUT\0\0\0\0\0", "12345678", "123456789", "1234567"]
        for (index, text) in texts.enumerated() { withCell(text) { cells.insert($0, key: "K\(index)") } }
        for (index, text) in texts.enumerated() {
            #expect(withCell(text) { cells.find($0)?.key } == "K\(index)", "\(Array(text.utf8))")
        }
        #expect(withCell("AUT\0") { cells.find($0)?.key } == nil)
        #expect(withCell("12345679") { cells.find($0)?.key } == nil)
        #expect(withCell("\0\0") { cells.find($0)?.key } == nil)
    }

    @Test("cells of 15 to 40 bytes that differ only in one byte, before or past the 16th, are told apart")
    func sameHeadOrSameTail() {
        var cells = KnownCells(seed: 3)
        let stem = "Bundesland-Nordrhein-Westfalen-Polizei"
        var stored: [String] = []
        for length in 15...38 {
            let text = String(stem.prefix(length))
            stored.append(text)
            withCell(text) { cells.insert($0, key: "K\(length)") }
        }
        for (index, text) in stored.enumerated() {
            #expect(withCell(text) { cells.find($0)?.key } == "K\(index + 15)")
            var changedLast = Array(text.utf8)
            changedLast[changedLast.count - 1] ^= 0x20
            #expect(withCell(String(decoding: changedLast, as: UTF8.self)) { cells.find($0)?.key } == nil)
            var changedFirst = Array(text.utf8)
            changedFirst[0] ^= 0x20
            #expect(withCell(String(decoding: changedFirst, as: UTF8.self)) { cells.find($0)?.key } == nil)
        }
    }

    @Test("50,000 cells through many growths: every one found with its own key (fixed seeds)")
    func manyCells() {
        for seed: UInt64 in [1, 2, 0x9E37_79B9_7F4A_7C15] {
            manyCells(seed: seed)
        }
    }

    private func manyCells(seed: UInt64) {
        var cells = KnownCells(seed: seed)
        for index in 0..<50_000 { withCell("C\(index)") { cells.insert($0, key: "K\(index)") } }
        var wrong = 0
        for index in 0..<50_000 where withCell("C\(index)", { cells.find($0)?.key }) != "K\(index)" {
            wrong += 1
        }
        #expect(wrong == 0, "seed \(seed)")
        #expect(withCell("C50000") { cells.find($0)?.key } == nil)
    }

    @Test("cells past the byte limit are not stored (a miss), and the earlier ones still are")
    func byteLimit() {
        var cells = KnownCells()
        let long = String(repeating: "x", count: KnownCells.byteLimit / 2)
        withCell(long + "a") { cells.insert($0, key: "A") }
        withCell(long + "b") { cells.insert($0, key: "B") }
        #expect(withCell(long + "a") { cells.find($0)?.key } == "A")
        #expect(withCell(long + "b") { cells.find($0)?.key } == nil)
    }

    @Test("the hash depends on every byte and on the length, for cells of 1 to 24 bytes")
    func hashCoversEveryByte() {
        for length in 1...24 {
            let text = String(repeating: "a", count: length)
            let base = withCell(text) { KnownCells.hash($0, seed: 7) }
            for position in 0..<length {
                var changed = Array(text.utf8)
                changed[position] = UInt8(ascii: "b")
                let other = withCell(String(decoding: changed, as: UTF8.self)) {
                    KnownCells.hash($0, seed: 7)
                }
                #expect(other != base, "length \(length), byte \(position)")
            }
            #expect(withCell(text + "\0") { KnownCells.hash($0, seed: 7) } != base)
        }
    }
}

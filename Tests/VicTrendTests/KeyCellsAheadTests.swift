import Testing

@testable import VicTrend

/// Looking ahead for key cells (`KeyCellsAhead`, `KnownCells.prefetch`, `CSVReader.text(aheadSince:)`)
/// is a hint: it may change the time a read takes, never what is read. These tests pin the parts that
/// can be wrong without being slow — where a scan of lines ends, what text a reader gives ahead — and
/// that a shuffled file of many keys, read in chunks of any size, gives the panel of its sorted rows.
@Suite("looking ahead for key cells (shuffled input)")
struct KeyCellsAheadTests {
    /// A table with one cell stored (an empty one scans nothing).
    private func table() -> KnownCells {
        var cells = KnownCells(seed: 7)
        let bytes = Array("K1".utf8)
        _ = bytes.withUnsafeBytes { cells.insert($0[...], key: "K1") }
        return cells
    }

    @Test(
        "a scan of n lines ends just past the n-th line break, or at the text's end",
        arguments: [
            ("A,1\nB,2\nC,3\n", 0, 0, 1, 4), ("A,1\nB,2\nC,3\n", 0, 0, 2, 8),
            ("A,1\nB,2\nC,3\n", 0, 0, 9, 12),
            ("A,1\nB,2\nC,3", 0, 4, 5, 11), ("A,1\r\nB,2\r\n", 0, 0, 1, 5),
            // A quoted cell is passed over, with what its quotes hold: the scan goes by line breaks.
            ("\"A,x\",1\nB,2\n", 0, 0, 1, 8), ("\"A\nB\",1\nC,2\n", 0, 0, 1, 3),
            // The key in the second cell; a line with fewer cells; blanks around a cell.
            ("1;A\n2\n3; B \n", 1, 0, 2, 6), ("1;A\n2\n3; B \n", 1, 0, 3, 12), ("", 0, 0, 3, 0),
        ] as [(String, Int, Int, Int, Int)])
    func scanEnds(text: String, column: Int, from: Int, lines: Int, end: Int) {
        let cells = table()
        let bytes = Array(text.utf8)
        let delimiter = text.contains(";") ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let reached = bytes.withUnsafeBytes {
            cells.prefetch(lines: lines, of: $0, from: from, column: column, delimiter: delimiter)
        }
        #expect(reached == end)
    }

    @Test("an empty table scans nothing: the whole text counts as passed")
    func emptyTable() {
        let bytes = Array("A,1\nB,2\n".utf8)
        let reached = bytes.withUnsafeBytes {
            KnownCells(seed: 1).prefetch(lines: 1, of: $0, from: 0, column: 0, delimiter: UInt8(ascii: ","))
        }
        #expect(reached == bytes.count)
    }

    @Test("the reader gives the text past each record once per chunk, and nil until the next chunk")
    func textAhead() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("t.csv", "country,year\nAUT,2019\nBEL,2020\n")
        for chunkSize in [4, 13, 1 << 16] {
            var options = CSVReader.Options()
            options.chunkSize = chunkSize
            let reader = CSVReader(path: path, options: options)
            var mark = 0
            var given: [(line: Int, text: String)] = []
            var repeated = false
            _ = try reader.read { record, reader in
                if let ahead = reader.text(aheadSince: &mark) {
                    #expect(ahead.delimiter == UInt8(ascii: ","))
                    given.append((record.line, String(decoding: ahead.bytes, as: UTF8.self)))
                }
                if reader.text(aheadSince: &mark) != nil { repeated = true }
            }
            #expect(!repeated)
            if chunkSize == 1 << 16 {
                // One chunk: given at the header, the text after it.
                #expect(given.map(\.line) == [1])
                #expect(given.first?.text == "AUT,2019\nBEL,2020\n")
            } else {
                // Every text given is what follows a record in the file, up to its chunk's end.
                let file = "country,year\nAUT,2019\nBEL,2020\n"
                for (line, text) in given {
                    let after =
                        file.split(separator: "\n", omittingEmptySubsequences: false)
                        .prefix(line).joined(separator: "\n").count + 1
                    #expect(file.utf8.dropFirst(after).starts(with: text.utf8), "line \(line): \(text)")
                }
                #expect(given.count > 1)
            }
        }
    }

    @Test("a shuffled file of many keys, written several ways, read in chunks of any size: its sorted panel")
    func shuffledKeys() throws {
        var generator = SeededGenerator(seed: 13)
        var rows: [(key: String, year: Int, victims: Int)] = []
        for key in 0..<400 {
            let name = "K" + String(repeating: "0", count: 4 - String(key).count) + String(key)
            for year in 2019...2022 { rows.append((name, year, key * 10 + year - 2018)) }
        }
        func cell(_ key: String, _ index: Int) -> String {
            switch index % 4 {
            case 0: key
            case 1: "\"\(key)\""
            case 2: " \(key) "
            default: "\" \(key)\""
            }
        }
        let shuffled = rows.shuffled(using: &generator)
        var text = "country,year,victims\r\n"
        for (index, row) in shuffled.enumerated() {
            text += "\(cell(row.key, index)),\(row.year),\(row.victims)" + (index % 3 == 0 ? "\r\n" : "\n")
        }
        let expected = Dictionary(grouping: rows, by: \.key).mapValues { $0.map(\.victims) }
        for chunkSize in [5, 61, 1 << 16] {
            var options = PanelReader.Options(countries: .verbatim)
            options.chunkSize = chunkSize
            let (result, _) = try readPanel(text, options: options)
            #expect(result.log.diagnostics.isEmpty, "\(result.log.diagnostics.prefix(3))")
            #expect(result.rowCount == rows.count)
            let read = Dictionary(
                uniqueKeysWithValues: result.panel.series.map { ($0.country, $0.observations.map(\.victims)) }
            )
            #expect(read == expected)
            #expect(result.panel.series.map(\.country) == expected.keys.sorted())
        }
    }

    @Test("a key written two ways is resolved twice but warned about once, and is one series")
    func keyWrittenTwoWays() throws {
        // Verbatim: the warning (VT150) is said at the first row only.
        let verbatim =
            "country,year,victims\nSumme Nord,2019,9\n\"Summe Nord \",2020,10\nSumme Nord,2021,11\n"
        let (kept, _) = try readPanel(verbatim, options: .init(countries: .verbatim))
        #expect(kept.log.diagnostics.map(\.code) == [.totalLikeKeyCounted])
        #expect(kept.panel.series.map(\.country) == ["Summe Nord"])
        #expect(kept.panel.series.first?.observations.map(\.victims) == [9, 10, 11])
        // ISO: a name and the same name quoted with blanks are one country, without a word.
        let iso = "country,year,victims\nGermany,2019,9\n\" Germany\",2020,10\nGermany,2021,11\n"
        let (matched, _) = try readPanel(iso)
        #expect(matched.log.diagnostics.isEmpty, "\(matched.log.diagnostics)")
        #expect(matched.panel.series.map(\.country) == ["DEU"])
        #expect(matched.panel.series.first?.observations.map(\.victims) == [9, 10, 11])
    }
}

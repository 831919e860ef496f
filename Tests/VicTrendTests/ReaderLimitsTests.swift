import Testing

@testable import VicTrend

/// The reader's limits hold on the bytes as written, and its work per row is linear in the row.
@Suite("Reader limits: rows as written, bounded work per row")
struct ReaderLimitsTests {
    /// The records of `text` read with `maxRowBytes` and `chunkSize`: (line, cells) pairs, and the stop.
    private func read(_ text: String, maxRowBytes: Int, chunkSize: Int) throws
        -> (records: [[String]], lines: [Int], stop: Diagnostic?)
    {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("rows.csv", text)
        var options = CSVReader.Options()
        options.maxRowBytes = maxRowBytes
        options.chunkSize = chunkSize
        var records: [[String]] = []
        var lines: [Int] = []
        let stop = try CSVReader(path: path, options: options).read { record, _ in
            records.append((0..<record.count).map { record.text($0) })
            lines.append(record.line)
        }
        return (records, lines, stop)
    }

    @Test("blanks before or inside a row count towards the row limit, at any chunk size")
    func blanks() throws {
        let cases = [
            "a,b\n" + String(repeating: " ", count: 2000) + "AUS,2019\nBEL,2020\n",
            "a,b\nAUS" + String(repeating: "\t", count: 2000) + ",2019\nBEL,2020\n",
            "a,b\n\"AUS\"" + String(repeating: " ", count: 2000) + ",2019\nBEL,2020\n",
            "a,b\n" + String(repeating: " ", count: 2000) + "\nBEL,2020\n",
        ]
        for text in cases {
            for size in [4, 5, 7, 64, 1 << 16] {
                let (records, _, stop) = try read(text, maxRowBytes: 1000, chunkSize: size)
                #expect(records == [["a", "b"]], "chunk size \(size)")
                #expect(stop?.code == .oversizedRecord, "chunk size \(size)")
                #expect(stop?.location?.line == 2, "chunk size \(size)")
                #expect(stop?.message.hasPrefix("a row is longer than 1000 bytes as written") == true)
            }
        }
    }

    @Test(
        "a row of exactly the limit is read, one byte more is not, whatever the line break and chunk size",
        arguments: ["\n", "\r\n", "\r"])
    func boundary(ending: String) throws {
        let limit = 40
        // "x,<padding>": exactly `limit` bytes before the line break; a quoted cell with a line break.
        let exact = "x," + String(repeating: "y", count: limit - 2)
        let quoted = "\"q" + ending + String(repeating: "z", count: limit - 5 - ending.utf8.count) + "\",1"
        #expect(exact.utf8.count == limit && quoted.utf8.count == limit)
        for size in Array(4...24) + [1 << 16] {
            let fits = try read(
                "a,b" + ending + exact + ending + quoted + ending + "c,d", maxRowBytes: limit, chunkSize: size
            )
            #expect(fits.stop == nil, "chunk size \(size)")
            #expect(fits.records.count == 4, "chunk size \(size)")
            #expect(fits.lines == [1, 2, 3, 5], "chunk size \(size)")
            let over = try read(
                "a,b" + ending + exact + "y" + ending + "c,d", maxRowBytes: limit, chunkSize: size)
            #expect(over.records == [["a", "b"]], "chunk size \(size)")
            #expect(
                over.stop?.code == .oversizedRecord && over.stop?.location?.line == 2, "chunk size \(size)")
        }
    }

    @Test("by default, a 2 MiB line of spaces before a row is refused (VT006), not held in memory")
    func megabyteOfBlanks() throws {
        let (result, path) = try readPanel(
            "country,year,victims\n" + String(repeating: " ", count: 2 << 20) + "AUS,2019,5\nAUS,2020,6\n")
        #expect(result.log.diagnostics.map(\.code) == [.oversizedRecord])
        #expect(result.log.diagnostics.first?.location == Location(file: path, line: 2))
        #expect(result.panel.observationCount == 0)
    }

    @Test("a record is mapped once for the locations of all its cells")
    func oneMapPerRecord() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let cells = (0..<2000).map { "  v\($0)" }
        let path = try fixtures.file("wide.csv", "h\n" + cells.joined(separator: ",") + "\n\"q\nr\",  s\n")
        var columns: [[Int?]] = []
        let reader = CSVReader(path: path)
        _ = try reader.read { record, reader in
            columns.append((0..<record.count).map { reader.location(ofCell: $0).column })
        }
        #expect(reader.mapsBuilt == 3)
        #expect(columns[0] == [1])
        // "  v0,  v1,...": each cell is located at its first non-blank character.
        var expected: [Int?] = []
        var column = 1
        for cell in cells {
            expected.append(column + 2)
            column += cell.count + 1
        }
        #expect(columns[1] == expected)
        #expect(columns[2] == [1, 6])
    }

    @Test("a wide file locates every figure in its row")
    func wideRows() throws {
        let years = Array(2000..<4000)
        var text = "country," + years.map(String.init).joined(separator: ",") + "\n"
        for country in ["AUS", "AUT"] {
            text += country + "," + years.map { _ in "7" }.joined(separator: ",") + "\n"
        }
        text += "USA," + years.map { $0 == 3999 ? "x" : "7" }.joined(separator: ",") + "\n"
        let (result, path) = try readPanel(text)
        #expect(result.panel.observationCount == 2 * 2000 + 1999)
        let last = try #require(result.panel.series.first { $0.country == "USA" }?.observations.last)
        #expect(last.year == 3998)
        #expect(last.location == Location(file: path, line: 4, column: 4 + 2 * 1998 + 1))
        #expect(
            result.log.diagnostics.map(\.location) == [
                Location(file: path, line: 4, column: 4 + 2 * 1999 + 1)
            ])
    }
}

import Testing

@testable import VicTrend

#if canImport(Glibc)
    import Glibc
#endif

@Suite("libcsv reader: records, physical lines, quoting")
struct CSVReaderTests {
    @Test("quoted cells with delimiters, quotes and line breaks; lines count breaks inside quotes")
    func quotedCells() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",3\n\"multi\nline\",2,\"\"\nlast,1,2\n"
        let (rows, stop) = try records(Array(text.utf8))
        #expect(stop == nil)
        #expect(rows.map(\.0) == [1, 2, 3, 5])
        #expect(rows[1].1 == ["x, y", "say \"hi\"", "3"])
        #expect(rows[2].1 == ["multi\nline", "2", ""])
        #expect(rows[3].1 == ["last", "1", "2"])
    }

    @Test("LF, CR LF and CR line endings give the same records and lines", arguments: ["\n", "\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let text =
            ["country,year,victims", "AUS,2019,100", "", "BEL,2020,5"].joined(separator: ending) + ending
        let (rows, stop) = try records(Array(text.utf8))
        #expect(stop == nil)
        #expect(rows.map(\.0) == [1, 2, 4])
        #expect(
            rows.map(\.1) == [
                ["country", "year", "victims"], ["AUS", "2019", "100"], ["BEL", "2020", "5"],
            ])
    }

    @Test(
        "Excel's first line sep=; names the delimiter and puts the header on line 2, at any chunk size",
        arguments: [4, 5, 7, 1 << 16])
    func excelSeparatorLine(chunkSize: Int) throws {
        // The header has more commas than semicolons: detection alone would take the comma.
        let text = "\u{FEFF}sep=;\r\n\"a,b,c\";year;victims\r\nAUT;2019;10\r\n"
        let (rows, stop) = try records(Array(text.utf8), chunkSize: chunkSize)
        #expect(stop == nil)
        #expect(rows.map(\.0) == [2, 3])
        #expect(rows.map(\.1) == [["a,b,c", "year", "victims"], ["AUT", "2019", "10"]])
        // A tab, no line break after the last row; upper case as Excel also reads it.
        let tabbed = try records(
            Array("SEP=\t\ncountry\tyear\tvictims\nAUT\t2019\t10".utf8), chunkSize: chunkSize)
        #expect(tabbed.records.map(\.1) == [["country", "year", "victims"], ["AUT", "2019", "10"]])
        // --delimiter wins over the line (which is then skipped all the same).
        let given = try records(
            Array("sep=;\ncountry;year\n".utf8), chunkSize: chunkSize, delimiter: UInt8(ascii: ","))
        #expect(given.records.map(\.0) == [2] && given.records.map(\.1) == [["country;year"]])
    }

    @Test("what is not Excel's separator line is a first line like any other; the line alone is no table")
    func notAnExcelSeparatorLine() throws {
        for first in ["sep=|", "sep=;;", "sep= ;", "sep=", "separator=;"] {
            let (rows, _) = try records(Array("\(first)\ncountry;year\n".utf8))
            #expect(rows.map(\.0) == [1, 2], "\(first)")
        }
        let (rows, stop) = try records(Array("sep=;\r\n".utf8))
        #expect(rows.isEmpty)
        #expect(stop?.code == .emptyFile && stop?.location?.line == 1)
        #expect(
            stop?.message
                == "the file holds only Excel's line 'sep=;': expected the header row naming the columns on line "
                + "2, e.g. country,year,victims")
    }

    @Test(
        "a pipe (read once, no offsets) has its delimiter detected, at any chunk size",
        arguments: [5, 64, 1 << 16])
    func pipe(chunkSize: Int) throws {
        let text = "country;year;victims\nAUT;2019;10\n\"B;E\";2020;11\n"
        var ends: [Int32] = [0, 0]
        #expect(Glibc.pipe(&ends) == 0)
        let written = Array(text.utf8).withUnsafeBytes { Glibc.write(ends[1], $0.baseAddress, $0.count) }
        #expect(written == text.utf8.count)
        close(ends[1])
        defer { close(ends[0]) }
        var options = CSVReader.Options()
        options.chunkSize = chunkSize
        let reader = CSVReader(path: "/dev/fd/\(ends[0])", options: options)
        var rows: [[String]] = []
        let stop = try reader.read { record, _ in rows.append((0..<record.count).map { record.text($0) }) }
        #expect(stop == nil)
        #expect(rows == [["country", "year", "victims"], ["AUT", "2019", "10"], ["B;E", "2020", "11"]])
    }

    @Test("every chunk size gives the same records, lines and cell locations")
    func chunkBoundaries() throws {
        let text =
            "\u{FEFF}country;year;victims\r\n\"Côte \r\nd'Ivoire\";2019;\"1\"\r\n\r\n  CIV ;2020;2\rX;2021;3"
        let bytes = Array(text.utf8)
        let (expected, expectedStop) = try records(bytes)
        #expect(expectedStop == nil)
        #expect(expected.map(\.0) == [1, 2, 5, 6])
        #expect(expected[1].1 == ["Côte \r\nd'Ivoire", "2019", "1"])
        #expect(expected[2].1 == ["CIV", "2020", "2"])
        for size in 4...41 {
            let (rows, stop) = try records(bytes, chunkSize: size)
            #expect(stop == nil, "chunk size \(size)")
            #expect(rows.map(\.0) == expected.map(\.0), "chunk size \(size)")
            #expect(rows.map(\.1) == expected.map(\.1), "chunk size \(size)")
        }
    }

    @Test(
        "the delimiter is detected from the header line",
        arguments: [
            ("a,b;c\n", ","), ("a;b;c\n", ";"), ("a\tb\tc\n", "\t"), ("\"a;b\",c\n", ","), ("abc\n", ","),
        ])
    func detection(header: String, delimiter: String) {
        let bytes = Array(header.utf8)
        let found = bytes.withUnsafeBytes { CSVReader.detectDelimiter($0) }
        #expect(found == UInt8(ascii: Unicode.Scalar(delimiter.utf8.first ?? 0)))
    }

    @Test("a quote inside an unquoted cell is reported where it stands")
    func strayQuote() throws {
        let (rows, stop) = try records(Array("a,b\nab\"c,1\n".utf8))
        #expect(rows.count == 1)
        let diagnostic = try #require(stop)
        #expect(diagnostic.code == .strayQuote)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 3)
    }

    @Test("a quote left open that swallows lines is reported where it opened")
    func swallowingQuote() throws {
        let text = "a,b,c\nAUS,\"2019,1\nBEL,2020,2\nCAN,\"2021\",3\n"
        for size in [4, 7, 64, 1 << 16] {
            let (_, stop) = try records(Array(text.utf8), chunkSize: size)
            let diagnostic = try #require(stop)
            #expect(diagnostic.code == .unterminatedQuote)
            #expect(diagnostic.location?.line == 2, "chunk size \(size)")
            #expect(diagnostic.location?.column == 5, "chunk size \(size)")
            #expect(diagnostic.message.contains("line 4"))
        }
    }

    @Test("a quote never closed before the end of the file is reported where it opened")
    func unterminatedQuote() throws {
        let text = "a,b,c\nAUS,2019,1\nBEL,\"2020,2\nCAN,2021,3\n"
        let (rows, stop) = try records(Array(text.utf8), chunkSize: 5)
        #expect(rows.count == 2)
        let diagnostic = try #require(stop)
        #expect(diagnostic.code == .unterminatedQuote)
        #expect(diagnostic.location == Location(file: "f", line: 3, column: 5))
        #expect(diagnostic.message.contains("2 lines"))
    }

    @Test("text after a closing quote on the same line is a stray quote")
    func textAfterClosingQuote() throws {
        let (_, stop) = try records(Array("a,b\n\"AUS\"x,1\n".utf8))
        let diagnostic = try #require(stop)
        #expect(diagnostic.code == .strayQuote)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 6)
    }

    @Test("an empty file, or one with only blank lines, has no header")
    func emptyFiles() throws {
        for text in ["", "\n\n", "  \r\n", "\u{FEFF}"] {
            let (rows, stop) = try records(Array(text.utf8))
            #expect(rows.isEmpty)
            #expect(stop?.code == .emptyFile)
        }
    }

    @Test("a cell larger than the limit stops reading with a clear diagnostic")
    func oversizedCell() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("big.csv", "a,b\n\"" + String(repeating: "x", count: 5000) + "\n")
        var options = CSVReader.Options()
        options.maxCellBytes = 1000
        let stop = try CSVReader(path: path, options: options).read { _, _ in }
        #expect(stop?.code == .oversizedRecord)
        #expect(stop?.location?.line == 2)
    }

    @Test("a quote opened near the start of a large file stops reading at the cell limit, not at the end")
    func runawayQuoteInLargeFile() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let row = "AUS,2019,12\n"
        let text = "country,year,victims\nAUS,\"2018,1\n" + String(repeating: row, count: 200_000)  // ~2.4 MB
        let path = try fixtures.file("big.csv", text)
        var lines: [Int] = []
        let stop = try CSVReader(path: path).read { record, _ in lines.append(record.line) }
        #expect(lines == [1])
        #expect(stop?.code == .oversizedRecord)
        #expect(stop?.location?.line == 2)
    }

    @Test("many blank lines between rows are passed over, and lines still count")
    func blankLines() throws {
        let text = "a,b\n" + String(repeating: "\n", count: 100_000) + "x,1\n\r\n   \n"
        let (rows, stop) = try records(Array(text.utf8), chunkSize: 4096)
        #expect(stop == nil)
        #expect(rows.map(\.0) == [1, 100_002])
    }

    @Test("cell locations count Unicode scalars and skip leading blanks")
    func cellLocations() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("loc.csv", "h1,h2,h3\n\"Türkiye\",  2019,\"x\ny\",z\n")
        var locations: [[Location]] = []
        _ = try CSVReader(path: path).read { record, reader in
            locations.append((0..<record.count).map { reader.location(ofCell: $0) })
        }
        #expect(locations[1].map(\.line) == [2, 2, 2, 3])
        #expect(locations[1].map(\.column) == [1, 13, 18, 4])
    }

    @Test("a file that cannot be read throws, with the reason")
    func unreadable() throws {
        #expect(throws: InputError.self) {
            _ = try CSVReader(path: "/nonexistent/victrend.csv").read { _, _ in }
        }
        #expect(throws: InputError.isDirectory(path: "/tmp")) {
            _ = try CSVReader(path: "/tmp").read { _, _ in }
        }
    }
}

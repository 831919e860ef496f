import Testing

@testable import VicTrend

@Suite("Reading long-layout files into a panel, and every bad input")
struct PanelReaderTests {
    /// The single diagnostic of reading `text`, with its location relative to the file.
    private func onlyDiagnostic(_ text: String, options: PanelReader.Options = .init()) throws
        -> (code: DiagnosticCode, line: Int?, column: Int?, message: String)
    {
        let (result, path) = try readPanel(text, options: options)
        try #require(result.log.diagnostics.count == 1, "\(result.log.diagnostics)")
        let diagnostic = try #require(result.log.diagnostics.first)
        #expect(diagnostic.location?.file == path)
        #expect(diagnostic.severity == .error)
        return (diagnostic.code, diagnostic.location?.line, diagnostic.location?.column, diagnostic.message)
    }

    @Test("a good file becomes a sorted panel with locations")
    func goodFile() throws {
        let (result, path) = try readPanel("Year;Country;Victims\n2020;BEL;5\n2019;BEL;4\n2019;AUS;100\n")
        #expect(!result.log.hasErrors)
        #expect(result.rowCount == 3)
        #expect(result.panel.series.map(\.country) == ["AUS", "BEL"])
        let belgium = result.panel.series[1].observations
        #expect(belgium.map(\.year) == [2019, 2020])
        #expect(belgium.map(\.victims) == [4, 5])
        #expect(belgium[0].location == Location(file: path, line: 3))
    }

    @Test("blank lines and rows of bare delimiters are not data; other columns are ignored")
    func blankRows() throws {
        let (result, _) = try readPanel("country,year,victims,note\n\n,,,\nAUS,2019,1,\"a, b\"\n , , , \n")
        #expect(!result.log.hasErrors)
        #expect(result.rowCount == 1)
        #expect(result.panel.observationCount == 1)
    }

    @Test("tab-delimited with a byte-order mark and CR LF")
    func tabs() throws {
        let (result, _) = try readPanel("\u{FEFF}country\tyear\tcount\r\nAUS\t2019\t7\r\n")
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.first?.observations.first?.victims == 7)
    }

    @Test("--delimiter overrides detection")
    func forcedDelimiter() throws {
        let (result, _) = try readPanel(
            "country;year;victims\nAUS;2019;1\n", options: .init(delimiter: UInt8(ascii: ",")))
        #expect(result.log.errorCount == 3)
        #expect(result.log.diagnostics.allSatisfy { $0.code == .missingColumn })
    }

    @Test("missing required column")
    func missingColumn() throws {
        let found = try onlyDiagnostic("country,year,amount\nAUS,2019,1\n")
        #expect(found.code == .missingColumn)
        #expect(found.line == 1)
    }

    @Test("empty country")
    func emptyCountry() throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,2019,1\n  ,2020,2\n")
        #expect(found.code == .emptyCountry)
        #expect(found.line == 3)
        #expect(found.column == 3)
    }

    @Test("year that is not a 4-digit integer")
    func badYear() throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,19,1\n")
        #expect(found.code == .invalidYear)
        #expect((found.line, found.column) == (2, 5))
    }

    @Test(
        "counts that are not non-negative integers",
        arguments: [
            ("\"1,234\"", DiagnosticCode.invalidCount), ("12.5", .invalidCount), ("-3", .invalidCount),
            ("n/a", .invalidCount), ("18446744073709551616", .countTooLarge),
        ])
    func badCount(cell: String, code: DiagnosticCode) throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,2019,\(cell)\n")
        #expect(found.code == code)
        #expect((found.line, found.column) == (2, 10))
    }

    @Test("an unquoted thousands separator makes an extra cell, pointed at")
    func unquotedThousands() throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,2019,1,234\n")
        #expect(found.code == .extraCells)
        #expect((found.line, found.column) == (2, 12))
        #expect(found.message.contains("1,234"))
    }

    @Test("a row with fewer cells than the header")
    func fewerCells() throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,2019\n")
        #expect(found.code == .missingCells)
        #expect(found.line == 2)
        #expect(found.message.contains("2 cells but the header has 3"))
    }

    @Test("a country-year given twice names both places")
    func duplicate() throws {
        let (result, path) = try readPanel("country,year,victims\nAUS,2019,1\nAUS,2019,2\n")
        let diagnostic = try #require(result.log.diagnostics.first)
        #expect(diagnostic.code == .duplicateObservation)
        #expect(diagnostic.location == Location(file: path, line: 3))
        #expect(diagnostic.message.contains("different counts: 1 at \(path):2, 2 here"))
    }

    @Test("years out of order: new years are accepted, a repeated one is found wherever it is")
    func duplicateOutOfOrder() throws {
        // 1950 lies outside the window of years the builder marks near the first year (2015): it is
        // found by scanning the series; 2015 and 2016 by their marks.
        let text = """
            country,year,victims
            AUS,2015,10
            AUS,2017,12
            AUS,1950,3
            AUS,2016,11
            AUS,2015,10
            AUS,1950,4
            AUS,2016,<5

            """
        let (result, path) = try readPanel(text)
        #expect(result.panel.series.first?.observations.map(\.year) == [1950, 2015, 2016, 2017])
        let found = result.log.diagnostics.filter { $0.code != .withheldValue }
        #expect(found.map(\.code) == [.repeatedObservation, .duplicateObservation, .duplicateObservation])
        #expect(found.map { $0.location?.line } == [6, 7, 8])
        #expect(found[0].message.contains("first at \(path):2"))
        #expect(found[1].message.contains("3 at \(path):4, 4 here"))
        #expect(found[2].message.contains("11 at \(path):5, <5 here"))
    }

    @Test("a duplicate across files is a duplicate")
    func duplicateAcrossFiles() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let first = try fixtures.file("a.csv", "country,year,victims\nAUS,2019,1\nAUS,2020,2\n")
        let second = try fixtures.file("b.csv", "iso3;time_period;obs_value\nBEL;2019;3\nAUS;2020;5\n")
        let result = try PanelReader().read([first, second])
        #expect(result.rowCount == 4)
        #expect(result.log.errorCount == 1)
        let diagnostic = try #require(result.log.diagnostics.first)
        #expect(diagnostic.location == Location(file: second, line: 3))
        #expect(diagnostic.message.contains("2 at \(first):3, 5 here"))
        #expect(result.panel.observationCount == 3)
    }

    @Test("two spellings of one country are one series, keyed by alpha-3; a colliding year is a duplicate")
    func spellings() throws {
        let (result, _) = try readPanel(
            "country,year,victims\nSouth Korea,2019,5\nKOR,2020,6\nRepublic of Korea,2020,7\nTürkiye,2019,1\n"
        )
        #expect(result.panel.series.map(\.country) == ["KOR", "TUR"])
        #expect(result.log.diagnostics.map(\.code) == [.duplicateObservation])
        #expect(result.log.diagnostics.first?.location?.line == 4)
    }

    @Test("--countries verbatim keeps keys as written")
    func verbatim() throws {
        let (result, _) = try readPanel(
            "country,year,victims\nICSE,2019,5\nSouth Korea,2019,6\n", options: .init(countries: .verbatim))
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.map(\.country) == ["ICSE", "South Korea"])
    }

    @Test("a verbatim key, a --by value or a group name with a control character is an error (VT130)")
    func controlInKey() throws {
        let (result, _) = try readPanel(
            "country,year,victims\n\"A\u{1B}[31mB\",2019,5\nX\u{202E}Y,2019,7\nOK,2019,9\n::add-mask::9,2019,1\n"
                + "a##[error]b,2019,2\n",
            options: .init(countries: .verbatim))
        #expect(result.panel.series.map(\.country) == ["OK"])
        let found = result.log.diagnostics.map {
            ($0.code, $0.location?.line, $0.location?.column, $0.message)
        }
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.0 == .controlInKey })
        #expect(found.map(\.1) == [2, 3, 5, 6] && found.map(\.2) == [1, 1, 1, 1])
        #expect(found[2].3.contains("holds '::' at its start, which a CI runner reads as a command"))
        #expect(found[3].3.contains("holds '##[', which a CI runner reads as a command"))
        #expect(found[0].3.contains("the 'country' cell holds the control character \\x1b"))
        #expect(found[1].3.contains("\\u{202e}"))
        #expect(result.log.hasErrors)

        let (byResult, _) = try readPanel(
            "country,agency,year,victims\nAUT,Police\u{2066},2019,5\nAUT,Courts,2019,6\n",
            options: .init(keyColumns: ["agency"]))
        #expect(byResult.log.diagnostics.map(\.code) == [.controlInKey])
        #expect(byResult.log.diagnostics.first?.message.contains("'agency' cell") == true)
        #expect(byResult.panel.series.count == 1)

        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let groups = try fixtures.file("g.csv", "country,group\nAUT,EU\u{7}\nDEU,EU\n")
        let (read, log) = try GroupsReader.read(groups)
        #expect(log.diagnostics.map(\.code) == [.controlInKey])
        #expect(log.diagnostics.first?.location?.line == 2 && log.diagnostics.first?.location?.column == 5)
        #expect(read.names == ["EU"])
    }

    @Test("an unknown country is an error with the closest matches")
    func unknownCountry() throws {
        let found = try onlyDiagnostic("country,year,victims\nGermny,2019,5\n")
        #expect(found.code == .unknownCountry)
        #expect((found.line, found.column) == (2, 1))
        #expect(found.message.contains("did you mean Germany (DEU)?"))
    }

    @Test("an unterminated quote")
    func unterminatedQuote() throws {
        let found = try onlyDiagnostic("country,year,victims\nAUS,2019,\"1\nBEL,2019,2\n")
        #expect(found.code == .unterminatedQuote)
        #expect((found.line, found.column) == (2, 10))
    }

    @Test("invalid UTF-8 in a country, e.g. a Windows-1252 file")
    func invalidUTF8() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let bytes = Array("country,year,victims\nT".utf8) + [0xFC] + Array("rkiye,2019,1\n".utf8)
        let path = try fixtures.bytes("latin1.csv", bytes)
        let result = try PanelReader().read([path])
        let diagnostic = try #require(result.log.diagnostics.first)
        #expect(diagnostic.code == .invalidUTF8)
        #expect(diagnostic.location == Location(file: path, line: 2, column: 1))
        #expect(diagnostic.message.contains("Windows-1252"))
    }

    @Test(
        "a UTF-16 file, with a byte-order mark either way round or without one, stops at once with one error",
        arguments: [
            (
                [0xFF, 0xFE] + utf16Bytes("country,year,victims\nAUS,2019,1\n", bigEndian: false), 1,
                "byte-order mark"
            ),
            (
                [0xFE, 0xFF] + utf16Bytes("country,year,victims\nAUS,2019,1\n", bigEndian: true), 1,
                "byte-order mark"
            ),
            (
                utf16Bytes("country,year,victims\nAUS,2019,1\n", bigEndian: false), 1,
                "byte 2 of the file is NUL"
            ),
            (
                Array("country,year,victims\nAUS,2019,1\nAUT,2019,".utf8) + [0, 0x0A], 3,
                "byte 42 of the file is NUL"
            ),
        ] as [([UInt8], Int, String)])
    func notUTF8Text(bytes: [UInt8], line: Int, says: String) throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.bytes("utf16.csv", bytes)
        for delimiter in [nil, UInt8(ascii: ",")] {
            for chunkSize in [4, 7, 1 << 16] {
                var options = PanelReader.Options()
                options.delimiter = delimiter
                options.chunkSize = chunkSize
                let result = try PanelReader(options: options).read([path])
                #expect(result.log.diagnostics.count == 1)
                let diagnostic = try #require(result.log.diagnostics.first)
                #expect(diagnostic.code == .invalidUTF8)
                #expect(diagnostic.location == Location(file: path, line: line))
                #expect(diagnostic.message.contains(says))
                #expect(diagnostic.message.contains("save it as \"CSV UTF-8\""))
                #expect(result.panel.series.isEmpty)
            }
        }
    }

    @Test("invalid UTF-8 in the header")
    func invalidHeader() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.bytes("h.csv", Array("country,year,v".utf8) + [0xE9, 0x0A])
        let result = try PanelReader().read([path])
        #expect(result.log.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(result.log.diagnostics.first?.location?.column == 14)
    }

    @Test("an empty file and a header-only file")
    func emptyAndHeaderOnly() throws {
        #expect(try onlyDiagnostic("").code == .emptyFile)
        #expect(try onlyDiagnostic("\n\n").code == .emptyFile)
        #expect(try onlyDiagnostic("country,year,victims\n").code == .noDataRows)
    }

    @Test("every bad row is reported, none skipped; the diagnostic list is capped but counted")
    func manyErrors() throws {
        var text = "country,year,victims\n"
        for index in 0..<50 { text += "AUS,\(2000 + index),x\n" }
        let (result, _) = try readPanel(text, options: .init(diagnosticLimit: 10))
        #expect(result.log.errorCount == 50)
        #expect(result.log.diagnostics.count == 10)
        #expect(result.log.omittedCount == 40)
        #expect(result.rowCount == 50)
        #expect(result.panel.observationCount == 0)
    }

    @Test("unknown countries past the cap are counted exactly; the kept ones keep their 'did you mean'")
    func manyUnknownCountries() throws {
        var text = "country,year,victims\nAustia,2000,1\n"
        for index in 0..<30 { text += "X\(index),2000,1\n" }
        let (result, _) = try readPanel(text, options: .init(diagnosticLimit: 3))
        #expect(result.log.errorCount == 31)
        #expect(result.log.omittedCount == 28)
        #expect(result.log.diagnostics.map(\.code) == [.unknownCountry, .unknownCountry, .unknownCountry])
        #expect(result.log.diagnostics[0].message.contains("did you mean Austria (AUT)?"))
        #expect(result.log.diagnostics[2].location?.line == 4)
    }
}

/// `text` in UTF-16, without a byte-order mark.
private func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
        bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
}

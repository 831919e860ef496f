import Foundation
import Testing

@testable import VicTrend

/// Excel's "Save as CSV" from European locales (issue 16): Windows-1252 and Latin-1 text, counts with
/// thousands separators, a title above the table, trailing empty columns and footnotes below it.
@Suite("Excel CSV: encodings, thousands separators, titles, trailing columns, footnotes")
struct ExcelCSVTests {
    /// VT103's message for the sign `x` in a count's place.
    static let signMessage =
        "the count 'x' is a sign, not a number (statistics offices use it for none, not available or withheld): "
        + "write 0 for none, .. for a figure not available, c or <K for one withheld, as victrend reads them"

    /// Reads `bytes` as one file with `options`.
    private func read(_ bytes: [UInt8], _ options: PanelReader.Options = .init()) throws
        -> (result: PanelReader.Result, path: String)
    {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.bytes("excel.csv", bytes)
        return (try PanelReader(options: options).read([path]), path)
    }

    private func figures(_ result: PanelReader.Result) -> [String: [Int]] {
        Dictionary(
            uniqueKeysWithValues: result.panel.series.map { ($0.country, $0.observations.map(\.victims)) })
    }

    /// What each finding says, without the temporary path: `line:column code message`.
    private func findings(_ result: PanelReader.Result) -> [String] {
        result.log.diagnostics.map { diagnostic in
            let place = diagnostic.location.map { "\($0.line)" + ($0.column.map { ":\($0)" } ?? "") } ?? "-"
            return "\(place) \(diagnostic.code.rawValue) \(diagnostic.message)"
        }
    }

    @Test("Windows-1252 and Latin-1 decode every high byte as the code pages define it")
    func decoding() {
        func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> [UInt32] {
            var target = [UInt8](repeating: 0, count: 3 * bytes.count)
            let written = bytes.withUnsafeBytes { source in
                target.withUnsafeMutableBytes { encoding.transcode(source, into: $0) }
            }
            return String(decoding: target[..<written], as: UTF8.self).unicodeScalars.map(\.value)
        }
        let sample: [UInt8] = [0x41, 0x80, 0x81, 0x84, 0x93, 0x96, 0x9F, 0xA0, 0xA9, 0xD6, 0xE9, 0xFF]
        #expect(
            decode(sample, .windows1252) == [
                0x41, 0x20AC, 0x81, 0x201E, 0x201C, 0x2013, 0x178, 0xA0, 0xA9, 0xD6, 0xE9, 0xFF,
            ])
        #expect(decode(sample, .latin1) == sample.map(UInt32.init))
        // Every byte of both code pages round-trips through Foundation's decoders.
        let all = (0...255).map(UInt8.init)
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let defined = all.filter { !undefined.contains($0) }
        let foundation = String(data: Data(defined), encoding: .windowsCP1252)?.unicodeScalars.map(\.value)
        #expect(decode(defined, .windows1252) == foundation)
        #expect(
            decode(all, .latin1) == String(data: Data(all), encoding: .isoLatin1)?.unicodeScalars.map(\.value)
        )
    }

    @Test(
        "a Windows-1252 file reads as UTF-8 would, columns in characters, at every chunk size",
        arguments: [4, 5, 7, 64, 1 << 16])
    func windows1252(chunkSize: Int) throws {
        // "Bemerkung" cells with ü and „ “ before the count: the count's column counts characters.
        let text = "Land;Jahr;„Bemerkung“;Opfer\r\nAUT;2019;„geprüft“;12\r\nAUT;2020;für 2020;x\r\n"
        let bytes = Array(
            text.unicodeScalars.map { scalar -> UInt8 in
                switch scalar {
                case "„": return 0x84
                case "“": return 0x93
                default: return UInt8(scalar.value)
                }
            })
        var options = PanelReader.Options(
            columns: .init(country: "Land", year: "Jahr", count: "Opfer"), encoding: .windows1252)
        options.chunkSize = chunkSize
        let (result, _) = try read(bytes, options)
        #expect(figures(result) == ["AUT": [12]])
        #expect(
            findings(result) == [
                "3:19 VT103 " + Self.signMessage
            ])
        // Without the option: VT003 (at the header, whose cells are all read), which names it.
        options.encoding = .utf8
        let (plain, _) = try read(bytes, options)
        #expect(plain.log.diagnostics.first?.code == .invalidUTF8)
        #expect(plain.log.diagnostics.first?.message.contains("--encoding windows-1252") == true)
    }

    @Test("text read with --encoding that is UTF-8 gives its UTF-8 reading back, and nothing else does")
    func utf8ReadWithEncoding() {
        #expect(TextEncoding.windows1252.asUTF8("Ã–sterreich") == "Österreich")
        #expect(TextEncoding.windows1252.asUTF8("TÃ¼rkiye") == "Türkiye")
        #expect(TextEncoding.latin1.asUTF8("Ã\u{96}sterreich") == "Österreich")
        #expect(TextEncoding.windows1252.asUTF8("Österreich") == nil)  // 0xD6 alone is no UTF-8
        #expect(TextEncoding.windows1252.asUTF8("Austria") == nil)  // nothing beyond ASCII
        #expect(TextEncoding.windows1252.asUTF8("Россия") == nil)  // not a Windows-1252 character
        #expect(TextEncoding.utf8.asUTF8("Ã–sterreich") == nil)
    }

    @Test("an unknown country that is UTF-8 read as Windows-1252 says to drop --encoding (VT105)")
    func utf8CountryHint() throws {
        let (result, _) = try read(
            Array("country,year,victims\nÖsterreich,2019,5\n".utf8),
            PanelReader.Options(encoding: .windows1252))
        #expect(
            findings(result) == [
                "2:1 VT105 unknown country 'Ã–sterreich'; did you mean Austria (AUT)? Use ISO 3166 codes (AUT, AT, "
                    + "040) or English names, or --countries verbatim for keys that are not countries; the file looks "
                    + "like UTF-8 read as windows-1252 ('Österreich' read as 'Ã–sterreich'): read it without --encoding"
            ])
    }

    @Test("a UTF-8 byte-order mark wins over --encoding")
    func byteOrderMark() throws {
        let (result, _) = try read(
            Array("\u{FEFF}country,year,victims\nÖsterreich,2019,5\n".utf8),
            PanelReader.Options(countries: .verbatim, encoding: .windows1252))
        #expect(figures(result) == ["Österreich": [5]])
    }

    @Test(
        "--thousands-separator reads counts grouped in threes, and only those",
        arguments: [
            (ThousandsSeparator.dot, "14.000", 14_000), (.dot, "1.234.567", 1_234_567), (.dot, "999", 999),
            (.comma, "\"1,210\"", 1210), (.space, "1 210", 1210), (.space, "1\u{A0}210", 1210),
            (.space, "1\u{202F}210", 1210), (.apostrophe, "1'210", 1210),
            (.apostrophe, "12\u{2019}345", 12_345),
        ])
    func grouped(separator: ThousandsSeparator, cell: String, value: Int) throws {
        let (result, _) = try read(
            Array("country;year;victims\nAUT;2019;\(cell)\n".utf8),
            PanelReader.Options(thousandsSeparator: separator))
        #expect(result.log.diagnostics.isEmpty)
        #expect(figures(result) == ["AUT": [value]])
    }

    @Test(
        "a separator not between groups of three is refused (VT103)",
        arguments: ["14.5", "1.2345", ".123", "1..234", "1.234.56", "1.234,5", "1234.567"])
    func badlyGrouped(cell: String) throws {
        let (result, _) = try read(
            Array("country;year;victims\nAUT;2019;\(cell)\n".utf8),
            PanelReader.Options(thousandsSeparator: .dot))
        #expect(result.panel.series.isEmpty)
        #expect(result.log.diagnostics.map(\.code) == [.invalidCount])
        #expect(result.log.diagnostics.first?.message.contains("not grouped in threes") == true)
    }

    @Test("the separator never applies to SDMX OBS_VALUE: '.' is its decimal point (1.000 thousands is 1000)")
    func notInSDMX() throws {
        let header =
            "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,FREQ,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
            + "UNIT_MULT\n"
        let rows =
            "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,BEL,A,VIC,2019,1.000,A,3\n"
            + "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,BEL,A,VIC,2020,1.210,A,3\n"
        for separator in ThousandsSeparator.allCases {
            let (result, _) = try read(
                Array((header + rows).utf8), PanelReader.Options(thousandsSeparator: separator))
            #expect(figures(result) == ["BEL": [1000, 1210]], "\(separator)")
        }
    }

    @Test("without the option, 14.000 is refused with both of its readings")
    func neverGuessed() throws {
        let (result, _) = try read(Array("country;year;victims\nAUT;2019;14.000\nAUT;2020;1 210\n".utf8))
        #expect(result.panel.series.isEmpty)
        #expect(
            findings(result) == [
                "2:10 VT103 the count '14.000' is 14 with a decimal point, or 14000 if '.' separates thousands "
                    + "(as Excel writes counts in German, Dutch or Spanish): victrend never guesses; if '.' "
                    + "separates thousands, read the file with --thousands-separator ., otherwise write it as 14",
                "3:10 VT103 the count '1 210' has a thousands separator: it is 1210 if the separator groups "
                    + "thousands; read the file with --thousands-separator space, or write the digits only",
            ])
    }

    @Test(
        "--header-line: the title above is ignored, the delimiter comes from the header, lines stay physical")
    func headerLine() throws {
        // The title has commas and no semicolon: detected from line 1 the delimiter would be ','.
        let text =
            "Victims, by country, 2019-2020\n\"a title, quoted\nover two lines\"\ncountry;year;victims\nAUT;2019;5\nAUT;2020;x\n"
        let (result, _) = try read(Array(text.utf8), PanelReader.Options(headerLine: 4))
        #expect(figures(result) == ["AUT": [5]])
        #expect(findings(result) == ["6:10 VT103 " + Self.signMessage])
        #expect(result.rowCount == 2)
        let (beyond, _) = try read(Array(text.utf8), PanelReader.Options(headerLine: 9))
        #expect(beyond.log.diagnostics.map(\.code) == [.emptyFile])
        // A quote in a line above the header opens no field: the lines are skipped as text, in any chunk.
        let quoted = "Opfer 5\" Zoll\n\nNote: \"provisional\ncountry,year,victims\nAUT,2019,5\nAUT,2020,6\n"
        for chunk in [4, 5, 7, 13, 67, 1 << 16] {
            var options = PanelReader.Options(headerLine: 4)
            options.chunkSize = chunk
            let (read, _) = try read(Array(quoted.utf8), options)
            #expect(figures(read) == ["AUT": [5, 6]], "chunk \(chunk)")
            #expect(read.log.diagnostics.isEmpty, "chunk \(chunk): \(findings(read))")
        }
        // Without it, the title is the header, and the message says what to do.
        let (plain, _) = try read(Array("Victims 2019-2020\n\ncountry,year,victims\nAUT,2019,5\n".utf8))
        #expect(plain.log.diagnostics.first?.message.contains("--header-line N") == true)
    }

    @Test("trailing empty columns are not columns; a filled cell beyond the table still is an error")
    func trailingColumns() throws {
        let text = "country;year;victims;;\nAUT;2019;5;;\nAUT;2020;6\nAUT;2021;7;; \nAUT;2022;8;;9\n"
        let (result, _) = try read(Array(text.utf8))
        #expect(figures(result) == ["AUT": [5, 6, 7]])
        #expect(result.log.diagnostics.map(\.code) == [.extraCells])
        #expect(result.log.diagnostics.first?.location?.line == 5)
    }

    @Test("rows with only a first cell below a blank row are footnotes (VT116), never dropped silently")
    func footnotes() throws {
        let text =
            "country;year;victims;\nAUT;2019;5;\nAUT;2020;6;\n;;;\nSource: synthetic;;;\n\n\"Note; quoted\"\n"
            + "AUT;2021;7;\nBEL;;;\n"
        let (result, _) = try read(Array(text.utf8))
        // A data row below the footnotes is still read; a first cell alone after the blank row is a note.
        #expect(figures(result) == ["AUT": [5, 6, 7]])
        #expect(
            findings(result) == [
                "5 VT116 a footnote below the table, not read as data: 'Source: synthetic'",
                "7 VT116 a footnote below the table, not read as data: 'Note; quoted'",
                "9 VT116 a footnote below the table, not read as data: 'BEL'",
            ])
        #expect(result.log.diagnostics.allSatisfy { $0.severity == .info })
        // Above any blank row, a row with only its first cell is an error as before.
        let (above, _) = try read(Array("country;year;victims\nAUT;;\nAUT;2019;5\n".utf8))
        #expect(above.log.diagnostics.map(\.code) == [.invalidYear, .invalidCount])
    }
}

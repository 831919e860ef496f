import Foundation
import Testing

@testable import VicTrend

/// `.xlsx` workbooks read directly (issue 16): values as Excel stores them, locations by sheet and cell,
/// and bounds for hostile workbooks.
@Suite("Workbooks (.xlsx): cells, dates, locations, hostile files")
struct WorkbookReaderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sample = packageRoot.appendingPathComponent("samples/layouts/excel-workbook.xlsx").path

    /// Every record of a sheet: (row, cells), and the stop diagnostic.
    private func rows(_ path: String, _ options: WorkbookReader.Options = .init()) -> (
        rows: [(Int, [String])], stop: Diagnostic?
    ) {
        var rows: [(Int, [String])] = []
        let stop = WorkbookReader(path: path, options: options).read { record, _ in
            rows.append((record.line, (0..<record.count).map { record.text($0) }))
        }
        return (rows, stop)
    }

    /// libzip's writing functions, loaded as victrend loads its reading ones.
    private struct ZipWriter {
        let open:
            @convention(c) (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) -> OpaquePointer?
        let sourceBuffer: @convention(c) (OpaquePointer?, UnsafeRawPointer?, UInt64, Int32) -> OpaquePointer?
        let fileAdd: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, OpaquePointer?, UInt32) -> Int64
        let close: @convention(c) (OpaquePointer?) -> Int32

        init() throws {
            let handle = try #require(dlopen("libzip.so.4", RTLD_NOW) ?? dlopen("libzip.so", RTLD_NOW))
            func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
                unsafeBitCast(try #require(dlsym(handle, name)), to: type)
            }
            open = try symbol("zip_open", type(of: open))
            sourceBuffer = try symbol("zip_source_buffer", type(of: sourceBuffer))
            fileAdd = try symbol("zip_file_add", type(of: fileAdd))
            close = try symbol("zip_close", type(of: close))
        }
    }

    /// Writes a zip archive of `parts` (deflated by libzip) and returns its path.
    private func workbook(_ parts: [String: String], in fixtures: Fixtures, name: String = "book.xlsx") throws
        -> String
    {
        let zip = try ZipWriter()
        let path = fixtures.directory.appendingPathComponent(name).path
        var error: Int32 = 0
        // ZIP_CREATE | ZIP_TRUNCATE
        let archive = try #require(zip.open(path, 1 | 8, &error))
        for (part, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(text.utf8)
            let buffer = try #require(malloc(max(bytes.count, 1)))
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) }
            }
            // freep = 1: libzip frees the buffer.
            let source = try #require(zip.sourceBuffer(archive, buffer, UInt64(bytes.count), 1))
            #expect(zip.fileAdd(archive, part, source, 0) >= 0)
        }
        #expect(zip.close(archive) == 0)
        return path
    }

    /// A one-sheet workbook with `sheetData` inside the sheet (and `strings` as shared strings).
    private func book(_ sheetData: String, strings: [String] = [], extra: [String: String] = [:]) -> [String:
        String]
    {
        var parts = [
            "xl/workbook.xml":
                "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData>\(sheetData)</sheetData></worksheet>",
            "xl/sharedStrings.xml": "<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>",
        ]
        parts.merge(extra) { _, new in new }
        return parts
    }

    @Test("the sample's first sheet: shared and inline strings, a number as text, a formula, an exponent")
    func sampleFigures() {
        let (rows, stop) = rows(Self.sample)
        #expect(stop == nil)
        #expect(rows.map(\.0) == [1, 3] + Array(4...14) + [16])
        #expect(rows[0].1 == ["Identified victims, synthetic (no case data)"])
        #expect(rows[1].1 == ["country", "year", "victims", "source"])
        #expect(rows[2].1 == ["AUS", "2019", "100", "synthetic, hand-checked"])
        // =C5+10 with its cached value; "1000" stored as text; 1.21E3 written out.
        #expect(rows[4].1[2] == "120")
        #expect(rows[6].1[2] == "1000")
        #expect(rows[7].1[2] == "1210")
        // The formatted empty cell in column F is no cell.
        #expect(rows.allSatisfy { $0.1.count <= 4 })
        #expect(rows.last?.1 == ["Source: synthetic figures, hand-checked"])
        // --header-line: the title is not delivered.
        var options = WorkbookReader.Options()
        options.headerLine = 3
        #expect(self.rows(Self.sample, options).rows.first?.0 == 3)
    }

    @Test("the Wide sheet: header dates read as years, data cells located by sheet and cell")
    func sampleWide() {
        var options = WorkbookReader.Options()
        options.sheet = "Wide"
        var locations: [String] = []
        var header: [String] = []
        let stop = WorkbookReader(path: Self.sample, options: options).read { record, reader in
            if header.isEmpty { header = (0..<record.count).map { record.text($0) } }
            if record.line == 5 {
                locations = [reader.location(ofCell: 3), reader.recordLocation].map(\.description)
            }
        }
        #expect(stop == nil)
        #expect(header == ["country", "name", "2019", "2020", "2021", "2022"])
        #expect(locations == ["\(Self.sample):Wide!D5", "\(Self.sample):Wide!5:5"])
    }

    @Test("locations read as Excel references")
    func locations() {
        #expect(
            Location(file: "f.xlsx", line: 7, column: 2, sheet: "Sheet1").description == "f.xlsx:Sheet1!B7")
        #expect(Location(file: "f.xlsx", line: 7, sheet: "Sheet1").description == "f.xlsx:Sheet1!7:7")
        #expect(
            Location(file: "f.xlsx", line: 9, column: 28, sheet: "Data 2024").description
                == "f.xlsx:'Data 2024'!AB9")
        #expect(
            Location(file: "f.xlsx", line: 1, column: 1, sheet: "O'Neil").description == "f.xlsx:'O''Neil'!A1"
        )
        // Names Excel quotes although they are letters and digits: a leading digit, a cell's name.
        let quoted = ["2019", "1st", "AB12", "a1", "R1", "XFD1048576", "R1C1", "r2c10"]
        let plain = ["Data", "Sheet1", "Tabelle_1", "ABCD12", "RC", "R1C", "Resultats", "Übersicht"]
        #expect(quoted.allSatisfy(Location.needsQuotes), "\(quoted.filter { !Location.needsQuotes($0) })")
        #expect(!plain.contains(where: Location.needsQuotes), "\(plain.filter(Location.needsQuotes))")
        #expect(Location(file: "f.xlsx", line: 3, column: 2, sheet: "2019").description == "f.xlsx:'2019'!B3")
        #expect(
            [1, 26, 27, 52, 53, 702, 703, 16384].map(Location.columnName) == [
                "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
            ])
        #expect(WorkbookReader.cellReference("XFD1048576")! == (16384, 1_048_576))
        #expect(WorkbookReader.cellReference("B7")! == (2, 7))
        #expect(WorkbookReader.cellReference("7B") == nil)
        #expect(WorkbookReader.cellReference("XFE1") == nil)
        #expect(WorkbookReader.cellReference("A0") == nil)
    }

    @Test(
        "numbers as stored are written out digit for digit",
        arguments: [
            ("14000", "14000"), ("1.4E+4", "14000"), ("1.21E3", "1210"), ("-2.5E-1", "-0.25"),
            ("5E-1", "0.5"),
            ("1.5E1", "15"), ("14000.000000000002", "14000.000000000002"), ("1E400", "1E400"), ("abc", "abc"),
        ])
    func plainNumbers(stored: String, written: String) {
        #expect(WorkbookReader.plainNumber(stored) == written)
    }

    @Test("serial days as dates, in both date systems, Excel's phantom 1900-02-29 included")
    func dates() {
        let cases: [(Int, Bool, String)] = [
            (1, false, "1900-01-01"), (59, false, "1900-02-28"), (60, false, "1900-02-29"),
            (61, false, "1900-03-01"), (43466, false, "2019-01-01"), (44562, false, "2022-01-01"),
            (0, true, "1904-01-01"), (42004, true, "2019-01-01"), (2_958_465, false, "9999-12-31"),
        ]
        for (serial, date1904, text) in cases {
            #expect(WorkbookReader.date(serial: serial, date1904: date1904)?.text == text, "\(serial)")
        }
        #expect(WorkbookReader.date(serial: 0, date1904: false) == nil)
        #expect(WorkbookReader.date(serial: 2_958_466, date1904: false) == nil)
        #expect(["d/m/yyyy", "yyyy", "[$-407]mmmm yy", "dd\\.mm\\.yyyy"].allSatisfy(Book.isDateFormat))
        #expect(!["0", "0.00", "#,##0", "\"day \"0", "[Red]0", "h:mm"].contains(where: Book.isDateFormat))
    }

    @Test("two entries of one name are refused (VT017): other tools would read the other one")
    func duplicateEntry() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        var parts = book("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        parts["xl/worksheets/sheet2.xml"] =
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"
            + "</sheetData></worksheet>"
        let path = try workbook(parts, in: fixtures)
        #expect(rows(path).stop == nil)
        // The second sheet's name, in its local and central headers, made the first's.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let from = Array("xl/worksheets/sheet2.xml".utf8)
        let to = Array("xl/worksheets/sheet1.xml".utf8)
        var renamed = 0
        for offset in 0...(bytes.count - from.count)
        where bytes[offset..<offset + from.count].elementsEqual(from) {
            bytes.replaceSubrange(offset..<offset + from.count, with: to)
            renamed += 1
        }
        #expect(renamed == 2)
        let stop = rows(try fixtures.bytes("twice.xlsx", bytes)).stop
        #expect(stop?.code == .unreadableWorkbook)
        #expect(stop?.message.contains("two entries of the archive have the same name") == true)
    }

    @Test("a zip bomb stops at the part's limit, whatever the archive claims")
    func zipBomb() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // 8 MiB of blanks inside the sheet compress to a few KiB.
        let blanks = String(repeating: " ", count: 8 << 20)
        let path = try workbook(book("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + blanks), in: fixtures)
        var options = WorkbookReader.Options()
        options.maxSheetBytes = 1 << 20
        let (_, stop) = rows(path, options)
        #expect(stop?.code == .unreadableWorkbook)
        // Refused from the central directory's declared size, before inflating.
        #expect(
            stop?.message.contains("larger than 1 MiB once uncompressed (the archive declares 8 MiB)") == true
        )
        #expect(rows(path).stop == nil)
        // A header that lies (every uncompressed size set to 100 bytes): inflating stops past the 100 bytes.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        for offset in 0..<(bytes.count - 30) {
            let signature = bytes[offset..<offset + 4]
            if signature.elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                bytes.replaceSubrange((offset + 22)..<(offset + 26), with: [100, 0, 0, 0])
            } else if signature.elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                bytes.replaceSubrange((offset + 24)..<(offset + 28), with: [100, 0, 0, 0])
            }
        }
        let liar = try fixtures.bytes("liar.xlsx", bytes)
        let lied = rows(liar, options).stop
        #expect(lied?.code == .unreadableWorkbook)
        #expect(
            lied?.message.hasSuffix(
                "inflates to more than the 100 bytes the archive declares; the workbook is damaged, or made to "
                    + "mislead: not read") == true, "\(lied?.message ?? "")")
    }

    @Test(
        "hostile or broken parts are refused (VT017) with what is wrong",
        arguments: [
            ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "refers to shared string '7'"),
            ("<row r=\"2\"><c r=\"A1\"><v>1</v></c></row>", "not a cell of row 2"),
            ("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"1\"></row>", "in increasing order"),
            ("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>", "not in column order"),
            ("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>", "beyond column NTP"),
            ("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "not well-formed XML"),
        ])
    func brokenSheets(sheetData: String, message: String) throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try workbook(book(sheetData), in: fixtures)
        let (_, stop) = rows(path)
        #expect(stop?.code == .unreadableWorkbook)
        #expect(stop?.message.contains(message) == true, "\(stop?.message ?? "")")
    }

    @Test("a DTD (and so any entity, a billion laughs) is refused before anything is expanded")
    func entities() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<sst><si><t>&b;</t></si></sst>"
        let path = try workbook(
            book(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", extra: ["xl/sharedStrings.xml": laughs]
            ),
            in: fixtures)
        let (rows, stop) = rows(path)
        #expect(rows.isEmpty)
        #expect(stop?.code == .unreadableWorkbook)
        #expect(stop?.message.contains("declares a DTD") == true, "\(stop?.message ?? "")")
    }

    @Test("shared strings: rich-text runs joined, phonetic runs left out; a string over the limit refused")
    func sharedStrings() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let strings =
            "<sst><si><r><t>Öster</t></r><r><t xml:space=\"preserve\">reich </t></r><rPh><t>x</t></rPh></si>"
            + "<si><t>&lt;5</t></si></sst>"
        let path = try workbook(
            book(
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c>"
                    + "<c r=\"D1\" t=\"inlineStr\"><is><t>in</t><rPh><t>y</t></rPh></is></c>"
                    + "<c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" t=\"e\"><v>#N/A</v></c></row>",
                extra: ["xl/sharedStrings.xml": strings]),
            in: fixtures)
        let (rows, stop) = rows(path)
        #expect(stop == nil)
        #expect(rows.first?.1 == ["Österreich ", "", "<5", "in", "TRUE", "#N/A"])
        var options = WorkbookReader.Options()
        options.maxCellBytes = 8
        #expect(self.rows(path, options).stop?.message.contains("longer than 8 bytes") == true)
    }

    @Test("not a workbook, no workbook part, an unknown sheet, an old .xls: each says what to do")
    func refusals() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let junk = try fixtures.bytes("junk.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 60))
        #expect(rows(junk).stop?.message.hasPrefix("not a readable .xlsx workbook") == true)
        let empty = try workbook(["docProps/app.xml": "<x/>"], in: fixtures, name: "empty.xlsx")
        #expect(rows(empty).stop?.message.contains("no part xl/workbook.xml") == true)
        var options = WorkbookReader.Options()
        options.sheet = "Sheet2"
        let stop = rows(Self.sample, options).stop
        #expect(stop?.code == .unknownSheet)
        #expect(stop?.message.hasSuffix("its sheets: 'Figures', 'Wide'") == true)
        let xls = try fixtures.bytes("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        let result = try PanelReader().read([xls])
        #expect(result.log.diagnostics.map(\.code) == [.binaryWorkbook])
        #expect(result.log.diagnostics.first?.message.contains("save it as .xlsx or CSV") == true)
    }

    @Test("a workbook reads into the same panel as the CSV it was made from, by content whatever its name")
    func panel() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let renamed = try fixtures.bytes(
            "figures.csv", Array(try Data(contentsOf: URL(fileURLWithPath: Self.sample))))
        let workbook = try PanelReader(options: PanelReader.Options(headerLine: 3)).read([renamed])
        let csv = try PanelReader().read([
            Self.packageRoot.appendingPathComponent("samples/small/example.csv").path
        ])
        #expect(workbook.panel.series.map(\.country) == csv.panel.series.map(\.country))
        #expect(
            workbook.panel.series.map { $0.observations.map(\.victims) }
                == csv.panel.series.map { $0.observations.map(\.victims) })
        // The sheet Wide is not read, and a note says so.
        #expect(workbook.log.diagnostics.map(\.code) == [.otherSheetsNotRead, .footnoteBelowTable])
        #expect(
            workbook.log.diagnostics.first?.message.hasPrefix(
                "read the sheet 'Figures' only; the workbook's other visible sheet 'Wide' was not read")
                == true)
        #expect(workbook.log.diagnostics.last?.location?.description == "\(renamed):Figures!16:16")
    }

    /// The figures of `path` read as a panel, and the codes of its diagnostics.
    private func panel(_ path: String, _ options: PanelReader.Options = .init()) throws -> (
        figures: [String: [Int]], codes: [DiagnosticCode], messages: [String]
    ) {
        let result = try PanelReader(options: options).read([path])
        var figures: [String: [Int]] = [:]
        for series in result.panel.series { figures[series.country] = series.observations.map(\.victims) }
        return (
            figures, result.log.diagnostics.map(\.code),
            result.log.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" }
        )
    }

    /// A long table: the header country, year, victims (shared strings 0–2), then `rows`.
    private func longSheet(_ rows: String) -> [String: String] {
        book(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c></row>" + rows, strings: ["country", "year", "victims"])
    }

    @Test("--thousands-separator applies to counts stored as text, never to a number cell (1.234 is no 1234)")
    func thousandsOnTextOnly() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try workbook(
            longSheet(
                "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>DEU</t></is></c><c r=\"B2\"><v>2019</v></c>"
                    + "<c r=\"C2\"><v>1.234</v></c></row>"
                    + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>DEU</t></is></c><c r=\"B3\"><v>2020</v></c>"
                    + "<c r=\"C3\" t=\"inlineStr\"><is><t>1.357</t></is></c></row>"),
            in: fixtures)
        let read = try panel(path, PanelReader.Options(thousandsSeparator: .dot))
        #expect(read.codes == [.invalidCount])
        #expect(
            read.messages.first?.hasPrefix("\(path):Sheet1!C2: the count '1.234' is stored in the workbook")
                == true)
        #expect(read.messages.first?.contains("read the file with --thousands-separator") == false)
        #expect(read.figures["DEU"] == nil || read.figures["DEU"] == [1357])
    }

    @Test("a sheet of more cells with a value than the limit is refused (VT017) at the row that passes it")
    func cellLimit() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let row = "<row>" + String(repeating: "<c><v>7</v></c>", count: 10) + "</row>"
        let path = try workbook(book(String(repeating: row, count: 5)), in: fixtures)
        var options = WorkbookReader.Options()
        options.maxCells = 35
        let (rows, stop) = rows(path, options)
        #expect(rows.count == 3)
        #expect(stop?.code == .unreadableWorkbook)
        #expect(stop?.location?.description == "\(path):Sheet1!4:4")
        #expect(stop?.message.hasPrefix("the sheet has more than 35 cells with a value (row 4") == true)
        #expect(self.rows(path).stop == nil)
    }

    @Test("without --sheet the first visible sheet is read; a hidden sheet only by name")
    func hiddenSheets() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try workbook(
            [
                "xl/workbook.xml":
                    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Old\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
                    + "<sheet name=\"Lookup\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/>"
                    + "<sheet name=\"Figures\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels":
                    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/>"
                    + "<Relationship Id=\"rId3\" Target=\"worksheets/sheet3.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml":
                    "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>",
                "xl/worksheets/sheet2.xml":
                    "<worksheet><sheetData><row><c><v>2</v></c></row></sheetData></worksheet>",
                "xl/worksheets/sheet3.xml":
                    "<worksheet><sheetData><row><c><v>3</v></c></row></sheetData></worksheet>",
            ], in: fixtures)
        #expect(rows(path).rows.map(\.1) == [["3"]])
        let empty = try workbook(
            [
                "xl/workbook.xml":
                    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Cover\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "<sheet name=\"Figures\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels":
                    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml": "<worksheet><sheetData/></worksheet>",
                "xl/worksheets/sheet2.xml":
                    "<worksheet><sheetData><row><c><v>3</v></c></row></sheetData></worksheet>",
            ], in: fixtures, name: "cover.xlsx")
        #expect(
            rows(empty).stop?.message.hasSuffix(
                "the workbook's other sheets: 'Figures' (read one with --sheet NAME)")
                == true)
        var options = WorkbookReader.Options()
        options.sheet = "Old"
        #expect(rows(path, options).rows.map(\.1) == [["1"]])
        // Regardless of case, as Excel names sheets, when no name matches exactly.
        options.sheet = "lookup"
        #expect(rows(path, options).rows.map(\.1) == [["2"]])
    }

    @Test("a formula without a calculated value (openpyxl, pandas) is refused at its cell, never dropped")
    func formulaWithoutValue() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try workbook(
            book(
                "<row><c><v>1</v></c><c><f>A1+1</f><v>2</v></c><c t=\"str\"><f>\"\"</f><v/></c></row>"
                    + "<row><c><v>3</v></c><c><f>A2*1.1</f></c><c><v>5</v></c></row>"),
            in: fixtures)
        let (rows, stop) = rows(path)
        #expect(rows.map(\.1) == [["1", "2"]])
        #expect(stop?.code == .unreadableWorkbook)
        #expect(stop?.location?.description == "\(path):Sheet1!B2")
        #expect(stop?.message.hasPrefix("a formula without a calculated value") == true)
        #expect(stop?.message.contains("open and save the workbook in Excel (or LibreOffice)") == true)
        // openpyxl's empty `<v/>` after a number formula (no `t`) is no value either: refused, not a gap.
        let empty = try workbook(
            book("<row><c><v>1</v></c><c><f>A1*1.1</f><v/></c><c><v>3</v></c></row>"), in: fixtures,
            name: "empty.xlsx")
        let read = self.rows(empty)
        #expect(read.rows.isEmpty)
        #expect(read.stop?.code == .unreadableWorkbook)
        #expect(read.stop?.location?.description == "\(empty):Sheet1!B1")
    }

    @Test(
        "a header's year stored as a number styled as a date is the year (2019, not 1905), a serial day its year"
    )
    func headerYearStyledAsDate() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let styles =
            "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
        let path = try workbook(
            book(
                "<row><c t=\"inlineStr\"><is><t>country</t></is></c><c s=\"1\"><v>2019</v></c>"
                    + "<c s=\"1\"><v>43831</v></c></row><row><c s=\"1\"><v>2019</v></c></row>",
                extra: ["xl/styles.xml": styles]),
            in: fixtures)
        let (rows, stop) = rows(path)
        #expect(stop == nil)
        // The data row stops at A; B and C, not written, are empty cells (the header's width).
        #expect(rows.map(\.1) == [["country", "2019", "2020"], ["1905-07-11", "", ""]])
    }

    @Test("no country, year or count column on the sheet read: VT010 names the sheet and the visible sheets")
    func missingColumnNamesSheets() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try workbook(
            [
                "xl/workbook.xml":
                    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "<sheet name=\"Old\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
                    + "<sheet name=\"Daten\" sheetId=\"3\" r:id=\"rId2\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels":
                    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml":
                    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>Read me first</t></is></c></row>"
                    + "</sheetData></worksheet>",
                "xl/worksheets/sheet2.xml":
                    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>country</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>year</t></is></c><c t=\"inlineStr\"><is><t>victims</t></is></c>"
                    + "</row><row><c t=\"inlineStr\"><is><t>AUT</t></is></c><c><v>2019</v></c><c><v>100</v></c>"
                    + "</row></sheetData></worksheet>",
            ], in: fixtures)
        let read = try panel(path)
        #expect(read.codes == [.otherSheetsNotRead, .missingColumn, .missingColumn, .missingColumn])
        #expect(
            read.messages.dropFirst().first?.hasPrefix("\(path):Notes!1:1: expected a country column") == true
        )
        #expect(
            read.messages.dropFirst().allSatisfy {
                $0.hasSuffix(
                    "; read the sheet 'Notes' of the workbook; its visible sheets: 'Notes', 'Daten' (read another "
                        + "with --sheet NAME)")
            })
        // A workbook's cells have no delimiter: the one-column hint speaks of the header line only.
        #expect(
            read.messages.dropFirst().allSatisfy {
                $0.contains(
                    "'Read me first'. If a title stands above the table, give the header's line: --header-line N; "
                        + "read the sheet") && !$0.contains("delimiter")
            })
        let daten = try panel(path, PanelReader.Options(sheets: ["Daten"]))
        #expect(daten.codes == [])
        #expect(daten.figures == ["AUT": [100]])
        // One sheet: named, no --sheet to suggest.
        let single = try workbook(
            book("<row><c t=\"inlineStr\"><is><t>Bemerkung</t></is></c><c><v>2019</v></c></row>"),
            in: fixtures,
            name: "single.xlsx")
        let one = try panel(single)
        #expect(one.codes.first == .missingColumn)
        #expect(one.messages.first?.hasSuffix("; read the sheet 'Sheet1' of the workbook") == true)
    }

    @Test("a year or count cell styled as a date is the number stored; a date in the year column is refused")
    func dataCellsStyledAsDates() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let styles =
            "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
        var parts = book(
            "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                + "<c t=\"s\"><v>3</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>AUT</t></is></c><c r=\"B2\" s=\"1\"><v>2019</v></c>"
                + "<c r=\"C2\"><v>100</v></c><c r=\"D2\" s=\"1\"><v>2019</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>AUT</t></is></c><c r=\"B3\"><v>2020</v></c>"
                + "<c r=\"C3\" s=\"1\"><v>110</v></c><c r=\"D3\"><v>7</v></c></row>",
            strings: ["country", "year", "victims", "checked"])
        parts["xl/styles.xml"] = styles
        let path = try workbook(parts, in: fixtures)
        let read = try panel(path)
        #expect(read.codes == [])
        #expect(read.figures == ["AUT": [100, 110]])
        // Another column styled as a date is still delivered as the date Excel shows.
        var shown: [[String]] = []
        _ = WorkbookReader(path: path).read { record, reader in
            if record.line == 1 { reader.readNumbers(inCells: [1, 2]) }
            shown.append((0..<record.count).map { record.text($0) })
            #expect(reader.shownDate(cell: 1) == (record.line == 2 ? "1905-07-11" : nil))
        }
        #expect(
            shown.dropFirst().map { $0 } == [
                ["AUT", "2019", "100", "1905-07-11"], ["AUT", "2020", "110", "7"],
            ])

        var dated = longSheet(
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>AUT</t></is></c><c r=\"B2\" s=\"1\"><v>43466</v></c>"
                + "<c r=\"C2\"><v>100</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>AUT</t></is></c><c r=\"B3\"><v>2020</v></c>"
                + "<c r=\"C3\"><v>110</v></c></row>")
        dated["xl/styles.xml"] = styles
        let datePath = try workbook(dated, in: fixtures, name: "dated.xlsx")
        let refused = try panel(datePath)
        #expect(refused.codes == [.invalidYear])
        #expect(
            refused.messages == [
                "\(datePath):Sheet1!B2: expected a four-digit year such as 2015, found the date 2019-01-01 (stored "
                    + "as the number '43466' formatted as a date); a year column holds the year alone: type the "
                    + "year (2019) into the cell"
            ])
    }

    @Test("a password-protected workbook (a compound file naming EncryptedPackage) is told from an old .xls")
    func passwordProtected() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        func utf16(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        // The directory at sector 200 (512-byte sectors: 0x1E holds 9, 0x30 the sector), past the 64 KiB
        // read first, so it is found only through the header.
        var header = magic + [UInt8](repeating: 0, count: 504)
        header[0x1E] = 9
        header[0x30] = 200
        let directory = utf16("Root Entry") + [UInt8](repeating: 0, count: 108) + utf16("EncryptionInfo")
        let encrypted = try fixtures.bytes(
            "locked.xlsx", header + [UInt8](repeating: 0, count: 200 * 512) + directory + [0, 0])
        let plain = try fixtures.bytes(
            "old.xls", header + [UInt8](repeating: 0, count: 200 * 512) + utf16("Workbook") + [0, 0])
        let lockedRead = try PanelReader().read([encrypted])
        #expect(lockedRead.log.diagnostics.map(\.code) == [.binaryWorkbook])
        #expect(
            lockedRead.log.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" } == [
                "\(encrypted):1: this is a password-protected workbook (encrypted, which victrend cannot read): "
                    + "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
                    + "Password, empty), and save it as .xlsx or CSV"
            ])
        let oldRead = try PanelReader().read([plain])
        #expect(oldRead.log.diagnostics.map(\.code) == [.binaryWorkbook])
        #expect(oldRead.log.diagnostics.first?.message.hasPrefix("this is an Excel 97-2003 workbook") == true)
        // A header pointing past the end, or a directory sector out of range, is no crash: an .xls.
        var hostile = header
        hostile[0x30] = 0xFF
        hostile[0x31] = 0xFF
        hostile[0x32] = 0xFF
        hostile[0x33] = 0x7F
        let far = try fixtures.bytes("far.xls", hostile)
        #expect(PanelReader.isEncryptedWorkbook(far) == false)
        #expect(PanelReader.isEncryptedWorkbook(encrypted))
        // The name anywhere in the first 64 KiB (a directory near the start) is found as well.
        #expect(WorkbookReader.namesEncryptionStream(magic + [0, 0] + utf16("EncryptedPackage")))
        #expect(!WorkbookReader.namesEncryptionStream(magic + utf16("EncryptedPackag")))
    }

    // MARK: - Rows as Excel writes them, and several sheets

    /// Every figure of `paths` read as one panel (`AUT 2019 100`), and the diagnostics with locations.
    private func figures(_ paths: [String], _ options: PanelReader.Options = .init()) throws -> (
        figures: [String], messages: [String]
    ) {
        let result = try PanelReader(options: options).read(paths)
        return (
            result.panel.series.flatMap { series in
                series.observations.map { "\(series.country) \($0.year) \($0.victims)" }
            },
            result.log.diagnostics.map {
                "\($0.location?.description ?? ""): \($0.code.rawValue) \($0.message)"
            }
        )
    }

    private func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }

    private func number(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\"><v>\(value)</v></c>"
    }

    @Test("cells Excel leaves out (at a row's end, or skipped by `r`) are empty cells, as in the CSV")
    func omittedCells() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // Wide: DEU stops after 2020, FRA skips 2020 (C3 not written), the header skips column B.
        let wide = try workbook(
            book(
                "<row r=\"1\">" + text("A1", "country") + number("C1", "2019") + number("D1", "2020")
                    + number("E1", "2021") + "</row>"
                    + "<row r=\"2\">" + text("A2", "AUT") + number("C2", "100") + number("D2", "110")
                    + number("E2", "121") + "</row>"
                    + "<row r=\"3\">" + text("A3", "DEU") + number("C3", "200") + number("D3", "220")
                    + "</row>"
                    + "<row r=\"4\">" + text("A4", "FRA") + number("C4", "300") + number("E4", "363")
                    + "</row>"),
            in: fixtures, name: "wide.xlsx")
        let cells = rows(wide).rows
        #expect(cells.map(\.0) == [1, 2, 3, 4])
        #expect(cells[2].1 == ["DEU", "", "200", "220", ""])
        #expect(cells[3].1 == ["FRA", "", "300", "", "363"])
        let csv = try fixtures.file(
            "wide.csv", "country,,2019,2020,2021\nAUT,,100,110,121\nDEU,,200,220,\nFRA,,300,,363\n")
        let fromWorkbook = try figures([wide])
        #expect(
            fromWorkbook.figures == [
                "AUT 2019 100", "AUT 2020 110", "AUT 2021 121", "DEU 2019 200", "DEU 2020 220",
                "FRA 2019 300",
                "FRA 2021 363",
            ])
        #expect(fromWorkbook.messages == [])
        #expect(try figures([csv]).figures == fromWorkbook.figures)
        // Long: the note column is left out on row 3, the count too on row 4 (the same VT103 as empty).
        let long = try workbook(
            book(
                "<row r=\"1\">" + text("A1", "country") + text("B1", "year") + text("C1", "victims")
                    + text("D1", "note") + "</row>"
                    + "<row r=\"2\">" + text("A2", "AUT") + number("B2", "2019") + number("C2", "100")
                    + text("D2", "x") + "</row>"
                    + "<row r=\"3\">" + text("A3", "AUT") + number("B3", "2020") + number("C3", "110")
                    + "</row>"
                    + "<row r=\"4\">" + text("A4", "AUT") + number("B4", "2021") + "</row>"),
            in: fixtures, name: "long.xlsx")
        let longCSV = try fixtures.file(
            "long.csv", "country,year,victims,note\nAUT,2019,100,x\nAUT,2020,110,\nAUT,2021,,\n")
        let longRead = try figures([long])
        #expect(longRead.figures == ["AUT 2019 100", "AUT 2020 110"])
        let csvRead = try figures([longCSV])
        #expect(longRead.messages.count == 1)
        #expect(longRead.messages.first?.hasPrefix("\(long):Sheet1!C4: VT103 ") == true)
        #expect(
            longRead.messages.map { $0.replacing("\(long):Sheet1!C4", with: "") }
                == csvRead.messages.map { $0.replacing("\(longCSV):4:10", with: "") })
        // A row wider than the header is still refused.
        let wider = try workbook(
            longSheet(
                "<row r=\"2\">" + text("A2", "AUT") + number("B2", "2019") + number("C2", "100")
                    + number("E2", "7") + "</row>"), in: fixtures, name: "wider.xlsx")
        let widerRead = try figures([wider])
        #expect(widerRead.messages.count == 1)
        #expect(widerRead.messages.first?.hasPrefix("\(wider):Sheet1!D2: VT021 this row has 5 cells") == true)
    }

    /// A workbook with a long table on each of `sheets` (name, rows of country and count, the year being
    /// the sheet's name), and a hidden sheet `Old` after them.
    private func sheetPerYear(_ sheets: [(String, [(String, String)])], in fixtures: Fixtures, name: String)
        throws -> String
    {
        var parts: [String: String] = [:]
        var declared = ""
        var relationships = ""
        for (index, (sheet, rows)) in (sheets + [("Old", [("AUT", "999")])]).enumerated() {
            let state = sheet == "Old" ? " state=\"hidden\"" : ""
            declared += "<sheet name=\"\(sheet)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            relationships +=
                "<Relationship Id=\"rId\(index + 1)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            var data =
                "<row r=\"1\">" + text("A1", "country") + text("B1", "year") + text("C1", "victims")
                + "</row>"
            for (offset, (country, count)) in rows.enumerated() {
                let row = offset + 2
                data +=
                    "<row r=\"\(row)\">" + text("A\(row)", country)
                    + number("B\(row)", sheet == "Old" ? "2019" : sheet)
                    + number("C\(row)", count) + "</row>"
            }
            parts["xl/worksheets/sheet\(index + 1).xml"] =
                "<worksheet><sheetData>\(data)</sheetData></worksheet>"
        }
        parts["xl/workbook.xml"] = "<workbook xmlns:r=\"r\"><sheets>\(declared)</sheets></workbook>"
        parts["xl/_rels/workbook.xml.rels"] = "<Relationships>\(relationships)</Relationships>"
        return try workbook(parts, in: fixtures, name: name)
    }

    @Test("without --sheet a note names the visible sheets not read; --sheet repeated or '*' reads each")
    func severalSheets() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try sheetPerYear(
            [
                ("2019", [("AUT", "100"), ("DEU", "200")]), ("2020", [("AUT", "110"), ("DEU", "220")]),
                ("2021", [("AUT", "121"), ("DEU", "242")]),
            ], in: fixtures, name: "book.xlsx")
        let first = try figures([path])
        #expect(first.figures == ["AUT 2019 100", "DEU 2019 200"])
        #expect(
            first.messages == [
                "\(path):1: VT160 read the sheet '2019' only; the workbook's other visible sheets '2020', '2021' "
                    + "were not read (read them with --sheet NAME, repeatable, or every visible sheet with --sheet '*')"
            ])
        let two = try figures([path], PanelReader.Options(sheets: ["2019", "2020"]))
        #expect(two.figures == ["AUT 2019 100", "AUT 2020 110", "DEU 2019 200", "DEU 2020 220"])
        #expect(two.messages == [])
        // Every visible sheet (the hidden Old is not one); a sheet named twice, in any case, is read once.
        let every = [
            "AUT 2019 100", "AUT 2020 110", "AUT 2021 121", "DEU 2019 200", "DEU 2020 220", "DEU 2021 242",
        ]
        #expect(try figures([path], PanelReader.Options(sheets: ["*"])).figures == every)
        #expect(try figures([path], PanelReader.Options(sheets: ["2021", "*", "2021"])).figures == every)
        #expect(
            WorkbookReader.sheetsToRead(path, named: ["2021", "*", "old", "OLD"]).sheets == [
                "2021", "2019", "2020", "Old",
            ])
        // The hidden sheet by name: its AUT 2019 is a duplicate of the 2019 sheet's, as across files.
        let hidden = try figures([path], PanelReader.Options(sheets: ["2019", "Old"]))
        #expect(hidden.messages.count == 1)
        #expect(hidden.messages.first?.hasPrefix("\(path):Old!2:2: VT201 ") == true)
        // A workbook whose every sheet is hidden: the first is read, and a note says it was hidden.
        let allHidden = try sheetPerYear([], in: fixtures, name: "hidden.xlsx")
        let readHidden = try figures([allHidden])
        #expect(readHidden.figures == ["AUT 2019 999"])
        #expect(
            readHidden.messages == [
                "\(allHidden):1: VT160 every sheet of the workbook is hidden; read the hidden sheet 'Old' (name "
                    + "another with --sheet NAME)"
            ])
        // An unknown name is refused, the others read.
        let unknown = try figures([path], PanelReader.Options(sheets: ["2020", "2022"]))
        #expect(unknown.figures == ["AUT 2020 110", "DEU 2020 220"])
        #expect(unknown.messages.count == 1)
        #expect(unknown.messages.first?.hasPrefix("\(path):1: VT018 --sheet names the sheet '2022'") == true)
        // Several files: each workbook's sheets, as files of their own; a CSV beside them is read once.
        let other = try sheetPerYear(
            [("2019", [("FRA", "300")]), ("2020", [("FRA", "330")])], in: fixtures, name: "other.xlsx")
        let csv = try fixtures.file("bel.csv", "country,year,victims\nBEL,2019,40\n")
        let all = try figures([path, other, csv], PanelReader.Options(sheets: ["2019", "2020"]))
        #expect(
            all.figures == [
                "AUT 2019 100", "AUT 2020 110", "BEL 2019 40", "DEU 2019 200", "DEU 2020 220", "FRA 2019 300",
                "FRA 2020 330",
            ])
        #expect(all.messages == [])
        // A finding on a sheet is located there; a sheet with a header only is said to be one.
        let bad = try sheetPerYear(
            [("2019", [("AUT", "100")]), ("2020", [("AUT", "1O")]), ("2021", [])], in: fixtures,
            name: "bad.xlsx")
        let badRead = try figures([bad], PanelReader.Options(sheets: ["*"]))
        #expect(badRead.figures == ["AUT 2019 100"])
        #expect(badRead.messages.count == 2)
        #expect(badRead.messages.first?.hasPrefix("\(bad):'2020'!C2: VT103 ") == true)
        #expect(
            badRead.messages.last
                == "\(bad):'2021'!1:1: VT002 the sheet has a header but no data rows; expected one row per country "
                + "and year")
    }

    @Test("--header-line applies to every sheet read, and VT010 says so")
    func headerLineOnEverySheet() throws {
        let read = try panel(Self.sample, PanelReader.Options(headerLine: 3, sheets: ["Wide"]))
        #expect(read.codes.first == .missingColumn)
        #expect(
            read.messages.first?.hasSuffix(
                "; its header was looked for on row 3: --header-line 3 applies to every sheet read (leave it out "
                    + "for a sheet whose header is on row 1)") == true)
        let wide = try panel(Self.sample, PanelReader.Options(sheets: ["Wide"]))
        #expect(wide.codes == [.withheldValue])
    }

    @Test("a filter that keeps nothing (VT015) is placed at the header: its sheet and row, not line 1")
    func fileFindingsAtTheHeader() throws {
        var options = PanelReader.Options(headerLine: 3)
        options.filters = ["source": "nothing"]
        let read = try panel(Self.sample, options)
        #expect(read.codes.contains(.filterKeepsNothing))
        #expect(
            read.messages.contains {
                $0.hasPrefix("\(Self.sample):Figures!3:3: --filter source=nothing keeps none of the 11 rows")
            }, "\(read.messages)")
    }

    @Test(
        "a machine without libzip or libxml2: reading a workbook stops with what to install, never a finding")
    func missingLibrary() throws {
        let failure = WorkbookLibraries.missing("libzip (Debian 12: libzip4; Debian 13: libzip5)")
        #expect(throws: InputError.self) { try WorkbookLibraries.require(for: "a.xlsx", .failure(failure)) }
        do {
            try WorkbookLibraries.require(for: "a.xlsx", .failure(failure))
        } catch {
            #expect(
                error.description
                    == "a.xlsx: reading .xlsx workbooks needs libzip (Debian 12: libzip4; Debian 13: libzip5), "
                    + "which is not installed; install it, or save the sheet as CSV")
            #expect(VictrendError.unreadable(error).description == error.description)
        }
        try WorkbookLibraries.require(for: "a.xlsx")  // this machine has them
    }

}

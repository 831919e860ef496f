import Foundation
import Testing

@testable import VicTrend

@Suite("Writers: numbers, CSV, Markdown, atomic files")
struct OutputTests {
    @Test(
        "fixed decimals round half away from zero and never print -0",
        arguments: [
            (0.12344, 4, "0.1234"), (0.12345678, 4, "0.1235"), (-0.04, 4, "-0.0400"), (-0.00001, 4, "0.0000"),
            (1.5, 0, "2"), (-1.0, 4, "-1.0000"), (12.25, 1, "12.3"), (0, 2, "0.00"),
            (123456.789, 2, "123456.79"),
        ])
    func fixed(value: Double, decimals: Int, text: String) {
        #expect(NumberFormatting.fixed(value, decimals: decimals) == text)
    }

    @Test(
        "significant digits: fixed from 1e-4, scientific below, carries into the next power",
        arguments: [
            (0.1704069, "0.1704"), (0.02448519, "0.02449"), (3.8769089879e-09, "3.877e-09"),
            (9.99996e-6, "1.000e-05"), (0, "0"), (1.355716, "1.356"), (0.00012345, "0.0001235"),
            (-2.5e-7, "-2.500e-07"), (2.892292e-38, "2.892e-38"), (1e19, "1.000e+19"),
            (1.234_567_89e17, "1.235e+17"),
        ])
    func significant(value: Double, text: String) {
        #expect(NumberFormatting.significant(value) == text)
        // The CSV table writes a fixed-point p-value in place: the same text.
        let inPlace = NumberFormatting.fixedDecimals(significant: value).map {
            NumberFormatting.fixed(value, decimals: $0)
        }
        #expect(inPlace == (text.contains("e") || value == 0 ? nil : text))
    }

    @Test("compact decimals drop trailing zeros")
    func compact() {
        #expect(NumberFormatting.compact(95) == "95")
        #expect(NumberFormatting.compact(99.5) == "99.5")
        #expect(NumberFormatting.compact(1 - 0.95) == "0.05")
        #expect(NumberFormatting.compact(0.1 + 0.2, maxDecimals: 4) == "0.3")
        #expect(NumberFormatting.compact(120, maxDecimals: 1) == "120")
        #expect(NumberFormatting.compact(-2.5, maxDecimals: 1) == "-2.5")
        #expect(NumberFormatting.compact(-0.04, maxDecimals: 1) == "0")
        #expect(NumberFormatting.compact(1e19, maxDecimals: 1) == "1e+19")
        #expect(NumberFormatting.compact(9.5e14, maxDecimals: 4) == "950000000000000")
    }

    @Test("percentages carry a sign and a true minus")
    func percent() {
        #expect(NumberFormatting.percent(0.123) == "+12.3%")
        #expect(NumberFormatting.percent(-0.04) == "\u{2212}4.0%")
        #expect(NumberFormatting.percent(0.00001) == "0.0%")
        #expect(NumberFormatting.percent(-1) == "\u{2212}100.0%")
    }

    @Test("thousands are grouped with commas")
    func grouped() {
        #expect(NumberFormatting.grouped(0) == "0")
        #expect(NumberFormatting.grouped(999) == "999")
        #expect(NumberFormatting.grouped(1234) == "1,234")
        #expect(NumberFormatting.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberFormatting.grouped(Int128(100_000)) == "100,000")
        #expect(NumberFormatting.grouped(1000) == "1,000")
        #expect(NumberFormatting.grouped(-999_999) == "-999,999")
        #expect(NumberFormatting.grouped(1_000_001) == "1,000,001")
        #expect(NumberFormatting.grouped(Int.max) == "9,223,372,036,854,775,807")
        #expect(NumberFormatting.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(
            NumberFormatting.grouped(Int128.min)
                == "-170,141,183,460,469,231,731,687,303,715,884,105,728")
    }

    @Test("integers in plain digits; fixed decimals from 0 to 8 places, and beyond 64 bits")
    func plainAndFixedExtremes() {
        #expect(NumberFormatting.integer(0) == "0")
        #expect(NumberFormatting.integer(2015) == "2015")
        #expect(NumberFormatting.integer(-7) == "-7")
        #expect(NumberFormatting.integer(Int.min) == "-9223372036854775808")
        #expect(NumberFormatting.fixed(0.5, decimals: 0) == "1")
        #expect(NumberFormatting.fixed(-0.5, decimals: 0) == "-1")
        #expect(NumberFormatting.fixed(-0.4, decimals: 0) == "0")
        #expect(NumberFormatting.fixed(1.000_000_05, decimals: 8) == "1.00000005")
        #expect(NumberFormatting.fixed(-0.375, decimals: 2) == "-0.38")  // exact in binary: a true half
        #expect(NumberFormatting.fixed(8.99e14, decimals: 4) == "899000000000000.0000")
        #expect(NumberFormatting.fixed(9.0e14, decimals: 4) == "900000000000000.0")  // past 64-bit units
        #expect(NumberFormatting.fixed(.infinity, decimals: 2) == "inf")
        #expect(NumberFormatting.fixed(.nan, decimals: 2) == "NaN")
    }

    private func report(_ rows: [(String, Int, Int)]) throws -> TrendReport {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        return try TrendAnalysis.assess(builder.build(), options: AnalysisOptions(inputs: ["in.csv"])).get()
    }

    /// p-values and intervals checked against scipy (binom.cdf, beta.ppf).
    @Test("CSV has exactly the documented columns and values")
    func csv() throws {
        let text = CSVReporter.report(
            try report([
                ("A", 2014, 100), ("A", 2015, 109), ("A", 2017, 0), ("B,C", 2015, 3), ("KOR", 2015, 3),
            ]))
        #expect(
            text == """
                country,year,victims,base_year,base_victims,growth_rate,required_victims,shortfall,status,flags,\
                trajectory_victims,trajectory_gap,p_value,ratio_low,ratio_high,significance,country_name,dispersion
                A,2014,100,,,,,,not-assessed,first-year,100,0,,,,,,
                A,2015,109,2014,100,0.0900,110,1,shortfall,dispersion-not-estimated,110,1,0.5009,0.8232,1.4445,\
                within-noise,,1.0000
                A,2017,0,2015,109,-1.0000,132,132,shortfall,gap;dispersion-not-estimated,134,134,2.892e-38,0.0000,\
                0.0344,significant-shortfall,,1.0000
                "B,C",2015,3,,,,,,not-assessed,first-year,3,0,,,,,,
                KOR,2015,3,,,,,,not-assessed,first-year,3,0,,,,,South Korea,

                """)
    }

    @Test(
        "CSV text cells are neutralised against formula injection and quoted when needed",
        arguments: [
            ("AUT", "AUT"), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("a,b", "\"a,b\""),
            ("a\r\nb", "\"a\r\nb\""),
            ("Côte d'Ivoire", "Côte d'Ivoire"),
        ])
    func csvField(text: String, cell: String) {
        #expect(CSVText.field(text) == cell)
    }

    @Test("Markdown trend cells mark shortfalls, gaps and unassessed years")
    func markdownCells() throws {
        let rows = try report([
            ("A", 2014, 100), ("A", 2015, 109), ("A", 2017, 200), ("Z", 2014, 0), ("Z", 2016, 1),
        ])
        .assessments
        #expect(
            rows.map(MarkdownReporter.cell) == ["*first*", "+9.0% (✗)", "+35.5% †", "*first*", "*base 0* †"])
    }

    @Test("Markdown escapes text that would break a table")
    func markdownEscaping() throws {
        let text = MarkdownReporter.report(try report([("A|B", 2014, 1), ("A|B", 2015, 1)]))
        #expect(text.contains("| A\\|B | *first* | 0.0% (✗) |"))
        #expect(text.contains("- Total shortfall: 1 victim\n"))
    }

    /// Found by the fuzzer: axis labels of a chart whose scale exceeds Int.max trapped.
    @Test("charts of counts near 64 bits render")
    func hugeChart() throws {
        let html = HTMLReporter.report(try report([("A", 2014, Int.max / 2), ("A", 2015, Int.max / 2 + 7)]))
        #expect(html.contains("<svg"))
        // Found by the fuzzer too: a count of Int.max itself, whose Double rounds above Int.max.
        let top = HTMLReporter.report(try report([("B", 2014, Int.max)]))
        #expect(top.contains("2014 9223372036854775807"))
        #expect(SVGLineChart.tick(1e19) == "1.00e+19")
        #expect(SVGLineChart.tick(1250) == "1,250")
    }

    @Test("atomic writes leave the complete file or nothing")
    func atomic() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("out.csv").path
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixtures.directory.path) == ["out.csv"])
        let missing = fixtures.directory.appendingPathComponent("no/such/dir/out.csv").path
        #expect(throws: OutputError.self) { try AtomicFile.write("x", to: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(throws: OutputError.self) { try AtomicFile.write("x", to: "/dev/full/x") }
    }

    @Test("the byte writer prints integers and fixed decimals exactly as NumberFormatting does")
    func textBufferNumbers() {
        var generator = SeededGenerator(seed: 5)
        var integers = [0, 9, 10, 99, 100, 101, 999_999, 1_000_000, Int.max, Int.min, -1, -10, -99]
        for digits in 1...18 {
            integers.append(Int.random(in: 0...Int(pow(10, Double(digits)) - 1), using: &generator))
            integers.append(-integers[integers.count - 1])
        }
        let buffer = TextBuffer(capacity: 1)  // grows as it goes
        var expected = ""
        for value in integers {
            buffer.write(reserving: 21) { cursor in
                cursor.put(value)
                cursor.put(UInt8(ascii: ","))
            }
            expected += "\(value),"
        }
        let extremes = [
            0.12345, -0.00004, 1.5, -1, 123.456_789, 9.0e17, 1e19, -.infinity, .nan,
            -.greatestFiniteMagnitude, -1.234_567_890_123_456_7e-300, -9.007_199_254_740_993e15,
        ]
        for value in extremes {
            for decimals in [0, 4] {
                #expect(
                    NumberFormatting.fixed(value, decimals: decimals).utf8.count
                        <= ByteCursor.room(fixedDecimals: decimals))
            }
            buffer.write(reserving: ByteCursor.room(fixedDecimals: 4) + 1) { cursor in
                cursor.put(fixed: value, decimals: 4)
                cursor.put(UInt8(ascii: ";"))
            }
            expected += NumberFormatting.fixed(value, decimals: 4) + ";"
        }
        // Every number of places the writers use, on values of every size.
        for decimals in 0...8 {
            for _ in 0..<200 {
                let value =
                    Double.random(in: -1...1, using: &generator)
                    * pow(10, Double(Int.random(in: -6...16, using: &generator)))
                buffer.write(reserving: ByteCursor.room(fixedDecimals: decimals) + 1) { cursor in
                    cursor.put(fixed: value, decimals: decimals)
                    cursor.put(UInt8(ascii: ";"))
                }
                expected += NumberFormatting.fixed(value, decimals: decimals) + ";"
            }
        }
        buffer.append("é€")
        expected += "é€"
        #expect(buffer.text == expected)
        #expect(buffer.withUnsafeBytes { Array($0) } == Array(expected.utf8))
        buffer.removeAll()
        #expect(buffer.text.isEmpty)
    }

    /// What a staged standard output (`target` given as a file) leaves in that file.
    private func stagedStandardOutput(memoryLimit: Int, pieces: [String], commit: Bool) throws -> String {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("stdout.txt", "")
        let descriptor = open(path, O_WRONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let staged = StagedOutput(standardOutput: descriptor, memoryLimit: memoryLimit)
        for piece in pieces { try staged.write(Array(piece.utf8)) }
        if commit { try staged.commit() } else { staged.abort() }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("standard output is staged in memory, then in a file past the limit; nothing appears on abort")
    func stagedStandardOutput() throws {
        let pieces = ["country,year\n", "AUT,2019\n", "BEL,2020\n"]
        #expect(
            try stagedStandardOutput(memoryLimit: 1 << 20, pieces: pieces, commit: true) == pieces.joined())
        // A limit of 16 bytes: the second piece moves everything to the temporary file.
        #expect(try stagedStandardOutput(memoryLimit: 16, pieces: pieces, commit: true) == pieces.joined())
        #expect(try stagedStandardOutput(memoryLimit: 1 << 20, pieces: pieces, commit: false).isEmpty)
        #expect(try stagedStandardOutput(memoryLimit: 16, pieces: pieces, commit: false).isEmpty)
        #expect(try stagedStandardOutput(memoryLimit: 0, pieces: [], commit: true).isEmpty)
    }

    @Test("a staged file larger than the write-behind interval arrives whole, and only at commit")
    func stagedLargeFile() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("large.csv").path
        let staged = try StagedOutput(path: path)
        let piece = [UInt8](repeating: UInt8(ascii: "7"), count: 1 << 20)
        let pieces = DirectWriter.syncInterval / piece.count + 3
        for _ in 0..<pieces { try staged.write(piece) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try staged.commit()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == pieces * piece.count)
        #expect(written.allSatisfy { $0 == UInt8(ascii: "7") })
    }

    @Test("staged outputs to devices, directories and full devices fail cleanly")
    func stagedOutputFailures() throws {
        // A device is written in place: /dev/null takes everything, /dev/full refuses the first piece.
        let null = try StagedOutput(path: "/dev/null")
        try null.write(Array("x\n".utf8))
        try null.commit()
        let full = try StagedOutput(path: "/dev/full")
        #expect(throws: OutputError.self) { try full.write(Array("x\n".utf8)) }
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        #expect(throws: OutputError.self) { _ = try StagedOutput(path: fixtures.directory.path) }
        // Standard output that cannot be written: in memory (small) and from the spilled file (sendfile).
        let descriptor = open("/dev/full", O_WRONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        for limit in [1 << 20, 4] {
            let staged = StagedOutput(standardOutput: descriptor, memoryLimit: limit)
            try staged.write(Array("country,year\n".utf8))
            #expect(throws: OutputError.self) { try staged.commit() }
        }
    }
}

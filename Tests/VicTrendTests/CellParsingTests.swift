import Testing

@testable import VicTrend

@Suite("Years and counts read from cell bytes")
struct CellParsingTests {
    private func cell(_ text: String) -> ArraySlice<UInt8> { ArraySlice(Array(text.utf8)) }

    @Test(
        "valid counts, with surrounding blanks",
        arguments: [
            ("0", 0), ("7", 7), (" 42 ", 42), ("\t1000", 1000), ("9223372036854775807", Int.max),
        ])
    func validCounts(text: String, value: Int) {
        #expect(CellParsing.count(cell(text)) == .success(value))
    }

    @Test(
        "invalid counts explain what was probably meant",
        arguments: [
            (
                "1,234", VicTrend.DiagnosticCode.invalidCount,
                "has a thousands separator: it is 1234 if the separator groups thousands; read the file with "
                    + "--thousands-separator ','"
            ),
            ("12,345,678", .invalidCount, "it is 12345678 if the separator groups thousands"),
            ("1 234", .invalidCount, "thousands separator"),
            ("12.5", .invalidCount, "'12.5' is not a whole number"),
            ("12.0", .invalidCount, "has a decimal part; write it as 12"),
            (
                "1.234", .invalidCount,
                "if '.' separates thousands it is 1234: read the file with --thousands-separator ."
            ),
            ("-3", .invalidCount, "'-3' is negative"),
            ("+3", .invalidCount, "has a sign"),
            ("n/a", .invalidCount, "the count 'n/a' is a sign, not a number"),
            (":", .invalidCount, "write 0 for none, .. for a figure not available, c or <K for one withheld"),
            ("X", .invalidCount, "the count 'X' is a sign"), ("\u{2013}", .invalidCount, "is a sign"),
            ("abc", .invalidCount, "expected a non-negative whole number of victims, found 'abc'"),
            ("", .invalidCount, "the count is empty"),
            ("9223372036854775808", .countTooLarge, "too large"),
            ("99999999999999999999", .countTooLarge, "up to 9223372036854775807"),
        ])
    func invalidCounts(text: String, code: DiagnosticCode, message: String) throws {
        guard case .failure(let problem) = CellParsing.count(cell(text)) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.code == code)
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test("the in-place plain readers agree with the general ones wherever they answer")
    func plainReaders() {
        var generator = SeededGenerator(seed: 5)
        let alphabet = Array("0123456789 \t+-.,:<c".utf8)
        var texts = [
            "", "0", "0999", "1000", "2024", "9999", "10000", " 2024", "2024 ", "999999999999999999",
            "9999999999999999999", "9223372036854775807", "007", "1,234", "/", ":",
        ]
        for _ in 0..<5000 {
            let length = Int.random(in: 0...20, using: &generator)
            texts.append(
                String(
                    decoding: (0..<length).map { _ in
                        Bool.random(using: &generator)
                            ? UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator)
                            : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    }, as: UTF8.self))
        }
        var (years, counts) = (0, 0)
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBytes { buffer in
                let cell = UnsafeRawBufferPointer(buffer)[...]
                if let year = CellParsing.plainYear(cell) {
                    years += 1
                    #expect(CellParsing.year(cell) == .success(year), "\(text)")
                } else {
                    #expect(text.count != 4 || CellParsing.year(cell) != .success(Int(text) ?? -1), "\(text)")
                }
                if let count = CellParsing.plainCount(cell) {
                    counts += 1
                    #expect(CountCell.read(cell, layout: .long) == .success(.count(count)), "\(text)")
                }
            }
        }
        // The plain readers answer for the plain cells, and leave the rest to the general ones.
        #expect(years > 50 && counts > 500)
        #expect(CellParsing.plainCount(UnsafeRawBufferPointer(start: nil, count: 0)[...]) == nil)
        #expect(Array("0999".utf8).withUnsafeBytes { CellParsing.plainYear($0[...]) } == nil)
    }

    @Test("a cell as text: what the general UTF-8 validation gives, on random bytes and on ASCII")
    func text() {
        var random = SeededGenerator(seed: 11)
        var ascii = 0
        var invalid = 0
        for round in 0..<5000 {
            // Half the cells ASCII only, half any bytes (many of them not UTF-8).
            let top: UInt8 = round % 2 == 0 ? 0x7F : 0xFF
            let bytes = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                UInt8.random(in: 0...top, using: &random)
            }
            bytes.withUnsafeBytes { buffer in
                let expected = String(validating: buffer[...], as: UTF8.self)
                #expect(CellParsing.text(buffer[...]) == expected)
                if bytes.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
                if expected == nil { invalid += 1 }
            }
        }
        #expect(ascii > 2000 && invalid > 1000)
        let valid = Array("Côte d’Ivoire".utf8)
        #expect(valid.withUnsafeBytes { CellParsing.text($0[...]) } == "Côte d’Ivoire")
    }

    @Test("valid years", arguments: [("2013", 2013), (" 2024 ", 2024), ("1000", 1000), ("9999", 9999)])
    func validYears(text: String, value: Int) {
        #expect(CellParsing.year(cell(text)) == .success(value))
    }

    @Test(
        "invalid years",
        arguments: [
            ("15", "four-digit year such as 2015, found '15'"), ("2015.0", "decimal part; write it as 2015"),
            ("20155", "found '20155'"), ("0999", "found '0999'"), ("", "the year is empty"),
            ("FY2015", "found 'FY2015'"), ("-2015", "found '-2015'"),
        ])
    func invalidYears(text: String, message: String) {
        guard case .failure(let problem) = CellParsing.year(cell(text)) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.code == .invalidYear)
        #expect(problem.message.contains(message), "\(problem.message)")
    }
}

import Testing

@testable import VicTrend

/// A message quotes what was written, but never a whole megabyte of it: a kept finding costs bounded
/// memory and building it bounded work, however large the cell or the header.
@Suite("Messages quote huge cells and headers in part")
struct BoundedMessagesTests {
    @Test("a 1 MB unknown country is quoted in part and gets no did-you-mean search")
    func hugeUnknownCountry() throws {
        let name = "Germany" + String(repeating: "y", count: 1_000_000)
        let (result, _) = try readPanel("country,year,victims\n\(name),2019,1\n\(name),2020,2\n")
        #expect(result.log.diagnostics.map(\.code) == [.unknownCountry, .unknownCountry])
        let message = try #require(result.log.diagnostics.first?.message)
        #expect(message.hasPrefix("unknown country 'Germanyyyy"))
        #expect(message.contains("yyy...'; use ISO 3166 codes"))
        #expect(message.unicodeScalars.count < 200)
    }

    @Test("a cell of one character with 100,000 combining marks is quoted in part")
    func combiningMarks() {
        let cell = Array(("1" + String(repeating: "\u{301}", count: 100_000)).utf8)
        guard case .failure(let problem) = CellParsing.count(ArraySlice(cell)) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message.unicodeScalars.count < 120)
        #expect(CellParsing.show(ArraySlice(Array("Ab\u{301}c".utf8))) == "'Ab\u{301}c'")
        #expect(CellParsing.show(ArraySlice(Array(String(repeating: "é", count: 40).utf8))).count == 42)
        #expect(CellParsing.show(ArraySlice(Array(String(repeating: "é", count: 41).utf8))).count == 42)
    }

    @Test("a row with the wrong number of cells lists at most 20 header names, each cut to 40")
    func hugeHeader() throws {
        let names = (0..<30).map { "column\($0)" + String(repeating: "n", count: 100) }
        let header = "country,year,victims," + names.joined(separator: ",")
        let (result, _) = try readPanel(header + "\nAUS,2019\n")
        let message = try #require(result.log.diagnostics.first?.message)
        #expect(result.log.diagnostics.first?.code == .missingCells)
        #expect(
            message.hasPrefix(
                "this row has 2 cells but the header has 33 (country, year, victims, column0nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn..., "
            ))
        #expect(message.contains("column16nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn..., ...); every row needs"))
        #expect(!message.contains("column17"))
    }
}

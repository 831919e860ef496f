import Testing

@testable import VicTrend

/// A footnote right under the table, with no blank row above it (VT161): one error that says what to do,
/// instead of the errors its empty cells would get as data.
@Suite("Footnotes without a blank row above them (VT161)")
struct FootnoteWithoutBlankRowTests {
    /// The codes and `line: message` of the findings, and the figures, of `text` read as one file.
    private func findings(_ text: String) throws -> (findings: [String], figures: [String], rows: Int) {
        let (result, path) = try readPanel(text)
        return (
            result.log.diagnostics.map {
                "\($0.code.rawValue) \($0.location?.description.replacing(path, with: "") ?? ""): \($0.message)"
            },
            result.panel.series.flatMap { series in
                series.observations.map { "\(series.country) \($0.year) \($0.victims)" }
            },
            result.rowCount
        )
    }

    @Test("after the last data row: one VT161 naming the footnote, the figures above it read")
    func lastRow() throws {
        let read = try findings("Land;Jahr;Anzahl\nÖsterreich;2019;100\nÖsterreich;2020;110\nQuelle: BKA;;\n")
        #expect(
            read.findings == [
                "VT161 :4: below the table, a row with only its first cell filled ('Quelle: BKA'): a footnote "
                    + "must follow a blank row (insert one above it; it is then a note, VT116) or be deleted; "
                    + "read as data, its other cells are empty"
            ])
        #expect(read.figures == ["AUT 2019 100", "AUT 2020 110"])
        #expect(read.rows == 2)
        // Two such lines: one error each; with the blank row above, a note each and no error.
        let two = try findings("country,year,victims\nAUT,2019,12\nSource: ministry,,\nStand: 2024,,\n")
        #expect(two.findings.map { String($0.prefix(9)) } == ["VT161 :3:", "VT161 :4:"])
        let fixed = try findings("country,year,victims\nAUT,2019,12\n,,\nSource: ministry,,\n")
        #expect(fixed.findings.map { String($0.prefix(9)) } == ["VT116 :4:"])
    }

    @Test("a row with only its first cell that data rows follow is a data row: its own errors, in order")
    func dataFollows() throws {
        let read = try findings("country,year,victims\nAUT,2019,12\nBEL,,\nAUT,2020,1x\n")
        #expect(read.findings.map { String($0.prefix(11)) } == ["VT102 :3:5:", "VT103 :3:6:", "VT103 :4:10"])
        #expect(read.rows == 3)
        // A wide table's country without figures is data, at the end as anywhere.
        let wide = try findings("country,2019,2020\nAUT,12,14\nBEL,,\n")
        #expect(wide.findings == [])
        #expect(wide.figures == ["AUT 2019 12", "AUT 2020 14"])
        #expect(wide.rows == 2)
    }
}

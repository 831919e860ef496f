import Testing

@testable import VicTrend

@Suite("Finding the country, year and count columns")
struct ColumnMappingTests {
    private let here = Location(file: "f.csv", line: 1)

    private func resolve(_ header: [String], _ overrides: ColumnMapping.Overrides = .init())
        -> Result<ColumnMapping, DiagnosticList>
    {
        ColumnMapping.resolve(header: header, overrides: overrides, at: here)
    }

    @Test("aliases, in any case and spelling")
    func aliases() throws {
        let found = try resolve(["Note", "ISO3", "Year", "Identified Victims"]).get()
        #expect(found == ColumnMapping(country: 1, year: 2, count: 3))
        let sdmx = try resolve(["DATAFLOW", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]).get()
        #expect(sdmx == ColumnMapping(country: 1, year: 2, count: 3))
        let hyphen = try resolve(["country-code", "year", "identified-victims"]).get()
        #expect(hyphen == ColumnMapping(country: 0, year: 1, count: 2))
    }

    @Test("overrides name the column, matched like headers")
    func overrides() throws {
        let header = ["Land", "Jahr", "Opfer", "victims"]
        let found = try resolve(header, .init(country: "land", year: "JAHR", count: "Opfer")).get()
        #expect(found == ColumnMapping(country: 0, year: 1, count: 2))
    }

    @Test("a missing column names what was expected and what the header has")
    func missing() throws {
        guard case .failure(let list) = resolve(["country", "year"]) else {
            Issue.record("accepted a header without a count")
            return
        }
        #expect(list.diagnostics.count == 1)
        let diagnostic = try #require(list.diagnostics.first)
        #expect(diagnostic.code == .missingColumn)
        #expect(diagnostic.location == here)
        #expect(diagnostic.message.contains("victims, identified_victims, count, value, obs_value"))
        #expect(diagnostic.message.contains("'country', 'year'"))
    }

    @Test("a one-column header hints at the delimiter")
    func wrongDelimiter() throws {
        guard case .failure(let list) = resolve(["country|year|victims"]) else {
            Issue.record("accepted")
            return
        }
        #expect(list.diagnostics.count == 3)
        #expect(list.diagnostics.allSatisfy { $0.message.contains("--delimiter") })
    }

    @Test("two candidate columns are ambiguous, not a silent choice")
    func ambiguous() throws {
        guard case .failure(let list) = resolve(["country", "iso3", "year", "victims"]) else {
            Issue.record("accepted")
            return
        }
        let diagnostic = try #require(list.diagnostics.first)
        #expect(diagnostic.code == .ambiguousColumn)
        #expect(diagnostic.message.contains("'country' (column 1), 'iso3' (column 2)"))
        #expect(diagnostic.message.contains("--country-column"))
        #expect(throws: Never.self) {
            try resolve(["country", "iso3", "year", "victims"], .init(country: "iso3")).get()
        }
    }

    @Test("one column cannot play two roles")
    func sameColumnTwice() {
        guard case .failure(let list) = resolve(["a", "year", "victims"], .init(country: "year")) else {
            Issue.record("accepted")
            return
        }
        #expect(list.diagnostics.first?.code == .ambiguousColumn)
    }
}

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

    @Test(
        "column names in the participants' languages, after the same normalisation",
        arguments: [
            ["Land", "Jahr", "Anzahl"], ["Staat", "JAHR", "Identifizierte Opfer"],
            ["Pays", "Année", "Nombre"],
            ["pays", "annee", "victimes identifiées"], ["País", "Año", "Número"],
            ["Paese", "Anno", "Numero"],
            ["Land", "Jaar", "Aantal"], ["Państwo", "Rok", "Liczba"], ["Kraj", "rok", "liczba"],
            ["País", "Ano", "Número"], ["Land", "År", "Antal"], ["Stát", "Rok", "Počet"],
            ["Země", "Rok", "Počet"],
        ])
    func otherLanguages(header: [String]) throws {
        let found = try resolve(["Bemerkung"] + header).get()
        #expect(found == ColumnMapping(country: 1, year: 2, count: 3))
    }

    @Test("an English or code name beats the other languages' one; two of those are ambiguous (VT011)")
    func otherLanguagesPrecedence() throws {
        // `country` and `victims` win over `Land` and `Anzahl`, wherever they stand.
        let english = try resolve(["Land", "country", "Jahr", "Anzahl", "victims"]).get()
        #expect(english == ColumnMapping(country: 1, year: 2, count: 4))
        let code = try resolve(["Land", "REF_AREA", "year", "Anzahl"]).get()
        #expect(code == ColumnMapping(country: 1, year: 2, count: 3))
        guard case .failure(let list) = resolve(["Land", "Staat", "Jahr", "Anzahl"]) else {
            Issue.record("accepted")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.ambiguousColumn])
        #expect(
            list.diagnostics.first?.message
                == "several columns could be the country: 'Land' (column 1), 'Staat' (column 2); choose one with "
                + "--country-column")
        // An override settles it.
        let chosen = try resolve(["Land", "Staat", "Jahr", "Anzahl"], .init(country: "Staat")).get()
        #expect(chosen == ColumnMapping(country: 1, year: 2, count: 3))
    }

    @Test("a name heading two columns: the message says to rename one, with or without the override")
    func repeatedName() {
        for overrides in [ColumnMapping.Overrides(), .init(count: "victims")] {
            guard case .failure(let list) = resolve(["country", "year", "victims", "victims "], overrides)
            else {
                Issue.record("accepted")
                continue
            }
            #expect(
                list.diagnostics.map(\.message) == [
                    "several columns could be the count: 'victims' (column 3), 'victims ' (column 4); choose one "
                        + "with --count-column; 'victims' heads more than one column, so rename one of them in the "
                        + "header to choose it"
                ])
        }
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
        #expect(diagnostic.message.contains("Swedish or Czech (Anzahl, nombre, número, ...)"))
        #expect(!diagnostic.message.contains("Eurostat"))
        // Eurostat's bulk TSV: the first cell joins the dimensions and the time axis.
        guard case .failure(let tsv) = resolve(["freq,unit,geo\\TIME_PERIOD", "2019", "2020"]) else {
            Issue.record("accepted Eurostat's TSV header")
            return
        }
        #expect(
            tsv.diagnostics.allSatisfy {
                $0.message.hasSuffix(
                    ". This is Eurostat's bulk TSV ('geo\\TIME_PERIOD'): download the dataset as SDMX-CSV "
                        + "instead, which victrend reads (docs/source-exports.md)")
            })
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

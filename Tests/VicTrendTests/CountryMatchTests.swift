import Testing

@testable import VicTrend

@Suite("Country matching: what was ignored, and bounded did-you-mean")
struct CountryMatchTests {
    private let table = CountryTable.standard

    @Test(
        "a country found only by ignoring characters says which",
        arguments: [
            ("=AUS", "'='"), ("<AUS>", "'<' and '>'"), ("A*U*S", "'*'"), ("The AUS", "a leading 'the'"),
            ("\"AUS\"", "'\"'"), ("AUS;", "';'"), ("'AUS", "'''"), ("\u{1B}AUS", "'\u{1B}'"),
            ("=<A*US>", "'=', '<', '*' and '>'"), ("the =at", "'=' and a leading 'the'"), ("AU.", "'.'"),
            ("#040", "'#'"), ("=Australia", "'='"), ("Australia!", "'!'"), ("[Germany]", "'[' and ']'"),
        ])
    func ignored(text: String, shown: String) throws {
        let match = try #require(table.match(text))
        #expect(match.ignored == shown, "\(text)")
        #expect(table.country(text) == match.country)
    }

    @Test("every code, name and alias as written, and as people write names, is matched cleanly")
    func clean() {
        for country in CountryTable.countries {
            for key in CountryTable.keys(of: country) {
                for text in [key, key.uppercased(), key.lowercased()] {
                    #expect(table.match(text)?.ignored == nil, "\(text)")
                }
            }
        }
        for text in [
            "Bolivia (Plurinational State of)", "Iran (Islamic Republic of)", "Congo, Dem. Rep.",
            "Côte d’Ivoire", "Guinea Bissau", "The Netherlands", "the Gambia",
            "Kosovo*", "U.S.A.", "AUT", "aut", "040", "40", "Korea, Rep.",
        ] {
            let match = table.match(text)
            #expect(match != nil && match?.ignored == nil, "\(text)")
        }
    }

    @Test("the warning names the text, the country and what was ignored")
    func warning() throws {
        let match = try #require(table.match("<AUS>"))
        let diagnostic = CountryTable.ignoredWarning(
            "<AUS>", match, at: Location(file: "a.csv", line: 2, column: 1))
        #expect(diagnostic.code == .countryTextIgnored && diagnostic.severity == .warning)
        #expect(
            diagnostic.message
                == "the country '<AUS>' matches Australia (AUS) only if '<' and '>' are ignored; write AUS or "
                + "the country's name")
    }

    @Test("the reader warns on every row whose country was found by ignoring characters")
    func reader() throws {
        let (result, path) = try readPanel(
            "country,year,victims\n=AUS,2019,1\n=AUS,2020,2\nAUS,2021,3\n\"<AUS>\",2022,4\nAUT,2019,1\n")
        #expect(
            result.log.diagnostics.map(\.code) == [
                .countryTextIgnored, .countryTextIgnored, .countryTextIgnored,
            ])
        #expect(
            result.log.diagnostics.map(\.location)
                == [2, 3, 5].map { Location(file: path, line: $0, column: 1) })
        #expect(result.log.warningCount == 3 && result.log.errorCount == 0)
        #expect(result.panel.series.map(\.country) == ["AUS", "AUT"])
        #expect(result.panel.series[0].observations.map(\.victims) == [1, 2, 3, 4])
    }
}

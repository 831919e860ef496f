import Testing

@testable import VicTrend

/// Country names as people write them in the participants' languages (iso-codes' translations) and the
/// UN's and ISO's long forms (issue 16).
@Suite("Country names in European languages and UN/ISO long forms")
struct CountryTranslationTests {
    @Test(
        "names in other languages and long forms match their country",
        arguments: [
            ("Österreich", "AUT"), ("Osterreich", "AUT"), ("Deutschland", "DEU"), ("Frankreich", "FRA"),
            ("Autriche", "AUT"), ("Países Bajos", "NLD"), ("paises bajos", "NLD"), ("Nederland", "NLD"),
            ("België", "BEL"), ("Belgique", "BEL"), ("Schweiz", "CHE"), ("Suisse", "CHE"), ("Polska", "POL"),
            ("España", "ESP"), ("Sverige", "SWE"), ("Italia", "ITA"), ("Česko", "CZE"), ("Rakousko", "AUT"),
            ("Österrike", "AUT"), ("Bundesrepublik Deutschland", "DEU"),
            ("Netherlands (Kingdom of the)", "NLD"), ("Kosovo (under UNSC res. 1244)", "XKX"),
            ("Bolivia (Plurinational State of)", "BOL"), ("Iran (Islamic Republic of)", "IRN"),
            ("Venezuela (Bolivarian Republic of)", "VEN"), ("Micronesia (Federated States of)", "FSM"),
            ("Democratic Republic of the Congo", "COD"), ("Congo (Democratic Republic of the)", "COD"),
            ("United Republic of Tanzania", "TZA"), ("State of Palestine", "PSE"), ("Türkiye", "TUR"),
            ("China, Hong Kong Special Administrative Region", "HKG"), ("Côte d’Ivoire", "CIV"),
            // Everyday names that iso-codes' translations leave out.
            ("Russland", "RUS"), ("Russie", "RUS"), ("Rusia", "RUS"), ("Rosja", "RUS"), ("Rússia", "RUS"),
            ("Turquie", "TUR"), ("Turchia", "TUR"), ("Turkije", "TUR"), ("Turecko", "TUR"),
            ("Corea del Sur", "KOR"), ("Corea del Sud", "KOR"), ("Coreia do Sul", "KOR"),
        ])
    func matches(name: String, alpha3: String) {
        let match = CountryTable.standard.match(name)
        #expect(match?.country.alpha3 == alpha3)
        #expect(match?.ignored == nil)
    }

    @Test("every translated name finds its own country; English keys are never taken over")
    func everyTranslation() {
        var wrong: [String] = []
        for (name, code) in CountryTable.translatedNames
        where CountryTable.normalise(name) != name
            || CountryTable.standard.match(name)?.country.alpha3 != code
        {
            wrong.append("\(name) (\(code)) -> \(CountryTable.standard.match(name)?.country.alpha3 ?? "nil")")
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(CountryTable.translatedNames.count > 5000)
        // English names keep their meaning.
        #expect(CountryTable.standard.match("Niger")?.country.alpha3 == "NER")
        #expect(CountryTable.standard.match("Guinea")?.country.alpha3 == "GIN")
        #expect(CountryTable.standard.match("Congo")?.country.alpha3 == "COG")
    }

    @Test("a name that means two countries in two languages is an error naming both")
    func ambiguous() {
        let location = Location(file: "f.csv", line: 2, column: 1)
        let diagnostic = CountryTable.standard.unknown(
            "Dominika", at: location, ambiguous: ["dominika": ["DMA", "DOM"]])
        #expect(diagnostic.code == .unknownCountry)
        #expect(
            diagnostic.message
                == "the country 'Dominika' names different countries in different languages; did you mean "
                + "Dominica (DMA) or Dominican Republic (DOM)? Write its ISO 3166 code (AUT, AT, 040)")
        // The generated list holds no name with one meaning only, and none that is a key.
        for (key, codes) in CountryTable.ambiguousNames {
            #expect(codes.count > 1)
            #expect(CountryTable.standard.match(key) == nil)
        }
    }

    @Test("a misspelt name in another language gets a \"did you mean\"")
    func suggestions() {
        #expect(CountryTable.standard.suggestions(for: "Osterreisch").map(\.alpha3) == ["AUT"])
        #expect(CountryTable.standard.suggestions(for: "Deutchland").map(\.alpha3) == ["DEU"])
    }
}

import Testing

@testable import VicTrend

@Suite("ISO 3166 countries: codes, names, aliases, did you mean")
struct CountryTableTests {
    private let table = CountryTable.standard

    @Test(
        "codes and names people write resolve to the alpha-3 code",
        arguments: [
            ("AUT", "AUT"), ("at", "AUT"), ("040", "AUT"), ("40", "AUT"), ("Austria", "AUT"),
            ("austria ", "AUT"),
            ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("Korea", "KOR"),
            ("Korea, Republic of", "KOR"),
            ("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Turkey", "TUR"), ("Türkiye", "TUR"),
            ("TURKIYE", "TUR"),
            ("Moldova", "MDA"), ("the Philippines", "PHL"), ("Philippines", "PHL"), ("Vietnam", "VNM"),
            ("Viet Nam", "VNM"), ("USA", "USA"), ("United States of America", "USA"), ("UK", "GBR"),
            ("United Kingdom", "GBR"), ("Russia", "RUS"), ("Bosnia", "BIH"), ("Ivory Coast", "CIV"),
            ("Côte d’Ivoire", "CIV"), ("COTE D'IVOIRE", "CIV"), ("EL", "GRC"), ("Greece", "GRC"),
            ("XK", "XKX"),
            ("Kosovo", "XKX"), ("XKX", "XKX"), ("The Netherlands", "NLD"), ("Curaçao", "CUW"),
            ("Curacao", "CUW"),
            ("São Tomé and Príncipe", "STP"), ("Aland Islands", "ALA"), ("North Macedonia", "MKD"),
        ])
    func resolves(text: String, alpha3: String) {
        #expect(table.country(text)?.alpha3 == alpha3, "\(text)")
    }

    @Test("the countries are in the order of their alpha-3 codes, each once (found by bisection)")
    func orderedByAlpha3() {
        let codes = CountryTable.countries.map(\.alpha3)
        #expect(zip(codes, codes.dropFirst()).allSatisfy { $0 < $1 })
        for country in CountryTable.countries {
            #expect(table.country(alpha3: country.alpha3) == country)
        }
        #expect(table.country(alpha3: "AAA") == nil)
        #expect(table.country(alpha3: "ZZZ") == nil)
        #expect(table.country(alpha3: "aut") == nil)
    }

    @Test("unknown texts do not resolve, and get close suggestions")
    func unknown() {
        #expect(table.country("Austia") == nil)
        #expect(table.suggestions(for: "Austia").first?.alpha3 == "AUT")
        #expect(table.country("Germny") == nil)
        #expect(table.suggestions(for: "Germny").first?.alpha3 == "DEU")
        #expect(table.suggestions(for: "Zzzzzzzzzz").isEmpty)
        #expect(table.country("") == nil)
        #expect(table.country("ICSE") == nil)
    }

    @Test("short names: the common name where ISO has one")
    func names() {
        #expect(table.country(alpha3: "KOR")?.shortName == "South Korea")
        #expect(table.country(alpha3: "AUT")?.shortName == "Austria")
        #expect(table.country(alpha3: "TUR")?.shortName == "Türkiye")
        #expect(table.country(alpha3: "XKX")?.shortName == "Kosovo")
        #expect(CountryTable.countries.count == 250)
    }

    @Test("every code and name of the table resolves to its own country")
    func roundTrip() {
        for country in CountryTable.countries {
            #expect(table.country(country.alpha3) == country)
            #expect(table.country(country.alpha2) == country)
            #expect(table.country(country.name) == country, "\(country.name)")
            if let common = country.commonName { #expect(table.country(common) == country) }
        }
    }

    @Test("an alpha-3 code finds its own country whether read directly or through the name index")
    func alpha3Consistent() {
        for country in CountryTable.countries {
            #expect(CountryTable.standard.country(country.alpha3)?.alpha3 == country.alpha3)
            // Lower case is not an exact code: it goes through normalisation and the name index.
            #expect(CountryTable.standard.country(country.alpha3.lowercased())?.alpha3 == country.alpha3)
        }
    }

    @Test("texts longer than 64 scalars get no suggestion, even a near miss")
    func longNames() {
        let near = "United Kingdom of Great Britain and Northern Ireland" + String(repeating: "x", count: 14)
        #expect(near.unicodeScalars.count == 66)
        #expect(table.suggestions(for: near).isEmpty)
        let shorter =
            "United Kingdom of Great Britain and Northern Ireland" + String(repeating: "x", count: 12)
        #expect(table.suggestions(for: shorter).first?.alpha3 == "GBR")
        #expect(table.suggestions(for: String(repeating: "Germany ", count: 200_000)).isEmpty)
    }

    @Test("the bounded edit distance agrees with the plain one within its limit", arguments: 0..<50)
    func boundedDistance(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let alphabet = Array("abcd ".unicodeScalars)
        func word() -> [Unicode.Scalar] {
            (0..<Int(random.next() % 14)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
        for _ in 0..<40 {
            let (a, b) = (word(), word())
            let exact = CountryTable.editDistance(a, b)
            for limit in 0...6 {
                #expect(CountryTable.editDistance(a, b, atMost: limit) == (exact <= limit ? exact : nil))
            }
        }
    }
}

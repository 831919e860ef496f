import Testing

@testable import VicTrend

/// Under `--countries verbatim` a total is never silently counted as a country: exact total words in
/// the participants' languages and Eurostat's EFTA/EEA labels are left out (VT107); a key that only
/// looks like a total (VT150) or is a part of a country (VT151) is kept but warned about, with the
/// `--exclude` that leaves it out (issue 16 review).
@Suite("Verbatim keys: totals in participants' languages, total-like keys and parts of countries")
struct VerbatimKeyWarningTests {
    @Test(
        "exact total words and Eurostat's EFTA and EEA labels are aggregates, and no country",
        arguments: [
            "Celkem", "Totalt", "Suma", "Gesamtsumme", "Ensemble", "Alle Länder", "Sous-total", "Yhteensä",
            "Összesen", "I alt", "Kokku", "Iš viso", "Kopā", "Spolu", "Skupaj", "Ukupno", "Σύνολο", "ΣΥΝΟΛΟ",
            "Общо", "Zusammen", "Monde", "Mundo", "Tous", "Todos", "Alle", "All",
            "European Free Trade Association", "European Economic Area (EU27 - 2007-2013 and IS, LI, NO)",
            "European Economic Area (EU28 - 2013-2020 and IS, LI, NO)", "EEA30_2007", "EFTA",
        ])
    func totalWords(text: String) {
        #expect(Aggregates.isAggregate(text))
        #expect(CountryTable.standard.country(text) == nil)
    }

    @Test(
        "looksLikeTotal: a word containing a total stem, or a total word, in any case and with accents",
        arguments: [
            ("Summe Nord", true), ("Gesamtsumme", true), ("Totals 2020", true), ("SUBTOTAL", true),
            ("Région – Somme", true), ("Ogółem kraj", true), ("celkem", true), ("Sum", true), ("summa", true),
            ("Razem", true), ("ensemble", true), ("Alle", true), ("Polizei Süd", false), ("Allemagne", false),
            ("Sumatra", false), ("Ges amt", false), ("Tot", false), ("", false), ("Summ", false),
            // A combining accent written apart counts as the precomposed one (`Summé` is `summe`).
            ("Summé", true), ("Summe\u{301}", true), ("sum \u{301}", true),
        ])
    func looksLikeTotal(text: String, expected: Bool) {
        #expect(Aggregates.looksLikeTotal(text) == expected)
    }

    @Test(
        "a ':' joined to a combining mark or a prefix character splits no code:label cell (issue 13 review)",
        arguments: [
            ("AT:\u{301}Austria", "AT:\u{301}Austria", nil), ("x\u{600}:AT", "x\u{600}:AT", nil),
            ("AT:Austria", "AT", "Austria"), ("Ö:Österreich", "Ö", "Österreich"),
        ] as [(String, String, String?)])
    func codeAndLabel(text: String, code: String, label: String?) {
        let split = Aggregates.codeAndLabel(text)
        #expect(split.code == code && split.label == label)
    }

    @Test(
        "a NUTS code written with letters that upper-case to ASCII is still one (ſ is S, ı is I, ﬁ is FI)",
        arguments: [("eſ111", "ES"), ("de1ıı", "DE"), ("ﬁ1ı", "FI"), ("AT13", "AT")])
    func nutsCodesUpperCased(text: String, country: String) {
        let expected = "a NUTS region of \(CountryTable.standard.country(country)?.shortName ?? country)"
        #expect(SubnationalUnits.describe(text) == expected)
    }

    @Test("under --countries verbatim the total words are left out: Austria alone is counted")
    func leftOutVerbatim() throws {
        let text =
            "country,year,victims\nAustria,2019,100\nCelkem,2019,300\nΣύνολο,2019,300\nI alt,2019,300\n"
        let (result, _) = try readPanel(text, options: .init(countries: .verbatim))
        #expect(
            result.log.diagnostics.map(\.code) == [.aggregateLeftOut, .aggregateLeftOut, .aggregateLeftOut])
        #expect(result.panel.series.map(\.country) == ["Austria"])
    }

    @Test("a total-like key is kept under verbatim with one warning naming it and the --exclude (VT150)")
    func totalLike() throws {
        let text = "country,year,victims\nWien,2019,5\nSumme Nord,2019,9\nSumme Nord,2020,10\n"
        let (result, path) = try readPanel(text, options: .init(countries: .verbatim))
        let warnings = result.log.diagnostics
        #expect(warnings.map(\.code) == [.totalLikeKeyCounted])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == Location(file: path, line: 3, column: 1))
        #expect(
            warnings.first?.message
                == "'Summe Nord' looks like a total but is none victrend knows; under --countries verbatim it is "
                + "counted as a series of its own and in the totals: if it is a total, leave its rows out with "
                + "--exclude 'country=Summe Nord'")
        #expect(result.panel.series.map(\.country) == ["Summe Nord", "Wien"])
        // Left out as the message says, the warning goes.
        let (excluded, _) = try readPanel(
            text, options: .init(countries: .verbatim, exclusions: [("country", "Summe Nord")]))
        #expect(excluded.log.diagnostics.isEmpty && excluded.panel.series.map(\.country) == ["Wien"])
    }

    @Test("a part of a country is kept under verbatim with a warning naming it (VT151); never under ISO")
    func partOfCountry() throws {
        let text = "geo,year,victims\nUK,2019,500\nUKC-L,2019,400\nUKI,2019,100\n"
        let (result, path) = try readPanel(text, options: .init(countries: .verbatim))
        let warnings = result.log.diagnostics
        #expect(warnings.map(\.code) == [.subnationalKeyCounted, .subnationalKeyCounted])
        #expect(warnings.first?.location == Location(file: path, line: 3, column: 1))
        #expect(
            warnings.first?.message
                == "'UKC-L' is England and Wales, a part of the United Kingdom; under --countries verbatim it is "
                + "a series of its own and is added into the totals beside it: leave its rows out with --exclude "
                + "'geo=UKC-L'")
        #expect(warnings.last?.message.hasPrefix("'UKI' is London, a part of the United Kingdom;") == true)
        let (iso, _) = try readPanel(text)
        #expect(iso.log.diagnostics.map(\.code) == [.subnationalLeftOut, .subnationalLeftOut])
    }
}

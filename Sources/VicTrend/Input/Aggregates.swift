/// Keys that are not countries but sums of them, or parts of one: left out of the panel with a note, so
/// that no figure is counted twice or taken for a country's.
enum Aggregates {
    /// True for a series key (`--by` parts after the country, see `SeriesKey`) whose country part is a
    /// total or an aggregate (`isAggregateCell`): such a key is in a panel only under
    /// `--keep-aggregates`, as a series of its own. It is never a country: never added into the alliance
    /// total or a group's, never counted among the countries. The reader keeps an aggregate as written,
    /// and a country matched in the ISO table is its alpha-3 code, which is never an aggregate (a test
    /// checks every code), so the key alone says what the reader decided.
    static func isAggregateKey(_ key: String) -> Bool {
        isAggregateCell(SeriesKey.country(of: key))
    }

    /// True for a country cell that is a total or an aggregate: the whole text, or, for a Eurostat "codes
    /// and labels" cell (`EU27_2020:European Union - 27 countries (from 2020)`), its code or its label
    /// (`isAggregate`).
    static func isAggregateCell(_ text: String) -> Bool {
        if isAggregate(text) { return true }
        let (code, label) = codeAndLabel(text)
        return (code != text && isAggregate(code)) || label.map(isAggregate) == true
    }

    /// A "codes and labels" cell split at its first `:` into the code and the label (each trimmed), when
    /// both are non-empty; else the text itself and no label.
    static func codeAndLabel(_ text: String) -> (code: String, label: String?) {
        // Searched as bytes first (a reader asks this once for each new key, and most have no ':'); a
        // text with other than ASCII is then searched by characters, so that a ':' joined to a combining
        // mark or a prefix character is no separator.
        guard let byteColon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (text, nil) }
        let colonIndex = text.utf8.allSatisfy { $0 < 0x80 } ? byteColon : text.firstIndex(of: ":")
        guard let colon = colonIndex else { return (text, nil) }
        let head = text[..<colon].trimmingBlanks
        let tail = text[text.index(after: colon)...].trimmingBlanks
        return head.isEmpty || tail.isEmpty ? (text, nil) : (head, tail)
    }

    /// The note (VT107) for `text`, an aggregate where a country is read, saying why it is left out.
    static func leftOut(_ text: String, at location: Location, _ why: String) -> Diagnostic {
        Diagnostic(
            .aggregateLeftOut, at: location,
            "\(DisplayText.quoted(text, limit: 64)) is a total or an aggregate of countries, not a country; "
                + why)
    }

    /// True for a total or an aggregate of countries:
    /// - Eurostat's codes `EU27_2020`, `EU28`, `EA20`, `EEA`, `EFTA` and the like, and `UE27`, `UE28` as
    ///   French, Italian, Spanish and Portuguese files write the EU;
    /// - the OECD's `OECD`, `OECDE`, `G7`, `G20`, `WLD`, `WXOECD`;
    /// - UN M49 region codes (`1` World, `150` Europe, `419` Latin America and the Caribbean, the SDG
    ///   regions and groupings such as `199` least developed countries), with or without leading zeros;
    /// - names: `Total` and its translations (`Insgesamt`, `Gesamt`, `Total général`, `Totaal`, `Totale`,
    ///   `Summe`, `Ogółem`, `Razem`, `Celkem`, `Totalt`, `Yhteensä`, `Összesen`, `I alt`, `Iš viso`,
    ///   `Σύνολο`, `Общо`, `Sous-total`, `Alle Länder`, `Tous`, `Todos`...), spreadsheet sums (`Sum`, `Subtotal`, `Gesamtergebnis`),
    ///   `World`, `Monde`, `Mundo`, `OECD - Total`, `European Union - 27 countries (from 2020)`, `Euro area ...`,
    ///   `European Free Trade Association`, `European Economic Area ...`, and the M49
    ///   region names (`Europe`, `Sub-Saharan Africa`, ...), compared as country names are (case, accents
    ///   and punctuation ignored). `Micronesia` is the country (the region is `57`).
    static func isAggregate(_ text: String) -> Bool {
        // A country's alpha-3 code as ISO writes it (`AUT`), the key of most rows, is none of these:
        // found among the countries by bisection, it needs no lower-case copy looked up in the sets of
        // names (a test checks every code by that way too).
        if text.utf8.count == 3 && CountryTable.standard.isAlpha3Code(text) { return false }
        if !text.isEmpty && text.utf8.allSatisfy(isASCIILetterOrDigit) {
            return isAggregate(word: text.utf8)
        }
        let lower = text.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.isEmpty || rest.first?.isNumber == true { return true }
        }
        if lower.hasPrefix("oecd") && !lower.contains(" ") { return true }
        if groupCodes.contains(lower) { return true }
        if !text.isEmpty && text.utf8.count <= 3 && text.utf8.allSatisfy(isASCIIDigit), let code = Int(text) {
            return m49Regions.contains(code)
        }
        let name = CountryTable.normalise(text)
        if names.contains(name) { return true }
        return [
            "european union ", "euro area ", "oecd ", "total ", "world ", "european economic area ",
            "european free trade association ",
        ].contains { name.hasPrefix($0) }
    }

    /// `isAggregate` of a text of ASCII letters and digits only (a code such as `AUT`, `EU27`, `S00001`,
    /// or a one-word name such as `Insgesamt`): the same answer from the bytes, without normalising the
    /// text (a reader asks this once for each new key, and the totals once for each series). Such a
    /// text's normal form is its lower-case self, each byte `| 0x20`, looked up in the sets of names.
    private static func isAggregate(word: String.UTF8View) -> Bool {
        // ASCII letters and digits: setting bit 5 lower-cases a letter and keeps a digit.
        var lower = String(unsafeUninitializedCapacity: word.count) { buffer in
            for (index, byte) in word.enumerated() { buffer[index] = byte | 0x20 }
            return word.count
        }
        let verdict = lower.withUTF8 { word -> Bool? in
            func starts(with prefix: [UInt8]) -> Bool {
                word.count >= prefix.count && prefix.indices.allSatisfy { word[$0] == prefix[$0] }
            }
            for prefix in wordPrefixes where starts(with: prefix) {
                if word.count == prefix.count || isASCIIDigit(word[prefix.count]) { return true }
            }
            if starts(with: oecdPrefix) { return true }
            if word.count <= 3 && word.allSatisfy(isASCIIDigit) {
                return m49Regions.contains(word.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            }
            return nil
        }
        // The lower-case word is its own normal form, so it is looked up as `isAggregate` looks up names.
        return verdict ?? (groupCodes.contains(lower) || names.contains(lower))
    }

    private static let oecdPrefix = Array("oecd".utf8)

    /// True for a key that is no country and no known total, yet looks like a total: one of its words
    /// (compared as country names are) contains `total`, `summe`, `gesamt`, `somme`, `totaal`, `ogolem`
    /// or `celkem` (`Summe Nord`, `Gesamtsumme`, `Totals 2020`), or is `sum`, `suma`, `summa`, `razem`,
    /// `ensemble` or `alle`. Used only for the message of an unknown key (VT105), which then suggests
    /// `--exclude` rather than `--countries verbatim`: a total kept as a country would be counted twice.
    /// Compared byte by byte: a reader of verbatim keys asks this once for each new key, so that a file
    /// of 500,000 keys must not pay a generic substring search (a table built per stem) for each.
    /// `normalised` is `CountryTable.normalise(text)` when the caller has it already.
    static func looksLikeTotal(_ text: String, normalised: String? = nil) -> Bool {
        var name = normalised ?? CountryTable.normalise(text)
        return name.withUTF8 { name in
            // Word by word (an empty word between two spaces matches no stem and no word).
            var start = 0
            while start < name.count {
                var end = start
                while end < name.count && name[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: name[start..<end])
                if totalStems.contains(where: { contains(word, $0) })
                    || totalWords.contains(where: { $0.count == word.count && $0.elementsEqual(word) })
                {
                    return true
                }
                start = end + 1
            }
            return false
        }
    }

    /// True when `stem` occurs in `word` (both short: a direct comparison at each offset).
    private static func contains(_ word: UnsafeBufferPointer<UInt8>, _ stem: [UInt8]) -> Bool {
        guard word.count >= stem.count, let first = stem.first else { return false }
        var start = 0
        while start + stem.count <= word.count {
            if word[start] == first && stem.indices.allSatisfy({ word[start + $0] == stem[$0] }) {
                return true
            }
            start += 1
        }
        return false
    }

    private static let totalStems: [[UInt8]] = [
        "total", "summe", "gesamt", "somme", "totaal", "ogolem", "celkem",
    ]
    .map { Array($0.utf8) }
    private static let totalWords: [[UInt8]] = ["sum", "suma", "summa", "razem", "ensemble", "alle"]
        .map { Array($0.utf8) }

    /// Eurostat's aggregate prefixes, lower case: a code that is one of them, or one followed by a digit;
    /// `ue` is the EU in French, Italian, Spanish, Portuguese and Romanian files (`UE27`).
    private static let prefixes = ["efta", "eea", "eu", "ea", "ue"]
    private static let wordPrefixes: [[UInt8]] = prefixes.map { Array($0.utf8) }
    /// The OECD's and the World Bank's codes of groups, lower case.
    private static let groupCodes: Set<String> = ["g7", "g20", "wld", "wxoecd", "w", "world"]

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        isASCIIDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// UN M49 codes of regions and groupings (never of a country): the world, continents, sub-regions,
    /// intermediate regions, the SDG regions, and the development groupings.
    static let m49Regions: Set<Int> = [
        1, 2, 5, 9, 11, 13, 14, 15, 17, 18, 19, 21, 29, 30, 34, 35, 39, 53, 54, 57, 61, 62, 142, 143, 145,
        150, 151, 154, 155, 199, 202, 419, 432, 513, 514, 515, 543, 722, 747, 753, 830,
    ]

    /// Names of totals and regions, written in their normal form (`CountryTable.normalise`, as the
    /// names they are compared with): nothing is normalised at start-up ("total general" is "Total
    /// général"; a test checks that each is its own normal form).
    static let names: Set<String> = [
        "total", "totals", "grand total", "all countries", "insgesamt", "gesamt", "total general", "totaal",
        "totale", "world", "oecd", "oecd total", "oecd average", "european union", "euro area", "africa",
        "northern africa", "sub saharan africa", "eastern africa", "middle africa", "southern africa",
        "western africa", "americas", "latin america and the caribbean", "caribbean", "central america",
        "south america", "northern america", "asia", "central asia", "eastern asia", "south eastern asia",
        "southern asia", "western asia", "europe", "eastern europe", "northern europe", "southern europe",
        "western europe", "oceania", "australia and new zealand", "melanesia", "polynesia",
        "channel islands", "central and southern asia", "eastern and south eastern asia",
        "europe and northern america", "northern africa and western asia",
        "oceania exc australia and new zealand", "oceania excluding australia and new zealand",
        "least developed countries ldcs", "landlocked developing countries lldcs",
        "small island developing states sids", "developed regions", "developing regions",
        // Spreadsheet totals and subtotals, and totals and regions in other languages (Summe, Ogółem,
        // Suma końcowa, Europäische Union, Union européenne, Unión Europea, EU-27...).
        "summe", "gesamtergebnis", "zwischensumme", "ogolem", "razem", "suma koncowa", "eindtotaal",
        "totale complessivo", "welt", "europa", "europaische union", "union europeenne", "union europea",
        "eu 27", "eu 28", "ue 27", "ue 28", "subtotal", "sum", "unione europea", "uniao europeia",
        "uniunea europeana",
        // Totals in the participants' languages (cs, sv, pl, de, fr, fi, hu, da, et, lt, lv, sk, sl, hr,
        // el, bg, es, pt), and "all" in a few: a total row under --countries verbatim is never a country.
        "celkem", "totalt", "suma", "gesamtsumme", "ensemble", "alle lander", "sous total", "yhteensa",
        "osszesen", "i alt", "kokku", "is viso", "kopa", "spolu", "skupaj", "ukupno",
        // Greek and Cyrillic letters are kept as written by the normal form: each case as it is written.
        "Σύνολο", "σύνολο", "ΣΥΝΟΛΟ", "Общо", "общо", "ОБЩО",
        "zusammen", "monde", "mundo", "tous", "todos", "alle", "all",
        // Eurostat's labels of the EFTA and the EEA (its variants start so, see `isAggregate`).
        "european free trade association", "european economic area",
    ]
}

/// Parts of a country that sources publish beside (or instead of) the country: NUTS regions, such as the
/// United Kingdom's crime statistics by jurisdiction in Eurostat (`UKC-L` England and Wales, `UKM`
/// Scotland, `UKN` Northern Ireland). Never a country, and never added into one.
enum SubnationalUnits {
    /// What `text` is, for a message (`Scotland, a part of the United Kingdom`), or `nil` when it is not
    /// a known part of a country. Recognised: the UK's NUTS 1 codes and their names, and any NUTS code of
    /// a European country (two letters of Eurostat's country codes, then one to three letters or digits
    /// with at least one digit: `AT13`, `DE1`, `FR10`).
    /// `normalised` is `CountryTable.normalise(text)` when the caller has it already. Every code it
    /// knows is three to five ASCII characters once upper-cased, and upper-casing never makes fewer
    /// scalars (`ſ` is `S`, `ﬁ` is `FI`), so a text of more than five scalars costs one look-up of its
    /// name only.
    static func describe(_ text: String, normalised: String? = nil) -> String? {
        let isCodeSized = text.utf8.count <= 20 && text.unicodeScalars.count <= 5
        let upper = isCodeSized ? text.uppercased() : ""
        if let name = (isCodeSized ? unitedKingdom[upper] : nil)
            ?? unitedKingdomNames[normalised ?? CountryTable.normalise(text)]
        {
            return "\(name), a part of the United Kingdom"
        }
        guard isCodeSized else { return nil }
        let scalars = Array(upper.unicodeScalars)
        guard (3...5).contains(scalars.count),
            nutsCountries.contains(String(String.UnicodeScalarView(scalars[..<2])))
        else { return nil }
        let rest = scalars[2...]
        guard rest.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }),
            rest.contains(where: { ("0"..."9").contains($0) })
        else { return nil }
        let prefix = String(String.UnicodeScalarView(scalars[..<2]))
        let country = CountryTable.standard.country(prefix)?.shortName ?? prefix
        return "a NUTS region of \(country)"
    }

    /// The UK's NUTS 1 regions and the jurisdictions of its crime statistics.
    static let unitedKingdom: [String: String] = [
        "UKC-L": "England and Wales", "UKC": "North East (England)", "UKD": "North West (England)",
        "UKE": "Yorkshire and the Humber", "UKF": "East Midlands (England)", "UKG": "West Midlands (England)",
        "UKH": "East of England", "UKI": "London", "UKJ": "South East (England)",
        "UKK": "South West (England)",
        "UKL": "Wales", "UKM": "Scotland", "UKN": "Northern Ireland",
    ]

    /// The same by name (Eurostat's labels), normalised.
    static let unitedKingdomNames: [String: String] = [
        "england and wales": "England and Wales", "england": "England", "wales": "Wales",
        "scotland": "Scotland", "northern ireland": "Northern Ireland",
    ]

    /// Eurostat's two-letter codes of the countries with NUTS regions (the EU, EFTA, candidates, the UK).
    static let nutsCountries: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "IS", "LI", "NO", "CH", "ME", "MK",
        "AL", "RS", "TR",
    ]
}

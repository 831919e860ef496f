/// A country of ISO 3166-1 (or Kosovo, user-assigned XK/XKX).
public struct Country: Sendable, Hashable {
    /// Two-letter code, e.g. `AT`.
    public var alpha2: String
    /// Three-letter code, e.g. `AUT`: the key victrend reports countries by.
    public var alpha3: String
    /// Three-digit numeric code, e.g. `040` (`nil` for Kosovo).
    public var numeric: String?
    /// ISO's English short name, e.g. `Korea, Republic of`.
    public var name: String
    /// The name in common use where ISO gives one, e.g. `South Korea`.
    public var commonName: String?
    /// The official name, e.g. `Republic of Austria`.
    public var officialName: String?

    /// The name reports show: the common name where there is one, else the short name.
    public var shortName: String { commonName ?? name }
}

/// How the country column is read.
public enum CountryMatching: String, Sendable, Hashable, CaseIterable {
    /// Codes and names are matched against ISO 3166-1 and reported by alpha-3 code; an unknown
    /// country is an error with the closest matches.
    case iso
    /// Keys are kept as written (sub-national units, agencies, database-wide totals such as ICSE's).
    /// Totals and aggregates of countries (`Total`, `World`, `EU27_2020`) are still left out unless
    /// `--keep-aggregates`.
    case verbatim
}

/// Finds countries by code or name, case- and accent-insensitively, with the names people actually
/// write ("South Korea", "Czech Republic", "Turkey", "USA", "UK", "Ivory Coast", ...) and Eurostat's
/// codes (`EL` Greece, `UK` United Kingdom).
public struct CountryTable: Sendable {
    /// The table built from the generated ISO list and the aliases below.
    public static let standard = CountryTable()

    /// Every code and name, normalised, to its country's index: built on first use (normalising some
    /// 1,200 names costs a millisecond, which a file keyed by alpha-3 codes never needs).
    private static let nameIndex: [String: Int] = buildNameIndex(countries)
    /// Every country, in the order of their alpha-3 codes (`countries`, as generated).
    let all: [Country]
    var byKey: [String: Int] { Self.nameIndex }

    /// Names and codes in use that ISO does not list for the country (normalised when indexed).
    static let aliases: [String: [String]] = [
        "BIH": ["Bosnia", "Bosnia-Herzegovina"],
        "BOL": ["Bolivia"],
        "BRN": ["Brunei"],
        "CIV": ["Ivory Coast", "Cote d'Ivoire"],
        "COD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "Congo, Dem. Rep."],
        "COG": ["Republic of the Congo", "Congo-Brazzaville", "Congo, Rep."],
        "CPV": ["Cape Verde"],
        "CZE": ["Czech Republic"],
        "FSM": ["Micronesia"],
        "GBR": [
            "UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland",
        ],
        "GRC": ["EL"],
        "IRN": ["Iran"],
        "KOR": [
            "Korea", "Republic of Korea", "South Korea", "Korea, Rep.", "Corea del Sur", "Corea del Sud",
            "Coreia do Sul",
        ],
        "LAO": ["Laos", "Lao PDR"],
        "MDA": ["Moldova", "Republic of Moldova"],
        "MKD": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
        "MMR": ["Burma"],
        "NLD": ["Holland", "The Netherlands"],
        "PHL": ["The Philippines"],
        "PRK": ["North Korea", "DPRK", "Korea, Dem. People's Rep."],
        "PSE": ["Palestine"],
        // The everyday names that iso-codes' translations leave out (they translate "Russian Federation").
        "RUS": ["Russia", "Russland", "Russie", "Rusia", "Rusland", "Rosja", "Rússia", "Ryssland", "Rusko"],
        "SWZ": ["Swaziland"],
        "SYR": ["Syria"],
        "TLS": ["East Timor"],
        "TUR": ["Turkey", "Turkiye", "Turquie", "Turchia", "Turkije", "Turquia", "Turkiet", "Turecko"],
        "TWN": ["Taiwan"],
        "TZA": ["Tanzania"],
        "USA": ["US", "U.S.", "U.S.A.", "United States of America", "America"],
        "VAT": ["Vatican", "Vatican City", "Holy See"],
        "VEN": ["Venezuela"],
        "VNM": ["Vietnam", "Viet Nam"],
        "XKX": ["Kosovo*", "Kosova"],
    ]

    init() {
        all = Self.countries
    }

    /// The index in `all` of the country whose alpha-3 code is `code` (as ISO writes it), found by
    /// bisection: `all` is in the order of the codes (scripts/gen-iso3166 sorts them, a test checks),
    /// so that no table of codes is built at first use (250 codes hashed, 0.16M instructions).
    private func index(alpha3 code: String) -> Int? {
        var low = all.startIndex
        var high = all.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if all[middle].alpha3 < code {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < all.endIndex && all[low].alpha3 == code ? low : nil
    }

    /// Every code and name of `country`, as written (before normalising).
    static func keys(of country: Country) -> [String] {
        var keys = [country.alpha2, country.alpha3, country.name]
        keys += [country.numeric, country.commonName, country.officialName].compactMap { $0 }
        keys += Self.aliases[country.alpha3] ?? []
        keys += Self.sourceLabels[country.alpha3] ?? []
        // "Korea, Republic of" is also written "Republic of Korea".
        if let comma = country.name.firstIndex(of: ","), !country.name.contains("(") {
            let head = country.name[..<comma]
            let tail = country.name[country.name.index(after: comma)...]
            keys.append("\(tail) \(head)")
        }
        return keys
    }

    private static func buildNameIndex(_ all: [Country]) -> [String: Int] {
        var byKey: [String: Int] = [:]
        for (index, country) in all.enumerated() {
            for key in keys(of: country) {
                let normal = Self.normalise(key)
                if byKey[normal] == nil { byKey[normal] = index }
            }
            if let numeric = country.numeric, let value = Int(numeric) {
                byKey[String(value)] = byKey[String(value)] ?? index
            }
        }
        return byKey
    }

    /// The country written as `text` (a code or a name), or `nil`. An alpha-3 code as ISO writes it is
    /// found without normalising (no other key normalises to a country's alpha-3 code).
    public func country(_ text: String) -> Country? {
        if let index = index(alpha3: text) { return all[index] }
        return index(normalised: Self.normalise(text)).map { all[$0] }
    }

    /// The country of a normalised code or name: an English key, else a name in another language
    /// (`translatedNames`, generated already normalised: that table is only touched for a name that is
    /// no English key).
    func index(normalised normal: String) -> Int? {
        if let index = byKey[normal] { return index }
        return Self.translatedNames[normal].flatMap { index(alpha3: $0) }
    }

    /// The country with alpha-3 code `code`.
    public func country(alpha3 code: String) -> Country? {
        index(alpha3: code).map { all[$0] }
    }

    /// Whether `code` is a country's alpha-3 code as ISO writes it (`AUT`, not `aut`): `country(alpha3:)`
    /// without a copy of the country.
    func isAlpha3Code(_ code: String) -> Bool {
        index(alpha3: code) != nil
    }

    /// The name reports show next to a key: the short name when the key is an alpha-3 code, else "".
    public func displayName(_ key: String) -> String {
        country(alpha3: SeriesKey.country(of: key))?.shortName ?? ""
    }

    /// The diagnostic for a country text that matches nothing, with "did you mean": the countries it
    /// names when it is a name that means several (`ambiguous`, by normalised name), else the closest.
    func unknown(
        _ text: String, at location: Location, ambiguous: [String: [String]] = CountryTable.ambiguousNames
    ) -> Diagnostic {
        if let codes = ambiguous[Self.normalise(text)] {
            let meanings = codes.compactMap { country(alpha3: $0) }.map { "\($0.shortName) (\($0.alpha3))" }
            return Diagnostic(
                .unknownCountry, at: location,
                "the country \(DisplayText.quoted(text, limit: Self.longestSuggested)) names different countries "
                    + "in different languages; did you mean \(meanings.joined(separator: " or "))? Write its ISO 3166 "
                    + "code (AUT, AT, 040)")
        }
        let close = suggestions(for: text).map { "\($0.shortName) (\($0.alpha3))" }
        let hint = close.isEmpty ? "u" : "did you mean \(close.joined(separator: " or "))? U"
        return Diagnostic(
            .unknownCountry, at: location,
            "unknown country \(DisplayText.quoted(text, limit: Self.longestSuggested)); \(hint)se ISO 3166 "
                + "codes (AUT, AT, 040) or English names, or --countries verbatim for keys that are not "
                + "countries")
    }

    /// The longest text, in Unicode scalars once normalised, that gets a "did you mean": no country
    /// name is half as long, and the comparison costs in proportion to the length.
    static let longestSuggested = 64

    /// Every normalised key as scalars, with its country's index, for "did you mean".
    private static let suggestionKeys: [(scalars: [Unicode.Scalar], index: Int)] =
        nameIndex.map { (Array($0.key.unicodeScalars), $0.value) }
        + translatedNames.compactMap { key, code in
            standard.country(alpha3: code).flatMap { country in
                standard.all.firstIndex(of: country).map { (Array(key.unicodeScalars), $0) }
            }
        }

    /// Up to three countries whose codes or names are closest to `text`, best first, for "did you mean".
    /// A text longer than `longestSuggested` (once normalised) gets none; each comparison stops as soon
    /// as the distance exceeds what would count as close, so the work is bounded by
    /// `longestSuggested` × (2 × `longestSuggested` / 4 + 1) steps per key.
    public func suggestions(for text: String) -> [Country] {
        let normal = Self.normalise(text)
        guard normal.utf8.count <= 4 * Self.longestSuggested else { return [] }
        let target = Array(normal.unicodeScalars)
        guard !target.isEmpty, target.count <= Self.longestSuggested else { return [] }
        var best: [Int: Int] = [:]
        // Codes are compared with codes, names with names: "ICSE" is no near miss of "CHE".
        let isCode = target.count <= 3
        let limit = max(1, target.count / 4)
        for (key, index) in Self.suggestionKeys where (key.count <= 3) == isCode {
            guard let distance = Self.editDistance(target, key, atMost: limit) else { continue }
            if distance < best[index] ?? Int.max {
                best[index] = distance
            }
        }
        return best.sorted { ($0.value, all[$0.key].alpha3) < ($1.value, all[$1.key].alpha3) }.prefix(3)
            .map { all[$0.key] }
    }

    /// The comparable form of a country text: lowercase, accents folded, punctuation as spaces, runs of
    /// spaces collapsed, a leading "the" dropped.
    static func normalise(_ text: String, droppingThe: Bool = true) -> String {
        // A text of ASCII letters and digits only (a code, a one-word name): its lower-case self.
        let utf8 = text.utf8
        if utf8.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 || $0 &- UInt8(ascii: "0") < 10 }) {
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                for (index, byte) in utf8.enumerated() { buffer[index] = byte | 0x20 }
                return utf8.count
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func add(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                add(byte + 32)
            case UInt8(ascii: "*"):
                break
            default:
                pendingSpace = true
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                add(UInt8(scalar.value))
            } else if let base = foldings[scalar.value] {
                for byte in base.utf8 { add(byte) }
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        // A leading "the" is dropped: "The Netherlands" is "Netherlands".
        if droppingThe && bytes.count > 4 && bytes.starts(with: Array("the ".utf8)) {
            bytes.removeFirst(4)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The Levenshtein distance of `a` and `b` when it is at most `limit`, else `nil`. Only the band of
    /// cells within `limit` of the diagonal is computed (a path outside it costs more than `limit`), and
    /// the walk stops at the first row whose band exceeds `limit`: O(`a.count` × (2 × `limit` + 1)).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let beyond = limit + 1
        // previous[j] and current[j]: the distance of a[..<i] and b[..<j], capped at `beyond`.
        var previous = (0...b.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var smallest = current[low - 1]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                    current[j] = value
                    smallest = min(smallest, value)
                }
            }
            if high < b.count { current[high + 1] = beyond }
            if smallest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The plain Levenshtein distance (the reference the bounded one is tested against).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1..<(b.count + 1) {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

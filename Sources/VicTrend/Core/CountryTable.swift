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
    /// Keys are kept as written (sub-national units, agencies, database-wide totals).
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
    private var byAlpha3: [String: Int] = [:]
    private let all: [Country]
    private var byKey: [String: Int] { Self.nameIndex }

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
        "KOR": ["Korea", "Republic of Korea", "South Korea", "Korea, Rep."],
        "LAO": ["Laos", "Lao PDR"],
        "MDA": ["Moldova", "Republic of Moldova"],
        "MKD": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
        "MMR": ["Burma"],
        "NLD": ["Holland", "The Netherlands"],
        "PHL": ["The Philippines"],
        "PRK": ["North Korea", "DPRK", "Korea, Dem. People's Rep."],
        "PSE": ["Palestine"],
        "RUS": ["Russia"],
        "SWZ": ["Swaziland"],
        "SYR": ["Syria"],
        "TLS": ["East Timor"],
        "TUR": ["Turkey", "Turkiye"],
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
        for (index, country) in all.enumerated() {
            byAlpha3[country.alpha3] = index
        }
    }

    private static func buildNameIndex(_ all: [Country]) -> [String: Int] {
        var byKey: [String: Int] = [:]
        for (index, country) in all.enumerated() {
            var keys = [country.alpha2, country.alpha3, country.name]
            keys += [country.numeric, country.commonName, country.officialName].compactMap { $0 }
            keys += Self.aliases[country.alpha3] ?? []
            // "Korea, Republic of" is also written "Republic of Korea".
            if let comma = country.name.firstIndex(of: ","), !country.name.contains("(") {
                let head = country.name[..<comma]
                let tail = country.name[country.name.index(after: comma)...]
                keys.append("\(tail) \(head)")
            }
            for key in keys {
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
        if let index = byAlpha3[text] { return all[index] }
        return byKey[Self.normalise(text)].map { all[$0] }
    }

    /// The country with alpha-3 code `code`.
    public func country(alpha3 code: String) -> Country? {
        byAlpha3[code].map { all[$0] }
    }

    /// The name reports show next to a key: the short name when the key is an alpha-3 code, else "".
    public func displayName(_ key: String) -> String {
        country(alpha3: SeriesKey.country(of: key))?.shortName ?? ""
    }

    /// The diagnostic for a country text that matches nothing, with "did you mean".
    func unknown(_ text: String, at location: Location) -> Diagnostic {
        let close = suggestions(for: text).map { "\($0.shortName) (\($0.alpha3))" }
        let hint = close.isEmpty ? "" : "did you mean \(close.joined(separator: " or "))? "
        return Diagnostic(
            .unknownCountry, at: location,
            "unknown country '\(text)'; \(hint)Use ISO 3166 codes (AUT, AT, 040) or English names, or "
                + "--countries verbatim for keys that are not countries")
    }

    /// Up to three countries whose codes or names are closest to `text`, best first, for "did you mean".
    public func suggestions(for text: String) -> [Country] {
        let target = Array(Self.normalise(text).unicodeScalars)
        guard !target.isEmpty else { return [] }
        var best: [Int: Int] = [:]
        // Codes are compared with codes, names with names: "ICSE" is no near miss of "CHE".
        let isCode = target.count <= 3
        for (key, index) in byKey where (key.unicodeScalars.count <= 3) == isCode {
            let distance = Self.editDistance(target, Array(key.unicodeScalars))
            if distance <= max(1, target.count / 4), distance < best[index] ?? Int.max {
                best[index] = distance
            }
        }
        return best.sorted { ($0.value, all[$0.key].alpha3) < ($1.value, all[$1.key].alpha3) }.prefix(3)
            .map { all[$0.key] }
    }

    /// The comparable form of a country text: lowercase, accents folded, punctuation as spaces, runs of
    /// spaces collapsed, a leading "the" dropped.
    static func normalise(_ text: String) -> String {
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
        if bytes.count > 4 && bytes.starts(with: Array("the ".utf8)) {
            bytes.removeFirst(4)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Levenshtein distance.
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

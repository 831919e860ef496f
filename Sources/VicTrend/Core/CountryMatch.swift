/// A country found for a text, and what finding it had to pass over.
///
/// Matching is forgiving: case, accents, punctuation and a leading "the" do not count, so that
/// "Korea, Rep." and "the Philippines" are found. The same forgiveness finds Australia in `=AUS`,
/// `<AUS>`, `A*U*S` or `The AUS`, text no one writes for a country (a spreadsheet formula, markup, a
/// mangled cell). `ignored` names what was passed over in such a case, so the reader can warn (VT108)
/// instead of accepting it silently.
public struct CountryMatch: Sendable, Hashable {
    /// The country found.
    public var country: Country
    /// What matching ignored, as a message shows it (`'='`, `'<' and '>'`, `a leading 'the'`); `nil`
    /// when the text is a code or a name as people write them.
    public var ignored: String?
}

extension CountryTable {
    /// Punctuation that names are written with ("Korea, Rep.", "Côte d'Ivoire", "Guinea-Bissau",
    /// "Bolivia (Plurinational State of)", "Trinidad & Tobago"): never worth a warning in a name.
    static let namePunctuation: Set<Unicode.Scalar> = [
        ",", ".", "'", "\u{2018}", "\u{2019}", "-", "(", ")", "&", "/",
    ]

    /// The country written as `text`, with what the match ignored. A code (a match of at most three
    /// letters or digits) may carry no punctuation at all, and no leading "the"; a name may carry
    /// `namePunctuation` and whatever the country's own names and aliases hold (`Kosovo*`).
    public func match(_ text: String) -> CountryMatch? {
        if let country = country(alpha3: text) { return CountryMatch(country: country) }
        let normal = Self.normalise(text)
        guard let index = index(normalised: normal) else { return nil }
        let country = all[index]
        let isCode = normal.utf8.count <= 3 && !normal.utf8.contains(UInt8(ascii: " "))
        var allowed: Set<Unicode.Scalar> = []
        if !isCode {
            allowed = Self.namePunctuation
            for key in Self.keys(of: country) {
                allowed.formUnion(key.unicodeScalars.filter(Self.isIgnorable))
            }
        }
        var passedOver: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars
        where Self.isIgnorable(scalar) && !allowed.contains(scalar) && !passedOver.contains(scalar) {
            passedOver.append(scalar)
        }
        var parts = passedOver.map { "'\(String($0))'" }
        if isCode && Self.normalise(text, droppingThe: false) != normal {
            parts.append("a leading 'the'")
        }
        guard let last = parts.popLast() else { return CountryMatch(country: country) }
        let list = parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last
        return CountryMatch(country: country, ignored: list)
    }

    /// True for what `normalise` passes over or reads as a space, other than blanks: ASCII
    /// punctuation, symbols and control characters, and the curly apostrophes.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{2018}" || scalar == "\u{2019}" { return true }
        guard scalar.isASCII, scalar != " ", scalar != "\t" else { return false }
        let isLetterOrDigit =
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        return !isLetterOrDigit
    }

    /// The warning for a country found only by ignoring part of `text` (see `CountryMatch`).
    static func ignoredWarning(_ text: String, _ match: CountryMatch, at location: Location) -> Diagnostic {
        let ignored = match.ignored ?? ""
        let verb = ignored.contains(" and ") ? "are" : "is"
        return Diagnostic(
            .countryTextIgnored, at: location,
            "the country \(DisplayText.quoted(text, limit: longestSuggested)) matches "
                + "\(match.country.shortName) (\(match.country.alpha3)) only if \(ignored) \(verb) "
                + "ignored; write \(match.country.alpha3) or the country's name")
    }
}

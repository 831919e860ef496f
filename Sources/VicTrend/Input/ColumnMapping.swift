/// Which header cells hold the country, the year and the count.
///
/// Header names are compared after normalising: case-insensitive, surrounding blanks removed, and runs
/// of spaces, hyphens and dots read as `_` (so `Identified victims`, `identified-victims` and
/// `IDENTIFIED_VICTIMS` are the same name).
public struct ColumnMapping: Sendable, Equatable {
    /// 0-based index of the country column.
    public var country: Int
    /// 0-based index of the year column.
    public var year: Int
    /// 0-based index of the count column.
    public var count: Int

    /// A role a column plays, with the header names it is recognised by (in the order tried).
    public enum Role: String, Sendable, CaseIterable {
        case country
        case year
        case count

        /// Header names that identify the role when no override is given.
        public var aliases: [String] {
            switch self {
            case .country: return ["country", "country_code", "iso3", "geo", "ref_area"]
            case .year: return ["year", "time_period"]
            case .count: return ["victims", "identified_victims", "count", "value", "obs_value"]
            }
        }

        /// Header names tried only when none of `aliases` (nor the profile's own names) is in the
        /// header: UNdata's `Country or Area`, the label columns of the OECD's "labels only" exports (`Reference area`,
        /// `Observation value`, OECD.Stat's `Time`; in French `Zone de référence`, `Période temporelle`,
        /// `Valeur d'observation`) and the role's name in the participants' languages
        /// (`HeaderNames`). A code or English column therefore always beats them: `REF_AREA` beside
        /// `Reference area`, `country` beside `Land`.
        var fallbackAliases: [String] {
            switch self {
            case .country:
                return ["reference_area", "zone_de_référence", "country_or_area"] + HeaderNames.country
            case .year: return ["time", "période_temporelle"] + HeaderNames.year
            case .count:
                return ["observation_value", "valeur_d'observation", "valeur_d’observation"]
                    + HeaderNames.count
            }
        }

        /// Three of the names in other languages (`HeaderNames`), for a message.
        var translatedExamples: String {
            switch self {
            case .country: return "Land, pays, país"
            case .year: return "Jahr, année, año"
            case .count: return "Anzahl, nombre, número"
            }
        }

        /// The command-line option that names this column explicitly.
        var option: String { "--\(rawValue)-column" }
    }

    /// Column names given by the user, overriding the aliases (matched like header names).
    public struct Overrides: Sendable, Equatable {
        public var country: String?
        public var year: String?
        public var count: String?

        public init(country: String? = nil, year: String? = nil, count: String? = nil) {
            self.country = country
            self.year = year
            self.count = count
        }

        func name(for role: Role) -> String? {
            switch role {
            case .country: return country
            case .year: return year
            case .count: return count
            }
        }
    }

    /// Finds the three columns in `header`, or explains (one diagnostic per role) why it cannot.
    static func resolve(
        header: [String], overrides: Overrides, at location: Location
    ) -> Result<ColumnMapping, DiagnosticList> {
        let names = header.map(normalise)
        var found: [Role: Int] = [:]
        var problems: [Diagnostic] = []
        for role in Role.allCases {
            switch column(for: role, in: names, header: header, overrides: overrides, at: location) {
            case .success(let index): found[role] = index
            case .failure(let problem): problems.append(problem)
            }
        }
        if problems.isEmpty, let country = found[.country], let year = found[.year], let count = found[.count]
        {
            if Set([country, year, count]).count < 3 {
                return .failure(
                    DiagnosticList(diagnostics: [
                        Diagnostic(
                            .ambiguousColumn, at: location,
                            "one column cannot be two of country, year and count; check the --*-column options"
                        )
                    ]))
            }
            return .success(ColumnMapping(country: country, year: year, count: count))
        }
        return .failure(DiagnosticList(diagnostics: problems))
    }

    /// The one column of `role` in a header (`names` normalised), or why there is none.
    ///
    /// An override (`--country-column NAME`) is looked for as written first (blanks around the header
    /// ignored), then as header names are compared; without one, the profile's aliases are, and only when
    /// none of them is in the header the role's fallback names (labels, other languages). When several
    /// columns match and exactly one of them is a code column (`TIME_PERIOD` beside `Time period`,
    /// `LOCATION` beside `Country`, `GeoAreaCode` beside `GeoAreaName`) and the others are its label
    /// column (the same name, or the column right after it), the code column is taken: codes are what the
    /// country table and the year parser read reliably. Any other choice is left to the user (VT011).
    static func column(
        for role: Role, in names: [String], header: [String], overrides: Overrides, at location: Location,
        profile: SourceProfile = .plain, oneColumnHint: String = ColumnMapping.oneColumnHint
    ) -> Result<Int, Diagnostic> {
        if let override = overrides.name(for: role) {
            let exact = header.indices.filter { header[$0].trimmingBlanks == override.trimmingBlanks }
            if exact.count == 1 { return .success(exact[0]) }
        }
        let wanted = overrides.name(for: role).map { [normalise($0)] } ?? profile.aliases(for: role)
        var matches = names.indices.filter { wanted.contains(names[$0]) }
        if matches.isEmpty && overrides.name(for: role) == nil {
            let fallback = role.fallbackAliases
            matches = names.indices.filter { fallback.contains(names[$0]) }
        }
        if matches.count == 1 {
            return .success(matches[0])
        }
        let codes = matches.filter { SourceProfile.isCodeHeader(header[$0].trimmingBlanks) }
        if codes.count == 1,
            matches.allSatisfy({
                $0 == codes[0] || names[$0] == names[codes[0]]
                    || ($0 == codes[0] + 1 && SourceProfile.isLabel(header, at: $0))
            })
        {
            return .success(codes[0])
        }
        if matches.isEmpty {
            let shownHeader = header.map { "'\($0)'" }.joined(separator: ", ")
            let aliases = profile.aliases(for: role)
            let expectation =
                overrides.name(for: role).map { "a column named '\($0)' (\(role.option))" }
                ?? "a \(role.rawValue) column, named one of: \(aliases.joined(separator: ", ")), or the same "
                + "in German, French, Spanish, Italian, Dutch, Polish, Portuguese, Swedish or Czech "
                + "(\(role.translatedExamples), ...); or name yours: \(role.option) NAME"
            return .failure(
                Diagnostic(
                    .missingColumn, at: location,
                    "expected \(expectation); the header has \(header.count) "
                        + "column\(header.count == 1 ? "" : "s"): \(shownHeader)"
                        + (header.count == 1 ? oneColumnHint : "")
                        + (header.contains { $0.lowercased().contains("\\time") } ? eurostatTSVHint : "")))
        }
        return .failure(
            Diagnostic(
                .ambiguousColumn, at: location,
                severalColumns(role.rawValue, matches, header: header, option: role.option)))
    }

    /// VT011's message for the header columns `matches` that could all be the `what` column: each by name
    /// and number, and how to choose one with `option` — or, for a name that heads more than one of them
    /// (which the option cannot tell apart), to rename one.
    static func severalColumns(_ what: String, _ matches: [Int], header: [String], option: String) -> String {
        let candidates = matches.map { "'\(header[$0])' (column \($0 + 1))" }.joined(separator: ", ")
        var seen: Set<String> = []
        let repeated = matches.map { header[$0].trimmingBlanks }.first { !seen.insert($0).inserted }
        return "several columns could be the \(what): \(candidates); choose one with \(option)"
            + (repeated.map {
                "; '\($0)' heads more than one column, so rename one of them in the header to choose it"
            }
                ?? "")
    }

    /// What a missing-column error adds for Eurostat's bulk TSV, whose first header cell joins the
    /// dimensions and the time axis (`freq,unit,geo\TIME_PERIOD`).
    static let eurostatTSVHint =
        ". This is Eurostat's bulk TSV ('geo\\TIME_PERIOD'): download the dataset as SDMX-CSV instead, which "
        + "victrend reads (docs/source-exports.md)"

    /// What a missing-column error adds when the header has one column (`column`'s `oneColumnHint`, which
    /// the reader gives): a text file read with the wrong delimiter, or a title above the table.
    static let oneColumnHint =
        ". Is the delimiter right? (--delimiter) Or, if a title stands above the table, give the header's "
        + "line: --header-line N"
    /// The same for a workbook, whose cells have no delimiter.
    static let oneColumnHintWorkbook =
        ". If a title stands above the table, give the header's line: --header-line N"

    /// The comparable form of a header name.
    static func normalise(_ name: String) -> String {
        var result = ""
        var pendingSeparator = false
        for character in name.lowercased() {
            if character == " " || character == "-" || character == "." || character == "_"
                || character == "\t"
            {
                pendingSeparator = !result.isEmpty
            } else {
                if pendingSeparator { result.append("_") }
                pendingSeparator = false
                result.append(character)
            }
        }
        return result
    }
}

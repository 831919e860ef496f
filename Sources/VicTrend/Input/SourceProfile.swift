/// Where a file comes from, as its header tells: which headers name the country, the year and the count,
/// which columns are attributes or labels (never dimensions), and which are dimensions.
///
/// Detected from the normalised header (see `ColumnMapping.normalise`):
/// - `eurostat`: `DATAFLOW`, `TIME_PERIOD` and `OBS_VALUE` (Eurostat's SDMX-CSV, codes, labels or both);
/// - `oecd`: `STRUCTURE` or `STRUCTURE_ID` and `OBS_VALUE` or `Observation value` (the OECD Data
///   Explorer's SDMX-CSV, with or without label columns such as `Reference area` beside `REF_AREA`, or
///   with labels only);
/// - `oecdStat`: `Flag Codes` or `PowerCode Code`, or `LOCATION`/`COU`, `TIME` and `Value` (the legacy
///   OECD.Stat export: `LOCATION,Country,...,TIME,Time,Unit Code,Unit,PowerCode Code,PowerCode,...,Value,
///   Flag Codes,Flags`);
/// - `unSDG`: `GeoAreaCode` or `GeoAreaName` and `TimePeriod` (the UN SDG global database export);
/// - `plain`: anything else (victrend's long and wide layouts, where other columns are ignored).
enum SourceProfile: Equatable, Sendable {
    case plain
    case eurostat
    case oecd
    case oecdStat
    case unSDG

    /// The profile of a header whose names are normalised.
    static func detect(_ names: [String]) -> SourceProfile {
        let has = { (name: String) in names.contains(name) }
        if (has("geoareacode") || has("geoareaname")) && has("timeperiod") { return .unSDG }
        if has("flag_codes") || has("powercode_code")
            || ((has("location") || has("cou")) && has("time") && has("value"))
        {
            return .oecdStat
        }
        if (has("structure") || has("structure_id"))
            && (has("obs_value") || has("observation_value") || has("valeur_d'observation")
                || has("valeur_d’observation"))
        {
            return .oecd
        }
        if has("dataflow") && has("time_period") && has("obs_value") { return .eurostat }
        return .plain
    }

    /// Whether the file is read like SDMX-CSV: every dimension must have one value (or be chosen with
    /// `--filter`), attributes are read.
    var isSDMXLike: Bool { self != .plain }

    /// The header names (normalised) that identify `role` in a file of this profile, in the order tried.
    func aliases(for role: ColumnMapping.Role) -> [String] {
        let specific: [String]
        switch (self, role) {
        case (.oecdStat, .country): specific = ["location", "cou"]
        case (.oecdStat, .year): specific = ["time"]
        case (.unSDG, .country): specific = ["geoareacode", "geoareaname"]
        case (.unSDG, .year): specific = ["timeperiod"]
        default: specific = []
        }
        return specific + role.aliases
    }

    /// Columns that are never dimensions, whatever the profile (normalised): SDMX-CSV's structure
    /// columns and the attributes of Eurostat, the OECD, OECD.Stat and the UN SDG database.
    static let neverDimensions: Set<String> = [
        "dataflow", "last_update", "structure", "structure_id", "structure_name", "action",
        "obs_status", "obs_flag", "conf_status", "unit_mult", "decimals", "flag_codes", "flags", "footnote",
        "footnotes", "obs_comment", "comment_obs", "unit_code", "powercode_code", "reference_period_code",
        "time_format", "obs_pre_break", "base_per", "powercode", "unit_multiplier", "observation_status",
        "multiplicateur_d'unité", "multiplicateur_d’unité", "statut_d'observation", "statut_d’observation",
        // The UN SDG global database: the indicator's place in the framework and the attributes.
        "goal", "target", "indicator", "seriesdescription", "time_detail", "timecoverage", "upperbound",
        "lowerbound", "baseperiod", "source", "geoinfourl", "nature", "geoareacode", "geoareaname",
    ]

    /// The columns of `header` (names normalised as `names`) that are dimensions: every one of them must
    /// hold a single value, or be chosen with `--filter`. In SDMX-CSV (Eurostat, the OECD) and OECD.Stat
    /// the dimensions stand before the count and the attributes after it; the UN SDG export puts its
    /// disaggregations (`Age`, `Sex`, `Location`, `Reporting Type`, `Units`) after `Value`, so there every
    /// column is a dimension unless it is a known attribute. `fixed` columns (country, year, count,
    /// filtered or key columns) and label columns are never dimensions.
    func dimensions(header: [String], names: [String], fixed given: Set<Int>, count: Int) -> [Int] {
        // A code column and its label column go together: `Country` chosen, `LOCATION` is not a dimension.
        var fixed = given
        for index in given {
            if Self.isLabel(header, at: index) { fixed.insert(index - 1) }
            if index + 1 < header.count && Self.isLabel(header, at: index + 1) { fixed.insert(index + 1) }
        }
        return names.indices.filter { index in
            if fixed.contains(index) || Self.neverDimensions.contains(names[index]) { return false }
            if self != .unSDG && index > count { return false }
            return self == .unSDG || !Self.isLabel(header, at: index)
        }
    }

    /// True for a column that carries the labels of the code column before it: `Reference area` after
    /// `REF_AREA`, `Country` after `LOCATION`, `Unit` after `Unit Code`, `PowerCode` after
    /// `PowerCode Code`, `Time frequency` after `freq`.
    static func isLabel(_ header: [String], at index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = header[index - 1].trimmingBlanks
        let name = header[index].trimmingBlanks
        // `PowerCode` after `PowerCode Code`, `Unit` after `Unit Code`.
        if ColumnMapping.normalise(previous) == ColumnMapping.normalise(name) + "_code" { return true }
        if isCodeHeader(previous) && !isCodeHeader(name) { return true }
        // `freq` then `Time frequency`: an identifier followed by words.
        return isIdentifier(previous) && name.contains(" ")
    }

    /// A header that names a code column: an SDMX identifier in capitals (`REF_AREA`, `TIME`) or a name
    /// ending in "code" (`GeoAreaCode`, `Unit Code`, `PowerCode Code`).
    static func isCodeHeader(_ header: String) -> Bool {
        if header.lowercased().hasSuffix("code") { return true }
        guard let first = header.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return header.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    /// Letters, digits and `_` only, starting with a letter (`freq`, `geo`, `REF_AREA`).
    static func isIdentifier(_ header: String) -> Bool {
        guard let first = header.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        return header.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    /// The values that stand for the whole of a dimension: the SDMX total `_T` (Eurostat's `T` and
    /// `TOTAL`), the UN SDG database's `ALLAGE`, `BOTHSEX` and `ALLAREA`. A VT013 message suggests the
    /// first of them a dimension holds.
    static let totalValues = ["_T", "T", "TOTAL", "ALLAGE", "BOTHSEX", "ALLAREA"]

    /// The value a VT013 message suggests for a dimension holding `values`: a total if there is one
    /// (and whether it is); else a Eurostat unit that counts persons as numbers, `NR` (number) or `PER`
    /// (persons), before any other unit such as `THS_PER` (thousand persons) or `PC` (a percentage),
    /// also as the code of a "codes and labels" cell (`NR:Number`); else the first value.
    static func suggestedValue(_ values: [String]) -> (value: String, isTotal: Bool) {
        for total in totalValues {
            if let found = values.first(where: { $0.uppercased() == total }) { return (found, true) }
        }
        for unit in countingUnits {
            if let found = values.first(where: { code(of: $0).uppercased() == unit }) {
                return (found, false)
            }
        }
        return (values.first ?? "", false)
    }

    /// Eurostat's units that count persons one by one, preferred in suggestions.
    static let countingUnits = ["NR", "PER"]

    /// The code of a Eurostat "codes and labels" cell (`NR` of `NR:Number`), or the cell.
    private static func code(of value: String) -> String {
        value.firstIndex(of: ":").map { value[..<$0].trimmingBlanks } ?? value
    }
}

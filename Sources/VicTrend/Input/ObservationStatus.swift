/// The attribute columns of a file that say something about each figure, in any layout with one count
/// per row: Eurostat's `OBS_FLAG` and `CONF_STATUS`, SDMX's and the OECD's `OBS_STATUS` and
/// `UNIT_MULT`, OECD.Stat's `Flag Codes` and `PowerCode Code`, the UN SDG database's `Nature`.
struct AttributeColumns: Sendable {
    /// Eurostat's `OBS_FLAG` (letters such as `bp`, see `ObservationStatus.eurostatMeaning`).
    var eurostatFlag: Int?
    /// `CONF_STATUS`: a confidential figure is withheld, with a value or without.
    var confidential: Int?
    /// SDMX `OBS_STATUS` or OECD.Stat `Flag Codes`, one code per figure (see `ObservationStatus`).
    var status: Int?
    /// The UN SDG database's `Nature` (`E` estimated, `M` modelled).
    var nature: Int?
    /// `UNIT_MULT` or OECD.Stat's `PowerCode Code`: the figure is OBS_VALUE × 10^multiplier.
    var multiplier: Int?

    init() {}

    /// The attribute columns of a header whose names are normalised; the UN SDG's `Nature` only in its
    /// profile.
    init(names: [String], profile: SourceProfile) {
        eurostatFlag = names.firstIndex(of: "obs_flag")
        confidential = names.firstIndex(of: "conf_status")
        status = names.firstIndex(of: "obs_status") ?? names.firstIndex(of: "flag_codes")
        nature = profile == .unSDG ? names.firstIndex(of: "nature") : nil
        multiplier = names.firstIndex(of: "unit_mult") ?? names.firstIndex(of: "powercode_code")
        // The OECD's "labels only" export: `Observation status` and `Unit multiplier` hold the labels
        // (read in any status or multiplier column: `ObservationStatus.code(label:)`, `multiplier(label:)`).
        if status == nil { status = names.firstIndex(of: "observation_status") }
        if multiplier == nil { multiplier = names.firstIndex(of: "unit_multiplier") }
    }

    /// True when the file has none: its rows are read on the plain path.
    var isEmpty: Bool {
        eurostatFlag == nil && confidential == nil && status == nil && nature == nil && multiplier == nil
    }
}

/// What the attributes of one row say about its figure.
struct RowStatus: Sendable {
    /// Flags the figure carries.
    var flags: [ObservationFlag] = []
    /// The figure is withheld whatever its cell holds (SDMX `C` confidential, `Q` suppressed, Eurostat's
    /// `c` flag).
    var withheld: String?
    /// The status says there is no figure (`M`, `L`, `O`, `H`, `K`): the code, as written.
    var missing: String?
    /// The figure is OBS_VALUE × 10^multiplier.
    var multiplier = 0

    static let plain = RowStatus()
}

/// The meaning of an SDMX observation status (cross-domain code list CL_OBS_STATUS, as the OECD and
/// OECD.Stat's `Flag Codes` use it), mapped onto victrend's flags.
///
/// | code | SDMX | victrend |
/// |---|---|---|
/// | A | normal | no flag |
/// | B | break in series | `break` (a new segment, as Eurostat's `b`) |
/// | D | definition differs | `definition-differs` (a break) |
/// | E, I | estimated, imputed | `estimated` |
/// | P, V | provisional, unvalidated | `provisional` |
/// | U, G, N, S | low reliability, experimental, not significant, strike | `low-reliability` |
/// | C, Q | confidential, suppressed | withheld (never read as a count, even when a value is given) |
/// | M, L, O, H, K | missing (cannot exist, not collected, missing, holiday, included elsewhere) | no figure; a value beside it is an error (VT115) |
/// | F | forecast | refused (VT112): a forecast is not a count |
///
/// Any other code, or more than one letter, is an error (VT113): a status victrend does not understand
/// could hide any of these.
enum ObservationStatus {
    enum Meaning: Equatable {
        case flag(ObservationFlag?)
        case withheld
        case missing
        case forecast
    }

    /// The meaning of one status letter (case ignored), or `nil` when it is not an SDMX code.
    static func meaning(_ letter: Character) -> Meaning? {
        switch letter.uppercased() {
        case "A": return .flag(nil)
        case "B": return .flag(.breakInSeries)
        case "D": return .flag(.definitionDiffers)
        case "E", "I": return .flag(.estimated)
        case "P", "V": return .flag(.provisional)
        case "U", "G", "N", "S": return .flag(.lowReliability)
        case "C", "Q": return .withheld
        case "M", "L", "O", "H", "K": return .missing
        case "F": return .forecast
        default: return nil
        }
    }

    /// The SDMX code of an OECD status label (case ignored), or `nil`: the labels of the OECD Data
    /// Explorer's "labels only" export.
    static func code(label: String) -> String? {
        switch label.lowercased() {
        case "normal value": return "A"
        case "break": return "B"
        case "definition differs": return "D"
        case "estimated value": return "E"
        case "imputed value": return "I"
        case "provisional value": return "P"
        case "unvalidated value": return "V"
        case "low reliability": return "U"
        case "experimental value": return "G"
        case "not significant": return "N"
        case "confidential statistical information", "confidential value": return "C"
        case "missing value", "missing value; data cannot exist": return "M"
        case "missing value; data exist but were not collected": return "L"
        case "missing value; suppressed": return "Q"
        case "forecast value": return "F"
        default: return nil
        }
    }

    /// The power of ten of an OECD unit multiplier label (case ignored), as text, or `nil`.
    static func multiplier(label: String) -> String? {
        switch label.lowercased() {
        case "units": return "0"
        case "tens": return "1"
        case "hundreds": return "2"
        case "thousands": return "3"
        case "millions": return "6"
        case "billions": return "9"
        default: return nil
        }
    }

    /// The codes `meaning` knows, for messages.
    static let knownCodes = "A, B, C, D, E, F, G, H, I, K, L, M, N, O, P, Q, S, U, V"

    /// The meaning of one Eurostat `OBS_FLAG` letter (case ignored), or `nil` when Eurostat has no such
    /// flag. As for the SDMX codes above:
    ///
    /// | letter | Eurostat | victrend |
    /// |---|---|---|
    /// | b | break in time series | `break` |
    /// | c | confidential | withheld, even when a value is given (as SDMX `C`) |
    /// | d | definition differs | `definition-differs` (a break) |
    /// | e, s | estimated, Eurostat estimate | `estimated` |
    /// | f | forecast | refused (VT112, as SDMX `F`) |
    /// | n, u | not significant, low reliability | `low-reliability` (as SDMX `N`, `U`) |
    /// | p | provisional | `provisional` |
    /// | r | revised | no flag |
    /// | z | not applicable | no figure; a value beside it is an error (VT115, as SDMX `M`) |
    static func eurostatMeaning(_ letter: Character) -> Meaning? {
        switch letter.lowercased() {
        case "b": return .flag(.breakInSeries)
        case "c": return .withheld
        case "d": return .flag(.definitionDiffers)
        case "e", "s": return .flag(.estimated)
        case "f": return .forecast
        case "n", "u": return .flag(.lowReliability)
        case "p": return .flag(.provisional)
        case "r": return .flag(nil)
        case "z": return .missing
        default: return nil
        }
    }

    /// The letters `eurostatMeaning` knows, for messages.
    static let eurostatCodes = "b, c, d, e, f, n, p, r, s, u, z"

    /// Eurostat's flag labels, as its "labels" downloads write them, each with its letter (Eurostat,
    /// "Data → Database": the flags' list, before and after the split of 27 January 2025 into
    /// `OBS_STATUS` and `CONF_STATUS`; see docs/source-exports.md). Keys in lower case; a cell matches
    /// one whole label, case ignored, never part of one. The newer labels take the letter of the flag
    /// they replace: `value imputed by Eurostat or other receiving agencies` is `s`, `missing value,
    /// data cannot exist` is `z`.
    static let eurostatLabels: [String: Character] = [
        "break in time series": "b",
        "confidential": "c",
        "definition differs, see metadata": "d",
        "definition differs (see metadata)": "d",
        "definition differs": "d",
        "estimated": "e",
        "forecast": "f",
        "not significant": "n",
        "provisional": "p",
        "revised": "r",
        "eurostat estimate": "s",
        "value imputed by eurostat or other receiving agencies": "s",
        "low reliability": "u",
        "not applicable": "z",
        "missing value, data cannot exist": "z",
    ]

    /// The labels `eurostatLabels` knows, for messages (one per letter, in letter order).
    static let eurostatLabelNames =
        "break in time series, confidential, definition differs (see metadata), estimated, forecast, not "
        + "significant, provisional, revised, Eurostat estimate, low reliability, not applicable"

    /// The flag letters of a Eurostat `OBS_FLAG` cell (trimmed): the cell itself (`bp`), the code of the
    /// "codes and labels" form (`b:break in time series`), or the letter of one whole label of the
    /// "labels" form (`break in time series`, see `eurostatLabels`); `nil` unless every letter is a
    /// Eurostat flag, so that a word (`estimates`, `unreliable`) is never read letter by letter.
    static func eurostatLetters(_ text: String) -> String? {
        if text.count > 2, !text.contains(":"), let letter = eurostatLabels[text.lowercased()] {
            return String(letter)
        }
        let code = text.firstIndex(of: ":").map { text[..<$0].trimmingBlanks } ?? text
        guard !code.isEmpty || text.isEmpty, code.allSatisfy({ eurostatMeaning($0) != nil }) else {
            return nil
        }
        return code
    }

    /// The flags of a UN SDG `Nature` cell: `E` estimated, `M` modelled and `CA` country-adjusted are
    /// `estimated`; `C` country data, `G` global monitoring data, `N` non-relevant and anything else
    /// carry no flag (Nature describes where a figure comes from; it never withholds one).
    static func natureFlags(_ text: String) -> [ObservationFlag] {
        switch text.uppercased() {
        case "E", "M", "CA": return [.estimated]
        default: return []
        }
    }

    /// What a `CONF_STATUS` cell (SDMX code list CL_CONF_STATUS, case ignored) says of its figure:
    /// `false` for `F` (free) or an empty cell, read as given; `true` for `C` confidential, `A` primary
    /// confidentiality (small counts), `D` and `S` secondary confidentiality, `N` not for publication,
    /// withheld whatever the value cell holds, exactly like Eurostat's `c` flag (VT106; the year is not
    /// assessed and the figure is never summed); `nil` for any other text (VT113).
    static func isConfidential(_ text: String) -> Bool? {
        switch text.uppercased() {
        case "", "F": return false
        case "C", "A", "D", "S", "N": return true
        default: return nil
        }
    }

    /// The codes `isConfidential` knows, for messages.
    static let confidentialityCodes = "F (free), A, C, D, N, S (confidential)"

    /// The unit multiplier of a `UNIT_MULT` / `PowerCode Code` cell: empty is 0; otherwise a whole
    /// number from 0 to 18 (10^18 is the largest power of ten in 64 bits), or `nil`.
    static func multiplier(_ text: String) -> Int? {
        if text.isEmpty { return 0 }
        guard text.utf8.count <= 2, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text),
            value <= 18
        else { return nil }
        return value
    }

    /// How a multiplier is named in messages: thousands, millions, billions, or 10^m.
    static func scaleName(_ multiplier: Int) -> String {
        switch multiplier {
        case 1: return "tens"
        case 2: return "hundreds"
        case 3: return "thousands"
        case 6: return "millions"
        case 9: return "billions"
        default: return "units of 10^\(multiplier)"
        }
    }
}

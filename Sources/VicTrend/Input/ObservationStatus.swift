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
    /// Eurostat's `unit` dimension, whose codes may state a multiple (`THS_PER` thousand persons,
    /// `MIO_...`; see `ObservationStatus.eurostatUnitMultiplier`).
    var eurostatUnit: Int?

    init() {}

    /// The attribute columns of a header whose names are normalised; the UN SDG's `Nature` only in its
    /// profile.
    init(names: [String], profile: SourceProfile) {
        eurostatFlag = names.firstIndex(of: "obs_flag")
        confidential = names.firstIndex(of: "conf_status")
        status = names.firstIndex(of: "obs_status") ?? names.firstIndex(of: "flag_codes")
        nature = profile == .unSDG ? names.firstIndex(of: "nature") : nil
        eurostatUnit = profile == .eurostat ? names.firstIndex(of: "unit") : nil
        multiplier = names.firstIndex(of: "unit_mult") ?? names.firstIndex(of: "powercode_code")
        // The OECD's "labels only" export: `Observation status` and `Unit multiplier` hold the labels
        // (read in any status or multiplier column: `ObservationStatus.code(label:)`, `multiplier(label:)`).
        // In French (`Statut d'observation`, `Multiplicateur d'unité`), and OECD.Stat's `PowerCode`
        // label column when the file has no `PowerCode Code`: a multiplier or status column is never
        // left unread.
        if status == nil { status = names.firstIndex(where: Self.statusLabelHeaders.contains) }
        if multiplier == nil { multiplier = names.firstIndex(where: Self.multiplierLabelHeaders.contains) }
    }

    /// The label headers of a status column (normalised): the OECD's English and French.
    static let statusLabelHeaders: Set<String> = [
        "observation_status", "statut_d'observation", "statut_d’observation",
    ]

    /// The label headers of a unit multiplier column (normalised): the OECD's English and French, and
    /// OECD.Stat's `PowerCode`.
    static let multiplierLabelHeaders: Set<String> = [
        "unit_multiplier", "multiplicateur_d'unité", "multiplicateur_d’unité", "powercode",
    ]

    /// True when the file has none: its rows are read on the plain path.
    var isEmpty: Bool {
        eurostatFlag == nil && confidential == nil && status == nil && nature == nil && multiplier == nil
            && eurostatUnit == nil
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
    /// What gave the multiplier, for messages, when it is not the multiplier column: Eurostat's unit
    /// (`unit THS_PER`).
    var multiplierSource: String?

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
/// | K | data included in another category | withheld: the figure is counted elsewhere, so reading it would count it twice |
/// | M, L, O, H | missing (cannot exist, not collected, missing, holiday) | no figure; a value beside it is an error (VT115) |
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
        case "C", "Q", "K": return .withheld
        case "M", "L", "O", "H": return .missing
        case "F": return .forecast
        default: return nil
        }
    }

    /// The SDMX code of a status label (case and surrounding blanks ignored), or `nil`: the labels of
    /// SDMX's code list CL_OBS_STATUS as the OECD Data Explorer's "labels only" export writes them, in
    /// English and in French (the OECD's second official language), and the OECD's older wordings
    /// (`Break`, `Imputed value`, `Confidential statistical information`). A cell must hold one whole
    /// label, never part of one. See `labels` and docs/source-exports.md.
    static func code(label: String) -> String? {
        labels[label.trimmingBlanks.lowercased()]
    }

    /// The status labels `code(label:)` reads (keys in lower case), each with its SDMX code.
    ///
    /// English: CL_OBS_STATUS (SDMX 2.1 cross-domain code list, version 2.2). French: the OECD's
    /// French labels of the same codes as its Data Explorer writes them (`Valeur normale`, `Rupture
    /// de série`, ...); no published French list was at hand when these were written, so the French
    /// wordings are the OECD's usual terms and are listed in docs/source-exports.md: any other label is
    /// refused (VT113), never guessed.
    static let labels: [String: String] = [
        // English (CL_OBS_STATUS)
        "normal value": "A",
        "time series break": "B", "break": "B",
        "definition differs": "D",
        "estimated value": "E",
        "forecast value": "F",
        "experimental value": "G",
        "missing value; holiday or weekend": "H",
        "imputed value (ccsa definition)": "I", "imputed value": "I",
        "data included in another category": "K",
        "missing value; data exist but were not collected": "L",
        "missing value; data cannot exist": "M",
        "not significant": "N",
        "missing value": "O",
        "provisional value": "P",
        "missing value; suppressed": "Q",
        "strike and other special events": "S",
        "low reliability": "U",
        "unvalidated value": "V",
        "confidential statistical information": "C", "confidential value": "C",
        // French (the OECD's French labels)
        "valeur normale": "A",
        "rupture de série": "B", "rupture de série temporelle": "B",
        "définition différente": "D", "la définition diffère": "D",
        "valeur estimée": "E", "estimation": "E",
        "valeur prévisionnelle": "F", "prévision": "F",
        "valeur expérimentale": "G",
        "valeur imputée": "I",
        "données incluses dans une autre catégorie": "K",
        "valeur manquante; données existantes mais non collectées": "L",
        "valeur manquante; les données ne peuvent exister": "M",
        "non significatif": "N", "non significative": "N",
        "valeur manquante": "O",
        "provisoire": "P", "valeur provisoire": "P",
        "valeur manquante; supprimée": "Q",
        "grève et autres événements particuliers": "S",
        "faible fiabilité": "U", "fiabilité faible": "U",
        "valeur non validée": "V",
        "information statistique confidentielle": "C", "valeur confidentielle": "C",
    ]

    /// The power of ten of a unit multiplier label (case and surrounding blanks ignored), as text, or
    /// `nil`: the OECD's labels in English (`Thousands`) and French (`Milliers`), as the OECD Data
    /// Explorer's `Unit multiplier` / `Multiplicateur d'unité` and OECD.Stat's `PowerCode` write them.
    static func multiplier(label: String) -> String? {
        multiplierLabels[label.trimmingBlanks.lowercased()].map(String.init)
    }

    /// The multiplier labels `multiplier(label:)` reads (keys in lower case).
    static let multiplierLabels: [String: Int] = [
        "units": 0, "unit": 0, "tens": 1, "hundreds": 2, "thousands": 3, "tens of thousands": 4,
        "hundreds of thousands": 5, "millions": 6, "billions": 9, "trillions": 12,
        "unités": 0, "unité": 0, "dizaines": 1, "centaines": 2, "milliers": 3, "dizaines de milliers": 4,
        "centaines de milliers": 5, "milliards": 9,
    ]

    /// The multiplier labels, for messages.
    static let multiplierLabelNames =
        "Units, Tens, Hundreds, Thousands, Tens of thousands, Hundreds of thousands, Millions, Billions, "
        + "Trillions; in French Unités, Dizaines, Centaines, Milliers, Dizaines de milliers, Centaines de "
        + "milliers, Millions, Milliards"

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
    /// assessed and the figure is never summed); `nil` for any other text (VT113). The code may be
    /// written as Eurostat's "codes and labels" download does (`C:Confidential statistical
    /// information`: the code decides) or as one whole label of `confidentialityLabels` ("labels").
    static func isConfidential(_ text: String) -> Bool? {
        let code: String
        if let colon = text.firstIndex(of: ":") {
            code = text[..<colon].trimmingBlanks
            if code.isEmpty { return nil }
        } else {
            code = confidentialityLabels[text.trimmingBlanks.lowercased()].map(String.init) ?? text
        }
        switch code.uppercased() {
        case "", "F": return false
        case "C", "A", "D", "S", "N": return true
        default: return nil
        }
    }

    /// The labels of CL_CONF_STATUS (keys in lower case), each with its code.
    static let confidentialityLabels: [String: Character] = [
        "free": "F",
        "primary confidentiality due to small counts": "A",
        "confidential statistical information": "C",
        "secondary confidentiality set by the sender, not for publication": "D",
        "not for publication, restricted for internal use only": "N",
        "secondary confidentiality set and managed by the receiver, not for publication": "S",
    ]

    /// The codes `isConfidential` knows, for messages.
    static let confidentialityCodes =
        "F (free), A, C, D, N, S (confidential), alone, as 'C:Confidential statistical information' or "
        + "as their labels (Free, Primary confidentiality due to small counts, Confidential statistical "
        + "information, Secondary confidentiality set by the sender, not for publication, Not for "
        + "publication, restricted for internal use only, Secondary confidentiality set and managed by the "
        + "receiver, not for publication)"

    /// The unit multiplier of a `UNIT_MULT` / `PowerCode Code` cell: empty is 0; otherwise a whole
    /// number from 0 to 18 (10^18 is the largest power of ten in 64 bits), or `nil`.
    static func multiplier(_ text: String) -> Int? {
        if text.isEmpty { return 0 }
        guard text.utf8.count <= 2, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text),
            value <= 18
        else { return nil }
        return value
    }

    /// The power of ten a Eurostat unit code states (the code of a "codes and labels" cell, case
    /// ignored): 3 for `THS` and `THS_...` (thousands: `THS_PER` thousand persons), 6 for `MIO` and
    /// `MIO_...` (millions), 0 for any other unit (`NR` number, `PER` persons, `PC` percentage...).
    static func eurostatUnitMultiplier(_ text: String) -> Int {
        let code = (text.firstIndex(of: ":").map { text[..<$0].trimmingBlanks } ?? text).uppercased()
        if code == "THS" || code.hasPrefix("THS_") { return 3 }
        if code == "MIO" || code.hasPrefix("MIO_") { return 6 }
        return 0
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

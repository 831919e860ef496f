extension CountryTable {
    /// Country names as statistics sources label them, beyond ISO's names and the common aliases:
    /// Eurostat's labels (`Germany (until 1990 former territory of the FRG)`, Kosovo under UNSCR 1244/99)
    /// and the UN M49 code the SDG global database gives Kosovo (`412`).
    static let sourceLabels: [String: [String]] = [
        "DEU": ["Germany (until 1990 former territory of the FRG)", "Germany including former GDR"],
        // ISO's short name since 2023 and the UN's (M49).
        "NLD": ["Netherlands (Kingdom of the)"],
        // UN M49 names that ISO words otherwise.
        "COD": ["Congo (Democratic Republic of the)"],
        "FSM": ["Micronesia (Federated States of)"],
        "GBR": ["United Kingdom of Great Britain and Northern Ireland (the)"],
        "HKG": ["China, Hong Kong Special Administrative Region", "China, Hong Kong SAR"],
        "MAC": ["China, Macao Special Administrative Region", "China, Macao SAR"],
        "PSE": ["State of Palestine"],
        "TZA": ["United Republic of Tanzania"],
        "XKX": [
            "412", "Kosovo (under United Nations Security Council Resolution 1244/99)",
            "Kosovo under UNSCR 1244/99", "Kosovo (under UNSC res. 1244)",
        ],
    ]
}

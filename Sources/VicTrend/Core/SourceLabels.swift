extension CountryTable {
    /// Country names as statistics sources label them, beyond ISO's names and the common aliases:
    /// Eurostat's labels (`Germany (until 1990 former territory of the FRG)`, Kosovo under UNSCR 1244/99)
    /// and the UN M49 code the SDG global database gives Kosovo (`412`).
    static let sourceLabels: [String: [String]] = [
        "DEU": ["Germany (until 1990 former territory of the FRG)", "Germany including former GDR"],
        "XKX": [
            "412", "Kosovo (under United Nations Security Council Resolution 1244/99)",
            "Kosovo under UNSCR 1244/99", "Kosovo (under UNSC res. 1244)",
        ],
    ]
}

/// What the Markdown and HTML reports say about unit multipliers applied while reading (VT109): one
/// line per file and multiplier, `file:line:column: OBS_VALUE is given in thousands (UNIT_MULT 3): ...`.
/// Empty when none was applied (the parameter is then not shown). Built from the report's kept
/// diagnostics, so a note past the diagnostic limit (1,000) is not repeated here; stderr and `validate`
/// count it all the same.
enum UnitMultiplierNote {
    static func lines(_ report: TrendReport) -> [String] {
        report.diagnostics.filter { $0.code == .unitMultiplierApplied }.map { diagnostic in
            (diagnostic.location.map { "\($0.description): " } ?? "") + diagnostic.message
        }
    }
}

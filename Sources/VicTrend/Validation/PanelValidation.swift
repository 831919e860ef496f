/// The checks `victrend validate` runs on what was read: the plausibility rules, then everything
/// `report` would refuse (targets or totals beyond 64 bits, falling running totals).
///
/// The series are taken from the builder a batch at a time, so memory holds the builder's flat rows and
/// one batch, never the panel of series or its assessments. The findings are those of
/// `PlausibilityRules.check` and `TrendAnalysis.streamAssessments` on `builder.build()`, in that order.
public enum PanelValidation {
    /// The findings for every series `builder` holds. The exact test is not run (it decides no refusal).
    public static func check(_ builder: PanelBuilder, rules: PlausibilityRules, series kind: SeriesKind)
        -> [Diagnostic]
    {
        var options = AnalysisOptions(series: kind)
        options.exactTest = false
        var checker = PlausibilityRules.Checker(rules: rules)
        var totals = TotalsAnalysis.Accumulator(groups: Groups())
        var tests = TestCache()
        var problems: [Diagnostic] = []
        builder.forEachBatch(rows: 1 << 16) { batch in
            for series in batch {
                checker.add(series)
                _ = TrendAnalysis.assessSeries(series, options: options, tests: &tests, problems: &problems) {
                    _ in
                }
                totals.add(series)
            }
        }
        if case .failure(let list) = totals.totals(options: options) {
            problems += list.diagnostics
        }
        return checker.findings() + problems
    }
}

/// The checks `victrend validate` runs on what was read: the plausibility rules, then everything
/// `report` would refuse (targets or totals beyond 64 bits, falling running totals).
///
/// Series are added in the panel's order, a batch at a time, as the pipeline delivers them, so memory
/// never holds the panel of series or its assessments, nor more than `limit` findings (the others are
/// counted). `findings()` then gives what `PlausibilityRules.check` and `TrendAnalysis.assess` refuses
/// on the whole panel, in that order. The exact test is not run (it decides no refusal).
public struct PanelValidation {
    private var checker: PlausibilityRules.Checker
    private var totals = TotalsAnalysis.Accumulator(countingOnly: Groups())
    private var tests = TestCache()
    /// The analysis' refusals so far (one series' at a time pass through `problems`).
    private var refusals: DiagnosticLog
    private var problems: [Diagnostic] = []
    private let options: AnalysisOptions

    /// Checks that keep the first `limit` findings of each kind (rules, refusals, totals) and count the
    /// rest; `findings()` keeps `limit` of them all.
    public init(
        rules: PlausibilityRules, series kind: SeriesKind, targetRate: TargetRate = .allianceGoal,
        limit: Int = 1000
    ) {
        checker = PlausibilityRules.Checker(rules: rules, limit: limit)
        refusals = DiagnosticLog(limit: limit)
        var options = AnalysisOptions(series: kind, targetRate: targetRate)
        options.exactTest = false
        self.options = options
    }

    /// Checks the next series, in the panel's order.
    public mutating func add(_ batch: [Series]) {
        for series in batch {
            checker.add(series)
            _ = TrendAnalysis.assessSeries(series, options: options, tests: &tests, problems: &problems) {
                _ in
            }
            refusals.add(contentsOf: problems)
            problems.removeAll(keepingCapacity: true)
            totals.add(series)
        }
    }

    /// Every finding: the plausibility rules', then the analysis' refusals, then the totals'; kept up
    /// to the limit, counted past it.
    public func findings() -> DiagnosticLog {
        var found = checker.findingsLog()
        found.add(contentsOf: refusals)
        if case .failure(let list) = totals.totals(options: options) {
            found.add(contentsOf: list.diagnostics)
        }
        return found
    }
}

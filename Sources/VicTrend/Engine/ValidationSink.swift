/// `validate`'s checks, series by series as they arrive (`PanelValidation`): memory holds one batch.
final class ValidationSink: SeriesSink {
    private let rules: PlausibilityRules
    private let kind: SeriesKind
    private let targetRate: TargetRate
    private let limit: Int
    private var validation: PanelValidation

    let continuesPastErrors = true

    /// Checks that keep `limit` findings and count the rest (the reading log's limit).
    init(rules: PlausibilityRules, series kind: SeriesKind, targetRate: TargetRate, limit: Int) {
        self.rules = rules
        self.kind = kind
        self.targetRate = targetRate
        self.limit = limit
        validation = PanelValidation(rules: rules, series: kind, targetRate: targetRate, limit: limit)
    }

    func add(_ batch: [Series]) {
        validation.add(batch)
    }

    func restart() {
        validation = PanelValidation(rules: rules, series: kind, targetRate: targetRate, limit: limit)
    }

    func finish(log: DiagnosticLog) -> DiagnosticLog {
        validation.findings()
    }

    func abandon() {}
}

/// `validate`'s checks, series by series as they arrive (`PanelValidation`): memory holds one batch.
final class ValidationSink: SeriesSink {
    private let rules: PlausibilityRules
    private let kind: SeriesKind
    private let targetRate: TargetRate
    private var validation: PanelValidation

    let continuesPastErrors = true

    init(rules: PlausibilityRules, series kind: SeriesKind, targetRate: TargetRate) {
        self.rules = rules
        self.kind = kind
        self.targetRate = targetRate
        validation = PanelValidation(rules: rules, series: kind, targetRate: targetRate)
    }

    func add(_ batch: [Series]) {
        validation.add(batch)
    }

    func restart() {
        validation = PanelValidation(rules: rules, series: kind, targetRate: targetRate)
    }

    func finish(log: DiagnosticLog) -> [Diagnostic] {
        validation.findings()
    }

    func abandon() {}
}

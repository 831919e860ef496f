/// Everything a report shows: the parameters, one assessment per country-year, and the summary.
/// Output formats render it; they compute nothing of their own.
public struct TrendReport: Sendable, Hashable {
    /// The choices the figures depend on.
    public struct Parameters: Sendable, Hashable {
        /// Required growth a year.
        public var targetRate: TargetRate
        /// Input paths as given.
        public var inputs: [String]
    }

    public var parameters: Parameters
    /// Sorted by country, then year.
    public var assessments: [YearAssessment]
    public var summary: TrendSummary

    init(parameters: Parameters, assessments: [YearAssessment]) {
        self.parameters = parameters
        self.assessments = assessments
        self.summary = TrendSummary(assessments)
    }

    /// The assessments that fell short, in country and year order.
    public var shortfalls: [YearAssessment] { assessments.filter { $0.status == .shortfall } }
}

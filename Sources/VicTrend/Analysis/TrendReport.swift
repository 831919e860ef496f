/// Everything a report shows: the parameters, one assessment per country-year, and the summary.
/// Output formats render it; they compute nothing of their own.
public struct TrendReport: Sendable, Hashable {
    /// The choices the figures depend on.
    public var options: AnalysisOptions
    /// Sorted by country, then year.
    public var assessments: [YearAssessment]
    /// One per country, sorted by country.
    public var countries: [CountrySummary]
    /// The alliance total by year, then each group's, with like-for-like growth.
    public var totals: [GroupTotal]
    /// The groups the totals were computed for (empty without `--groups`).
    public var groups: Groups
    /// Headline figures.
    public var summary: TrendSummary
    /// The target year T the countries are projected to: `--target-year`, else two years after the
    /// panel's latest year; `nil` for an empty panel.
    public var projectionYear: Int?
    /// Where the report came from (set by the caller that read the inputs).
    public var provenance: Provenance?
    /// The small-cell suppression applied to this report, if any.
    public var suppression: Suppression.Policy?
    /// Warnings and notes found while reading (errors prevent a report), for formats that carry them:
    /// the reading log's, which keeps at most its limit (`DiagnosticLog.limit`).
    public var diagnostics: [Diagnostic] = []
    /// How many warnings the reading log counted, kept in `diagnostics` or not.
    public internal(set) var warningsFound = 0
    /// How many notes the reading log counted, kept in `diagnostics` or not.
    public internal(set) var notesFound = 0

    init(
        options: AnalysisOptions, assessments: [YearAssessment], countries: [CountrySummary],
        totals: [GroupTotal],
        groups: Groups
    ) {
        self.options = options
        self.assessments = assessments
        self.countries = countries
        self.totals = totals
        self.groups = groups
        self.summary = TrendSummary(assessments)
        projectionYear = options.projectionYear(latestYear: summary.lastYear)
        for index in self.countries.indices {
            self.countries[index].project(to: projectionYear, options: options)
        }
    }

    /// Whether the report's running totals were read with dates: its tables then show each figure's
    /// date (`as_of`) and the exact time from its base (`elapsed_years`).
    var isDated: Bool {
        options.series == .cumulative && assessments.contains { $0.asOf != nil }
    }

    /// The assessments that fell short, in country and year order.
    public var shortfalls: [YearAssessment] { assessments.filter { $0.status == .shortfall } }
}

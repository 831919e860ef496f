#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One country's record over the whole period: coverage, shortfalls, long- and short-term progress.
public struct CountrySummary: Sendable, Hashable {
    public var country: String
    /// First and last reported years.
    public var firstYear: Int
    public var lastYear: Int
    /// Years with a figure.
    public var yearsReported: Int
    /// Years compared with a base (met or short).
    public var yearsAssessed: Int
    /// Years that met the target.
    public var yearsMet: Int
    /// Sum of the country's shortfalls, in victims.
    public var totalShortfall: Int
    /// Growth of the latest year over its base, if assessed.
    public var latestGrowth: Double?
    /// The trajectory's baseline year and count (`nil` when the country has no figure from the
    /// baseline year on).
    public var baselineYear: Int?
    public var baselineVictims: Int?
    /// True when the country had no figure for the requested baseline year and starts later.
    public var baselineShifted: Bool
    /// Trajectory count and gap in the latest year.
    public var latestTrajectoryVictims: Int?
    public var latestTrajectoryGap: Int?
    /// Baseline to latest.
    public var longTerm: ProgressAssessment?
    /// The last five years: from the first reported year on or after latest − 5, to the latest.
    public var shortTerm: ProgressAssessment
    /// Growth a year needed from the latest figure to be on the trajectory by the target year.
    public var requiredGrowthToTargetYear: Double?

    /// Summarises one series' assessments (in year order, at least one). A series whose every figure
    /// was withheld has no counts: its years come from the withheld figures and nothing is assessable.
    init(
        series: Series, assessments: ArraySlice<YearAssessment>, baseline: Observation?,
        baselineShifted: Bool,
        options: AnalysisOptions
    ) {
        let observations = series.observations
        let years = assessments.map(\.year)
        country = series.country
        firstYear = years.min() ?? 0
        lastYear = years.max() ?? 0
        yearsReported = observations.count
        var assessed = 0
        var met = 0
        var shortfall = 0
        for row in assessments {
            if row.status == .met || row.status == .shortfall { assessed += 1 }
            if row.status == .met { met += 1 }
            shortfall += row.shortfall ?? 0
        }
        yearsAssessed = assessed
        yearsMet = met
        totalShortfall = shortfall
        let last = assessments.last { $0.victims != nil } ?? assessments[assessments.endIndex - 1]
        latestGrowth = last.growthRate
        latestTrajectoryVictims = last.trajectoryVictims
        latestTrajectoryGap = last.trajectoryGap
        baselineYear = baseline?.year
        baselineVictims = baseline?.victims
        self.baselineShifted = baselineShifted
        guard let latest = observations.last else {
            shortTerm = ProgressAssessment(notAssessableFrom: firstYear, to: lastYear)
            return
        }
        longTerm = baseline.map { ProgressAssessment(from: $0, to: latest, target: options.targetRate) }
        let shortStart = observations.first { $0.year >= latest.year - 5 } ?? latest
        shortTerm = ProgressAssessment(from: shortStart, to: latest, target: options.targetRate)
        if let targetYear = options.targetYear, let baseline, baseline.victims > 0, latest.victims > 0,
            targetYear > latest.year
        {
            let factor = 1 + options.targetRate.doubleValue
            let trajectory = Double(baseline.victims) * pow(factor, Double(targetYear - baseline.year))
            requiredGrowthToTargetYear =
                pow(trajectory / Double(latest.victims), 1 / Double(targetYear - latest.year)) - 1
        }
    }
}

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
    /// The trajectory's baseline year and count as they stand in the latest year: the latest break's
    /// figure when a break (`b`, `d`) after the baseline restarted the trajectory (`nil` when the
    /// country has no figure from the baseline year on).
    public var baselineYear: Int?
    public var baselineVictims: Int?
    /// True when the country had no figure for the requested baseline year and starts later.
    public var baselineShifted: Bool
    /// Trajectory count and gap in the latest year.
    public var latestTrajectoryVictims: Int?
    public var latestTrajectoryGap: Int?
    /// Eurostat's long-term trend: from the first reported year on or after latest − 15 (not before the
    /// latest break) to the latest; not assessable when that spans fewer than 3 years. `nil` only when
    /// the country has no figure (every one withheld). See `window(_:to:years:segmentStart:target:)`.
    public var longTerm: ProgressAssessment?
    /// Eurostat's short-term trend: as `longTerm`, over latest − 5.
    public var shortTerm: ProgressAssessment
    /// Growth a year needed from the latest figure to be on the trajectory in the target year
    /// (`ProjectionBasis.requiredGrowth(to:target:)`); set by `project(to:options:)`.
    public var requiredGrowthToTargetYear: Double?
    /// The projection to the target year (`Projection`); set by `project(to:options:)`, `nil` before.
    public var projection: Projection?
    /// What the figures at the target year are computed from (`nil` for a series with no figure);
    /// suppression clears it with the trend.
    var projectionBasis: ProjectionBasis?
    /// Annual series: the dispersion φ of the latest segment (from the latest break on) as the
    /// year-on-year test uses it (`Dispersion.value(for:)`: 1 when not estimated); `nil` for running
    /// totals.
    public var dispersion: Double?
    /// Annual series: the trend test over the latest segment; `nil` for running totals and when the
    /// segment has fewer than 4 figures, all zero, or no finite fit (`PoissonTrendFit.fit`).
    public var trend: TrendTest?
    /// Why `trend` is `nil`: running totals, fewer than 4 figures in the latest segment, no finite fit,
    /// or suppression; `nil` when there is a trend.
    public var trendUntested: UntestedReason?
    /// Why `projection` is `nil` (`trendUntested`, or a target year not after the latest figure); set by
    /// `project(to:options:)`.
    public var projectionUntested: UntestedReason?

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
        trendUntested = options.series == .cumulative ? .runningTotals : .fewFigures
        guard let latest = observations.last else {
            shortTerm = ProgressAssessment(notAssessableFrom: firstYear, to: lastYear)
            return
        }
        let segmentStart = observations.last { $0.isBreak }?.year ?? Int.min
        var fit: PoissonTrendFit?
        if options.series == .annual {
            let segment = observations[(observations.lastIndex { $0.isBreak } ?? 0)...]
            fit =
                segment.count >= Dispersion.minimumFigures
                ? PoissonTrendFit.fit(PoissonTrendFit.points(of: segment)) : nil
            let phi =
                fit == nil
                ? options.dispersion.value(for: segment).phi : options.dispersion.value(fitted: fit).phi
            dispersion = phi
            if segment.count >= Dispersion.minimumFigures { trendUntested = fit == nil ? .noFit : nil }
            if let fit {
                trend = TrendTest(
                    fit: fit, dispersion: phi, target: options.targetRate, confidence: options.confidence)
            }
        }
        longTerm = Self.window(
            observations, to: latest, years: Self.longTermYears, segmentStart: segmentStart,
            target: options.targetRate)
        shortTerm = Self.window(
            observations, to: latest, years: Self.shortTermYears, segmentStart: segmentStart,
            target: options.targetRate)
        projectionBasis = ProjectionBasis(
            fit: trend == nil ? nil : fit, dispersion: dispersion ?? 1, latestYear: latest.year,
            latestVictims: latest.victims, baselineYear: baseline?.year, baselineVictims: baseline?.victims,
            unfitted: trendUntested)
    }

    /// Sets the figures at the target year `year` (`nil`: none, an empty panel): the growth a year
    /// needed and the projection. The same basis and year give the same figures wherever this runs.
    mutating func project(to year: Int?, options: AnalysisOptions) {
        guard let year, let basis = projectionBasis else {
            requiredGrowthToTargetYear = nil
            projection = nil
            projectionUntested = trendUntested
            return
        }
        requiredGrowthToTargetYear = basis.requiredGrowth(to: year, target: options.targetRate)
        projection = basis.projection(to: year, options: options)
        projectionUntested = basis.untested(to: year, options: options)
    }

    /// Eurostat's periods (SDG monitoring report methodology): the long-term trend over the past 15
    /// years, the short-term trend over the past 5.
    static let longTermYears = 15
    static let shortTermYears = 5
    /// The shortest period Eurostat assesses, in years between its first and last figure.
    static let minimumWindowYears = 3

    /// Progress over the last `years` years of `observations` (in year order, ending with `latest`):
    /// from the first figure in a year ≥ max(latest − `years`, `segmentStart`) to `latest`. A window
    /// would otherwise reach back across a break, so it starts at the latest break at the earliest
    /// (a break in the latest year leaves a window of 0 years). Not assessable when the window spans
    /// fewer than `minimumWindowYears` years, or when its first figure is 0.
    static func window(
        _ observations: [Observation], to latest: Observation, years: Int, segmentStart: Int,
        target: TargetRate
    ) -> ProgressAssessment {
        let from = max(latest.year - years, segmentStart)
        let start = observations.first { $0.year >= from } ?? latest
        return ProgressAssessment(from: start, to: latest, target: target, minimumYears: minimumWindowYears)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Year-over-year growth of every country against the target rate.
///
/// For each country, its reported years are taken in order; each year after the first is compared
/// with the previous reported year (its base), annualising over gaps. Met/short is decided exactly:
/// a year meets the target when victims ≥ ⌈base_victims × (1 + rate)^years_elapsed⌉.
public enum TrendAnalysis {
    /// Assesses every observation of `panel`. Returns the report, or the diagnostics when a figure is
    /// so large that a required or trajectory count does not fit in 64 bits.
    public static func assess(_ panel: Panel, options: AnalysisOptions, groups: Groups = Groups())
        -> Result<TrendReport, DiagnosticList>
    {
        var assessments: [YearAssessment] = []
        assessments.reserveCapacity(
            panel.observationCount + panel.series.reduce(0) { $0 + $1.withheld.count })
        var countries: [CountrySummary] = []
        var problems: [Diagnostic] = []
        var tests = TestCache()
        for series in panel.series {
            let first = assessments.count
            let (baseline, shifted) = assessSeries(
                series, options: options, tests: &tests, problems: &problems
            ) {
                assessments.append($0)
            }
            countries.append(
                CountrySummary(
                    series: series, assessments: assessments[first...], baseline: baseline,
                    baselineShifted: shifted, options: options))
        }
        var totals: [GroupTotal] = []
        switch TotalsAnalysis.totals(panel, groups: groups, options: options) {
        case .success(let found): totals = found
        case .failure(let list): problems += list.diagnostics
        }
        if !problems.isEmpty {
            return .failure(DiagnosticList(diagnostics: problems))
        }
        return .success(
            TrendReport(
                options: options, assessments: assessments, countries: countries, totals: totals,
                groups: groups))
    }

    /// Assesses one series in year order, handing each assessment to `emit` (withheld years in their
    /// place); returns the trajectory's baseline and whether it was shifted. Shared by `assess` and
    /// `streamAssessments`, so both give the same rows.
    static func assessSeries(
        _ series: Series, options: AnalysisOptions, tests: inout TestCache, problems: inout [Diagnostic],
        emit: (YearAssessment) -> Void
    ) -> (baseline: Observation?, shifted: Bool) {
        let baselineYear = options.baselineYear ?? Int.min
        let observations = series.observations
        let baselineIndex = observations.firstIndex { $0.year >= baselineYear }
        let baseline = baselineIndex.map { observations[$0] }
        let shifted = options.baselineYear != nil && baseline != nil && baseline?.year != options.baselineYear
        let baselineYearFound = baseline?.year ?? Int.max
        let baselineVictims = baseline?.victims ?? 0
        let rules = Comparison.Rules(options)
        let cumulative = options.series == .cumulative
        // The previous reported year, as an index: observations are read in place, never copied per row.
        var base: Int?
        var previousBaseYear: Int?
        var previousNewPerYear: Double?
        // The trajectory only grows with the year: once beyond 64 bits, it stays there (no big numbers).
        var trajectoryOverflowed = false
        var withheld = series.withheld[...]
        for index in observations.indices {
            let year = observations[index].year
            let victims = observations[index].victims
            while let figure = withheld.first, figure.year < year {
                emit(YearAssessment(withheld: figure))
                withheld.removeFirst()
            }
            // A break in the series: the year is not compared with the one before, but is a base.
            let hasFlags = !observations[index].flags.isEmpty
            let isBreak = hasFlags && observations[index].flags.contains(.breakInSeries)
            let comparable = isBreak ? nil : base
            let comparison = Comparison(
                victims: victims, year: year,
                base: comparable.map { (observations[$0].year, observations[$0].victims) }, rules: rules,
                cache: &tests)
            var assessment = YearAssessment(observation: observations[index], comparison: comparison)
            if comparable == nil && base != nil {
                assessment.flags = [.breakInSeries]
            }
            if hasFlags {
                assessment.flags += observations[index].flags.compactMap { flag -> YearAssessment.Flag? in
                    switch flag {
                    case .breakInSeries: return nil
                    case .estimated: return .estimated
                    case .provisional: return .provisional
                    case .lowReliability: return .lowReliability
                    }
                }
            }
            if assessment.overflowed {
                problems.append(
                    overflow(at: observations[index].location, from: base.map { observations[$0] }))
            }
            if baselineVictims > 0, year >= baselineYearFound {
                if !trajectoryOverflowed,
                    let trajectory = tests.ceilScaled(
                        baselineVictims, years: year - baselineYearFound, rate: rules.targetRate)
                {
                    assessment.trajectoryVictims = trajectory
                    assessment.trajectoryGap = max(0, trajectory - victims)
                } else {
                    trajectoryOverflowed = true
                    if problems.last?.location != observations[index].location {
                        problems.append(overflow(at: observations[index].location, from: baseline))
                    }
                }
            }
            if shifted && year == baselineYearFound {
                assessment.flags.append(.baselineShifted)
            }
            if cumulative, let base {
                let baseYear = observations[base].year
                let baseVictims = observations[base].victims
                let years = year - baseYear
                let new = victims - baseVictims
                if new < 0 {
                    problems.append(
                        Diagnostic(
                            .cumulativeDecrease, at: observations[index].location,
                            "the running total falls from \(baseVictims) in \(baseYear) to "
                                + "\(victims); a cumulative series cannot fall (if these are "
                                + "yearly figures, use --series annual)"))
                }
                assessment.newVictims = new
                let perYear = Double(new) / Double(years)
                assessment.newPerYear = perYear
                if let previousBase = previousBaseYear, let previousRate = previousNewPerYear,
                    previousRate > 0
                {
                    let distance = Double(year - previousBase) / 2
                    assessment.newGrowthRate = pow(perYear / previousRate, 1 / distance) - 1
                }
                previousBaseYear = baseYear
                previousNewPerYear = perYear
            }
            emit(assessment)
            base = index
        }
        for figure in withheld { emit(YearAssessment(withheld: figure)) }
        return (baseline, shifted)
    }

    /// The assessments of `panel`, series by series, handed to `body` without being kept (`validate`
    /// looks for refusals this way, with memory for one series' assessments). Returns the diagnostics
    /// that make a report impossible, the same as `assess` fails with, totals that do not fit in 64 bits
    /// included: every format refuses the same input.
    public static func streamAssessments(
        _ panel: Panel, options: AnalysisOptions, groups: Groups = Groups(),
        _ body: (YearAssessment) -> Void
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var tests = TestCache()
        for series in panel.series {
            _ = assessSeries(series, options: options, tests: &tests, problems: &problems, emit: body)
        }
        if case .failure(let list) = TotalsAnalysis.totals(panel, groups: groups, options: options) {
            problems += list.diagnostics
        }
        return problems
    }

    private static func overflow(at location: Location, from base: Observation?) -> Diagnostic {
        Diagnostic(
            .requiredCountOverflow, at: location,
            "the count needed to meet the target from \(base?.victims ?? 0) in \(base?.year ?? 0) exceeds 64 "
                + "bits; counts this large are not plausible")
    }

    /// (to / from)^(1 / years) − 1; −1 when `to` is 0. `from > 0`, `years ≥ 1`.
    public static func growthRate(from: Int, to: Int, years: Int) -> Double {
        let ratio = Double(to) / Double(from)
        if years == 1 { return ratio - 1 }
        return pow(ratio, 1 / Double(years)) - 1
    }
}

/// Diagnostics carried as an error value (for `Result`).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

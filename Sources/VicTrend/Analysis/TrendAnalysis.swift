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
        let factor = options.targetRate.growthFactor
        let baseline = series.observations.first { $0.year >= (options.baselineYear ?? Int.min) }
        let shifted = options.baselineYear != nil && baseline != nil && baseline?.year != options.baselineYear
        var base: Observation?
        var previousBaseYear: Int?
        var previousNewPerYear: Double?
        var withheld = series.withheld[...]
        for observation in series.observations {
            while let figure = withheld.first, figure.year < observation.year {
                emit(YearAssessment(withheld: figure))
                withheld.removeFirst()
            }
            // A break in the series: the year is not compared with the one before, but is a base.
            let comparable = observation.flags.contains(.breakInSeries) ? nil : base
            var assessment = assess(observation, base: comparable, options: options, cache: &tests)
            if comparable == nil && base != nil {
                assessment.flags = [.breakInSeries]
            }
            if !observation.flags.isEmpty {
                assessment.flags += observation.flags.compactMap { flag -> YearAssessment.Flag? in
                    switch flag {
                    case .breakInSeries: return nil
                    case .estimated: return .estimated
                    case .provisional: return .provisional
                    case .lowReliability: return .lowReliability
                    }
                }
            }
            if assessment.overflowed {
                problems.append(overflow(at: observation.location, from: base))
            }
            if let baseline, baseline.victims > 0, observation.year >= baseline.year {
                if let trajectory = ExactGrowth.ceilScaled(
                    baseline.victims, by: factor.numerator, over: factor.denominator,
                    years: observation.year - baseline.year)
                {
                    assessment.trajectoryVictims = trajectory
                    assessment.trajectoryGap = max(0, trajectory - observation.victims)
                } else if problems.last?.location != observation.location {
                    problems.append(overflow(at: observation.location, from: baseline))
                }
            }
            if shifted && observation.year == baseline?.year {
                assessment.flags.append(.baselineShifted)
            }
            if options.series == .cumulative, let base {
                let years = observation.year - base.year
                let new = observation.victims - base.victims
                if new < 0 {
                    problems.append(
                        Diagnostic(
                            .cumulativeDecrease, at: observation.location,
                            "the running total falls from \(base.victims) in \(base.year) to "
                                + "\(observation.victims); a cumulative series cannot fall (if these are "
                                + "yearly figures, use --series annual)"))
                }
                assessment.newVictims = new
                let perYear = Double(new) / Double(years)
                assessment.newPerYear = perYear
                if let previousBase = previousBaseYear, let previousRate = previousNewPerYear,
                    previousRate > 0
                {
                    let distance = Double(observation.year - previousBase) / 2
                    assessment.newGrowthRate = pow(perYear / previousRate, 1 / distance) - 1
                }
                previousBaseYear = base.year
                previousNewPerYear = perYear
            }
            emit(assessment)
            base = observation
        }
        for figure in withheld { emit(YearAssessment(withheld: figure)) }
        return (baseline, shifted)
    }

    /// The assessments of `panel`, series by series, handed to `body` without being kept: the trends
    /// table of a very large input costs memory for one series at a time. Returns the diagnostics that
    /// make a report impossible, the same as `assess` fails with (totals that do not fit in 64 bits
    /// included, though the trends table does not show them: every format refuses the same input).
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

    /// Compares one observation with its base (the previous reported year of the same country).
    static func assess(
        _ observation: Observation, base: Observation?, options: AnalysisOptions, cache: inout TestCache
    ) -> YearAssessment {
        let comparison = Comparison(
            victims: observation.victims, year: observation.year, base: base.map { ($0.year, $0.victims) },
            options: options, cache: &cache)
        return YearAssessment(observation: observation, comparison: comparison)
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

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
    public static func assess(_ panel: Panel, options: AnalysisOptions) -> Result<TrendReport, DiagnosticList>
    {
        var assessments: [YearAssessment] = []
        assessments.reserveCapacity(panel.observationCount)
        var countries: [CountrySummary] = []
        var problems: [Diagnostic] = []
        let target = options.targetRate
        let factor = target.growthFactor
        for series in panel.series {
            let first = assessments.count
            let baseline = series.observations.first { $0.year >= (options.baselineYear ?? Int.min) }
            let shifted =
                options.baselineYear != nil && baseline != nil && baseline?.year != options.baselineYear
            var base: Observation?
            for observation in series.observations {
                var assessment = assess(observation, base: base, target: target)
                if assessment.growthRate != nil && assessment.requiredVictims == nil {
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
                if let base, assessment.status != .notAssessed {
                    let years = observation.year - base.year
                    let ratio = pow(1 + target.doubleValue, Double(years))
                    let test = RateRatioTest(
                        victims: observation.victims, base: base.victims, ratio: ratio,
                        confidence: options.confidence)
                    assessment.test = test
                    if assessment.status == .shortfall {
                        assessment.significance =
                            test.pValue < 1 - options.confidence ? .significantShortfall : .withinNoise
                    }
                }
                assessments.append(assessment)
                base = observation
            }
            countries.append(
                CountrySummary(
                    series: series, assessments: assessments[first...], baseline: baseline,
                    baselineShifted: shifted,
                    options: options))
        }
        if !problems.isEmpty {
            return .failure(DiagnosticList(diagnostics: problems))
        }
        return .success(TrendReport(options: options, assessments: assessments, countries: countries))
    }

    private static func overflow(at location: Location, from base: Observation?) -> Diagnostic {
        Diagnostic(
            .requiredCountOverflow, at: location,
            "the count needed to meet the target from \(base?.victims ?? 0) in \(base?.year ?? 0) exceeds 64 "
                + "bits; counts this large are not plausible")
    }

    /// Compares one observation with its base (the previous reported year of the same country).
    public static func assess(_ observation: Observation, base: Observation?, target: TargetRate)
        -> YearAssessment
    {
        var result = YearAssessment(
            country: observation.country, year: observation.year, victims: observation.victims,
            baseYear: base?.year, baseVictims: base?.victims, growthRate: nil, requiredVictims: nil,
            shortfall: nil, status: .notAssessed, flags: [], trajectoryVictims: nil, trajectoryGap: nil,
            test: nil,
            significance: nil, location: observation.location)
        guard let base else {
            result.flags = [.firstYear]
            return result
        }
        let years = observation.year - base.year
        var flags: [YearAssessment.Flag] = []
        if base.victims == 0 { flags.append(.zeroBase) }
        if years > 1 { flags.append(.gap) }
        result.flags = flags
        guard base.victims > 0 else { return result }
        result.growthRate = growthRate(from: base.victims, to: observation.victims, years: years)
        let factor = target.growthFactor
        guard
            let required = ExactGrowth.ceilScaled(
                base.victims, by: factor.numerator, over: factor.denominator, years: years)
        else { return result }
        result.requiredVictims = required
        result.shortfall = max(0, required - observation.victims)
        result.status = observation.victims >= required ? .met : .shortfall
        return result
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

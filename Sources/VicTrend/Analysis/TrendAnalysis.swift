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
    /// so large that its required count does not fit in 64 bits.
    public static func assess(
        _ panel: Panel, target: TargetRate, inputs: [String]
    ) -> Result<TrendReport, DiagnosticList> {
        var assessments: [YearAssessment] = []
        assessments.reserveCapacity(panel.observationCount)
        var problems: [Diagnostic] = []
        for series in panel.series {
            var base: Observation?
            for observation in series.observations {
                let assessment = assess(observation, base: base, target: target)
                if assessment.growthRate != nil && assessment.requiredVictims == nil {
                    problems.append(
                        Diagnostic(
                            .requiredCountOverflow, at: observation.location,
                            "the count needed to meet the target from \(base?.victims ?? 0) in "
                                + "\(base?.year ?? 0) exceeds 64 bits; counts this large are not plausible"))
                }
                assessments.append(assessment)
                base = observation
            }
        }
        if !problems.isEmpty {
            return .failure(DiagnosticList(diagnostics: problems))
        }
        let parameters = TrendReport.Parameters(targetRate: target, inputs: inputs)
        return .success(TrendReport(parameters: parameters, assessments: assessments))
    }

    /// Compares one observation with its base (the previous reported year of the same country).
    public static func assess(_ observation: Observation, base: Observation?, target: TargetRate)
        -> YearAssessment
    {
        var result = YearAssessment(
            country: observation.country, year: observation.year, victims: observation.victims,
            baseYear: base?.year, baseVictims: base?.victims, growthRate: nil, requiredVictims: nil,
            shortfall: nil, status: .notAssessed, flags: [], location: observation.location)
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

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
    /// place); returns the trajectory's baseline as it stands in the latest year (the latest break's
    /// figure when the trajectory restarted) and whether the requested baseline year was shifted.
    /// Every output's rows come from here: `assess` for the whole report, the trends table and
    /// validation series by series.
    ///
    /// A break (`b` or `d`) starts a new segment: the year is not compared with the one before (but is
    /// the next year's base), a cumulative series' new identifications are not taken across it, and a
    /// break after the baseline year restarts the trajectory from the break year's figure (flag
    /// `trajectory-restarted`), also when `--baseline-year` was given. A break in the first reported
    /// year changes nothing (`break` is not shown there; `definition-differs` is).
    ///
    /// Each segment's comparisons scale their counts by the segment's dispersion φ
    /// (`options.dispersion`; see `Dispersion.value(for:)`); a tested row records the φ used, and with
    /// `estimate` a row of a segment left at φ = 1 is flagged `dispersion-not-estimated`.
    static func assessSeries(
        _ series: Series, options: AnalysisOptions, tests: inout TestCache, problems: inout [Diagnostic],
        emit: (YearAssessment) -> Void
    ) -> (baseline: Observation?, shifted: Bool) {
        let baselineYear = options.baselineYear ?? Int.min
        let observations = series.observations
        let baselineIndex = observations.firstIndex { $0.year >= baselineYear }
        var baseline = baselineIndex.map { observations[$0] }
        let shifted = options.baselineYear != nil && baseline != nil && baseline?.year != options.baselineYear
        let requestedBaselineYear = baseline?.year ?? Int.max
        var baselineYearFound = requestedBaselineYear
        var baselineVictims = baseline?.victims ?? 0
        let rules = Comparison.Rules(options)
        let cumulative = options.series == .cumulative
        // Running totals read with dates: every comparison, trajectory and rate of new identifications
        // is annualised by the exact elapsed time (days / 365.25). The reader dates every figure of a
        // panel or none; a series dated only in part is compared by whole years.
        let dated = cumulative && !observations.isEmpty && observations.allSatisfy { $0.asOf != nil }
        /// Days from figure `from` to figure `to` of a dated series.
        func days(from: Int, to: Int) -> Int {
            (observations[to].asOf?.dayNumber ?? 0) - (observations[from].asOf?.dayNumber ?? 0)
        }
        // The previous reported year, as an index: observations are read in place, never copied per row.
        var base: Int?
        var previousBaseYear: Int?
        // Dated series: the index of the previous interval's base.
        var previousBaseIndex: Int?
        var previousNewPerYear: Double?
        // The trajectory only grows with the year: once beyond 64 bits, it stays there (no big numbers).
        var trajectoryOverflowed = false
        var withheld = series.withheld[...]
        // The dispersion of the current segment (only where a test runs).
        var phi = 1.0
        var phiNotEstimated = false
        for index in observations.indices {
            let year = observations[index].year
            let victims = observations[index].victims
            while let figure = withheld.first, figure.year < year {
                emit(YearAssessment(withheld: figure))
                withheld.removeFirst()
            }
            // A break in the series: the year is not compared with the one before, but is a base.
            let hasFlags = !observations[index].flags.isEmpty
            let isBreak = hasFlags && observations[index].isBreak
            let comparable = isBreak ? nil : base
            if rules.exactTest && (index == observations.startIndex || isBreak) {
                (phi, phiNotEstimated, _) = options.dispersion.value(forSegmentFrom: index, of: observations)
            }
            let comparison = Comparison(
                victims: victims, year: year,
                base: comparable.map { (observations[$0].year, observations[$0].victims) }, rules: rules,
                cache: &tests, dispersion: phi,
                elapsedDays: dated ? comparable.map { days(from: $0, to: index) } : nil)
            // Everything the row holds is worked out first and the assessment built once, straight
            // into `emit`'s argument: an assessment built and then changed is copied whole (370 bytes) into
            // the variable and again for the call.
            let baseAsOf = dated ? comparable.flatMap { observations[$0].asOf } : nil
            let restarts = isBreak && year > baselineYearFound
            if restarts {
                baseline = observations[index]
                baselineYearFound = year
                baselineVictims = victims
            }
            var flags = comparison.flags
            if comparable == nil && base != nil {
                flags = []
            }
            if shifted && year == requestedBaselineYear {
                flags.append(.baselineShifted)
            }
            if restarts {
                flags.append(.trajectoryRestarted)
            }
            if hasFlags {
                flags += observations[index].flags.compactMap { flag -> YearAssessment.Flag? in
                    switch flag {
                    case .breakInSeries: return base == nil ? nil : .breakInSeries
                    case .definitionDiffers: return .definitionDiffers
                    case .estimated: return .estimated
                    case .provisional: return .provisional
                    case .lowReliability: return .lowReliability
                    }
                }
            }
            if phiNotEstimated && comparison.test != nil {
                flags.append(.dispersionNotEstimated)
            }
            if comparison.overflowed {
                problems.append(
                    overflow(at: observations[index].location, from: base.map { observations[$0] }))
            }
            var trajectoryVictims: Int?
            if baselineVictims > 0, year >= baselineYearFound {
                var trajectory: Int?
                if trajectoryOverflowed {
                    trajectory = nil
                } else if dated, let from = baseline?.asOf, let to = observations[index].asOf {
                    let factor = rules.targetRate.growthFactor
                    trajectory = DatedGrowth.ceilScaled(
                        baselineVictims, by: factor.numerator, over: factor.denominator,
                        days: to.dayNumber - from.dayNumber)
                } else {
                    trajectory = tests.ceilScaled(
                        baselineVictims, years: year - baselineYearFound, rate: rules.targetRate)
                }
                if let trajectory {
                    trajectoryVictims = trajectory
                } else {
                    trajectoryOverflowed = true
                    if problems.last?.location != observations[index].location {
                        problems.append(overflow(at: observations[index].location, from: baseline))
                    }
                }
            }
            if isBreak {
                previousBaseYear = nil
                previousBaseIndex = nil
                previousNewPerYear = nil
            }
            var new: YearAssessment.NewIdentifications?
            if cumulative, let base = comparable {
                let baseYear = observations[base].year
                let baseVictims = observations[base].victims
                let years = year - baseYear
                let newVictims = victims - baseVictims
                if newVictims < 0 {
                    problems.append(
                        Diagnostic(
                            .cumulativeDecrease, at: observations[index].location,
                            "the running total falls from \(baseVictims) in \(baseYear) to "
                                + "\(victims); a cumulative series cannot fall (if these are "
                                + "yearly figures, use --series annual)"))
                }
                // Dated: per year of the exact interval, days / 365.25.
                let perYear =
                    dated
                    ? Double(newVictims) / DatedGrowth.years(days: days(from: base, to: index))
                    : Double(newVictims) / Double(years)
                var growthRate: Double?
                if let previousBase = previousBaseYear, let previousRate = previousNewPerYear,
                    previousRate > 0
                {
                    // The distance between the intervals' midpoints: half the time from the previous
                    // interval's start to this one's end.
                    let distance =
                        dated
                        ? DatedGrowth.years(days: days(from: previousBaseIndex ?? base, to: index)) / 2
                        : Double(year - previousBase) / 2
                    let growth = pow(perYear / previousRate, 1 / distance) - 1
                    growthRate = growth.isFinite ? growth : nil
                }
                new = YearAssessment.NewIdentifications(
                    victims: newVictims, perYear: perYear, growthRate: growthRate)
                previousBaseYear = baseYear
                previousBaseIndex = base
                previousNewPerYear = perYear
            }
            emit(
                YearAssessment(
                    observation: observations[index], comparison: comparison, flags: flags,
                    baseAsOf: baseAsOf,
                    trajectoryVictims: trajectoryVictims, new: new))
            base = index
        }
        for figure in withheld { emit(YearAssessment(withheld: figure)) }
        return (baseline, shifted)
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

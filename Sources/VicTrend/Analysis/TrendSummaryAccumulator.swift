extension TrendSummary {
    /// The headline figures collected one assessment at a time, in the order `TrendAnalysis` makes them
    /// (by country key, then year), without keeping the assessments: a report written series by series
    /// has its summary at the end. After the same assessments, `summary` equals `TrendSummary(_:)`,
    /// which is this accumulator over an array.
    struct Accumulator: Sendable {
        private var countries = 0
        private var series = 0
        /// The countries of keys with a `--by` part, each once.
        private var splitCountries: Set<String> = []
        private var previousCountry: String?
        private var previousIsAggregate = false
        private var firstYear: Int?
        private var lastYear: Int?
        private var observations = 0
        private var met = 0
        private var short = 0
        private var firstYears = 0
        private var zeroBases = 0
        private var breaks = 0
        private var suppressed = 0
        private var other = 0
        private var withheld = 0
        private var total: Int128 = 0

        init() {}

        /// Counts the next assessment. A new country is one whose key differs from the previous
        /// assessment's (the assessments of a country come together). The rows of a kept aggregate
        /// (`Aggregates.isAggregateKey`) are no country's: they count nowhere in the headline figures.
        mutating func add(_ row: YearAssessment) {
            if row.country != previousCountry {
                previousCountry = row.country
                previousIsAggregate = Aggregates.isAggregateKey(row.country)
                if !previousIsAggregate {
                    series += 1
                    // With --by a key is `country · value`: a country counts once, whatever its keys.
                    let country = SeriesKey.country(of: row.country)
                    if country.utf8.count == row.country.utf8.count || splitCountries.insert(country).inserted
                    {
                        countries += 1
                    }
                }
            }
            if previousIsAggregate { return }
            firstYear = min(firstYear ?? row.year, row.year)
            lastYear = max(lastYear ?? row.year, row.year)
            if row.victims == nil && row.suppressedMarker == nil {
                withheld += 1
                return
            }
            observations += 1
            let isFirst = row.flags.contains(.firstYear)
            let isZeroBase = row.flags.contains(.zeroBase)
            if isFirst { firstYears += 1 }
            if isZeroBase { zeroBases += 1 }
            switch row.status {
            case .met: met += 1
            case .shortfall: short += 1
            case .notAssessed, .suppressed:
                // Each such year counted once: first years and zero bases are counted above.
                if isFirst || isZeroBase { break }
                if row.status == .suppressed {
                    suppressed += 1
                } else if row.flags.contains(.breakInSeries) || row.flags.contains(.definitionDiffers) {
                    breaks += 1
                } else {
                    other += 1
                }
            }
            total += Int128(row.shortfall ?? 0)
        }

        /// The figures of every assessment added so far.
        var summary: TrendSummary {
            var summary = TrendSummary(
                countries: countries, firstYear: firstYear, lastYear: lastYear, observations: observations,
                met: met, shortOfTarget: short, firstYears: firstYears, zeroBases: zeroBases,
                totalShortfall: total)
            summary.series = series
            summary.breaks = breaks
            summary.suppressed = suppressed
            summary.otherNotAssessed = other
            summary.withheld = withheld
            return summary
        }
    }
}

/// Alliance and group totals per year, with like-for-like growth judged like a country's.
public enum TotalsAnalysis {
    /// Totals for the alliance (every country of `panel`) and for each group, in that order, each by
    /// year. Fails when a total does not fit in 64 bits.
    public static func totals(_ panel: Panel, groups: Groups, options: AnalysisOptions)
        -> Result<[GroupTotal], DiagnosticList>
    {
        var result: [GroupTotal] = []
        var problems: [Diagnostic] = []
        var tests = TestCache()
        let sets: [(String, Set<String>?)] =
            [(GroupTotal.allianceName, nil)] + groups.names.map { ($0, groups.members(of: $0)) }
        for (name, members) in sets {
            let series = panel.series.filter { members?.contains(SeriesKey.country(of: $0.country)) ?? true }
            let sums = YearSums(series)
            for (position, year) in sums.years.enumerated() {
                guard let total = sums.totals[position], let now = sums.matchedNow[position],
                    let base = sums.matchedBase[position]
                else {
                    problems.append(overflow(name, year))
                    continue
                }
                var comparison: Comparison
                if position == 0 {
                    comparison = Comparison(victims: total, year: year, base: nil, options: options)
                } else if sums.matchedCountries[position] == 0 {
                    comparison = Comparison(victims: 0, year: year, base: nil, options: options)
                    comparison.flags = [.noOverlap]
                    comparison.baseYear = sums.years[position - 1]
                } else {
                    comparison = Comparison(
                        victims: now, year: year, base: (sums.years[position - 1], base), options: options,
                        cache: &tests)
                }
                if comparison.overflowed {
                    problems.append(
                        Diagnostic(
                            .requiredCountOverflow, at: nil,
                            "the count the \(name) total for \(year) needs to meet the target exceeds 64 bits; "
                                + "counts this large are not plausible"))
                }
                result.append(
                    GroupTotal(
                        group: name, year: year, countries: sums.countries[position], victims: total,
                        matchedCountries: sums.matchedCountries[position],
                        matchedVictims: position == 0 ? 0 : now, comparison: comparison))
            }
        }
        return problems.isEmpty ? .success(result) : .failure(DiagnosticList(diagnostics: problems))
    }

    /// Per year of a set of series: the total, the countries reporting, and the sums of the countries
    /// that also reported in the previous year with any figure (like for like). `nil` marks an overflow.
    private struct YearSums {
        var years: [Int] = []
        var totals: [Int?] = []
        var countries: [Int] = []
        var matchedNow: [Int?] = []
        var matchedBase: [Int?] = []
        var matchedCountries: [Int] = []

        init(_ series: [Series]) {
            var yearSet = Set<Int>()
            for one in series {
                for observation in one.observations { yearSet.insert(observation.year) }
            }
            years = yearSet.sorted()
            guard let first = years.first, let last = years.last else { return }
            var position = [Int](repeating: -1, count: last - first + 1)
            for (index, year) in years.enumerated() { position[year - first] = index }
            totals = Array(repeating: 0, count: years.count)
            countries = Array(repeating: 0, count: years.count)
            matchedNow = Array(repeating: 0, count: years.count)
            matchedBase = Array(repeating: 0, count: years.count)
            matchedCountries = Array(repeating: 0, count: years.count)
            for one in series {
                var previous: (position: Int, victims: Int)?
                for observation in one.observations {
                    let here = position[observation.year - first]
                    totals[here] = Self.add(totals[here], observation.victims)
                    countries[here] += 1
                    if let previous, previous.position == here - 1 {
                        matchedNow[here] = Self.add(matchedNow[here], observation.victims)
                        matchedBase[here] = Self.add(matchedBase[here], previous.victims)
                        matchedCountries[here] += 1
                    }
                    previous = (here, observation.victims)
                }
            }
        }

        private static func add(_ sum: Int?, _ value: Int) -> Int? {
            guard let sum else { return nil }
            let (result, overflow) = sum.addingReportingOverflow(value)
            return overflow ? nil : result
        }
    }

    private static func overflow(_ group: String, _ year: Int) -> Diagnostic {
        Diagnostic(
            .totalOverflow, at: nil,
            "the \(group) total for \(year) exceeds 64 bits; counts this large are not plausible")
    }
}

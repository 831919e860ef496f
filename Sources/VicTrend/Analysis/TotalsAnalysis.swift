/// Alliance and group totals per year, with like-for-like growth judged like a country's.
public enum TotalsAnalysis {
    /// Totals for the alliance (every country of `panel`) and for each group, in that order, each by
    /// year. Fails when a total does not fit in 64 bits.
    public static func totals(_ panel: Panel, groups: Groups, options: AnalysisOptions)
        -> Result<[GroupTotal], DiagnosticList>
    {
        var result: [GroupTotal] = []
        var problems: [Diagnostic] = []
        let sets: [(String, Set<String>?)] =
            [(GroupTotal.allianceName, nil)] + groups.names.map { ($0, groups.members(of: $0)) }
        for (name, members) in sets {
            var byYear: [Int: [String: Int]] = [:]
            for series in panel.series where members?.contains(series.country) ?? true {
                for observation in series.observations {
                    byYear[observation.year, default: [:]][series.country] = observation.victims
                }
            }
            var previous: (year: Int, counts: [String: Int])?
            for year in byYear.keys.sorted() {
                let counts = byYear[year] ?? [:]
                guard let total = sum(counts.values) else {
                    problems.append(overflow(name, year))
                    continue
                }
                var matched = 0
                var matchedVictims = 0
                var comparison: Comparison
                if let previous {
                    let common = counts.keys.filter { previous.counts[$0] != nil }
                    guard let now = sum(common.compactMap { counts[$0] }),
                        let base = sum(common.compactMap { previous.counts[$0] })
                    else {
                        problems.append(overflow(name, year))
                        continue
                    }
                    matched = common.count
                    matchedVictims = now
                    if common.isEmpty {
                        comparison = Comparison(victims: 0, year: year, base: nil, options: options)
                        comparison.flags = [.noOverlap]
                        comparison.baseYear = previous.year
                    } else {
                        comparison = Comparison(
                            victims: now, year: year, base: (previous.year, base), options: options)
                    }
                } else {
                    comparison = Comparison(victims: total, year: year, base: nil, options: options)
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
                        group: name, year: year, countries: counts.count, victims: total,
                        matchedCountries: matched,
                        matchedVictims: matchedVictims, comparison: comparison))
                previous = (year, counts)
            }
        }
        return problems.isEmpty ? .success(result) : .failure(DiagnosticList(diagnostics: problems))
    }

    /// The sum, or `nil` on overflow.
    private static func sum(_ values: some Sequence<Int>) -> Int? {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }

    private static func overflow(_ group: String, _ year: Int) -> Diagnostic {
        Diagnostic(
            .totalOverflow, at: nil,
            "the \(group) total for \(year) exceeds 64 bits; counts this large are not plausible")
    }
}

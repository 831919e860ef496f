/// Small-cell suppression for published outputs (`--suppress-below K`).
///
/// Counts of victims are sensitive. Published outputs show counts 1…K−1 (and 0 with `suppressZeros`) as
/// `<K` (primary suppression) and publish nothing from which such a count can be recovered:
/// - every figure derived from a suppressed count is withheld: growth, required count, shortfall,
///   status, test, trajectory gap, CAGR and category, and (for running totals) the derived new
///   identifications; a trajectory from a suppressed baseline is withheld;
/// - where a group or alliance total is published and only one of its members is suppressed, the
///   next-smallest member is suppressed as well and shown as `x` (secondary suppression); the same holds
///   for the difference of two published totals when one group contains the other; a total that cannot
///   be protected that way is withheld;
/// - like-for-like comparisons of totals are withheld when any country compared is suppressed.
/// The analysis itself used the true counts; only what is published changes.
public enum Suppression {
    /// What to suppress.
    public struct Policy: Sendable, Hashable {
        /// Counts below this (and at least 1) are suppressed; at least 2.
        public var threshold: Int
        /// Also suppress zeros.
        public var suppressZeros: Bool

        public init(threshold: Int, suppressZeros: Bool = false) {
            self.threshold = threshold
            self.suppressZeros = suppressZeros
        }

        /// The marker of a primary suppression, e.g. `<5`.
        public var marker: String { "<\(threshold)" }

        func isSmall(_ count: Int) -> Bool {
            (count >= 1 && count < threshold) || (count == 0 && suppressZeros)
        }
    }

    /// A country-year.
    struct Cell: Hashable {
        var country: String
        var year: Int
    }

    /// The report as it may be published under `policy`.
    public static func apply(_ report: TrendReport, policy: Policy) -> TrendReport {
        var values: [Cell: Int] = [:]
        for row in report.assessments {
            if let victims = row.victims { values[Cell(country: row.country, year: row.year)] = victims }
        }
        let primary = Set(values.filter { policy.isSmall($0.value) }.keys)
        let groups = groupSets(report)
        let (suppressed, unpublished) = protect(values: values, primary: primary, groups: groups)
        var published = report
        published.suppression = policy
        published.assessments = redact(
            report.assessments, suppressed: suppressed, primary: primary, policy: policy,
            series: report.options.series)
        published.countries = report.countries.map { country in
            redact(
                country, suppressed: suppressed,
                rows: published.assessments.filter { $0.country == country.country })
        }
        published.totals = report.totals.map { total in
            redact(total, suppressed: suppressed, unpublished: unpublished, values: values, groups: groups)
        }
        published.summary = TrendSummary(published.assessments)
        published.diagnostics = report.diagnostics.map { diagnostic in
            // Messages quote counts; published outputs keep the rule and the place only.
            var redacted = diagnostic
            redacted.message = diagnostic.code.summary
            return redacted
        }
        return published
    }

    /// The member sets of the alliance and of every group.
    static func groupSets(_ report: TrendReport) -> [(name: String, members: Set<String>)] {
        let everyone = Set(report.assessments.map(\.country))
        return [(GroupTotal.allianceName, everyone)]
            + report.groups.names.map { name in
                let members = report.groups.members(of: name)
                return (name, everyone.filter { members.contains(SeriesKey.country(of: $0)) })
            }
    }

    /// Secondary suppression to a fixed point: the suppressed cells, and the totals (group, year) that
    /// cannot be published.
    static func protect(
        values: [Cell: Int], primary: Set<Cell>, groups: [(name: String, members: Set<String>)]
    )
        -> (suppressed: Set<Cell>, unpublished: Set<Cell>)
    {
        var suppressed = primary
        var unpublished: Set<Cell> = []  // Cell(country: group name, year)
        let years = Set(values.keys.map(\.year)).sorted()
        for year in years {
            let reporting = Set(values.keys.filter { $0.year == year }.map(\.country))
            var changed = true
            while changed {
                changed = false
                let totals = groups.compactMap { group -> (name: String, members: Set<String>)? in
                    let members = group.members.intersection(reporting)
                    if members.isEmpty || unpublished.contains(Cell(country: group.name, year: year)) {
                        return nil
                    }
                    return (group.name, members)
                }
                // Each published total, and each difference of two published totals where one contains the other.
                var constraints: [(members: Set<String>, owner: String)] = totals.map {
                    ($0.members, $0.name)
                }
                for outer in totals {
                    for inner in totals
                    where inner.name != outer.name && inner.members.isStrictSubset(of: outer.members) {
                        constraints.append((outer.members.subtracting(inner.members), inner.name))
                    }
                }
                for constraint in constraints {
                    let hidden = constraint.members.filter {
                        suppressed.contains(Cell(country: $0, year: year))
                    }
                    guard hidden.count == 1 else { continue }
                    let candidates = constraint.members.subtracting(hidden)
                    if let next = candidates.min(by: {
                        (values[Cell(country: $0, year: year)] ?? 0, $0) < (
                            values[Cell(country: $1, year: year)] ?? 0, $1
                        )
                    }) {
                        suppressed.insert(Cell(country: next, year: year))
                    } else {
                        unpublished.insert(Cell(country: constraint.owner, year: year))
                    }
                    changed = true
                    break
                }
            }
        }
        return (suppressed, unpublished)
    }

    private static func redact(
        _ rows: [YearAssessment], suppressed: Set<Cell>, primary: Set<Cell>, policy: Policy,
        series: SeriesKind
    ) -> [YearAssessment] {
        let countriesWithSuppression = Set(suppressed.map(\.country))
        var baselines: [String: Int] = [:]  // the year each country's trajectory starts
        for row in rows where row.trajectoryVictims != nil && baselines[row.country] == nil {
            baselines[row.country] = row.year
        }
        return rows.map { row in
            var row = row
            let cell = Cell(country: row.country, year: row.year)
            let baseHidden =
                row.baseYear.map { suppressed.contains(Cell(country: row.country, year: $0)) } ?? false
            let baselineHidden =
                baselines[row.country].map { suppressed.contains(Cell(country: row.country, year: $0)) }
                ?? false
            if suppressed.contains(cell) {
                row.victims = nil
                row.suppressedMarker = primary.contains(cell) ? policy.marker : "x"
            }
            if baseHidden {
                row.baseVictims = nil
                row.flags.removeAll { $0 == .zeroBase }
            }
            if suppressed.contains(cell) || baseHidden {
                if row.status != .notAssessed || baseHidden {
                    row.status = .suppressed
                }
                row.growthRate = nil
                row.requiredVictims = nil
                row.shortfall = nil
                row.test = nil
                row.significance = nil
                row.trajectoryGap = nil
            }
            if baselineHidden {
                row.trajectoryVictims = nil
                row.trajectoryGap = nil
            }
            if series == .cumulative && countriesWithSuppression.contains(row.country) {
                row.newVictims = nil
                row.newPerYear = nil
                row.newGrowthRate = nil
            }
            return row
        }
    }

    private static func redact(_ country: CountrySummary, suppressed: Set<Cell>, rows: [YearAssessment])
        -> CountrySummary
    {
        var country = country
        let isHidden = { (year: Int?) in
            year.map { suppressed.contains(Cell(country: country.country, year: $0)) } ?? false
        }
        if isHidden(country.baselineYear) { country.baselineVictims = nil }
        country.yearsAssessed = rows.filter { $0.status == .met || $0.status == .shortfall }.count
        country.yearsMet = rows.filter { $0.status == .met }.count
        country.totalShortfall = rows.reduce(0) { $0 + ($1.shortfall ?? 0) }
        let latest = rows.last { $0.victims != nil || $0.suppressedMarker != nil }
        country.latestGrowth = latest?.growthRate
        country.latestTrajectoryVictims = latest?.trajectoryVictims
        country.latestTrajectoryGap = latest?.trajectoryGap
        func protect(_ progress: ProgressAssessment) -> ProgressAssessment {
            var progress = progress
            let startHidden = isHidden(progress.fromYear)
            let endHidden = isHidden(progress.toYear)
            if startHidden { progress.fromVictims = nil }
            if endHidden { progress.toVictims = nil }
            if startHidden || endHidden {
                progress.cagr = nil
                progress.ratio = nil
                progress.category = .suppressed
            }
            return progress
        }
        country.longTerm = country.longTerm.map(protect)
        country.shortTerm = protect(country.shortTerm)
        if isHidden(country.baselineYear) || isHidden(country.lastYear) {
            country.requiredGrowthToTargetYear = nil
        }
        return country
    }

    private static func redact(
        _ total: GroupTotal, suppressed: Set<Cell>, unpublished: Set<Cell>, values: [Cell: Int],
        groups: [(name: String, members: Set<String>)]
    ) -> GroupTotal {
        var total = total
        if unpublished.contains(Cell(country: total.group, year: total.year)) {
            total.victims = nil
        }
        guard let baseYear = total.comparison.baseYear,
            let members = groups.first(where: { $0.name == total.group })?.members
        else { return total }
        let matched = members.filter {
            values[Cell(country: $0, year: total.year)] != nil
                && values[Cell(country: $0, year: baseYear)] != nil
        }
        let involved = matched.contains {
            suppressed.contains(Cell(country: $0, year: total.year))
                || suppressed.contains(Cell(country: $0, year: baseYear))
        }
        if involved || total.victims == nil {
            total.matchedVictims = nil
            total.comparison.baseVictims = nil
            total.comparison.growthRate = nil
            total.comparison.requiredVictims = nil
            total.comparison.shortfall = nil
            total.comparison.test = nil
            total.comparison.significance = nil
            if total.comparison.status != .notAssessed { total.comparison.status = .suppressed }
        }
        return total
    }
}

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
/// - like-for-like comparisons of totals are withheld when any country compared is suppressed;
/// - for running totals, a year whose new identifications (the difference from the last published
///   total) are small has its running total suppressed too (`x`), so that no difference of two
///   published totals of a country is a small count (`revealingTotals`).
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
        var hidden = primary
        if report.options.series == .cumulative {
            hidden.formUnion(revealingTotals(report.assessments, primary: primary, policy: policy))
        }
        let groups = groupSets(report)
        let (suppressed, unpublished) = protect(values: values, primary: hidden, groups: groups)
        var published = report
        published.suppression = policy
        published.assessments = redact(
            report.assessments, suppressed: suppressed, primary: primary, policy: policy,
            series: report.options.series, estimated: report.options.dispersion == .estimate)
        let rows = CountryRows(published.assessments)
        published.countries = report.countries.map { country in
            redact(country, suppressed: suppressed, rows: rows.of(country.country))
        }
        let reporting = reportingByYear(values)
        // Under an estimated φ, the countries with a hidden count leave their totals untested.
        let hiddenCountries: Set<String> =
            report.options.dispersion == .estimate ? Set(suppressed.map(\.country)) : []
        published.totals = report.totals.map { total in
            redact(
                total, suppressed: suppressed, unpublished: unpublished, values: values, reporting: reporting,
                groups: groups, hiddenCountries: hiddenCountries)
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

    /// Running totals that would reveal a small count by subtraction: walking each country's years in
    /// order, a total whose difference from the last total still published is small is suppressed
    /// (and the walk goes on from that last published one), so every difference between consecutive
    /// published totals — and so between any two, the totals never falling — is 0 or at least K. Hiding
    /// more totals later (secondary suppression) only widens the differences. `rows` are in country
    /// and year order; primary cells are already hidden and never a reference.
    static func revealingTotals(_ rows: [YearAssessment], primary: Set<Cell>, policy: Policy) -> Set<Cell> {
        var hidden: Set<Cell> = []
        var country = ""
        var lastPublished: Int?
        for row in rows {
            if row.country != country {
                country = row.country
                lastPublished = nil
            }
            guard let victims = row.victims else { continue }
            let cell = Cell(country: row.country, year: row.year)
            if primary.contains(cell) { continue }
            if let last = lastPublished, victims >= last, policy.isSmall(victims - last) {
                hidden.insert(cell)
            } else {
                lastPublished = victims
            }
        }
        return hidden
    }

    /// The member sets of the alliance and of every group (countries only: a kept aggregate is in no
    /// total).
    static func groupSets(_ report: TrendReport) -> [(name: String, members: Set<String>)] {
        let everyone = Set(report.assessments.map(\.country)).filter { !Aggregates.isAggregateKey($0) }
        return [(GroupTotal.allianceName, everyone)]
            + report.groups.names.map { name in
                let members = report.groups.members(of: name)
                return (name, everyone.filter { members.contains(SeriesKey.country(of: $0)) })
            }
    }

    /// Secondary suppression to a fixed point: the suppressed cells, and the totals (group, year) that
    /// cannot be published.
    ///
    /// Year by year, each published total and each difference of two published totals where one group
    /// contains the other is a constraint; the first constraint (totals in group order, then differences)
    /// that hides exactly one of its members gets its next-smallest member suppressed as well, or, when it
    /// has no other member, its total withheld; until no constraint hides exactly one. Then, with
    /// `linearAudit` (always, but in tests of the first stage alone), the general audit of
    /// `auditLinearly`, which finds what overlapping groups reveal, within `auditBudget` steps of
    /// elimination for the whole report (past it, a year's totals that add up a suppressed count are
    /// withheld: safe, never revealing).
    ///
    /// Cost: a year keeps, per group, its members reporting that year and how many of them are hidden;
    /// a difference constraint holds two group indices, its hidden count being the outer group's less
    /// the inner's (the inner is a subset), so memory is linear in the groups' sizes plus one entry per
    /// nested pair. Nesting is tested on bit sets of the year's reporting countries.
    static func protect(
        values: [Cell: Int], primary: Set<Cell>, groups: [(name: String, members: Set<String>)],
        linearAudit: Bool = true, auditBudget: Int = defaultAuditBudget
    )
        -> (suppressed: Set<Cell>, unpublished: Set<Cell>)
    {
        var suppressed = primary
        var unpublished: Set<Cell> = []  // Cell(country: group name, year)
        var budget = auditBudget
        let reporting = reportingByYear(values)
        for year in reporting.keys.sorted() {
            let countries = reporting[year, default: []].sorted()
            // The groups with members reporting this year, in group order, as member sets and bit sets.
            var present: [(name: String, members: Set<String>)] = []
            var bits: [[UInt64]] = []
            for group in groups {
                var row = [UInt64](repeating: 0, count: (countries.count + 63) / 64)
                var members: Set<String> = []
                for (index, country) in countries.enumerated() where group.members.contains(country) {
                    members.insert(country)
                    row[index / 64] |= 1 << UInt64(index % 64)
                }
                guard !members.isEmpty else { continue }
                present.append((group.name, members))
                bits.append(row)
            }
            // Totals first (outer nil), then the differences of nested pairs (outer ⊋ inner).
            var constraints: [(outer: Int?, inner: Int)] = present.indices.map { (nil, $0) }
            for outer in present.indices {
                for inner in present.indices
                where inner != outer && present[inner].members.count < present[outer].members.count
                    && zip(bits[inner], bits[outer]).allSatisfy({ $0 & ~$1 == 0 })
                {
                    constraints.append((outer, inner))
                }
            }
            // How many of each group's members are suppressed, kept up to date.
            var hiddenIn = present.map { group in
                group.members.count { suppressed.contains(Cell(country: $0, year: year)) }
            }
            func hidden(_ constraint: (outer: Int?, inner: Int)) -> Int {
                guard let outer = constraint.outer else { return hiddenIn[constraint.inner] }
                return hiddenIn[outer] - hiddenIn[constraint.inner]
            }
            func isPublished(_ group: Int) -> Bool {
                !unpublished.contains(Cell(country: present[group].name, year: year))
            }
            while let constraint = constraints.first(where: { constraint in
                hidden(constraint) == 1 && isPublished(constraint.inner)
                    && constraint.outer.map(isPublished) != false
            }) {
                let inner = present[constraint.inner].members
                let members = constraint.outer.map { present[$0].members.subtracting(inner) } ?? inner
                guard
                    let next = smallestPublished(
                        of: members, year: year, values: values, suppressed: suppressed)
                else {
                    unpublished.insert(Cell(country: present[constraint.inner].name, year: year))
                    continue
                }
                suppressed.insert(Cell(country: next, year: year))
                for group in present.indices where present[group].members.contains(next) {
                    hiddenIn[group] += 1
                }
            }
            guard linearAudit else { continue }
            auditLinearly(
                year: year, present: present, values: values, suppressed: &suppressed,
                unpublished: &unpublished, budget: &budget)
        }
        return (suppressed, unpublished)
    }

    /// The steps of exact elimination (`DisclosureAudit`) one report may take, about 10 s on 2026's
    /// machines: a realistic report (250 countries, tens of groups) takes well under a million a year.
    static let defaultAuditBudget = 400_000_000

    /// The general audit after the pairwise one, for overlapping groups: while the published totals of
    /// `year` determine a suppressed count by some linear combination (`DisclosureAudit`), the
    /// smallest published member (then the first by name) of the published totals that add that count
    /// up is suppressed as well; when they have none left, the total of the fewest members among them
    /// is withheld. Each round hides one more cell or total, so it ends. Where the exact arithmetic
    /// overflows or `budget` (steps of elimination, spent here) runs out, every published total of the
    /// year that adds up a suppressed count is withheld.
    private static func auditLinearly(
        year: Int, present: [(name: String, members: Set<String>)], values: [Cell: Int],
        suppressed: inout Set<Cell>, unpublished: inout Set<Cell>, budget: inout Int
    ) {
        while true {
            let published = present.filter { !unpublished.contains(Cell(country: $0.name, year: year)) }
            let hidden = Set(published.flatMap(\.members)).filter {
                suppressed.contains(Cell(country: $0, year: year))
            }.sorted()
            guard !hidden.isEmpty else { return }
            let column = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($1, $0) })
            let rows = published.map { $0.members.compactMap { column[$0] } }.filter { !$0.isEmpty }
            guard
                let determined = DisclosureAudit.determined(
                    rows: rows, columns: hidden.count, budget: &budget)
            else {
                for group in published where group.members.contains(where: { column[$0] != nil }) {
                    unpublished.insert(Cell(country: group.name, year: year))
                }
                return
            }
            guard let first = determined.min() else { return }
            let country = hidden[first]
            let adding = published.filter { $0.members.contains(country) }
            if let next = smallestPublished(
                of: Set(adding.flatMap(\.members)), year: year, values: values, suppressed: suppressed)
            {
                suppressed.insert(Cell(country: next, year: year))
            } else if let smallest = adding.min(by: {
                ($0.members.count, $0.name) < ($1.members.count, $1.name)
            }) {
                unpublished.insert(Cell(country: smallest.name, year: year))
            } else {
                return
            }
        }
    }

    /// The member of `members` not yet suppressed in `year` with the smallest count, then the first by
    /// name: the one secondary suppression hides next; `nil` when all are suppressed.
    private static func smallestPublished(
        of members: Set<String>, year: Int, values: [Cell: Int], suppressed: Set<Cell>
    ) -> String? {
        members.filter { !suppressed.contains(Cell(country: $0, year: year)) }.min {
            (values[Cell(country: $0, year: year)] ?? 0, $0) < (
                values[Cell(country: $1, year: year)] ?? 0, $1
            )
        }
    }

    /// The countries with a value in each year.
    static func reportingByYear(_ values: [Cell: Int]) -> [Int: [String]] {
        var reporting: [Int: [String]] = [:]
        for cell in values.keys { reporting[cell.year, default: []].append(cell.country) }
        return reporting
    }

    /// Each country's rows of a report's assessments, found once: the run of the country's consecutive
    /// rows (the assessments are sorted by country), or all its rows where a country's rows are apart.
    private struct CountryRows {
        private let assessments: [YearAssessment]
        private var runs: [String: Range<Int>] = [:]
        private var apart: Set<String> = []

        init(_ assessments: [YearAssessment]) {
            self.assessments = assessments
            var start = 0
            while start < assessments.count {
                let country = assessments[start].country
                var end = start + 1
                while end < assessments.count && assessments[end].country == country { end += 1 }
                if runs[country] != nil { apart.insert(country) }
                runs[country] = start..<end
                start = end
            }
        }

        func of(_ country: String) -> [YearAssessment] {
            if apart.contains(country) { return assessments.filter { $0.country == country } }
            return runs[country].map { Array(assessments[$0]) } ?? []
        }
    }

    private static func redact(
        _ rows: [YearAssessment], suppressed: Set<Cell>, primary: Set<Cell>, policy: Policy,
        series: SeriesKind, estimated: Bool
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
            // An estimated dispersion is a function of every count of the segment, hidden ones too, and a
            // published p-value with its two counts gives it away: a country with a hidden count keeps
            // no test when the dispersion was estimated (met or short is still exact).
            if estimated && countriesWithSuppression.contains(row.country) {
                if row.test != nil { row.untested = .suppressed }
                row.test = nil
                row.significance = nil
                row.dispersion = nil
                row.flags.removeAll { $0 == .dispersionNotEstimated }
            }
            if suppressed.contains(cell) || baseHidden {
                row.dispersion = nil
                if row.status != .notAssessed || baseHidden {
                    row.status = .suppressed
                }
                row.growthRate = nil
                row.requiredVictims = nil
                row.shortfall = nil
                // Whatever it was (a zero base included, whose flag is removed above), it is now hidden.
                if row.baseYear != nil && row.untested != .runningTotals && row.untested != .testTurnedOff {
                    row.untested = .suppressed
                }
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
        // The trend and the dispersion are functions of every count of the segment, hidden ones too.
        if !suppressed.isEmpty && suppressed.contains(where: { $0.country == country.country }) {
            if country.trend != nil { country.trendUntested = .suppressed }
            country.trend = nil
            country.dispersion = nil
            country.projection = nil
            country.projectionBasis?.fit = nil
            country.projectionBasis?.unfitted = .suppressed
            country.projectionUntested = .suppressed
        }
        country.longTerm = country.longTerm.map(protect)
        country.shortTerm = protect(country.shortTerm)
        if isHidden(country.baselineYear) || isHidden(country.lastYear) {
            country.requiredGrowthToTargetYear = nil
            country.projectionBasis = nil
            country.projectionUntested = .suppressed
        }
        return country
    }

    /// `total` as published. `reporting` lists the countries with a value in each year.
    private static func redact(
        _ total: GroupTotal, suppressed: Set<Cell>, unpublished: Set<Cell>, values: [Cell: Int],
        reporting: [Int: [String]], groups: [(name: String, members: Set<String>)],
        hiddenCountries: Set<String>
    ) -> GroupTotal {
        var total = total
        if unpublished.contains(Cell(country: total.group, year: total.year)) {
            total.victims = nil
        }
        guard let baseYear = total.comparison.baseYear,
            let members = groups.first(where: { $0.name == total.group })?.members
        else { return total }
        // The members reporting in both years (found among those reporting this year).
        let matched = reporting[total.year, default: []].filter {
            members.contains($0) && values[Cell(country: $0, year: baseYear)] != nil
        }
        let involved = matched.contains {
            suppressed.contains(Cell(country: $0, year: total.year))
                || suppressed.contains(Cell(country: $0, year: baseYear))
        }
        // An estimated φ of a total weighs its countries' φ, each a function of every count of the
        // country's segment: a country with a hidden count anywhere leaves the total untested.
        if !involved && total.victims != nil && matched.contains(where: hiddenCountries.contains) {
            if total.comparison.test != nil { total.comparison.untested = .suppressed }
            total.comparison.test = nil
            total.comparison.significance = nil
            total.comparison.dispersion = nil
            total.comparison.flags.removeAll { $0 == .dispersionNotEstimated }
        }
        if involved || total.victims == nil {
            total.matchedVictims = nil
            total.comparison.baseVictims = nil
            total.comparison.growthRate = nil
            total.comparison.requiredVictims = nil
            total.comparison.shortfall = nil
            if total.comparison.test != nil { total.comparison.untested = .suppressed }
            total.comparison.test = nil
            total.comparison.significance = nil
            if total.comparison.status != .notAssessed { total.comparison.status = .suppressed }
        }
        return total
    }
}

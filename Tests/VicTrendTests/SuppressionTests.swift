import Testing

@testable import VicTrend

@Suite("Small-cell suppression")
struct SuppressionTests {
    private func report(_ rows: [(String, Int, Int)], groups: Groups = Groups()) throws -> TrendReport {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        return try TrendAnalysis.assess(builder.build(), options: AnalysisOptions(), groups: groups).get()
    }

    private typealias Cell = Suppression.Cell

    @Test(
        "with an estimated φ, a total over a country with a hidden count keeps no test; the others keep theirs"
    )
    func totalsWithHiddenCountry() throws {
        // AUT's 3 (2018) is hidden; 2021's alliance total matches AUT, BEL, CHE in 2020 and 2021, none
        // hidden in those years, yet AUT's φ (in the total's φ) is a function of the hidden 3.
        let rows = [
            ("AUT", 2018, 3), ("AUT", 2019, 10), ("AUT", 2020, 12), ("AUT", 2021, 14),
            ("BEL", 2018, 50), ("BEL", 2019, 55), ("BEL", 2020, 60), ("BEL", 2021, 66),
            ("CHE", 2018, 20), ("CHE", 2019, 22), ("CHE", 2020, 24), ("CHE", 2021, 27),
        ]
        let whole = try report(rows)
        #expect(whole.totals.last?.comparison.test != nil)
        let published = Suppression.apply(whole, policy: .init(threshold: 5))
        let total = try #require(published.totals.last)
        #expect(total.year == 2021 && total.victims == 107)
        #expect(total.comparison.test == nil && total.comparison.dispersion == nil)
        #expect(total.comparison.untested == .suppressed)
        #expect(total.comparison.status == .shortfall || total.comparison.status == .met)
        // Without the hidden country, the total of BEL and CHE keeps its test.
        let others = try report(rows.filter { $0.0 != "AUT" })
        #expect(Suppression.apply(others, policy: .init(threshold: 5)).totals.last?.comparison.test != nil)
    }

    @Test("a lone small count in a total forces the next-smallest member to be suppressed")
    func secondary() {
        let values = [
            Cell(country: "A", year: 2020): 3, Cell(country: "B", year: 2020): 40,
            Cell(country: "C", year: 2020): 12,
        ]
        let (suppressed, unpublished) = Suppression.protect(
            values: values, primary: [Cell(country: "A", year: 2020)],
            groups: [("alliance", ["A", "B", "C"])])
        #expect(suppressed == [Cell(country: "A", year: 2020), Cell(country: "C", year: 2020)])
        #expect(unpublished.isEmpty)
    }

    @Test("running totals: a total that differs from the last published one by a small count is hidden")
    func cumulativeDifferences() throws {
        var builder = PanelBuilder()
        let rows = [
            ("A", 2017, 100), ("A", 2018, 103), ("A", 2019, 110), ("A", 2020, 111), ("A", 2021, 130),
            ("B", 2018, 500), ("B", 2019, 520), ("B", 2020, 520), ("B", 2021, 600),
        ]
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        let whole = try TrendAnalysis.assess(
            builder.build(), options: AnalysisOptions(series: .cumulative), groups: Groups()
        ).get()
        let published = Suppression.apply(whole, policy: .init(threshold: 5))
        let shown = published.assessments.map {
            "\($0.country)\($0.year):\($0.victims.map(String.init) ?? ($0.suppressedMarker ?? "-"))"
        }
        // A: 103 - 100 = 3 hides 103; 110 - 100 = 10 is published; 111 - 110 = 1 hides 111; 130 - 110 = 20.
        // B: 0 new in 2020 is not small without --suppress-zeros. The alliance totals then need secondary
        // suppression: with A's 2018 and 2020 hidden, B's are hidden beside them (or the totals withheld).
        #expect(shown.prefix(5) == ["A2017:100", "A2018:x", "A2019:110", "A2020:x", "A2021:130"])
        #expect(published.assessments.allSatisfy { $0.country != "A" || $0.newVictims == nil })
        // No published difference of A's totals, nor of the published alliance totals, is a small count.
        let publishedA = published.assessments.filter { $0.country == "A" }.compactMap(\.victims)
        for (earlier, later) in zip(publishedA, publishedA.dropFirst()) { #expect(later - earlier >= 5) }
        // A hidden total is not the alliance total minus B's: one of those two is not published.
        for year in [2018, 2020] {
            let total = published.totals.first { $0.group == GroupTotal.allianceName && $0.year == year }
            let b = published.assessments.first { $0.country == "B" && $0.year == year }
            #expect(total?.victims == nil || b?.victims == nil, "\(year)")
        }
        // With --suppress-zeros, B's 2020 (0 new) is hidden as well.
        let zeros = Suppression.apply(whole, policy: .init(threshold: 5, suppressZeros: true))
        #expect(zeros.assessments.first { $0.country == "B" && $0.year == 2020 }?.suppressedMarker == "x")
    }

    @Test("a total of one suppressed member is withheld")
    func singleton() {
        let values = [Cell(country: "A", year: 2020): 3, Cell(country: "B", year: 2020): 40]
        let (_, unpublished) = Suppression.protect(
            values: values, primary: [Cell(country: "A", year: 2020)],
            groups: [("alliance", ["A", "B"]), ("small", ["A"])])
        #expect(unpublished.contains(Cell(country: "small", year: 2020)))
    }

    @Test("nested groups: the difference of two published totals never isolates one suppressed count")
    func nested() {
        // all = {A, B, C, D}; g = {B, C, D}; A is small. all - g = {A} would reveal A.
        let values = [
            Cell(country: "A", year: 2020): 2, Cell(country: "B", year: 2020): 50,
            Cell(country: "C", year: 2020): 60,
            Cell(country: "D", year: 2020): 70,
        ]
        let groups: [(name: String, members: Set<String>)] = [
            ("alliance", ["A", "B", "C", "D"]), ("g", ["B", "C", "D"]),
        ]
        let (suppressed, unpublished) = Suppression.protect(
            values: values, primary: [Cell(country: "A", year: 2020)], groups: groups)
        // Check every published total and every difference of nested published totals.
        var sets: [Set<String>] = groups.filter { !unpublished.contains(Cell(country: $0.name, year: 2020)) }
            .map(\.members)
        for outer in sets {
            for inner in sets where inner.isStrictSubset(of: outer) { sets.append(outer.subtracting(inner)) }
        }
        for set in sets {
            #expect(set.filter { suppressed.contains(Cell(country: $0, year: 2020)) }.count != 1, "\(set)")
        }
    }

    /// The rule as first written: every step recomputes every constraint of the year from scratch.
    private func protectFromScratch(
        values: [Cell: Int], primary: Set<Cell>, groups: [(name: String, members: Set<String>)]
    ) -> (suppressed: Set<Cell>, unpublished: Set<Cell>) {
        var suppressed = primary
        var unpublished: Set<Cell> = []
        for year in Set(values.keys.map(\.year)).sorted() {
            let reporting = Set(values.keys.filter { $0.year == year }.map(\.country))
            var changed = true
            while changed {
                changed = false
                let totals = groups.compactMap { group -> (name: String, members: Set<String>)? in
                    let members = group.members.intersection(reporting)
                    return members.isEmpty || unpublished.contains(Cell(country: group.name, year: year))
                        ? nil : (group.name, members)
                }
                var constraints = totals.map { (members: $0.members, owner: $0.name) }
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
                    let next = constraint.members.subtracting(hidden).min {
                        (values[Cell(country: $0, year: year)] ?? 0, $0) < (
                            values[Cell(country: $1, year: year)] ?? 0, $1
                        )
                    }
                    if let next {
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

    @Test("secondary suppression reaches the same fixed point as recomputing every constraint at each step")
    func fixedPoint() {
        var random = SeededGenerator(seed: 11)
        let countries = (0..<24).map { "K\($0)" }
        var secondary = 0
        var withheld = 0
        for _ in 0..<200 {
            var values: [Cell: Int] = [:]
            for country in countries {
                for year in 2018...2021 where Int.random(in: 0..<4, using: &random) > 0 {
                    values[Cell(country: country, year: year)] = Int.random(in: 0...40, using: &random)
                }
            }
            let primary = Set(values.filter { $0.value >= 1 && $0.value < 5 }.keys)
            // The alliance, random groups, and a group nested in the first.
            var groups: [(name: String, members: Set<String>)] = [("alliance", Set(countries))]
            for index in 0..<Int.random(in: 0...3, using: &random) {
                groups.append(("G\(index)", Set(countries.filter { _ in Bool.random(using: &random) })))
            }
            if groups.count > 1 {
                groups.append(("N", Set(groups[1].members.filter { _ in Bool.random(using: &random) })))
            }
            groups.append(("S", [countries[Int.random(in: 0..<countries.count, using: &random)]]))
            let expected = protectFromScratch(values: values, primary: primary, groups: groups)
            let actual = Suppression.protect(
                values: values, primary: primary, groups: groups, linearAudit: false)
            #expect(actual.suppressed == expected.suppressed)
            #expect(actual.unpublished == expected.unpublished)
            secondary += actual.suppressed.count - primary.count
            withheld += actual.unpublished.count
        }
        // The cases exercise both outcomes.
        #expect(secondary > 200 && withheld > 20)
    }

    /// Whether the published totals of `groups` (members reporting in `year`, totals not withheld)
    /// determine the suppressed count of `country`: the rank of the equations' matrix grows when the
    /// unit vector of `country` is added exactly when it does not. Ranks by Gaussian elimination in
    /// floating point with partial pivoting (independent of the audit's exact rationals; 0/1 matrices
    /// of this size are well within its reach).
    private func isDetermined(
        _ country: String, year: Int, values: [Cell: Int], suppressed: Set<Cell>, unpublished: Set<Cell>,
        groups: [(name: String, members: Set<String>)]
    ) -> Bool {
        let hidden = Set(values.keys.filter { $0.year == year && suppressed.contains($0) }.map(\.country))
            .sorted()
        let rows: [[Double]] = groups.filter { !unpublished.contains(Cell(country: $0.name, year: year)) }.map
        {
            group in hidden.map { group.members.contains($0) ? 1 : 0 }
        }
        let unit = hidden.map { $0 == country ? 1.0 : 0 }
        return rank(rows + [unit]) == rank(rows)
    }

    private func rank(_ matrix: [[Double]]) -> Int {
        var rows = matrix.filter { !$0.isEmpty }
        guard let width = rows.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < rows.count {
            guard let pivot = (rank..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                abs(rows[pivot][column]) > 1e-9
            else { continue }
            rows.swapAt(rank, pivot)
            for other in rows.indices where other != rank {
                let factor = rows[other][column] / rows[rank][column]
                for index in 0..<width { rows[other][index] -= factor * rows[rank][index] }
            }
            rank += 1
        }
        return rank
    }

    /// The audit with a budget it never reaches.
    private func determined(_ rows: [[Int]], columns: Int) -> Set<Int>? {
        var budget = Int.max
        return DisclosureAudit.determined(rows: rows, columns: columns, budget: &budget)
    }

    @Test("the exact audit finds the counts a set of totals determines, and only those")
    func audit() {
        // x0 + x1, x1 + x2, x0 + x2: three equations, three unknowns, each one solved.
        #expect(determined([[0, 1], [1, 2], [0, 2]], columns: 3) == [0, 1, 2])
        #expect(determined([[0, 1]], columns: 2) == [])
        #expect(determined([[0, 1], [1]], columns: 2) == [0, 1])
        // A = B ∪ C with B, C overlapping in x1: A − C = x0, A − B = x2, B + C − A = x1.
        #expect(determined([[0, 1, 2], [0, 1], [1, 2]], columns: 3) == [0, 1, 2])
        // Two disjoint pairs and their sum: dependent, nothing alone.
        #expect(determined([[0, 1], [2, 3], [0, 1, 2, 3]], columns: 4) == [])
        #expect(determined([[0, 1, 2], [1, 2]], columns: 4) == [0])
        #expect(determined([], columns: 2) == [])
        // Against the independent rank test, on random 0/1 systems.
        var random = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            let columns = Int.random(in: 1...7, using: &random)
            let rows = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (0..<columns).filter { _ in Bool.random(using: &random) }
            }
            let matrix = rows.map { row in (0..<columns).map { row.contains($0) ? 1.0 : 0 } }
            let expected = Set(
                (0..<columns).filter { column in
                    rank(matrix + [(0..<columns).map { $0 == column ? 1.0 : 0 }]) == rank(matrix)
                })
            #expect(determined(rows, columns: columns) == expected, "\(rows)")
        }
    }

    /// Three groups overlapping in pairs in 2020, A and B small (see `overlapping`).
    private var overlappingExample:
        (values: [Cell: Int], groups: [(name: String, members: Set<String>)], primary: Set<Cell>)
    {
        let year = 2020
        let values = [
            Cell(country: "A", year: year): 3, Cell(country: "B", year: year): 2,
            Cell(country: "C", year: year): 40, Cell(country: "D", year: year): 50,
            Cell(country: "E", year: year): 60,
        ]
        let groups: [(name: String, members: Set<String>)] = [
            ("alliance", ["A", "B", "C", "D", "E"]), ("G1", ["A", "B"]), ("G2", ["B", "C"]),
            ("G3", ["A", "C"]),
        ]
        return (values, groups, [Cell(country: "A", year: year), Cell(country: "B", year: year)])
    }

    @Test("overlapping groups: no suppressed count is a linear combination of published totals")
    func overlapping() {
        // Three groups overlapping in pairs: A + B, B + C and A + C are published. A and B are small;
        // the pairwise stage hides C (B's partner in G2) and D (beside C in all − G1), after which every
        // total and nested difference hides two or none, yet A = (G1 − G2 + G3) / 2, and so B, C and D.
        let year = 2020
        let (values, groups, primary) = overlappingExample
        let pairwise = Suppression.protect(
            values: values, primary: primary, groups: groups, linearAudit: false)
        let revealed = pairwise.suppressed.filter {
            isDetermined(
                $0.country, year: year, values: values, suppressed: pairwise.suppressed,
                unpublished: pairwise.unpublished, groups: groups)
        }
        #expect(revealed.map(\.country).sorted() == ["A", "B", "C", "D"])
        let (suppressed, unpublished) = Suppression.protect(values: values, primary: primary, groups: groups)
        // G1, G2 and G3 add up only suppressed counts: the smallest (G1, by name) is withheld.
        #expect(unpublished == [Cell(country: "G1", year: year)])
        #expect(suppressed.isSuperset(of: primary))
        for cell in suppressed {
            #expect(
                !isDetermined(
                    cell.country, year: year, values: values, suppressed: suppressed,
                    unpublished: unpublished,
                    groups: groups), "\(cell)")
        }

        // Random overlapping groups: the same guarantee every time.
        var random = SeededGenerator(seed: 19)
        let countries = (0..<8).map { "K\($0)" }
        var audited = 0
        for _ in 0..<300 {
            var values: [Cell: Int] = [:]
            for country in countries where Int.random(in: 0..<5, using: &random) > 0 {
                values[Cell(country: country, year: year)] = Int.random(in: 0...30, using: &random)
            }
            let primary = Set(values.filter { $0.value >= 1 && $0.value < 5 }.keys)
            var groups: [(name: String, members: Set<String>)] = [("alliance", Set(countries))]
            for index in 0..<Int.random(in: 1...5, using: &random) {
                groups.append(("G\(index)", Set(countries.filter { _ in Bool.random(using: &random) })))
            }
            let reporting = Set(values.keys.map(\.country))
            let present = groups.map { ($0.name, $0.members.intersection(reporting)) }
            let first = Suppression.protect(
                values: values, primary: primary, groups: present, linearAudit: false)
            let result = Suppression.protect(values: values, primary: primary, groups: present)
            if result != first { audited += 1 }
            #expect(result.suppressed.isSuperset(of: first.suppressed))
            for cell in result.suppressed {
                #expect(
                    !isDetermined(
                        cell.country, year: year, values: values, suppressed: result.suppressed,
                        unpublished: result.unpublished, groups: present), "\(groups) \(values)")
            }
        }
        // The general audit had work to do in some of the cases.
        #expect(audited > 10)
    }

    @Test("past its budget, the audit withholds every total of the year that adds up a suppressed count")
    func auditBudget() {
        // The overlapping example above: after the pairwise stage A, B, C and D are hidden; the audit's
        // elimination needs 4 rows × 4 columns of steps and more.
        let year = 2020
        let (values, groups, primary) = overlappingExample
        let pairwise = Suppression.protect(
            values: values, primary: primary, groups: groups, linearAudit: false)
        for budget in [0, 15] {
            let (suppressed, unpublished) = Suppression.protect(
                values: values, primary: primary, groups: groups, auditBudget: budget)
            #expect(suppressed == pairwise.suppressed)
            #expect(Set(unpublished.map(\.country)) == ["alliance", "G1", "G2", "G3"], "\(budget)")
        }
        // The default budget audits it in full: only G1 is withheld (as above).
        let full = Suppression.protect(values: values, primary: primary, groups: groups)
        #expect(full.unpublished == [Cell(country: "G1", year: year)])
        // The least budget that audits the year in full: more than the first elimination's 16 steps.
        let needed = (0...10_000).first {
            Suppression.protect(values: values, primary: primary, groups: groups, auditBudget: $0) == full
        }
        #expect(needed.map { $0 > 16 } == true)
        // A budget is spent across years: what audits 2020 in full leaves 2021 (the same) withheld.
        var twoYears = values
        for (cell, count) in values { twoYears[Cell(country: cell.country, year: 2021)] = count }
        let twoPrimary = primary.union(primary.map { Cell(country: $0.country, year: 2021) })
        let spent = Suppression.protect(
            values: twoYears, primary: twoPrimary, groups: groups, auditBudget: needed ?? 0)
        #expect(spent.unpublished.filter { $0.year == 2020 } == [Cell(country: "G1", year: 2020)])
        #expect(spent.unpublished.filter { $0.year == 2021 }.count == 4)
    }

    @Test("published outputs show <K and x, and withhold everything derived from a suppressed count")
    func redaction() throws {
        let base = try report([("AUS", 2019, 100), ("AUS", 2020, 110), ("CAN", 2019, 8), ("CAN", 2020, 4)])
        let published = Suppression.apply(base, policy: .init(threshold: 5))
        let rows = published.assessments
        let canada = try #require(rows.first { $0.country == "CAN" && $0.year == 2020 })
        #expect(canada.victims == nil && canada.suppressedMarker == "<5" && canada.victimsText == "<5")
        #expect(canada.status == .suppressed && canada.growthRate == nil && canada.requiredVictims == nil)
        #expect(canada.shortfall == nil && canada.test == nil && canada.trajectoryGap == nil)
        // The alliance total 2020 is AUS + CAN: AUS is suppressed too (x), so 114 - x cannot give CAN.
        let australia = try #require(rows.first { $0.country == "AUS" && $0.year == 2020 })
        #expect(australia.suppressedMarker == "x")
        #expect(published.totals.first { $0.year == 2020 }?.victims == 114)
        #expect(published.totals.first { $0.year == 2020 }?.matchedVictims == nil)
        #expect(published.countries.first { $0.country == "CAN" }?.shortTerm.category == .suppressed)
        // The summary counts only what can be published.
        #expect(published.summary.shortOfTarget == 0 && published.summary.totalShortfall == 0)
        // The analysis behind it is untouched.
        #expect(base.assessments.first { $0.country == "CAN" && $0.year == 2020 }?.shortfall == 5)
    }

    @Test("zeros are shown unless asked; a suppressed baseline hides the trajectory")
    func zeros() throws {
        let base = try report([
            ("CAN", 2019, 9), ("CAN", 2020, 4), ("CAN", 2021, 0), ("BEL", 2019, 50), ("BEL", 2020, 60),
            ("BEL", 2021, 70),
            ("AUS", 2019, 3), ("AUS", 2020, 30), ("AUS", 2021, 33),
        ])
        let shown = Suppression.apply(base, policy: .init(threshold: 5))
        #expect(shown.assessments.first { $0.country == "CAN" && $0.year == 2021 }?.victims == 0)
        let hidden = Suppression.apply(base, policy: .init(threshold: 5, suppressZeros: true))
        #expect(hidden.assessments.first { $0.country == "CAN" && $0.year == 2021 }?.suppressedMarker == "<5")
        #expect(hidden.assessments.first { $0.country == "AUS" && $0.year == 2021 }?.suppressedMarker == "x")
        let australia = shown.assessments.filter { $0.country == "AUS" }
        #expect(australia.allSatisfy { $0.trajectoryVictims == nil })  // the 2019 baseline of 3 is suppressed
        #expect(shown.countries.first { $0.country == "AUS" }?.baselineVictims == nil)
    }

    @Test("diagnostic messages, which quote counts, are reduced to their rule")
    func diagnostics() throws {
        var base = try report([("AUS", 2019, 3), ("AUS", 2020, 4)])
        base.diagnostics = [
            Diagnostic(.repeatedObservation, at: Location(file: "f", line: 3), "AUS 2020 ... (4)")
        ]
        let published = Suppression.apply(base, policy: .init(threshold: 5))
        #expect(published.diagnostics.first?.message == DiagnosticCode.repeatedObservation.summary)
    }
}

/// Alliance and group totals per year, with like-for-like growth judged like a country's.
public enum TotalsAnalysis {
    /// Totals for the alliance (every country of `panel`, never a kept aggregate) and for each group, in that order, each by
    /// year. Fails when a total does not fit in 64 bits.
    public static func totals(_ panel: Panel, groups: Groups, options: AnalysisOptions)
        -> Result<[GroupTotal], DiagnosticList>
    {
        var accumulator = Accumulator(groups: groups, options: options)
        for series in panel.series { accumulator.add(series) }
        return accumulator.totals(options: options)
    }

    /// Collects the totals series by series, in any order, without keeping the series: the streamed
    /// trends table checks the totals of an input it never holds whole. `totals(_:groups:options:)` is
    /// this accumulator over a panel, so both give the same totals and the same refusals.
    public struct Accumulator: Sendable {
        private let sets: [(name: String, members: Set<String>?)]
        private var sums: [YearSums]

        /// Whether each country's segment φ is estimated, for the totals' tests.
        private let estimating: Bool

        /// An accumulator whose totals are judged and tested as `options` says: with `--dispersion
        /// estimate` and the exact test, each country's segment φ is estimated as `TrendAnalysis` does, to
        /// weigh the totals' φ.
        public init(groups: Groups, options: AnalysisOptions) {
            self.init(
                groups: groups,
                estimating: options.dispersion == .estimate && options.exactTest && options.series == .annual)
        }

        /// An accumulator for the totals' sums and 64-bit refusals only, whose tests (if asked for) have no
        /// estimated φ: for outputs that print no total.
        init(countingOnly groups: Groups) {
            self.init(groups: groups, estimating: false)
        }

        private init(groups: Groups, estimating: Bool) {
            sets = [(GroupTotal.allianceName, nil)] + groups.names.map { ($0, groups.members(of: $0)) }
            sums = Array(repeating: YearSums(), count: sets.count)
            self.estimating = estimating
        }

        /// Adds one series to the alliance total and to the totals of the groups its country is in; a
        /// kept aggregate (`Series.isAggregate`) is no country and is added to none.
        public mutating func add(_ series: Series) {
            if series.isAggregate { return }
            let country = SeriesKey.country(of: series.country)
            // A key with `--by` parts: its country is counted once a year however many parts it has.
            let parted = country.utf8.count != series.country.utf8.count
            let phis = estimating ? YearSums.segmentDispersions(series) : nil
            for index in sets.indices where sets[index].members?.contains(country) ?? true {
                sums[index].add(series, dispersions: phis, country: parted ? country : nil)
            }
        }

        /// The totals of every series added, judged; fails when a total does not fit in 64 bits.
        public func totals(options: AnalysisOptions) -> Result<[GroupTotal], DiagnosticList> {
            var result: [GroupTotal] = []
            var problems: [Diagnostic] = []
            var tests = TestCache()
            let rules = Comparison.Rules(options)
            for (set, yearSums) in zip(sets, sums) {
                let name = set.name
                let sums = yearSums.table()
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
                        let phi = estimating ? sums.matchedPhi[position] : nil
                        comparison = Comparison(
                            victims: now, year: year, base: (sums.years[position - 1], base),
                            rules: rules, cache: &tests,
                            dispersion: phi?.value ?? options.dispersion.value(fitted: nil).phi)
                        if phi?.notEstimated == true && comparison.test != nil {
                            comparison.flags.append(.dispersionNotEstimated)
                        }
                    }
                    if comparison.overflowed {
                        problems.append(
                            Diagnostic(
                                .requiredCountOverflow, at: nil,
                                "the \(name) total for \(year) needs a count beyond 64 bits to meet the target; "
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
    }

    /// Sums by year of a set of series, added one series at a time: the total and the number of
    /// countries reporting, and for each pair of a country's consecutive reported years the sums of
    /// both years' figures, except a pair whose later figure is a break. A year's like-for-like sums
    /// are those of the pairs whose earlier year is the year before it among all years of the set
    /// (known only at the end). `nil` marks an overflow.
    struct YearSums: Sendable {
        /// Sums of one year, or of one pair of consecutive reported years.
        private struct Sums: Sendable {
            var total: Int? = 0
            var base: Int? = 0
            /// Countries, each once: a key with `--by` parts is one of its country's series.
            var countries = 0
            /// The countries of the `--by` keys added (none for plain keys, each its own country).
            var partedCountries: Set<String> = []
            var used = false
            /// Pairs: Σ φ_i (x_i + y_i) over the countries, φ_i the dispersion of the country's segment.
            var weightedPhi = 0.0
            /// Pairs: whether some country's φ was left at 1 for want of an estimate.
            var phiNotEstimated = false

            mutating func add(
                _ value: Int, base baseValue: Int = 0, phi: (value: Double, notEstimated: Bool)? = nil,
                country: String? = nil
            ) {
                total = YearSums.add(total, value)
                base = YearSums.add(base, baseValue)
                if let country {
                    if partedCountries.insert(country).inserted { countries += 1 }
                } else {
                    countries += 1
                }
                used = true
                if let phi {
                    weightedPhi += phi.value * (Double(value) + Double(baseValue))
                    phiNotEstimated = phiNotEstimated || phi.notEstimated
                }
            }
        }

        /// Four-digit years (every year the reader accepts) are kept in arrays indexed by year from the
        /// earliest year added (`firstYear`), spanning the years seen so far; any other year (only
        /// possible through the API) in dictionaries.
        private static let fourDigitYears = 1000...9999
        private var firstYear = 0
        private var byYear: [Sums] = []
        /// Pairs of adjacent years (year − 1, year), by the later year.
        private var adjacent: [Sums] = []
        private var otherYears: [Int: Sums] = [:]
        /// Pairs across a gap, and pairs of years outside the arrays.
        private var otherPairs: [Pair: Sums] = [:]

        private struct Pair: Hashable {
            var earlier: Int
            var year: Int
        }

        /// The index of `year` in the arrays, if it is there.
        private func slot(_ year: Int) -> Int? {
            let slot = year - firstYear
            return slot >= 0 && slot < byYear.count ? slot : nil
        }

        /// The index of `year` in the arrays, which grow to take it; `nil` for a year of other than
        /// four digits.
        private mutating func slot(adding year: Int) -> Int? {
            guard Self.fourDigitYears.contains(year) else { return nil }
            if byYear.isEmpty {
                firstYear = year
            } else if year < firstYear {
                // Grown at the front by at least the span so far, so that series whose years start ever
                // earlier cost amortized constant time a year, as appending does.
                let first = max(Self.fourDigitYears.lowerBound, min(year, firstYear - byYear.count))
                let missing = repeatElement(Sums(), count: firstYear - first)
                byYear.insert(contentsOf: missing, at: 0)
                adjacent.insert(contentsOf: missing, at: 0)
                firstYear = first
            }
            let slot = year - firstYear
            if slot >= byYear.count {
                let missing = repeatElement(Sums(), count: slot - byYear.count + 1)
                byYear.append(contentsOf: missing)
                adjacent.append(contentsOf: missing)
            }
            return slot
        }

        /// The φ of each figure's segment, as `TrendAnalysis` estimates it (`Dispersion.value(for:)`), by
        /// index of `series.observations`.
        static func segmentDispersions(_ series: Series) -> [(value: Double, notEstimated: Bool)] {
            let observations = series.observations
            var result: [(value: Double, notEstimated: Bool)] = []
            result.reserveCapacity(observations.count)
            var start = observations.startIndex
            while start < observations.endIndex {
                let segment = Dispersion.estimate.value(forSegmentFrom: start, of: observations)
                result += repeatElement(
                    (value: segment.phi, notEstimated: segment.notEstimated), count: segment.end - start)
                start = segment.end
            }
            return result
        }

        /// Adds `series`; `dispersions` (by observation) weight the pairs' φ when the totals are tested;
        /// `country`, for a key with `--by` parts, is counted once a year whatever its parts.
        mutating func add(
            _ series: Series, dispersions: [(value: Double, notEstimated: Bool)]? = nil,
            country: String? = nil
        ) {
            var previous: (year: Int, victims: Int)?
            let observations = series.observations
            // Read in place: a copy of each observation would retain and release its strings.
            for position in observations.indices {
                let year = observations[position].year
                let victims = observations[position].victims
                let index = slot(adding: year)
                if let index {
                    byYear[index].add(victims, country: country)
                } else {
                    otherYears[year, default: Sums()].add(victims, country: country)
                }
                // A break (`b`, `d`) is not compared with the year before: the country is left out of
                // that year's like-for-like comparison (it still counts in the year's total).
                if let previous, !observations[position].isBreak {
                    let phi = dispersions?[position]
                    if let index, previous.year == year - 1 {
                        adjacent[index].add(victims, base: previous.victims, phi: phi, country: country)
                    } else {
                        otherPairs[Pair(earlier: previous.year, year: year), default: Sums()].add(
                            victims, base: previous.victims, phi: phi, country: country)
                    }
                }
                previous = (year, victims)
            }
        }

        /// The sums of `year`, if any country reported in it.
        private func sums(of year: Int) -> Sums? {
            let found = slot(year).map { byYear[$0] } ?? otherYears[year]
            return found?.used == true ? found : nil
        }

        /// The sums of the pair (earlier, year).
        private func sums(_ earlier: Int, _ year: Int) -> Sums? {
            if earlier == year - 1, let index = slot(year) {
                return adjacent[index].used ? adjacent[index] : nil
            }
            return otherPairs[Pair(earlier: earlier, year: year)]
        }

        /// The sums as columns by year, in year order.
        func table() -> (
            years: [Int], totals: [Int?], countries: [Int], matchedNow: [Int?], matchedBase: [Int?],
            matchedCountries: [Int], matchedPhi: [(value: Double, notEstimated: Bool)?]
        ) {
            var years = byYear.indices.filter { byYear[$0].used }.map { $0 + firstYear }
            years = (years + otherYears.keys).sorted()
            var table = (
                years: years, totals: [Int?](), countries: [Int](), matchedNow: [Int?](),
                matchedBase: [Int?](), matchedCountries: [Int](),
                matchedPhi: [(value: Double, notEstimated: Bool)?]()
            )
            for (position, year) in years.enumerated() {
                let here = sums(of: year) ?? Sums()
                table.totals.append(here.total)
                table.countries.append(here.countries)
                let matched = position == 0 ? nil : sums(years[position - 1], year)
                table.matchedNow.append(matched.map(\.total) ?? 0)
                table.matchedBase.append(matched.map(\.base) ?? 0)
                table.matchedCountries.append(matched?.countries ?? 0)
                // φ of the matched sum: Σ φ_i (x_i + y_i) / Σ (x_i + y_i), the dispersion of a sum of
                // independent overdispersed counts (Var = Σ φ_i μ_i); 1 for sums of zero.
                let weight = matched.map { Double($0.total ?? 0) + Double($0.base ?? 0) } ?? 0
                table.matchedPhi.append(
                    matched.map { (weight > 0 ? max(1, $0.weightedPhi / weight) : 1, $0.phiNotEstimated) })
            }
            return table
        }

        fileprivate static func add(_ sum: Int?, _ value: Int) -> Int? {
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

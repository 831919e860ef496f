/// The tables the Markdown and HTML reports share, as typed cells (`ReportCell`): each format only
/// renders them with its own escaping, so both always show the same figures. Every table is built in
/// one pass over what it lists.
enum ReportTables {
    /// How a column is aligned: words left, figures right.
    enum Alignment: Hashable, Sendable {
        case left
        case right
    }

    /// The outcome of a country-year, for the heat colours (always backed by a sign in the cell).
    enum Outcome: Hashable, Sendable {
        case met
        /// Short, within the noise of small counts.
        case short
        /// Short, and significantly so (or not tested).
        case significant
        /// Not assessed: first year, base of zero, break, withheld, suppressed.
        case notAssessed
    }

    /// A table: header cells, and rows of the same width; the first cell of a row names it.
    struct Table {
        var headers: [String]
        var alignments: [Alignment]
        var rows: [[ReportCell]] = []
        /// For each row, its outcome, if the table colours its rows.
        var outcomes: [Outcome?] = []

        /// A table with these columns (left-aligned unless `alignments` says otherwise).
        init(headers: [String], alignments: [Alignment]? = nil) {
            self.headers = headers
            self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        }

        mutating func append(_ cells: [ReportCell], outcome: Outcome? = nil) {
            rows.append(cells)
            outcomes.append(outcome)
        }
    }

    /// Progress by country: coverage, shortfall, baseline, trajectory, long- and short-term CAGR.
    static func progress(_ report: TrendReport) -> Table {
        let targetYear = report.options.targetYear
        var table = Table(
            headers: [
                "Country", "Years", "Met", "Shortfall", "Baseline", "Latest / trajectory", "Long-term CAGR",
                "Long term", "Short-term CAGR", "Short term",
            ] + (targetYear.map { ["Needed a year to \($0)"] } ?? []),
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left, .right, .left]
                + (targetYear == nil ? [] : [.right]))
        // Each country's latest year with a figure (or a suppressed one), found in one pass.
        var latest: [String: YearAssessment] = [:]
        for row in report.assessments where row.victims != nil || row.suppressedMarker != nil {
            latest[row.country] = row
        }
        for country in report.countries {
            var baseline = ReportCell.empty
            if let year = country.baselineYear {
                baseline = .joined(
                    [count(country.baselineVictims), .words("(\(NumberFormatting.integer(year)))")]
                        + (country.baselineShifted ? [.sign(.baselineShifted)] : []),
                    separator: " ")
            }
            let trajectory = ReportCell.optional(country.latestTrajectoryVictims) {
                .joined([latest[country.country].map(victims) ?? .empty, .count($0)], separator: " / ")
            }
            var cells: [ReportCell] = [
                .text(countryLabel(country.country)), .integer(country.yearsReported),
                .joined([.integer(country.yearsMet), .integer(country.yearsAssessed)], separator: "/"),
                .count(country.totalShortfall), baseline, trajectory,
                .optional(country.longTerm?.cagr, ReportCell.rate),
                .words(categoryText(country.longTerm?.category ?? .notAssessable)),
                .optional(country.shortTerm.cagr, ReportCell.rate),
                .words(categoryText(country.shortTerm.category)),
            ]
            if targetYear != nil {
                cells.append(.optional(country.requiredGrowthToTargetYear, ReportCell.rate))
            }
            table.append(cells)
        }
        return table
    }

    /// Alliance and group totals by year, with like-for-like growth.
    static func totals(_ report: TrendReport) -> Table {
        var table = Table(
            headers: [
                "Group", "Year", "Countries", "Victims", "Compared", "Base → now", "Growth", "Required",
                "Shortfall",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right])
        for total in report.totals {
            let comparison = total.comparison
            let change = ReportCell.optional(comparison.baseVictims) {
                .joined([.count($0), count(total.matchedVictims)], separator: " → ")
            }
            table.append([
                total.group == GroupTotal.allianceName ? .words("Alliance") : .text(total.group),
                .integer(total.year), .integer(total.countries), count(total.victims),
                comparison.flags.contains(.firstYear) ? .empty : .integer(total.matchedCountries), change,
                growth(comparison), .optional(comparison.requiredVictims, ReportCell.count),
                .optional(comparison.shortfall, ReportCell.count),
            ])
        }
        return table
    }

    /// The country-years short of the target (`shortfalls`, in report order), with their test.
    static func shortfalls(_ shortfalls: [YearAssessment]) -> Table {
        var table = Table(
            headers: [
                "Country", "Year", "Base year", "Base victims", "Required", "Identified", "Shortfall",
                "p-value", "Significance",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .left])
        for row in shortfalls {
            table.append(
                [
                    .text(countryLabel(row.country)),
                    .spaced(.integer(row.year), row.flags.contains(.gap) ? [.sign(.gap)] : []),
                    .optional(row.baseYear, ReportCell.integer), .optional(row.baseVictims, ReportCell.count),
                    .optional(row.requiredVictims, ReportCell.count), victims(row),
                    .optional(row.shortfall, ReportCell.count),
                    .optional(row.test?.pValue, ReportCell.probability),
                    .words(significanceText(row.significance)),
                ], outcome: outcome(row))
        }
        return table
    }

    /// Running totals only: the new identifications derived from them, one row per interval.
    static func derived(_ report: TrendReport) -> Table {
        var table = Table(
            headers: [
                "Country", "Year", "Running total", "Since", "New", "New per year", "Growth of new per year",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right])
        for row in report.assessments {
            guard let new = row.newVictims, let perYear = row.newPerYear, let since = row.baseYear else {
                continue
            }
            table.append([
                .text(countryLabel(row.country)), .integer(row.year),
                .optional(row.victims, ReportCell.count), .integer(since), .count(new),
                .decimal(perYear, places: 1), .optional(row.newGrowthRate, ReportCell.rate),
            ])
        }
        return table
    }

    /// The growth cell of one judged count (a country-year or a total): growth with its signs, or the
    /// note that stands for it.
    static func growth(_ judged: some GrowthJudgement) -> ReportCell {
        let flags = judged.flags
        if flags.contains(.withheld) { return .mark(.withheld) }
        if judged.status == .suppressed { return .mark(.suppressed) }
        if flags.contains(.breakInSeries) { return .spaced(.mark(.breakInSeries), sourceSigns(flags)) }
        if flags.contains(.firstYear) { return .spaced(.mark(.firstYear), sourceSigns(flags)) }
        if flags.contains(.noOverlap) { return .mark(.noOverlap) }
        if flags.contains(.zeroBase) {
            return .spaced(.mark(.zeroBase), flags.contains(.gap) ? [.sign(.gap)] : [])
        }
        guard let rate = judged.growthRate else { return .empty }
        var signs: [ReportCell] = []
        if flags.contains(.gap) { signs.append(.sign(.gap)) }
        if judged.significance == .significantShortfall || (judged.status == .shortfall && judged.test == nil)
        {
            signs.append(.sign(.significantShortfall))
        }
        if judged.significance == .withinNoise { signs.append(.sign(.withinNoise)) }
        return .spaced(.rate(rate), signs + sourceSigns(flags))
    }

    /// `p`, `e`, `u` for provisional, estimated and low-reliability figures.
    private static func sourceSigns(_ flags: [YearAssessment.Flag]) -> [ReportCell] {
        var signs: [ReportCell] = []
        if flags.contains(.provisional) { signs.append(.sign(.provisional)) }
        if flags.contains(.estimated) { signs.append(.sign(.estimated)) }
        if flags.contains(.lowReliability) { signs.append(.sign(.lowReliability)) }
        return signs
    }

    /// The count of a country-year as published: the number, or the marker that stands for it.
    static func victims(_ row: YearAssessment) -> ReportCell {
        if let marker = row.suppressedMarker { return .marker(marker) }
        if let victims = row.victims { return .count(victims) }
        return row.withheldMarker.map(ReportCell.marker) ?? .empty
    }

    /// The count of a country-year and its trajectory: `1,100 / 1,331`, or the count alone.
    static func victimsAndTrajectory(_ row: YearAssessment) -> ReportCell {
        guard let trajectory = row.trajectoryVictims else { return victims(row) }
        return .joined([victims(row), .count(trajectory)], separator: " / ")
    }

    /// A count that may be withheld from publication: the number, or `x`.
    static func count(_ value: Int?) -> ReportCell {
        value.map(ReportCell.count) ?? .marker("x")
    }

    /// `AUT Austria` for an ISO key (`AUT Austria · Police` with `--by`), else the key.
    static func countryLabel(_ key: String) -> String {
        let name = CountryTable.standard.displayName(key)
        let country = SeriesKey.country(of: key)
        return name.isEmpty ? key : "\(country) \(name)" + key.dropFirst(country.count)
    }

    /// The outcome of a country-year, for its heat colour.
    static func outcome(_ row: YearAssessment) -> Outcome {
        switch (row.status, row.significance) {
        case (.met, _): return .met
        case (.shortfall, .significantShortfall), (.shortfall, nil): return .significant
        case (.shortfall, .withinNoise): return .short
        default: return .notAssessed
        }
    }

    static func categoryText(_ category: ProgressAssessment.Category) -> String {
        switch category {
        case .significantProgress: return "significant progress"
        case .moderateProgress: return "moderate progress"
        case .insufficientProgress: return "insufficient progress"
        case .movementAway: return "movement away"
        case .notAssessable: return "not assessable"
        case .suppressed: return "suppressed"
        }
    }

    static func significanceText(_ significance: YearAssessment.Significance?) -> String {
        switch significance {
        case .significantShortfall: return "significant"
        case .withinNoise: return "within noise"
        case nil: return "not tested"
        }
    }
}

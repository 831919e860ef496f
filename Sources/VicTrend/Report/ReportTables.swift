/// The tables the Markdown and HTML reports share, as typed cells (`ReportCell`): each format only
/// renders them with its own escaping, so both always show the same figures. A table makes its rows
/// when they are rendered, one at a time, so it holds no cells of its own whatever its length; what a
/// row needs from the whole report is gathered in one pass beforehand.
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
        /// Short, and significantly so (or short, in a report with no test).
        case significant
        /// Not assessed: first year, base of zero, break, withheld, suppressed.
        case notAssessed
    }

    /// A table: header cells, and `count` rows of the same width; the first cell of a row names it.
    struct Table {
        var headers: [String]
        var alignments: [Alignment]
        /// The number of rows.
        let count: Int
        /// Makes row `index` (`0..<count`).
        let row: (Int) -> Row

        /// A table with these columns (left-aligned unless `alignments` says otherwise) and `count` rows
        /// made by `row`.
        init(headers: [String], alignments: [Alignment]? = nil, count: Int, row: @escaping (Int) -> Row) {
            self.headers = headers
            self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
            self.count = count
            self.row = row
        }
    }

    /// One row: its cells and, if the table colours its rows, its outcome.
    struct Row {
        var cells: [ReportCell]
        var outcome: Outcome? = nil
    }

    /// Progress by country: coverage, shortfall, baseline, trajectory, long- and short-term periods and CAGR.
    static func progress(_ report: TrendReport) -> Table {
        let targetYear = report.projectionYear
        // Each country's latest year with a figure (or a suppressed one), found in one pass.
        var latest: [String: YearAssessment] = [:]
        for row in report.assessments where row.victims != nil || row.suppressedMarker != nil {
            latest[row.country] = row
        }
        let countries = report.countries
        return Table(
            headers: [
                "Country", "Years", "Met", "Shortfall", "Baseline", "Latest / trajectory", "Long-term from",
                "Long-term CAGR", "Long term", "Short-term from", "Short-term CAGR", "Short term",
            ] + (targetYear.map { ["Needed a year to \($0)"] } ?? []),
            alignments: [
                .left, .right, .right, .right, .right, .right, .right, .right, .left, .right, .right, .left,
            ]
                + (targetYear == nil ? [] : [.right]),
            count: countries.count
        ) { [latest] index in
            let country = countries[index]
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
                .optional(country.longTerm?.fromYear, ReportCell.integer),
                .optional(country.longTerm?.cagr, ReportCell.rate),
                .words(categoryText(country.longTerm?.category ?? .notAssessable)),
                .integer(country.shortTerm.fromYear),
                .optional(country.shortTerm.cagr, ReportCell.rate),
                .words(categoryText(country.shortTerm.category)),
            ]
            if targetYear != nil {
                cells.append(.optional(country.requiredGrowthToTargetYear, ReportCell.rate))
            }
            return Row(cells: cells)
        }
    }

    /// Annual series: each country's trend over its latest segment (from the latest break on), tested
    /// against the target with the segment's dispersion.
    static func trends(_ report: TrendReport) -> Table {
        let countries = report.countries
        let level = NumberFormatting.compact(report.options.confidence * 100, maxDecimals: 4)
        return Table(
            headers: [
                "Country", "Dispersion φ", "Trend from", "Figures", "Trend a year", "\(level)% interval",
                "p (below target)", "Trend significance",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left],
            count: countries.count
        ) { index in
            let country = countries[index]
            guard let trend = country.trend else {
                return Row(cells: [
                    .text(countryLabel(country.country)),
                    .optional(country.dispersion) { .decimal($0, places: 2) }, .empty, .empty,
                    .words("no trend: " + (country.trendUntested ?? .noFit).explanation), .empty, .empty,
                    .empty,
                ])
            }
            return Row(cells: [
                .text(countryLabel(country.country)), .decimal(trend.dispersion, places: 2),
                .integer(trend.fromYear), .integer(trend.figures), .rate(trend.growth),
                .joined([.rate(trend.low), .rate(trend.high)], separator: " to "),
                .probability(trend.pValue),
                .words(trend.significance.map { significanceText($0) } ?? "at or above target"),
            ])
        }
    }

    /// Annual series: each country's count projected to the target year from the trend of its latest
    /// segment, with its prediction interval, the trajectory there, and the category.
    static func projections(_ report: TrendReport) -> Table {
        let countries = report.countries
        let level = NumberFormatting.compact(report.options.confidence * 100, maxDecimals: 4)
        return Table(
            headers: [
                "Country", "Latest", "Projected", "\(level)% prediction interval", "Trajectory",
                "P(on trajectory)", "Category",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .left],
            count: countries.count
        ) { index in
            let country = countries[index]
            let latest = ReportCell.optional(country.projectionBasis) {
                .joined([.count($0.latestVictims), .words("(\($0.latestYear))")], separator: " ")
            }
            guard let projection = country.projection else {
                return Row(cells: [
                    .text(countryLabel(country.country)), latest, .empty, .empty, .empty, .empty,
                    .words("no projection: " + (country.projectionUntested ?? .noFit).explanation),
                ])
            }
            return Row(cells: [
                .text(countryLabel(country.country)), latest, .decimal(projection.victims, places: 1),
                .joined(
                    [.decimal(projection.low, places: 1), .decimal(projection.high, places: 1)],
                    separator: " to "),
                .optional(projection.trajectory, ReportCell.count),
                .optional(projection.probabilityOnTrajectory, ReportCell.probability),
                .words(projection.category?.rawValue ?? "no trajectory (baseline 0)"),
            ])
        }
    }

    /// The paragraph above the projection table, for target year `year`.
    static func projectionMethod(year: Int, defaulted: Bool, confidence: String) -> String {
        "Each country's count in \(year)"
            + (defaulted
                ? " (two years after the latest year, the Declaration's reporting cycle; --target-year)" : "")
            + " projected from the trend of its latest segment: exp(a + b·T), with a \(confidence)% prediction "
            + "interval from V = φ·μ + μ²·φ·Var(a + b·T) and Student's t on n − 2 degrees of freedom (low at least "
            + "0); P(on trajectory) is the chance that the count reaches the trajectory in \(year). Categories as "
            + "Germany's sustainability indicators: with the change needed from the latest figure to the trajectory "
            + "and the projected change, on-track when the projection makes at least 95% of the change needed (or "
            + "none is needed), slightly-off-track 80–95%, off-track below 80% but not falling, wrong-direction "
            + "falling. No projection when the latest segment has fewer than 4 figures or no fit, or when the "
            + "target year is not after the country's latest figure."
    }

    /// The paragraph above the trend table, `alpha` being 1 − confidence as written.
    static func trendMethod(alpha: String) -> String {
        "Each country's log-linear trend over its latest segment (from the latest break, b or d, on; at least 4 "
            + "figures), fitted as R's glm(victims ~ year, family = quasipoisson) with the dispersion φ floored "
            + "at 1: trend a year e^b − 1, its interval e^(b ∓ t·se) − 1 with Student's t on n − 2 degrees of "
            + "freedom, and the one-sided p-value of a trend this far below the target if the true trend were on "
            + "it. Significant: below the target and p < \(alpha)."
    }

    /// Alliance and group totals by year, with like-for-like growth.
    static func totals(_ report: TrendReport) -> Table {
        let totals = report.totals
        return Table(
            headers: [
                "Group", "Year", "Countries", "Victims", "Compared", "Base → now", "Growth", "Required",
                "Shortfall",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right],
            count: totals.count
        ) { index in
            let total = totals[index]
            let comparison = total.comparison
            let change = ReportCell.optional(comparison.baseVictims) {
                .joined([.count($0), count(total.matchedVictims)], separator: " → ")
            }
            return Row(cells: [
                total.group == GroupTotal.allianceName ? .words("Alliance") : .text(total.group),
                .integer(total.year), .integer(total.countries), count(total.victims),
                comparison.flags.contains(.firstYear) ? .empty : .integer(total.matchedCountries), change,
                growth(comparison), .optional(comparison.requiredVictims, ReportCell.count),
                .optional(comparison.shortfall, ReportCell.count),
            ])
        }
    }

    /// The country-years short of the target, in report order, with their test.
    static func shortfalls(_ report: TrendReport) -> Table {
        let assessments = report.assessments
        let shortfalls = assessments.indices.filter { assessments[$0].status == .shortfall }
        // Dated running totals: the date after the year, the years elapsed after the base.
        let dated = report.isDated
        return Table(
            headers: [
                "Country", "Year", "Base year", "Base victims", "Required", "Identified", "Shortfall",
                "φ", "p-value", "Significance",
            ].inserting(dated ? ["As of"] : [], at: 2).inserting(dated ? ["Years elapsed"] : [], at: 5),
            alignments: ([.left, .right, .right, .right, .right, .right, .right, .right, .right, .left]
                as [Alignment])
                .inserting(dated ? [.right] : [], at: 2).inserting(dated ? [.right] : [], at: 5),
            count: shortfalls.count
        ) { index in
            let row = assessments[shortfalls[index]]
            var cells: [ReportCell] = [
                .text(countryLabel(row.country)),
                .spaced(.integer(row.year), row.flags.contains(.gap) ? [.sign(.gap)] : []),
                .optional(row.baseYear, ReportCell.integer), .optional(row.baseVictims, ReportCell.count),
                .optional(row.requiredVictims, ReportCell.count), victims(row),
                .optional(row.shortfall, ReportCell.count),
                .optional(row.dispersion) { .decimal($0, places: 2) },
                .optional(row.test?.pValue, ReportCell.probability),
                .words(
                    row.test == nil && row.untested != nil
                        ? "not tested (\(untestedShort(row.untested)))"
                        : significanceText(row.significance)),
            ]
            if dated {
                cells.insert(.optional(row.elapsedYears) { .decimal($0, places: 2) }, at: 4)
                cells.insert(.optional(row.asOf) { .words($0.text) }, at: 2)
            }
            return Row(cells: cells, outcome: outcome(row))
        }
    }

    /// Running totals only: the new identifications derived from them, one row per interval.
    static func derived(_ report: TrendReport) -> Table {
        let assessments = report.assessments
        let derived = assessments.indices.filter {
            assessments[$0].newVictims != nil && assessments[$0].newPerYear != nil
                && assessments[$0].baseYear != nil
        }
        // Dated running totals: "As of" and "Since" are dates, and "Years" the exact time between them
        // (days / 365.25), by which the new identifications are annualised.
        let dated = report.isDated
        return Table(
            headers: [
                "Country", "Year", "Running total", "Since", "New", "New per year", "Growth of new per year",
            ].inserting(dated ? ["As of"] : [], at: 2).inserting(dated ? ["Years"] : [], at: 5),
            alignments: ([.left, .right, .right, .right, .right, .right, .right] as [Alignment])
                .inserting(dated ? [.right] : [], at: 2).inserting(dated ? [.right] : [], at: 5),
            count: derived.count
        ) { index in
            let row = assessments[derived[index]]
            // Never nil: the rows were chosen for having them.
            let new = row.newVictims ?? 0
            let perYear = row.newPerYear ?? 0
            let since = row.baseYear ?? 0
            guard dated else {
                return Row(cells: [
                    .text(countryLabel(row.country)), .integer(row.year),
                    .optional(row.victims, ReportCell.count), .integer(since), .count(new),
                    .decimal(perYear, places: 1), .optional(row.newGrowthRate, ReportCell.rate),
                ])
            }
            return Row(cells: [
                .text(countryLabel(row.country)), .integer(row.year), .optional(row.asOf) { .words($0.text) },
                .optional(row.victims, ReportCell.count),
                row.baseAsOf.map { ReportCell.words($0.text) } ?? .integer(since),
                .optional(row.elapsedYears) { .decimal($0, places: 2) }, .count(new),
                .decimal(perYear, places: 1), .optional(row.newGrowthRate, ReportCell.rate),
            ])
        }
    }

    /// The growth cell of one judged count (a country-year or a total): growth with its signs, or the
    /// note that stands for it.
    static func growth(_ judged: some GrowthJudgement) -> ReportCell {
        let flags = judged.flags
        if flags.contains(.withheld) { return .mark(.withheld) }
        if judged.status == .suppressed { return .mark(.suppressed) }
        // A definition that differs is a break, except in a first year (there is nothing to break from).
        if flags.contains(.breakInSeries)
            || (flags.contains(.definitionDiffers) && !flags.contains(.firstYear))
        {
            return .spaced(.mark(.breakInSeries), sourceSigns(flags))
        }
        if flags.contains(.firstYear) { return .spaced(.mark(.firstYear), sourceSigns(flags)) }
        if flags.contains(.noOverlap) { return .mark(.noOverlap) }
        if flags.contains(.zeroBase) {
            return .spaced(.mark(.zeroBase), flags.contains(.gap) ? [.sign(.gap)] : [])
        }
        guard let rate = judged.growthRate else { return .empty }
        var signs: [ReportCell] = []
        if flags.contains(.gap) { signs.append(.sign(.gap)) }
        switch shortfallKind(judged) {
        case .significant?, .noTestRun?: signs.append(.sign(.significantShortfall))
        case .withinNoise?: signs.append(.sign(.withinNoise))
        case .untested?: signs.append(.sign(.untestedShortfall))
        case nil: break
        }
        return .spaced(.rate(rate), signs + sourceSigns(flags))
    }

    /// `d`, `p`, `e`, `u` for definition-differs, provisional, estimated and low-reliability figures.
    private static func sourceSigns(_ flags: [YearAssessment.Flag]) -> [ReportCell] {
        var signs: [ReportCell] = []
        if flags.contains(.definitionDiffers) { signs.append(.sign(.definitionDiffers)) }
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

    /// What a shortfall's sign says of it.
    enum ShortfallKind: Hashable, Sendable {
        /// Significantly short (`✗`).
        case significant
        /// Short within the noise of small counts (`(✗)`).
        case withinNoise
        /// Short in a report where no year is tested (`--no-test`, running totals): `✗`, whose legend
        /// then says only "short".
        case noTestRun
        /// Short, not tested where the report tests others (`✗?`): a count above 2^53, a suppressed
        /// count, a target ratio out of range.
        case untested
    }

    /// Whether `report` tests its shortfalls: annual counts with the exact test on. Otherwise its legends
    /// say `✗` is short, not significantly short.
    static func isTested(_ report: TrendReport) -> Bool {
        report.options.series == .annual && report.options.exactTest
    }

    /// Whether a growth cell of `report`, of a country or a total, is an untested shortfall (`✗?`), which
    /// the legend then explains.
    static func hasUntestedShortfall(_ report: TrendReport) -> Bool {
        report.assessments.contains { shortfallKind($0) == .untested }
            || report.totals.contains { shortfallKind($0.comparison) == .untested }
    }

    /// The kind of `judged`'s shortfall; `nil` when it is not short.
    static func shortfallKind(_ judged: some GrowthJudgement) -> ShortfallKind? {
        guard judged.status == .shortfall else { return nil }
        switch judged.significance {
        case .significantShortfall?: return .significant
        case .withinNoise?: return .withinNoise
        case nil:
            switch judged.untested {
            case .testTurnedOff?, .runningTotals?: return .noTestRun
            default: return .untested
            }
        }
    }

    /// The outcome of a country-year, for its heat colour: an untested shortfall has the colour of a
    /// shortfall within the noise (its sign tells them apart), never that of a significant one.
    static func outcome(_ row: YearAssessment) -> Outcome {
        if row.status == .met { return .met }
        switch shortfallKind(row) {
        case .significant?, .noTestRun?: return .significant
        case .withinNoise?, .untested?: return .short
        case nil: return .notAssessed
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

    /// The sentence above the shortfalls table of `listed` rows: how many country-years fell short and by
    /// how many victims, as the summary counts them. A kept aggregate's years (`--keep-aggregates`) are
    /// in the table but no country's, so not in these figures; the sentence says so when there are any.
    static func shortfallSentence(_ report: TrendReport, listed: Int) -> String {
        let summary = report.summary
        let short = summary.shortOfTarget
        var sentence =
            short == 0
            ? "No country-year fell short of the target."
            : "\(NumberFormatting.grouped(short)) country-year\(short == 1 ? "" : "s") fell short of the target, "
                + "by \(NumberFormatting.grouped(summary.totalShortfall)) "
                + "victim\(summary.totalShortfall == 1 ? "" : "s") in all."
        let aggregates = listed - short
        if aggregates > 0 {
            sentence +=
                " The table also lists \(aggregates) year\(aggregates == 1 ? "" : "s") of kept aggregates "
                + "(--keep-aggregates), which are no country's and are left out of these figures."
        }
        return sentence
    }

    /// The most findings a document lists under its input checks; the sentence above them counts the rest.
    static let listedFindings = 50

    /// The warnings and notes found while reading the input, in the order found, at most
    /// `listedFindings`: where (the file's name, never its path: `PublishedName`), warning or note, the
    /// code (`victrend explain CODE`) and the message. Under suppression the messages are already the
    /// codes' summaries (`Suppression.apply`), since messages quote counts.
    static func inputChecks(_ report: TrendReport) -> Table {
        let listed = report.diagnostics.prefix(listedFindings)
        let paths = report.options.inputs
        return Table(headers: ["Where", "Severity", "Code", "Finding"], count: listed.count) { index in
            let finding = listed[listed.startIndex + index]
            return Row(cells: [
                finding.location.map { .text(publishedLocation($0)) } ?? .empty,
                .words(finding.severity.word),
                .words(finding.code.rawValue),
                .text(PublishedName.message(finding.message, paths: paths)),
            ])
        }
    }

    /// How many warnings and notes reading found: `2 warnings and 1 note`, or `nil` when there were none.
    /// Counted by the reading log, so findings past its limit count too.
    static func findingsCount(_ report: TrendReport) -> String? {
        let (warnings, notes) = findings(report)
        return findingsCount(warnings: warnings, notes: notes)
    }

    private static func findingsCount(warnings: Int, notes: Int) -> String? {
        var parts: [String] = []
        if warnings > 0 {
            parts.append("\(NumberFormatting.grouped(warnings)) warning\(warnings == 1 ? "" : "s")")
        }
        if notes > 0 { parts.append("\(NumberFormatting.grouped(notes)) note\(notes == 1 ? "" : "s")") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// The warnings and notes the reading log counted; for a report made without one, those listed.
    private static func findings(_ report: TrendReport) -> (warnings: Int, notes: Int) {
        (
            max(report.warningsFound, report.diagnostics.count { $0.severity == .warning }),
            max(report.notesFound, report.diagnostics.count { $0.severity == .info })
        )
    }

    /// The sentence above the input checks table of `listed` rows, or `nil` when reading found nothing.
    static func inputChecksSentence(_ report: TrendReport, listed: Int) -> String? {
        let (warnings, notes) = findings(report)
        guard let found = findingsCount(warnings: warnings, notes: notes) else { return nil }
        let advice =
            switch (warnings > 0, notes > 0) {
            case (true, true): "Warnings are worth checking with the source; notes need no action."
            case (true, false): "Warnings are worth checking with the source."
            default: "Notes need no action."
            }
        var sentence =
            "Reading the input found \(found). \(advice) victrend explain CODE says what a code means."
        if listed < warnings + notes {
            sentence +=
                " The first \(NumberFormatting.grouped(listed)) are listed; victrend validate on the input lists up "
                + "to \(NumberFormatting.grouped(DiagnosticLog().limit))."
        }
        return sentence
    }

    /// `data.csv:12:3`, `data.xlsx:'Data 2024'!B7`: a location with the file's name for its path.
    static func publishedLocation(_ location: Location) -> String {
        var published = location
        published.file = PublishedName.of(location.file)
        return published.description
    }

    /// The summary's years with a figure that were not assessed, by reason: first years and zero bases
    /// always, the others when there are any. With the assessed years they add up to the years with a
    /// figure.
    static func notAssessedParts(_ summary: TrendSummary) -> [String] {
        func part(_ count: Int, _ one: String, _ many: String) -> String {
            "\(NumberFormatting.grouped(count)) \(count == 1 ? one : many)"
        }
        var parts = [
            part(summary.firstYears, "first year", "first years"),
            part(summary.zeroBases, "after a base of zero", "after a base of zero"),
        ]
        if summary.breaks > 0 { parts.append(part(summary.breaks, "at a break", "at a break")) }
        if summary.suppressed > 0 { parts.append(part(summary.suppressed, "suppressed", "suppressed")) }
        if summary.otherNotAssessed > 0 {
            parts.append(part(summary.otherNotAssessed, "for another reason", "for other reasons"))
        }
        return parts
    }

    /// A few words for why a year was not tested, for a table cell.
    static func untestedShort(_ reason: UntestedReason?) -> String {
        switch reason {
        case .runningTotals: "running totals"
        case .testTurnedOff: "--no-test"
        case .zeroBase: "base 0"
        case .countAbove2To53: "count above 2^53"
        case .ratioOutOfRange: "target ratio out of range"
        case .suppressed: "suppressed"
        case .fewFigures, .noFit, .targetYearNotAfterLatest, .projectionOutOfRange, nil: "not applicable"
        }
    }

    /// One sentence per reason that country-years or group totals compared with a base were not
    /// tested for, with how many: what the reports say instead of empty p-values. Empty when every
    /// comparison was tested. A zero base is left out: the summary and the notes already say that such a
    /// year is not assessed at all.
    static func untestedSentences(_ report: TrendReport) -> [String] {
        var years: [UntestedReason: Int] = [:]
        var totals: [UntestedReason: Int] = [:]
        for row in report.assessments {
            if let reason = row.untested { years[reason, default: 0] += 1 }
        }
        for total in report.totals {
            if let reason = total.comparison.untested { totals[reason, default: 0] += 1 }
        }
        return UntestedReason.allCases.compactMap { reason in
            guard reason != .zeroBase else { return nil }
            let rows = years[reason] ?? 0
            let groups = totals[reason] ?? 0
            guard rows + groups > 0 else { return nil }
            var counted: [String] = []
            if rows > 0 {
                counted.append("\(NumberFormatting.grouped(rows)) country-year\(rows == 1 ? "" : "s")")
            }
            if groups > 0 {
                counted.append("\(NumberFormatting.grouped(groups)) total\(groups == 1 ? "" : "s")")
            }
            return "Not tested: " + counted.joined(separator: " and ") + ", because " + reason.explanation
                + "."
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

extension Array {
    /// The array with `elements` inserted at `index` (unchanged when they are none).
    fileprivate func inserting(_ elements: [Element], at index: Int) -> [Element] {
        guard !elements.isEmpty else { return self }
        var copy = self
        copy.insert(contentsOf: elements, at: index)
        return copy
    }
}

/// A country's members that depend on the target year: the growth a year needed, the projection, and
/// why there is none.
typealias TargetYearMembers = (requiredGrowth: Double?, projection: Projection?, untested: UntestedReason?)

/// The objects of victrend's JSON report (`docs/report.schema.json`), member by member in the
/// document's order: what `JSONReportWriter` writes for each section, observation, country, total and
/// diagnostic. Absent figures are `null`; doubles are written by `number`, counts by `integer`.
extension JSONPrettyText {
    // MARK: - Members

    mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// A string member that is `null` when empty (a country's display name).
    mutating func member(_ name: StaticString, nonEmpty value: String) {
        member(name, value.isEmpty ? nil : value)
    }

    mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        integer(value)
    }

    mutating func member(_ name: StaticString, _ value: Double?) {
        key(name)
        number(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    // MARK: - Sections

    /// The tool, when the report was made and from which inputs (by file name, `PublishedName`, and
    /// SHA-256); without provenance, this version and no time or inputs.
    mutating func metadata(_ provenance: Provenance?) {
        beginObject()
        member("tool", "victrend")
        member("tool_version", provenance?.toolVersion ?? VicTrendVersion.current)
        member("generated_at", provenance?.generatedAt)
        member("from_source_date_epoch", provenance?.fromSourceDateEpoch ?? false)
        key("inputs")
        beginArray()
        for input in provenance?.inputs ?? [] {
            beginObject()
            member("file", PublishedName.of(input.path))
            member("role", input.role)
            member("sha256", input.sha256)
            endObject()
        }
        endArray()
        endObject()
    }

    /// The choices: `target_rate` as a number (a `Double`, for programs) beside its exact decimal text
    /// (`target_rate_text`, what the arithmetic used) and percentage; the data inputs by file name.
    /// `projectionYear`: the target year the countries are projected to (`--target-year`, else two
    /// years after the panel's latest year).
    mutating func parameters(
        _ options: AnalysisOptions, projectionYear: Int?, suppression: Suppression.Policy?
    ) {
        beginObject()
        member("target_rate", options.targetRate.doubleValue)
        member("target_rate_text", options.targetRate.description)
        member("target_percent", options.targetRate.percentText)
        member("series", options.series.rawValue)
        member("baseline_year", options.baselineYear)
        member("target_year", options.targetYear)
        member("projection_year", projectionYear)
        member("confidence", options.confidence)
        member("dispersion", options.dispersion.argument)
        key("inputs")
        beginArray()
        for input in options.inputs { string(PublishedName.of(input)) }
        endArray()
        member("suppress_below", suppression?.threshold)
        member("suppress_zeros", suppression?.suppressZeros == true)
        endObject()
    }

    mutating func summary(_ summary: TrendSummary) {
        beginObject()
        member("countries", summary.countries)
        member("first_year", summary.firstYear)
        member("last_year", summary.lastYear)
        member("observations", summary.observations)
        member("assessed", summary.assessed)
        member("met", summary.met)
        member("short", summary.shortOfTarget)
        member("first_years", summary.firstYears)
        member("zero_bases", summary.zeroBases)
        key("total_shortfall")
        integer(summary.totalShortfall)
        endObject()
    }

    /// A country-year: the trends table's columns under their CSV names (`TrendColumn`), in its order,
    /// `victims_status` and the markers after `victims`, and the `source` of the figure (file name).
    /// `as_of` and `elapsed_years` are members of dated running totals only.
    mutating func observation(_ row: YearAssessment) {
        beginObject()
        member("country", row.country)
        member("year", row.year)
        if let date = row.asOf { member("as_of", date.text) }
        member("victims", row.victims)
        member("victims_status", VictimsStatus(row)?.rawValue)
        member("withheld_marker", row.withheldMarker)
        member("suppressed_marker", row.suppressedMarker)
        member("base_year", row.baseYear)
        member("base_victims", row.baseVictims)
        if row.asOf != nil { member("elapsed_years", row.elapsedYears) }
        judgement(row) { text in
            text.member("trajectory_victims", row.trajectoryVictims)
            text.member("trajectory_gap", row.trajectoryGap)
        }
        member("country_name", nonEmpty: CountryTable.standard.displayName(row.country))
        member("dispersion", row.dispersion)
        member("new_victims", row.newVictims)
        member("new_per_year", row.newPerYear)
        member("new_growth_rate", row.newGrowthRate)
        key("source")
        location(row.location)
        endObject()
    }

    /// growth_rate ... significance, shared by observations and totals; `middle` (an observation's
    /// trajectory) comes between `flags` and `p_value`, as in the trends table.
    private mutating func judgement(_ judged: some GrowthJudgement, middle: (inout Self) -> Void = { _ in }) {
        member("growth_rate", judged.growthRate)
        member("required_victims", judged.requiredVictims)
        member("shortfall", judged.shortfall)
        member("status", judged.status.rawValue)
        key("flags")
        beginArray()
        for flag in judged.flags { string(flag.rawValue) }
        endArray()
        middle(&self)
        member("p_value", judged.test?.pValue)
        member("ratio_low", judged.test?.ratioLow)
        member("ratio_high", judged.test?.ratioHigh)
        member("significance", judged.significance?.rawValue)
        member("test_not_run", judged.untested?.rawValue)
    }

    /// A country: the summary table's columns under their CSV names (`ReportTables.countryRecordColumns`),
    /// in its order, with the ends of each period beside them (`long_term_to`, `long_term_from_victims`,
    /// `long_term_to_victims`; all `null` when there is no long-term period).
    mutating func country(_ summary: CountrySummary) {
        beginObject()
        member("country", summary.country)
        member("first_year", summary.firstYear)
        member("last_year", summary.lastYear)
        member("years_reported", summary.yearsReported)
        member("years_assessed", summary.yearsAssessed)
        member("years_met", summary.yearsMet)
        member("total_shortfall", summary.totalShortfall)
        member("latest_growth", summary.latestGrowth)
        member("baseline_year", summary.baselineYear)
        member("baseline_victims", summary.baselineVictims)
        member("baseline_shifted", summary.baselineShifted)
        member("trajectory_victims", summary.latestTrajectoryVictims)
        member("trajectory_gap", summary.latestTrajectoryGap)
        progress(summary.longTerm, long: true)
        progress(summary.shortTerm, long: false)
        member("country_name", nonEmpty: CountryTable.standard.displayName(summary.country))
        member("dispersion", summary.dispersion)
        let trend = summary.trend
        member("trend_from", trend?.fromYear)
        member("trend_growth", trend?.growth)
        member("trend_low", trend?.low)
        member("trend_high", trend?.high)
        member("trend_p_value", trend?.pValue)
        member("trend_significance", trend?.significance?.rawValue)
        member("trend_not_run", summary.trendUntested?.rawValue)
    }

    /// A country's last members, which depend on the target year (written after the others, see
    /// `JSONReportWriter.add(_:deferred:)`).
    mutating func targetYearFigures(_ figures: TargetYearMembers) {
        member("required_growth_to_target_year", figures.requiredGrowth)
        let projection = figures.projection
        member("projection_year", projection?.year)
        member("projected_victims", projection?.victims)
        member("projected_low", projection?.low)
        member("projected_high", projection?.high)
        member("trajectory_at_projection", projection?.trajectory)
        member("probability_on_trajectory", projection?.probabilityOnTrajectory)
        member("projection_category", projection?.category?.rawValue)
        member("projection_not_made", figures.untested?.rawValue)
    }

    /// `long_term_*` or `short_term_*`: from, to, their counts, CAGR, ratio and category.
    private mutating func progress(_ progress: ProgressAssessment?, long: Bool) {
        member(long ? "long_term_from" : "short_term_from", progress?.fromYear)
        member(long ? "long_term_to" : "short_term_to", progress?.toYear)
        member(long ? "long_term_from_victims" : "short_term_from_victims", progress?.fromVictims)
        member(long ? "long_term_to_victims" : "short_term_to_victims", progress?.toVictims)
        member(long ? "long_term_cagr" : "short_term_cagr", progress?.cagr)
        member(long ? "long_term_ratio" : "short_term_ratio", progress?.ratio)
        member(long ? "long_term_category" : "short_term_category", progress?.category.rawValue)
    }

    /// A group's total in a year: the totals table's columns under their CSV names
    /// (`ReportTables.totalRecords`, with `victims_status` as `--suppressed-as empty` writes it), in its
    /// order.
    mutating func total(_ total: GroupTotal) {
        beginObject()
        member("group", total.group)
        member("year", total.year)
        member("countries", total.countries)
        member("victims", total.victims)
        member("victims_status", total.victims == nil ? VictimsStatus.suppressed.rawValue : nil)
        member("base_year", total.comparison.baseYear)
        // In a first year nothing is matched: null, as the totals table leaves the cells empty.
        let first = total.comparison.flags.contains(.firstYear)
        member("matched_countries", first ? nil : total.matchedCountries)
        member("matched_base_victims", total.comparison.baseVictims)
        member("matched_victims", first ? nil : total.matchedVictims)
        judgement(total.comparison)
        member("dispersion", total.comparison.dispersion)
        endObject()
    }

    /// A finding of the reading, its file by name (`PublishedName`), also where the message cites a
    /// place in one of `paths` (the inputs as given).
    mutating func diagnostic(_ diagnostic: Diagnostic, paths: [String]) {
        beginObject()
        member("code", diagnostic.code.rawValue)
        member("severity", diagnostic.severity.rawValue)
        member("message", PublishedName.message(diagnostic.message, paths: paths))
        key("source")
        if let location = diagnostic.location { self.location(location) } else { null() }
        endObject()
    }

    /// `{file, line, column}`, the file by name.
    private mutating func location(_ location: Location) {
        beginObject()
        member("file", PublishedName.of(location.file))
        member("line", location.line)
        member("column", location.column)
        if let sheet = location.sheet { member("sheet", sheet) }
        endObject()
    }
}

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

    /// The tool, when the report was made and from which inputs; without provenance, this version and
    /// no time or inputs.
    mutating func metadata(_ provenance: Provenance?) {
        beginObject()
        member("tool", "victrend")
        member("toolVersion", provenance?.toolVersion ?? VicTrendVersion.current)
        member("generatedAt", provenance?.generatedAt)
        member("fromSourceDateEpoch", provenance?.fromSourceDateEpoch ?? false)
        key("inputs")
        beginArray()
        for input in provenance?.inputs ?? [] {
            beginObject()
            member("path", input.path)
            member("role", input.role)
            member("sha256", input.sha256)
            endObject()
        }
        endArray()
        endObject()
    }

    mutating func parameters(_ options: AnalysisOptions, suppression: Suppression.Policy?) {
        beginObject()
        member("targetRate", options.targetRate.description)
        member("targetPercent", options.targetRate.percentText)
        member("series", options.series.rawValue)
        member("baselineYear", options.baselineYear)
        member("targetYear", options.targetYear)
        member("confidence", options.confidence)
        member("dispersion", options.dispersion.argument)
        key("inputs")
        beginArray()
        for input in options.inputs { string(input) }
        endArray()
        member("suppressBelow", suppression?.threshold)
        member("suppressZeros", suppression?.suppressZeros == true)
        endObject()
    }

    mutating func summary(_ summary: TrendSummary) {
        beginObject()
        member("countries", summary.countries)
        member("firstYear", summary.firstYear)
        member("lastYear", summary.lastYear)
        member("observations", summary.observations)
        member("assessed", summary.assessed)
        member("met", summary.met)
        member("short", summary.shortOfTarget)
        member("firstYears", summary.firstYears)
        member("zeroBases", summary.zeroBases)
        key("totalShortfall")
        integer(summary.totalShortfall)
        endObject()
    }

    mutating func observation(_ row: YearAssessment) {
        beginObject()
        member("country", row.country)
        member("countryName", nonEmpty: CountryTable.standard.displayName(row.country))
        member("year", row.year)
        member("victims", row.victims)
        member("withheldMarker", row.withheldMarker)
        member("suppressedMarker", row.suppressedMarker)
        member("baseYear", row.baseYear)
        member("baseVictims", row.baseVictims)
        judgement(row)
        member("dispersion", row.dispersion)
        member("trajectoryVictims", row.trajectoryVictims)
        member("trajectoryGap", row.trajectoryGap)
        member("newVictims", row.newVictims)
        member("newPerYear", row.newPerYear)
        member("newGrowthRate", row.newGrowthRate)
        key("source")
        location(row.location)
        endObject()
    }

    /// growthRate ... significance, shared by observations and totals.
    private mutating func judgement(_ judged: some GrowthJudgement) {
        member("growthRate", judged.growthRate)
        member("requiredVictims", judged.requiredVictims)
        member("shortfall", judged.shortfall)
        member("status", judged.status.rawValue)
        key("flags")
        beginArray()
        for flag in judged.flags { string(flag.rawValue) }
        endArray()
        member("pValue", judged.test?.pValue)
        member("ratioLow", judged.test?.ratioLow)
        member("ratioHigh", judged.test?.ratioHigh)
        member("significance", judged.significance?.rawValue)
    }

    mutating func country(_ summary: CountrySummary) {
        beginObject()
        member("country", summary.country)
        member("countryName", nonEmpty: CountryTable.standard.displayName(summary.country))
        member("firstYear", summary.firstYear)
        member("lastYear", summary.lastYear)
        member("yearsReported", summary.yearsReported)
        member("yearsAssessed", summary.yearsAssessed)
        member("yearsMet", summary.yearsMet)
        member("totalShortfall", summary.totalShortfall)
        member("latestGrowth", summary.latestGrowth)
        member("baselineYear", summary.baselineYear)
        member("baselineVictims", summary.baselineVictims)
        member("baselineShifted", summary.baselineShifted)
        member("trajectoryVictims", summary.latestTrajectoryVictims)
        member("trajectoryGap", summary.latestTrajectoryGap)
        key("longTerm")
        if let longTerm = summary.longTerm { progress(longTerm) } else { null() }
        key("shortTerm")
        progress(summary.shortTerm)
        member("requiredGrowthToTargetYear", summary.requiredGrowthToTargetYear)
        member("dispersion", summary.dispersion)
        let trend = summary.trend
        member("trend_from", trend?.fromYear)
        member("trend_growth", trend?.growth)
        member("trend_low", trend?.low)
        member("trend_high", trend?.high)
        member("trend_p_value", trend?.pValue)
        member("trend_significance", trend?.significance?.rawValue)
        endObject()
    }

    private mutating func progress(_ progress: ProgressAssessment) {
        beginObject()
        member("fromYear", progress.fromYear)
        member("toYear", progress.toYear)
        member("fromVictims", progress.fromVictims)
        member("toVictims", progress.toVictims)
        member("cagr", progress.cagr)
        member("ratio", progress.ratio)
        member("category", progress.category.rawValue)
        endObject()
    }

    mutating func total(_ total: GroupTotal) {
        beginObject()
        member("group", total.group)
        member("year", total.year)
        member("countries", total.countries)
        member("victims", total.victims)
        member("baseYear", total.comparison.baseYear)
        member("matchedCountries", total.matchedCountries)
        member("matchedBaseVictims", total.comparison.baseVictims)
        member("matchedVictims", total.matchedVictims)
        judgement(total.comparison)
        endObject()
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        beginObject()
        member("code", diagnostic.code.rawValue)
        member("severity", diagnostic.severity.rawValue)
        member("message", diagnostic.message)
        key("source")
        if let location = diagnostic.location { self.location(location) } else { null() }
        endObject()
    }

    private mutating func location(_ location: Location) {
        beginObject()
        member("file", location.file)
        member("line", location.line)
        member("column", location.column)
        if let sheet = location.sheet { member("sheet", sheet) }
        endObject()
    }
}

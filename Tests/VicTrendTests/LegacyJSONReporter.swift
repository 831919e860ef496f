@testable import VicTrend

/// The JSON reporter as it was before `JSONReportWriter` (commit ca82143): the document built as nested
/// strings, then indented character by character. Kept in the tests only, as the oracle the writer's
/// bytes are compared with; it takes about 10 KB of memory a country-year.
enum LegacyJSONReporter {
    static func report(_ report: TrendReport) -> String {
        let members: [(String, String)] = [
            ("format", string("victrend-report")),
            ("formatVersion", String(JSONReporter.formatVersion)),
            ("metadata", metadata(report.provenance)),
            (
                "parameters",
                parameters(
                    report.options, projectionYear: report.projectionYear, suppression: report.suppression)
            ),
            ("summary", summary(report.summary)),
            ("observations", JSONText.array(report.assessments.map(observation))),
            ("countries", JSONText.array(report.countries.map(country))),
            ("totals", JSONText.array(report.totals.map(total))),
            ("diagnostics", JSONText.array(report.diagnostics.map(diagnostic))),
        ]
        return pretty(JSONText.object(members)) + "\n"
    }

    // MARK: - Sections

    private static func metadata(_ provenance: Provenance?) -> String {
        guard let provenance else {
            return JSONText.object([
                ("tool", string("victrend")), ("toolVersion", string(VicTrendVersion.current)),
                ("generatedAt", "null"), ("fromSourceDateEpoch", "false"), ("inputs", "[]"),
            ])
        }
        return JSONText.object([
            ("tool", string("victrend")), ("toolVersion", string(provenance.toolVersion)),
            ("generatedAt", string(provenance.generatedAt)),
            ("fromSourceDateEpoch", provenance.fromSourceDateEpoch ? "true" : "false"),
            (
                "inputs",
                JSONText.array(
                    provenance.inputs.map {
                        JSONText.object([
                            ("path", string($0.path)), ("role", string($0.role)),
                            ("sha256", $0.sha256.map(string) ?? "null"),
                        ])
                    })
            ),
        ])
    }

    private static func parameters(
        _ options: AnalysisOptions, projectionYear: Int?, suppression: Suppression.Policy?
    ) -> String {
        JSONText.object([
            ("targetRate", string(options.targetRate.description)),
            ("targetPercent", string(options.targetRate.percentText)),
            ("series", string(options.series.rawValue)),
            ("baselineYear", int(options.baselineYear)),
            ("targetYear", int(options.targetYear)),
            ("projection_year", int(projectionYear)),
            ("confidence", number(options.confidence)),
            ("dispersion", string(options.dispersion.argument)),
            ("inputs", JSONText.array(options.inputs.map(string))),
            ("suppressBelow", int(suppression?.threshold)),
            ("suppressZeros", suppression?.suppressZeros == true ? "true" : "false"),
        ])
    }

    private static func summary(_ summary: TrendSummary) -> String {
        JSONText.object([
            ("countries", String(summary.countries)), ("firstYear", int(summary.firstYear)),
            ("lastYear", int(summary.lastYear)), ("observations", String(summary.observations)),
            ("assessed", String(summary.assessed)), ("met", String(summary.met)),
            ("short", String(summary.shortOfTarget)), ("firstYears", String(summary.firstYears)),
            ("zeroBases", String(summary.zeroBases)), ("totalShortfall", String(summary.totalShortfall)),
        ])
    }

    private static func observation(_ row: YearAssessment) -> String {
        JSONText.object(
            [
                ("country", string(row.country)),
                ("countryName", optionalString(CountryTable.standard.displayName(row.country))),
                ("year", String(row.year)), ("victims", int(row.victims)),
                ("withheldMarker", row.withheldMarker.map(string) ?? "null"),
                ("suppressedMarker", row.suppressedMarker.map(string) ?? "null"),
                ("baseYear", int(row.baseYear)), ("baseVictims", int(row.baseVictims)),
            ] + judgement(row)
                + [
                    ("dispersion", number(row.dispersion)),
                    ("trajectoryVictims", int(row.trajectoryVictims)),
                    ("trajectoryGap", int(row.trajectoryGap)),
                    ("newVictims", int(row.newVictims)), ("newPerYear", number(row.newPerYear)),
                    ("newGrowthRate", number(row.newGrowthRate)), ("source", location(row.location)),
                ])
    }

    /// growthRate ... significance, shared by observations and totals.
    private static func judgement(_ judged: some GrowthJudgement) -> [(String, String)] {
        [
            ("growthRate", number(judged.growthRate)), ("requiredVictims", int(judged.requiredVictims)),
            ("shortfall", int(judged.shortfall)), ("status", string(judged.status.rawValue)),
            ("flags", JSONText.array(judged.flags.map { string($0.rawValue) })),
            ("pValue", number(judged.test?.pValue)), ("ratioLow", number(judged.test?.ratioLow)),
            ("ratioHigh", number(judged.test?.ratioHigh)),
            ("significance", judged.significance.map { string($0.rawValue) } ?? "null"),
            ("test_not_run", judged.untested.map { string($0.rawValue) } ?? "null"),
        ]
    }

    private static func country(_ summary: CountrySummary) -> String {
        JSONText.object([
            ("country", string(summary.country)),
            ("countryName", optionalString(CountryTable.standard.displayName(summary.country))),
            ("firstYear", String(summary.firstYear)), ("lastYear", String(summary.lastYear)),
            ("yearsReported", String(summary.yearsReported)),
            ("yearsAssessed", String(summary.yearsAssessed)),
            ("yearsMet", String(summary.yearsMet)), ("totalShortfall", String(summary.totalShortfall)),
            ("latestGrowth", number(summary.latestGrowth)), ("baselineYear", int(summary.baselineYear)),
            ("baselineVictims", int(summary.baselineVictims)),
            ("baselineShifted", summary.baselineShifted ? "true" : "false"),
            ("trajectoryVictims", int(summary.latestTrajectoryVictims)),
            ("trajectoryGap", int(summary.latestTrajectoryGap)),
            ("longTerm", summary.longTerm.map(progress) ?? "null"),
            ("shortTerm", progress(summary.shortTerm)),
            ("dispersion", number(summary.dispersion)),
            ("trend_from", int(summary.trend?.fromYear)), ("trend_growth", number(summary.trend?.growth)),
            ("trend_low", number(summary.trend?.low)), ("trend_high", number(summary.trend?.high)),
            ("trend_p_value", number(summary.trend?.pValue)),
            ("trend_significance", summary.trend?.significance.map { string($0.rawValue) } ?? "null"),
            ("trend_not_run", summary.trendUntested.map { string($0.rawValue) } ?? "null"),
            ("requiredGrowthToTargetYear", number(summary.requiredGrowthToTargetYear)),
            ("projection_year", int(summary.projection?.year)),
            ("projected_victims", number(summary.projection?.victims)),
            ("projected_low", number(summary.projection?.low)),
            ("projected_high", number(summary.projection?.high)),
            ("trajectory_at_projection", int(summary.projection?.trajectory)),
            ("probability_on_trajectory", number(summary.projection?.probabilityOnTrajectory)),
            ("projection_category", summary.projection?.category.map { string($0.rawValue) } ?? "null"),
            ("projection_not_made", summary.projectionUntested.map { string($0.rawValue) } ?? "null"),
        ])
    }

    private static func progress(_ progress: ProgressAssessment) -> String {
        JSONText.object([
            ("fromYear", String(progress.fromYear)), ("toYear", String(progress.toYear)),
            ("fromVictims", int(progress.fromVictims)), ("toVictims", int(progress.toVictims)),
            ("cagr", number(progress.cagr)), ("ratio", number(progress.ratio)),
            ("category", string(progress.category.rawValue)),
        ])
    }

    private static func total(_ total: GroupTotal) -> String {
        JSONText.object(
            [
                ("group", string(total.group)), ("year", String(total.year)),
                ("countries", String(total.countries)),
                ("victims", int(total.victims)), ("baseYear", int(total.comparison.baseYear)),
                ("matchedCountries", String(total.matchedCountries)),
                ("matchedBaseVictims", int(total.comparison.baseVictims)),
                ("matchedVictims", int(total.matchedVictims)),
            ] + judgement(total.comparison))
    }

    private static func diagnostic(_ diagnostic: Diagnostic) -> String {
        JSONText.object([
            ("code", string(diagnostic.code.rawValue)), ("severity", string(diagnostic.severity.rawValue)),
            ("message", string(diagnostic.message)), ("source", diagnostic.location.map(location) ?? "null"),
        ])
    }

    private static func location(_ location: Location) -> String {
        JSONText.object([
            ("file", string(location.file)), ("line", String(location.line)),
            ("column", int(location.column)),
        ])
    }

    // MARK: - Values

    private static func string(_ text: String) -> String { JSONText.string(text) }

    private static func optionalString(_ text: String) -> String {
        text.isEmpty ? "null" : JSONText.string(text)
    }

    private static func int(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    /// A finite double in its shortest round-trip form; `null` otherwise.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Indents a compact JSON text (two spaces), one member or element per line; arrays of scalars stay
    /// on one line.
    private static func pretty(_ compact: String) -> String {
        var output = ""
        var depth = 0
        var inString = false
        var escaped = false
        let characters = Array(compact)
        var index = 0
        func newline() { output += "\n" + String(repeating: "  ", count: depth) }
        while index < characters.count {
            let character = characters[index]
            if inString {
                output.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else {
                switch character {
                case "\"":
                    inString = true
                    output.append(character)
                case "{", "[":
                    let closing: Character = character == "{" ? "}" : "]"
                    if index + 1 < characters.count && characters[index + 1] == closing {
                        output += String(character) + String(closing)
                        index += 1
                    } else {
                        output.append(character)
                        depth += 1
                        newline()
                    }
                case "}", "]":
                    depth -= 1
                    newline()
                    output.append(character)
                case ",":
                    output.append(character)
                    newline()
                case ":":
                    output += ": "
                default:
                    output.append(character)
                }
            }
            index += 1
        }
        return output
    }
}

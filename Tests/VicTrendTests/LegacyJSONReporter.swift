@testable import VicTrend

/// The JSON reporter as it was before `JSONReportWriter` (commit ca82143): the document built as nested
/// strings, then indented character by character. Kept in the tests only, as the oracle the writer's
/// bytes are compared with; it takes about 10 KB of memory a country-year. Its members follow format
/// version 2 (CSV column names, file names), written here a second time on purpose: a name or an order
/// changed on one side only fails the comparison.
enum LegacyJSONReporter {
    static func report(_ report: TrendReport) -> String {
        let paths = report.options.inputs
        let members: [(String, String)] = [
            ("format", string("victrend-report")),
            ("format_version", String(JSONReporter.formatVersion)),
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
            ("diagnostics", JSONText.array(report.diagnostics.map { diagnostic($0, paths: paths) })),
        ]
        return pretty(JSONText.object(members)) + "\n"
    }

    // MARK: - Sections

    private static func metadata(_ provenance: Provenance?) -> String {
        guard let provenance else {
            return JSONText.object([
                ("tool", string("victrend")), ("tool_version", string(VicTrendVersion.current)),
                ("generated_at", "null"), ("from_source_date_epoch", "false"), ("inputs", "[]"),
            ])
        }
        return JSONText.object([
            ("tool", string("victrend")), ("tool_version", string(provenance.toolVersion)),
            ("generated_at", string(provenance.generatedAt)),
            ("from_source_date_epoch", provenance.fromSourceDateEpoch ? "true" : "false"),
            (
                "inputs",
                JSONText.array(
                    provenance.inputs.map {
                        JSONText.object([
                            ("file", string(PublishedName.of($0.path))), ("role", string($0.role)),
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
            ("target_rate", number(options.targetRate.doubleValue)),
            ("target_rate_text", string(options.targetRate.description)),
            ("target_percent", string(options.targetRate.percentText)),
            ("series", string(options.series.rawValue)),
            ("baseline_year", int(options.baselineYear)),
            ("target_year", int(options.targetYear)),
            ("projection_year", int(projectionYear)),
            ("confidence", number(options.confidence)),
            ("dispersion", string(options.dispersion.argument)),
            ("inputs", JSONText.array(options.inputs.map { string(PublishedName.of($0)) })),
            ("suppress_below", int(suppression?.threshold)),
            ("suppress_zeros", suppression?.suppressZeros == true ? "true" : "false"),
        ])
    }

    private static func summary(_ summary: TrendSummary) -> String {
        JSONText.object([
            ("countries", String(summary.countries)), ("first_year", int(summary.firstYear)),
            ("last_year", int(summary.lastYear)), ("observations", String(summary.observations)),
            ("assessed", String(summary.assessed)), ("met", String(summary.met)),
            ("short", String(summary.shortOfTarget)), ("first_years", String(summary.firstYears)),
            ("zero_bases", String(summary.zeroBases)), ("total_shortfall", String(summary.totalShortfall)),
        ])
    }

    private static func observation(_ row: YearAssessment) -> String {
        let status = row.suppressedMarker != nil ? "suppressed" : row.victims == nil ? "withheld" : nil
        return JSONText.object(
            [
                ("country", string(row.country)), ("year", String(row.year)), ("victims", int(row.victims)),
                ("victims_status", status.map(string) ?? "null"),
                ("withheld_marker", row.withheldMarker.map(string) ?? "null"),
                ("suppressed_marker", row.suppressedMarker.map(string) ?? "null"),
                ("base_year", int(row.baseYear)), ("base_victims", int(row.baseVictims)),
            ]
                + judgement(
                    row,
                    middle: [
                        ("trajectory_victims", int(row.trajectoryVictims)),
                        ("trajectory_gap", int(row.trajectoryGap)),
                    ])
                + [
                    ("country_name", optionalString(CountryTable.standard.displayName(row.country))),
                    ("dispersion", number(row.dispersion)),
                    ("new_victims", int(row.newVictims)), ("new_per_year", number(row.newPerYear)),
                    ("new_growth_rate", number(row.newGrowthRate)), ("source", location(row.location)),
                ])
    }

    /// growth_rate ... significance, shared by observations and totals; `middle` after the flags.
    private static func judgement(_ judged: some GrowthJudgement, middle: [(String, String)] = [])
        -> [(String, String)]
    {
        [
            ("growth_rate", number(judged.growthRate)), ("required_victims", int(judged.requiredVictims)),
            ("shortfall", int(judged.shortfall)), ("status", string(judged.status.rawValue)),
            ("flags", JSONText.array(judged.flags.map { string($0.rawValue) })),
        ] + middle + [
            ("p_value", number(judged.test?.pValue)), ("ratio_low", number(judged.test?.ratioLow)),
            ("ratio_high", number(judged.test?.ratioHigh)),
            ("significance", judged.significance.map { string($0.rawValue) } ?? "null"),
            ("test_not_run", judged.untested.map { string($0.rawValue) } ?? "null"),
        ]
    }

    private static func country(_ summary: CountrySummary) -> String {
        JSONText.object(
            [
                ("country", string(summary.country)),
                ("first_year", String(summary.firstYear)), ("last_year", String(summary.lastYear)),
                ("years_reported", String(summary.yearsReported)),
                ("years_assessed", String(summary.yearsAssessed)),
                ("years_met", String(summary.yearsMet)), ("total_shortfall", String(summary.totalShortfall)),
                ("latest_growth", number(summary.latestGrowth)), ("baseline_year", int(summary.baselineYear)),
                ("baseline_victims", int(summary.baselineVictims)),
                ("baseline_shifted", summary.baselineShifted ? "true" : "false"),
                ("trajectory_victims", int(summary.latestTrajectoryVictims)),
                ("trajectory_gap", int(summary.latestTrajectoryGap)),
            ] + progress(summary.longTerm, "long_term") + progress(summary.shortTerm, "short_term") + [
                ("country_name", optionalString(CountryTable.standard.displayName(summary.country))),
                ("dispersion", number(summary.dispersion)),
                ("trend_from", int(summary.trend?.fromYear)), ("trend_growth", number(summary.trend?.growth)),
                ("trend_low", number(summary.trend?.low)), ("trend_high", number(summary.trend?.high)),
                ("trend_p_value", number(summary.trend?.pValue)),
                ("trend_significance", summary.trend?.significance.map { string($0.rawValue) } ?? "null"),
                ("trend_not_run", summary.trendUntested.map { string($0.rawValue) } ?? "null"),
                ("required_growth_to_target_year", number(summary.requiredGrowthToTargetYear)),
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

    private static func progress(_ progress: ProgressAssessment?, _ prefix: String) -> [(String, String)] {
        [
            ("\(prefix)_from", int(progress?.fromYear)), ("\(prefix)_to", int(progress?.toYear)),
            ("\(prefix)_from_victims", int(progress?.fromVictims)),
            ("\(prefix)_to_victims", int(progress?.toVictims)),
            ("\(prefix)_cagr", number(progress?.cagr)), ("\(prefix)_ratio", number(progress?.ratio)),
            ("\(prefix)_category", progress.map { string($0.category.rawValue) } ?? "null"),
        ]
    }

    private static func total(_ total: GroupTotal) -> String {
        let first = total.comparison.flags.contains(.firstYear)
        return JSONText.object(
            [
                ("group", string(total.group)), ("year", String(total.year)),
                ("countries", String(total.countries)),
                ("victims", int(total.victims)),
                ("victims_status", total.victims == nil ? string("suppressed") : "null"),
                ("base_year", int(total.comparison.baseYear)),
                ("matched_countries", first ? "null" : String(total.matchedCountries)),
                ("matched_base_victims", int(total.comparison.baseVictims)),
                ("matched_victims", first ? "null" : int(total.matchedVictims)),
            ] + judgement(total.comparison) + [("dispersion", number(total.comparison.dispersion))])
    }

    private static func diagnostic(_ diagnostic: Diagnostic, paths: [String]) -> String {
        JSONText.object([
            ("code", string(diagnostic.code.rawValue)), ("severity", string(diagnostic.severity.rawValue)),
            ("message", string(PublishedName.message(diagnostic.message, paths: paths))),
            ("source", diagnostic.location.map(location) ?? "null"),
        ])
    }

    private static func location(_ location: Location) -> String {
        JSONText.object([
            ("file", string(PublishedName.of(location.file))), ("line", String(location.line)),
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

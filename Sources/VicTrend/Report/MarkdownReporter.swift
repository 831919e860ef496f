/// A report to paste into a yearly review: parameters, summary, a trend table (one row per country,
/// one column per year, showing growth), and every shortfall with its required and actual count.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func report(_ report: TrendReport) -> String {
        let options = report.options
        let target = options.targetRate
        let summary = report.summary
        var lines: [String] = []
        let cumulative = options.series == .cumulative
        lines.append(
            "# Identified victims\(cumulative ? " (running totals)" : ""): progress against the "
                + "\(target.percentText) a year target")
        lines.append("")
        lines.append("| Parameter | Value |")
        lines.append("|:--|:--|")
        lines.append(
            "| Target | at least \(target.percentText) more identified victims each year "
                + "(`--target-rate \(target)`) |")
        lines.append(
            cumulative
                ? "| Series | cumulative: running totals, assessed as given; new identifications derived from "
                    + "their differences |"
                : "| Series | annual: victims identified during each year |")
        let baseline =
            options.baselineYear.map {
                "\($0) (a country without a \($0) figure starts from its first later year)"
            } ?? "each country's first reported year"
        lines.append("| Trajectory baseline | \(baseline) |")
        if let targetYear = options.targetYear {
            lines.append("| Target year | \(targetYear): growth a year needed to be back on the trajectory |")
        }
        let confidence = NumberFormatting.compact(options.confidence * 100, maxDecimals: 4)
        lines.append(
            cumulative
                ? "| Significance | not tested: running totals are not independent counts |"
                : "| Significance | exact Poisson rate-ratio test, \(confidence)% confidence "
                    + "(p < \(NumberFormatting.compact(1 - options.confidence, maxDecimals: 6))) |")
        if let policy = report.suppression {
            lines.append(
                "| Suppression | counts 1–\(policy.threshold - 1)\(policy.suppressZeros ? " and 0" : "") shown as "
                    + "\(escape(policy.marker)), x protects them in totals; nothing derived from them is shown |"
            )
        }
        let inputs = options.inputs.map(escape).joined(separator: ", ")
        lines.append("| Input | \(inputs) |")
        lines.append(
            "| Method | each year is compared with the country's previous reported year, growth annualised "
                + "over gaps; a year meets the target when its count is at least "
                + "⌈base × \(target.growthFactorText)^years⌉, decided in exact arithmetic |")
        lines.append("")
        lines.append("## Summary")
        lines.append("")
        lines.append("- Countries: \(summary.countries)")
        if let first = summary.firstYear, let last = summary.lastYear {
            lines.append("- Years covered: \(first == last ? "\(first)" : "\(first)–\(last)")")
        }
        lines.append("- Country-years with a figure: \(NumberFormatting.grouped(summary.observations))")
        lines.append(
            "- Assessed against the target: \(NumberFormatting.grouped(summary.assessed)) — "
                + "met: \(NumberFormatting.grouped(summary.met))\(share(summary.met, of: summary.assessed)), "
                + "short: \(NumberFormatting.grouped(summary.shortOfTarget))"
                + share(summary.shortOfTarget, of: summary.assessed))
        lines.append(
            "- Not assessed: \(summary.firstYears) first year\(summary.firstYears == 1 ? "" : "s"), "
                + "\(summary.zeroBases) after a base of zero")
        lines.append(
            "- Total shortfall: \(NumberFormatting.grouped(summary.totalShortfall)) "
                + "victim\(summary.totalShortfall == 1 ? "" : "s")")
        lines.append("")
        lines.append(contentsOf: trendTable(report))
        lines.append("")
        lines.append(contentsOf: progressTable(report))
        lines.append("")
        lines.append(contentsOf: totalsTable(report))
        lines.append("")
        if cumulative {
            lines.append(contentsOf: derivedTable(report))
            lines.append("")
        }
        lines.append(contentsOf: shortfallTable(report))
        if let provenance = report.provenance {
            lines.append("")
            lines.append(contentsOf: provenanceSection(provenance))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func trendTable(_ report: TrendReport) -> [String] {
        let years = Set(report.assessments.map(\.year)).sorted()
        var lines = [
            "## Growth by country and year",
            "",
            "Growth over the country's previous reported year. "
                + (report.options.series == .cumulative
                    ? "✗ short of the \(report.options.targetRate.percentText) target; "
                    : "✗ short of the \(report.options.targetRate.percentText) target, and significantly so; "
                        + "(✗) short, but within the noise of small counts (exact Poisson test; victim counts are "
                        + "clustered, so the test is indicative, not proof); ")
                + "† annualised over a gap of more than one year; *first*: first reported year; *base 0*: not "
                + "assessed, growth from zero is undefined; *withheld*: the source withheld the figure (<5, c, ..); "
                + "*break*: break in the series, not compared with the year before; d definition differs "
                + "(a break); p provisional, "
                + "e estimated, u low reliability (source flags); blank: no figure.",
            "",
            "| Country | " + years.map(String.init).joined(separator: " | ") + " |",
            "|:--|" + String(repeating: "--:|", count: years.count),
        ]
        for (country, rows) in ReportTables.byCountry(report) {
            let cells = years.map { year in rows[year].map(cell) ?? "" }
            lines.append("| \(countryLabel(country)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// The trend-table cell of one judged count: growth, with its marks.
    static func cell(_ judged: some GrowthJudgement) -> String {
        if judged.flags.contains(.withheld) { return "*withheld*" }
        if judged.status == .suppressed { return "*suppressed*" }
        if judged.flags.contains(.breakInSeries)
            || (judged.flags.contains(.definitionDiffers) && !judged.flags.contains(.firstYear))
        {
            return "*break*" + sourceMarks(judged.flags)
        }
        if judged.flags.contains(.firstYear) { return "*first*" + sourceMarks(judged.flags) }
        if judged.flags.contains(.noOverlap) { return "*no overlap*" }
        if judged.flags.contains(.zeroBase) { return "*base 0*" + (judged.flags.contains(.gap) ? " †" : "") }
        guard let growth = judged.growthRate else { return "" }
        var text = NumberFormatting.percent(growth)
        if judged.flags.contains(.gap) { text += " †" }
        if judged.significance == .significantShortfall || (judged.status == .shortfall && judged.test == nil)
        {
            text += " ✗"
        }
        if judged.significance == .withinNoise { text += " (✗)" }
        return text + sourceMarks(judged.flags)
    }

    private static func provenanceSection(_ provenance: Provenance) -> [String] {
        var lines = [
            "## Provenance",
            "",
            "Made by victrend \(provenance.toolVersion) at \(provenance.generatedAt)"
                + (provenance.fromSourceDateEpoch ? " (SOURCE_DATE_EPOCH)" : "") + ", from:",
            "",
            "| Input | Role | SHA-256 |",
            "|:--|:--|:--|",
        ]
        for input in provenance.inputs {
            lines.append("| \(escape(input.path)) | \(input.role) | `\(input.sha256)` |")
        }
        return lines
    }

    /// ` d`, ` p`, ` e`, ` u` for definition-differs, provisional, estimated and low-reliability figures.
    static func sourceMarks(_ flags: [YearAssessment.Flag]) -> String {
        var marks = ""
        if flags.contains(.definitionDiffers) { marks += " d" }
        if flags.contains(.provisional) { marks += " p" }
        if flags.contains(.estimated) { marks += " e" }
        if flags.contains(.lowReliability) { marks += " u" }
        return marks
    }

    private static func totalsTable(_ report: TrendReport) -> [String] {
        var lines = [
            "## Totals",
            "",
            "Growth is like for like: only the countries that reported in both years are compared (*Compared*), "
                + "so a country joining or missing a year does not count as growth or decline. Marks as in the "
                + "trend table.",
            "",
        ]
        lines += render(ReportTables.totals(report))
        if !report.groups.isEmpty {
            let outside = report.countries.map(\.country).filter {
                !report.groups.contains(SeriesKey.country(of: $0))
            }
            lines.append("")
            lines.append(
                outside.isEmpty
                    ? "Every country is in at least one group."
                    : "Not in any group (counted in the alliance total only): "
                        + outside.map(escape).joined(separator: ", ") + ".")
        }
        return lines
    }

    private static func shortfallTable(_ report: TrendReport) -> [String] {
        let rows = report.shortfalls
        guard !rows.isEmpty else {
            return ["## Shortfalls", "", "No country-year fell short of the target."]
        }
        let total = NumberFormatting.grouped(report.summary.totalShortfall)
        return [
            "## Shortfalls",
            "",
            "\(rows.count) country-year\(rows.count == 1 ? "" : "s") fell short of the target, by \(total) "
                + "victim\(report.summary.totalShortfall == 1 ? "" : "s") in all.",
            "",
        ] + render(ReportTables.shortfalls(report))
    }

    private static func progressTable(_ report: TrendReport) -> [String] {
        var lines = [
            "## Progress by country",
            "",
            "Compound annual growth (CAGR) over Eurostat's periods: from the first figure of the past 15 years "
                + "(long term, *from*) or 5 years (short term) to the latest, never across a break (b, d); a "
                + "period under 3 years is not assessable. Categorised by Eurostat's rule for a quantitative "
                + "target: R = CAGR / target; significant progress R ≥ 0.95, moderate 0.60–0.95, insufficient "
                + "0–0.60, movement away R < 0. Trajectory: the baseline count grown by the target every year, "
                + "started again from the figure of a break after the baseline.",
            "",
        ]
        lines += render(ReportTables.progress(report))
        if report.countries.contains(where: \.baselineShifted) {
            lines.append("")
            lines.append("‡ no figure for the baseline year; the country's first later year is its baseline.")
        }
        return lines
    }

    /// A shared table as Markdown: text from the input escaped, figures right-aligned.
    private static func render(_ table: ReportTables.Table) -> [String] {
        var lines = [
            "| " + table.headers.joined(separator: " | ") + " |",
            "|" + table.columns.map { $0 == .text || $0 == .words ? ":--|" : "--:|" }.joined(),
        ]
        for row in table.rows {
            let cells = zip(row, table.columns).map { cell, column in column == .text ? escape(cell) : cell }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    private static func derivedTable(_ report: TrendReport) -> [String] {
        var lines = [
            "## New identifications derived from the running totals",
            "",
            "New = the increase of the running total since the previous reported year; per year = new divided "
                + "by the years between. Growth compares the new identifications per year with those of the "
                + "previous interval, annualised over the distance between the intervals' midpoints: the "
                + "Declaration's goal read as growth of new identifications.",
            "",
            "| Country | Year | Running total | Since | New | New per year | Growth of new per year |",
            "|:--|--:|--:|--:|--:|--:|--:|",
        ]
        for row in report.assessments {
            guard let new = row.newVictims, let perYear = row.newPerYear, let since = row.baseYear else {
                continue
            }
            let cells: [String] = [
                countryLabel(row.country), String(row.year),
                row.victims.map { NumberFormatting.grouped($0) } ?? "",
                String(since),
                NumberFormatting.grouped(new), NumberFormatting.fixed(perYear, decimals: 1),
                row.newGrowthRate.map(NumberFormatting.percent) ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// ` (62.5%)`: the share with one decimal, or nothing when `whole` is 0.
    private static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return " (\(NumberFormatting.fixed(Double(part) / Double(whole) * 100, decimals: 1))%)"
    }

    /// `AUT Austria` for an ISO key, else the key: escaped for a table cell.
    static func countryLabel(_ key: String) -> String {
        escape(ReportTables.countryLabel(key))
    }

    /// Text made safe for a table cell: `|` escaped, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            case "`", "*", "_", "[", "]", "<", ">", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}

/// A report to paste into a yearly review: parameters, summary, a trend table (one row per country,
/// one column per year, showing growth), and every shortfall with its required and actual count.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func report(_ report: TrendReport) -> String {
        let target = report.parameters.targetRate
        let summary = report.summary
        var lines: [String] = []
        lines.append("# Identified victims: progress against the \(target.percentText) a year target")
        lines.append("")
        lines.append("| Parameter | Value |")
        lines.append("|:--|:--|")
        lines.append(
            "| Target | at least \(target.percentText) more identified victims each year "
                + "(`--target-rate \(target)`) |")
        let inputs = report.parameters.inputs.map(escape).joined(separator: ", ")
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
        lines.append(contentsOf: shortfallTable(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func trendTable(_ report: TrendReport) -> [String] {
        let years = Set(report.assessments.map(\.year)).sorted()
        var lines = [
            "## Growth by country and year",
            "",
            "Growth over the country's previous reported year. ✗ short of the "
                + "\(report.parameters.targetRate.percentText) target; † annualised over a gap of more than "
                + "one year; *first*: first reported year; *base 0*: not assessed, growth from zero is "
                + "undefined; blank: no figure.",
            "",
            "| Country | " + years.map(String.init).joined(separator: " | ") + " |",
            "|:--|" + String(repeating: "--:|", count: years.count),
        ]
        var byCountry: [(String, [Int: YearAssessment])] = []
        for row in report.assessments {
            if byCountry.last?.0 != row.country {
                byCountry.append((row.country, [:]))
            }
            byCountry[byCountry.count - 1].1[row.year] = row
        }
        for (country, rows) in byCountry {
            let cells = years.map { year in rows[year].map(cell) ?? "" }
            lines.append("| \(escape(country)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// The trend-table cell of one country-year.
    static func cell(_ row: YearAssessment) -> String {
        if row.flags.contains(.firstYear) { return "*first*" }
        if row.flags.contains(.zeroBase) { return "*base 0*" + (row.flags.contains(.gap) ? " †" : "") }
        guard let growth = row.growthRate else { return "" }
        var text = NumberFormatting.percent(growth)
        if row.flags.contains(.gap) { text += " †" }
        if row.status == .shortfall { text += " ✗" }
        return text
    }

    private static func shortfallTable(_ report: TrendReport) -> [String] {
        let rows = report.shortfalls
        guard !rows.isEmpty else {
            return ["## Shortfalls", "", "No country-year fell short of the target."]
        }
        let total = NumberFormatting.grouped(report.summary.totalShortfall)
        var lines = [
            "## Shortfalls",
            "",
            "\(rows.count) country-year\(rows.count == 1 ? "" : "s") fell short of the target, by \(total) "
                + "victim\(report.summary.totalShortfall == 1 ? "" : "s") in all.",
            "",
            "| Country | Year | Base year | Base victims | Required | Identified | Shortfall |",
            "|:--|--:|--:|--:|--:|--:|--:|",
        ]
        for row in rows {
            let cells = [
                escape(row.country),
                String(row.year) + (row.flags.contains(.gap) ? " †" : ""),
                row.baseYear.map(String.init) ?? "",
                row.baseVictims.map { NumberFormatting.grouped($0) } ?? "",
                row.requiredVictims.map { NumberFormatting.grouped($0) } ?? "",
                NumberFormatting.grouped(row.victims),
                row.shortfall.map { NumberFormatting.grouped($0) } ?? "",
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

/// A report to paste into a yearly review: parameters, summary, a trend table (one row per country,
/// one column per year, showing growth), and every shortfall with its required and actual count.
///
/// The tables come from `ReportTables` as typed cells and are rendered by `MarkdownText`; the text is
/// written into one string, in time proportional to the report (rows, plus countries × years for the
/// trend table).
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func report(_ report: TrendReport) -> String {
        var text = ""
        parameters(report, to: &text)
        summary(report, to: &text)
        text.appendLine()
        trendTable(report, to: &text)
        text.appendLine()
        progressTable(report, to: &text)
        text.appendLine()
        if report.options.series == .annual {
            trendByCountryTable(report, to: &text)
            text.appendLine()
        }
        totalsTable(report, to: &text)
        text.appendLine()
        if report.options.series == .cumulative {
            derivedTable(report, to: &text)
            text.appendLine()
        }
        shortfallTable(report, to: &text)
        inputChecks(report, to: &text)
        if let provenance = report.provenance {
            text.appendLine()
            provenanceSection(provenance, to: &text)
        }
        return text
    }

    /// How dated running totals are annualised, after the series parameter.
    static let datedNote =
        "; dated (as of): growth, required totals and new per year annualised by the exact time between "
        + "dates, days / 365.25 years, the required total in floating point (one more where rounding could "
        + "decide)"

    private static func parameters(_ report: TrendReport, to text: inout String) {
        let options = report.options
        let target = options.targetRate
        let cumulative = options.series == .cumulative
        text.appendLine(
            "# Identified victims\(cumulative ? " (running totals)" : ""): progress against the "
                + "\(target.percentText) a year target")
        text.appendLine()
        text.appendLine("| Parameter | Value |")
        text.appendLine("|:--|:--|")
        text.appendLine(
            "| Target | at least \(target.percentText) more identified victims each year "
                + "(`--target-rate \(target)`) |")
        text.appendLine(
            cumulative
                ? "| Series | cumulative: running totals, assessed as given; new identifications derived from "
                    + "their differences\(report.isDated ? Self.datedNote : "") |"
                : "| Series | annual: victims identified during each year |")
        let baseline =
            options.baselineYear.map {
                "\($0) (a country without a \($0) figure starts from its first later year)"
            } ?? "each country's first reported year"
        text.appendLine("| Trajectory baseline | \(baseline) |")
        if let year = report.projectionYear {
            let given = options.targetYear == nil ? " (two years after the latest year; `--target-year`)" : ""
            text.appendLine(
                "| Target year | \(year)\(given): \(cumulative ? "" : "the projection, and ")the growth a year "
                    + "needed to be back on the trajectory by then |")
        }
        let confidence = NumberFormatting.compact(options.confidence * 100, maxDecimals: 4)
        text.appendLine(
            cumulative
                ? "| Significance | not tested: running totals are not independent counts |"
                : "| Significance | exact Poisson rate-ratio test, \(confidence)% confidence "
                    + "(p < \(NumberFormatting.compact(1 - options.confidence, maxDecimals: 6))) |")
        if !cumulative {
            text.appendLine("| Dispersion | `--dispersion \(options.dispersion.argument)` |")
        }
        if let policy = report.suppression {
            text.appendLine(
                "| Suppression | counts 1–\(policy.threshold - 1)\(policy.suppressZeros ? " and 0" : "") shown as "
                    + "\(MarkdownText.escape(policy.marker)), x protects them in totals; nothing derived from them "
                    + "is shown |")
        }
        let inputs = options.inputs.map { MarkdownText.escape(PublishedName.of($0)) }.joined(separator: ", ")
        text.appendLine("| Input | \(inputs) |")
        let multipliers = UnitMultiplierNote.lines(report)
        if !multipliers.isEmpty {
            text.appendLine(
                "| Unit multiplier | \(multipliers.map(MarkdownText.escape).joined(separator: "<br>")) |")
        }
        text.appendLine(
            report.isDated
                ? "| Method | each figure is compared with the country's previous reported figure; a figure meets "
                    + "the target when its count is at least ⌈base × \(target.growthFactorText)^t⌉, t the exact "
                    + "time between their dates in years (days / 365.25), computed in floating point (exact "
                    + "for a whole number of years; one more where rounding could decide) |"
                : "| Method | each year is compared with the country's previous reported year, growth annualised "
                    + "over gaps; a year meets the target when its count is at least "
                    + "⌈base × \(target.growthFactorText)^years⌉, decided in exact arithmetic |")
        text.appendLine()
    }

    private static func summary(_ report: TrendReport, to text: inout String) {
        let summary = report.summary
        text.appendLine("## Summary")
        text.appendLine()
        text.appendLine("- Countries: \(summary.countries)")
        if summary.series != summary.countries {
            text.appendLine(
                "- Series (one per country and --by value): \(NumberFormatting.grouped(summary.series))")
        }
        if let first = summary.firstYear, let last = summary.lastYear {
            text.appendLine("- Years covered: \(first == last ? "\(first)" : "\(first)–\(last)")")
        }
        text.appendLine("- Country-years with a figure: \(NumberFormatting.grouped(summary.observations))")
        text.appendLine(
            "- Assessed against the target: \(NumberFormatting.grouped(summary.assessed)) — "
                + "met: \(NumberFormatting.grouped(summary.met))\(share(summary.met, of: summary.assessed)), "
                + "short: \(NumberFormatting.grouped(summary.shortOfTarget))"
                + share(summary.shortOfTarget, of: summary.assessed))
        text.appendLine("- Not assessed: " + ReportTables.notAssessedParts(summary).joined(separator: ", "))
        if summary.withheld > 0 {
            text.appendLine(
                "- Withheld by the source (no figure, not assessed): \(NumberFormatting.grouped(summary.withheld))"
            )
        }
        for sentence in ReportTables.untestedSentences(report) {
            text.appendLine("- " + sentence)
        }
        if let found = ReportTables.findingsCount(report) {
            text.appendLine("- Input checks: \(found), listed at the end")
        }
        text.appendLine(
            "- Total shortfall: \(NumberFormatting.grouped(summary.totalShortfall)) "
                + "victim\(summary.totalShortfall == 1 ? "" : "s")")
    }

    private static func trendTable(_ report: TrendReport, to text: inout String) {
        let grid = YearGrid(report.assessments)
        let target = report.options.targetRate.percentText
        text.appendLine("## Growth by country and year")
        text.appendLine()
        text.appendLine(
            "Growth over the country's previous reported year. "
                + (!ReportTables.isTested(report)
                    ? "✗ short of the \(target) target"
                        + (report.options.series == .annual ? " (not tested: --no-test); " : "; ")
                    : "✗ short of the \(target) target, and significantly so; "
                        + "(✗) short, but within the noise of small counts (exact Poisson test; victim counts are "
                        + "clustered, so the test is indicative, not proof); "
                        + (ReportTables.hasUntestedShortfall(report)
                            ? "✗? short, not tested (the summary says why); " : ""))
                + "† annualised over a gap of more than one year; *first*: first reported year; *base 0*: not "
                + "assessed, growth from zero is undefined; *withheld*: the source withheld the figure (<5, c, ..); "
                + "*break*: break in the series, not compared with the year before; d definition differs "
                + "(a break); p provisional, "
                + "e estimated, u low reliability (source flags); blank: no figure."
                + (ReportTables.isTested(report) ? " " + report.options.dispersion.caveat : ""))
        text.appendLine()
        text.appendLine(
            "| Country | " + grid.years.map(NumberFormatting.integer).joined(separator: " | ") + " |")
        text.appendLine("|:--|" + String(repeating: "--:|", count: grid.years.count))
        for country in grid.countries {
            text += "| "
            text += MarkdownText.escape(ReportTables.countryLabel(country.key))
            text += " | "
            for (index, row) in grid.cells(of: country).enumerated() {
                if index > 0 { text += " | " }
                if let row { MarkdownText.append(ReportTables.growth(row), to: &text) }
            }
            text.appendLine(" |")
        }
    }

    /// The trend-table cell of one judged count: growth, with its marks.
    static func cell(_ judged: some GrowthJudgement) -> String {
        MarkdownText.cell(ReportTables.growth(judged))
    }

    private static func progressTable(_ report: TrendReport, to text: inout String) {
        text.appendLine("## Progress by country")
        text.appendLine()
        text.appendLine(
            "Compound annual growth (CAGR) over Eurostat's periods: from the first figure of the past 15 years "
                + "(long term, *from*) or 5 years (short term) to the latest, never across a break (b, d); a "
                + "period under 3 years is not assessable. Categorised by Eurostat's rule for a quantitative "
                + "target: R = CAGR / target; significant progress R ≥ 0.95, moderate 0.60–0.95, insufficient "
                + "0–0.60, movement away R < 0. Trajectory: the baseline count grown by the target every year, "
                + "started again from the figure of a break after the baseline.")
        text.appendLine()
        render(ReportTables.progress(report), to: &text)
        if report.countries.contains(where: \.baselineShifted) {
            text.appendLine()
            text.appendLine(
                "‡ no figure for the baseline year; the country's first later year is its baseline.")
        }
    }

    private static func trendByCountryTable(_ report: TrendReport, to text: inout String) {
        let alpha = NumberFormatting.compact(1 - report.options.confidence, maxDecimals: 6)
        text.appendLine("## Trend by country")
        text.appendLine()
        text.appendLine(
            ReportTables.trendMethod(alpha: alpha)
        )
        text.appendLine()
        render(ReportTables.trends(report), to: &text)
        guard let year = report.projectionYear else { return }
        text.appendLine()
        text.appendLine("## Projection to \(year)")
        text.appendLine()
        text.appendLine(
            ReportTables.projectionMethod(
                year: year, defaulted: report.options.targetYear == nil,
                confidence: NumberFormatting.compact(report.options.confidence * 100, maxDecimals: 4)))
        text.appendLine()
        render(ReportTables.projections(report), to: &text)
    }

    private static func totalsTable(_ report: TrendReport, to text: inout String) {
        text.appendLine("## Totals")
        text.appendLine()
        text.appendLine(
            "Growth is like for like: only the countries that reported in both years are compared (*Compared*), "
                + "so a country joining or missing a year does not count as growth or decline. Marks as in the "
                + "trend table.")
        text.appendLine()
        render(ReportTables.totals(report), to: &text)
        let aggregates = report.countries.map(\.country).filter(Aggregates.isAggregateKey)
        if !aggregates.isEmpty {
            text.appendLine()
            text.appendLine(
                "Kept aggregates (--keep-aggregates: series of their own, not countries, in no total): "
                    + aggregates.map(MarkdownText.escape).joined(separator: ", ") + ".")
        }
        guard !report.groups.isEmpty else { return }
        let outside = report.countries.map(\.country).filter {
            !Aggregates.isAggregateKey($0) && !report.groups.contains(SeriesKey.country(of: $0))
        }
        text.appendLine()
        text.appendLine(
            outside.isEmpty
                ? "Every country is in at least one group."
                : "Not in any group (counted in the alliance total only): "
                    + outside.map(MarkdownText.escape).joined(separator: ", ") + ".")
    }

    private static func derivedTable(_ report: TrendReport, to text: inout String) {
        text.appendLine("## New identifications derived from the running totals")
        text.appendLine()
        text.appendLine(
            "New = the increase of the running total since the previous reported year; per year = new divided "
                + "by the years between. Growth compares the new identifications per year with those of the "
                + "previous interval, annualised over the distance between the intervals' midpoints: the "
                + "Declaration's goal read as growth of new identifications."
                + (report.isDated
                    ? " The totals are dated: the years between are the exact time between the dates (As of, "
                        + "Since), days / 365.25." : ""))
        text.appendLine()
        render(ReportTables.derived(report), to: &text)
    }

    private static func shortfallTable(_ report: TrendReport, to text: inout String) {
        let table = ReportTables.shortfalls(report)
        text.appendLine("## Shortfalls")
        text.appendLine()
        guard table.count > 0 else {
            text.appendLine("No country-year fell short of the target.")
            return
        }
        text.appendLine(MarkdownText.escape(ReportTables.shortfallSentence(report, listed: table.count)))
        text.appendLine()
        render(table, to: &text)
    }

    /// The warnings and notes found while reading, when there are any.
    private static func inputChecks(_ report: TrendReport, to text: inout String) {
        let table = ReportTables.inputChecks(report)
        guard let sentence = ReportTables.inputChecksSentence(report, listed: table.count) else { return }
        text.appendLine()
        text.appendLine("## Input checks")
        text.appendLine()
        text.appendLine(MarkdownText.escape(sentence))
        text.appendLine()
        render(table, to: &text)
    }

    private static func provenanceSection(_ provenance: Provenance, to text: inout String) {
        text.appendLine("## Provenance")
        text.appendLine()
        text.appendLine(
            "Made by victrend \(provenance.toolVersion) at \(provenance.generatedAt)"
                + (provenance.fromSourceDateEpoch ? " (SOURCE_DATE_EPOCH)" : "") + ", from:")
        text.appendLine()
        text.appendLine("| Input | Role | SHA-256 |")
        text.appendLine("|:--|:--|:--|")
        for input in provenance.inputs {
            let hash = input.sha256.map { "`\($0)`" } ?? Provenance.Input.withheldText
            text.appendLine(
                "| \(MarkdownText.escape(PublishedName.of(input.path))) | \(input.role) | \(hash) |")
        }
    }

    /// A shared table as Markdown: a header row, the alignment row, then one line per row.
    private static func render(_ table: ReportTables.Table, to text: inout String) {
        text.appendLine("| " + table.headers.joined(separator: " | ") + " |")
        text.appendLine("|" + table.alignments.map { $0 == .left ? ":--|" : "--:|" }.joined())
        for row in 0..<table.count {
            text += "| "
            for (index, cell) in table.row(row).cells.enumerated() {
                if index > 0 { text += " | " }
                MarkdownText.append(cell, to: &text)
            }
            text.appendLine(" |")
        }
    }

    /// ` (62.5%)`: the share with one decimal, or nothing when `whole` is 0.
    private static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return " (\(NumberFormatting.fixed(Double(part) / Double(whole) * 100, decimals: 1))%)"
    }
}

extension String {
    /// Appends `line` and a line feed.
    fileprivate mutating func appendLine(_ line: String = "") {
        self += line
        self += "\n"
    }
}

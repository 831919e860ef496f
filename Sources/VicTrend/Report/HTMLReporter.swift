/// A self-contained HTML report for publication (`--format html`): inline CSS and SVG only (no script,
/// no external resource), readable offline and printable on A4. Every chart has a `<title>` and `<desc>`
/// and the numbers behind it in a table; the heat table's colours are backed by text marks, so it reads
/// in greyscale and for colour-blind readers. The output is also well-formed XML.
public enum HTMLReporter: Reporter {
    public static let identifier = "html"

    public static func report(_ report: TrendReport) -> String {
        let target = report.options.targetRate.percentText
        let title = "Identified victims: progress against the \(target) a year target"
        let grid = YearGrid(report.assessments)
        var html = ""
        // Room for the whole page at once (the estimate bounds it from above), so that it is not copied
        // as it grows.
        html.reserveCapacity(
            min(
                maximumBytes,
                estimatedBytes(
                    seriesCount: grid.countries.count, rowCount: report.assessments.count,
                    yearCount: grid.years.count)))
        html.appendLines([
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"victrend \(VicTrendVersion.current)\"/>",
            "<title>\(HTMLText.escape(title))</title>",
            "<style>\(style)</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>\(HTMLText.escape(title))</h1>",
            "<p class=\"lede\">\(HTMLText.escape(method(report)))</p>",
            parameters(report),
            "</header>",
            "<main>",
        ])
        html.appendLines(headline(report))
        html.appendLines(allianceChart(report))
        heatTable(report, grid: grid, to: &html)
        smallMultiples(report, grid: grid, to: &html)
        progressTable(report, to: &html)
        if report.options.series == .annual { trendTable(report, to: &html) }
        totalsTable(report, to: &html)
        shortfallTable(report, to: &html)
        inputChecks(report, to: &html)
        html.appendLines(notes(report))
        html.appendLines(["</main>", "</body>", "</html>"])
        return html
    }

    // MARK: - Sections

    private static func method(_ report: TrendReport) -> String {
        let options = report.options
        let target = options.targetRate
        var text =
            "The Global Alliance against child sexual abuse online aims to increase the number of identified "
            + "victims in INTERPOL's ICSE database by at least \(target.percentText) a year. Each country's figure "
            + "is compared with its previous reported year (growth is annualised over gaps); a year meets the "
            + "target when its count is at least the base count times \(target.growthFactorText) per year, "
            + (report.isDated
                ? "rounded up: for running totals at dates, per year of the exact time between the dates (days / "
                    + "365.25), in floating point (exact for a whole number of years; one more where rounding could "
                    + "decide)."
                : "rounded up, decided in exact arithmetic.")
        text +=
            options.series == .cumulative
            ? " The counts are running totals; the new identifications derived from them are shown too."
            : " Counts are victims identified during each year."
        if let baseline = options.baselineYear {
            text += " Trajectories start in \(baseline)."
        }
        return text
    }

    private static func parameters(_ report: TrendReport) -> String {
        let options = report.options
        var items: [(String, String)] = [
            ("Target", "at least \(options.targetRate.percentText) more identified victims a year"),
            (
                "Series",
                options.series == .annual
                    ? "annual counts"
                    : report.isDated
                        ? "running totals at dates, annualised by the exact time between them (days / 365.25)"
                        : "running totals"
            ),
            (
                "Trajectory baseline",
                options.baselineYear.map(String.init) ?? "each country's first reported year"
            ),
        ]
        if let year = report.projectionYear {
            items.append(
                (
                    "Target year",
                    String(year) + (options.targetYear == nil ? " (two years after the latest year)" : "")
                ))
        }
        if options.series == .annual {
            items.append(
                ("Confidence", NumberFormatting.compact(options.confidence * 100, maxDecimals: 4) + "%"))
        }
        if let policy = report.suppression {
            items.append(
                (
                    "Suppression",
                    "counts below \(policy.threshold)\(policy.suppressZeros ? ", and zeros," : "") shown as "
                        + "\(policy.marker); x marks counts suppressed to protect them"
                ))
        }
        items.append(("Input", options.inputs.map(PublishedName.of).joined(separator: ", ")))
        for line in UnitMultiplierNote.lines(report) { items.append(("Unit multiplier", line)) }
        return "<dl class=\"parameters\">"
            + items.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined()
            + "</dl>"
    }

    private static func headline(_ report: TrendReport) -> [String] {
        let summary = report.summary
        var cards: [(String, String)] = [("countries", "\(summary.countries)")]
        if let first = summary.firstYear, let last = summary.lastYear {
            cards.append(("years", first == last ? "\(first)" : "\(first)–\(last)"))
        }
        let share =
            summary.assessed > 0
            ? NumberFormatting.fixed(Double(summary.met) / Double(summary.assessed) * 100, decimals: 0) + "%"
            : "–"
        cards.append(("of country-years met the target", share))
        cards.append(("victims short of the target in all", NumberFormatting.grouped(summary.totalShortfall)))
        if let last = report.totals.last(where: { $0.group == GroupTotal.allianceName }),
            let growth = last.comparison.growthRate
        {
            cards.append(("alliance growth in \(last.year), like for like", NumberFormatting.percent(growth)))
        }
        var lines = [section("headline", "Headline figures"), "<ul class=\"cards\">"]
        for (label, value) in cards {
            lines.append("<li><strong>\(HTMLText.escape(value))</strong> \(HTMLText.escape(label))</li>")
        }
        lines.append("</ul>")
        if let found = ReportTables.findingsCount(report) {
            lines.append(
                "<p>Reading the input found \(HTMLText.escape(found)): see "
                    + "<a href=\"#input-checks\">Input checks</a>.</p>")
        }
        lines.append("</section>")
        return lines
    }

    /// The alliance's raw total by year and the trajectory from its baseline year.
    private static func allianceChart(_ report: TrendReport) -> [String] {
        let totals = report.totals.filter { $0.group == GroupTotal.allianceName }
        guard !totals.isEmpty else { return [] }
        let baseline =
            totals.first { $0.year >= (report.options.baselineYear ?? Int.min) } ?? totals[0]
        let factor = report.options.targetRate.growthFactor
        var rows: [(year: Int, actual: Int?, trajectory: Int?)] = []
        for total in totals {
            var trajectory: Int?
            if let start = baseline.victims, total.year >= baseline.year && start > 0 {
                trajectory = ExactGrowth.ceilScaled(
                    start, by: factor.numerator, over: factor.denominator,
                    years: total.year - baseline.year)
            }
            rows.append((total.year, total.victims, trajectory))
        }
        let chart = SVGLineChart(
            id: "alliance",
            title:
                "Alliance total of identified victims against the \(report.options.targetRate.percentText) a year trajectory",
            description: "Actual totals from \(rows[0].year) to \(rows[rows.count - 1].year): "
                + rows.map { "\($0.year) \($0.actual.map(String.init) ?? "withheld")" }.joined(
                    separator: ", ")
                + ". Trajectory from \(baseline.year): "
                + rows.compactMap { row in row.trajectory.map { "\(row.year) \($0)" } }.joined(
                    separator: ", ") + ".",
            actual: rows.compactMap { row in row.actual.map { .init(year: row.year, value: Double($0)) } },
            trajectory: rows.compactMap { row in
                row.trajectory.map { .init(year: row.year, value: Double($0)) }
            })
        var lines = [
            section("alliance", "Alliance total against the trajectory"),
            "<figure>",
            chart.render(),
            "<figcaption>Solid: identified victims, all reporting countries. Dashed: the \(baseline.year) total grown "
                + "by \(HTMLText.escape(report.options.targetRate.percentText)) a year. The countries reporting vary "
                + "from year to year; the totals table compares like with like.</figcaption>",
            "</figure>",
            scrollBox("alliance-numbers"),
            "<table class=\"numbers\">",
            "<caption id=\"alliance-numbers\">The numbers behind the chart</caption>",
            "<thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Countries</th><th scope=\"col\">Identified victims</th>"
                + "<th scope=\"col\">Trajectory</th></tr></thead>",
            "<tbody>",
        ]
        for (total, row) in zip(totals, rows) {
            lines.append(
                "<tr><th scope=\"row\">\(row.year)</th><td>\(total.countries)</td>"
                    + "<td>\(NumberFormatting.count(row.actual))</td>"
                    + "<td>\(row.trajectory.map { NumberFormatting.grouped($0) } ?? "")</td></tr>")
        }
        lines += ["</tbody>", "</table>", "</div>", "</section>"]
        return lines
    }

    /// Year-over-year growth by country and year, coloured by outcome.
    private static func heatTable(_ report: TrendReport, grid: YearGrid, to html: inout String) {
        html.appendLines([
            section("growth", "Growth by country and year"),
            "<p class=\"legend\"><span class=\"key met\">met</span> met the target "
                + (ReportTables.isTested(report)
                    ? "<span class=\"key short\">(✗)</span> short, within the noise of small counts "
                        + "<span class=\"key significant\">✗</span> short, and significantly so "
                        + (ReportTables.hasUntestedShortfall(report)
                            ? "<span class=\"key short\">✗?</span> short, not tested (see the notes) " : "")
                    : "<span class=\"key significant\">✗</span> short (not tested) ")
                + "<span class=\"key na\">–</span> not assessed (first year, base of zero, break, withheld)"
                + " — † growth annualised over a gap; p provisional, e estimated, u low reliability.</p>",
            scrollBox("growth-table"),
            "<table class=\"heat\">",
            "<caption id=\"growth-table\">Growth over each country's previous reported year</caption>",
            "<thead><tr><th scope=\"col\">Country</th>" + yearHeaders(grid) + "</tr></thead>",
            "<tbody>",
        ])
        for country in grid.countries {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(label(country.key)))</th>"
            for row in grid.cells(of: country) {
                guard let row else {
                    html += "<td class=\"none\"></td>"
                    continue
                }
                html +=
                    "<td class=\"\(className(ReportTables.outcome(row)))\" title=\"\(HTMLText.escape(tooltip(row)))\">"
                HTMLText.append(ReportTables.growth(row), to: &html)
                html += "</td>"
            }
            html.appendLine("</tr>")
        }
        html.appendLines(["</tbody>", "</table>", "</div>", "</section>"])
    }

    private static func tooltip(_ row: YearAssessment) -> String {
        var text = "\(row.country) \(row.year): "
        text +=
            row.victims.map { "\($0) victims" }
            ?? (row.suppressedMarker.map { "suppressed (\($0))" } ?? "withheld (\(row.withheldMarker ?? ""))")
        if let base = row.baseVictims, let baseYear = row.baseYear { text += "; \(base) in \(baseYear)" }
        if let required = row.requiredVictims { text += "; \(required) needed" }
        if let p = row.test?.pValue { text += "; p = \(NumberFormatting.significant(p))" }
        return text
    }

    /// One small chart per country: actual against its trajectory, and the numbers in a table.
    private static func smallMultiples(_ report: TrendReport, grid: YearGrid, to html: inout String) {
        html.appendLines([
            section("countries", "Countries against their trajectories"),
            "<p>Solid: identified victims; dashed: the country's baseline grown by "
                + "\(HTMLText.escape(report.options.targetRate.percentText)) a year"
                + (report.projectionYear.map {
                    "; short dashes to \($0): the projection from the country's trend, shaded: its prediction interval"
                } ?? "") + ".</p>",
            "<div class=\"multiples\">",
        ])
        var projections: [String: Projection?] = [:]
        for country in report.countries where country.projection != nil {
            projections[country.country] = country.projection
        }
        for (index, country) in grid.countries.enumerated() {
            let ordered = grid.cells(of: country).compactMap { $0 }
            let actual = ordered.compactMap { row in
                row.victims.map { SVGLineChart.Point(year: row.year, value: Double($0)) }
            }
            var trajectory = ordered.compactMap { row in
                row.trajectoryVictims.map { SVGLineChart.Point(year: row.year, value: Double($0)) }
            }
            var projectionText = ""
            var drawn: SVGLineChart.Projection?
            if let found = projections[country.key], let projection = found,
                let latest = actual.last
            {
                drawn = SVGLineChart.Projection(
                    from: latest, to: SVGLineChart.Point(year: projection.year, value: projection.victims),
                    low: projection.low, high: projection.high)
                if let target = projection.trajectory, !trajectory.isEmpty {
                    trajectory.append(SVGLineChart.Point(year: projection.year, value: Double(target)))
                }
                projectionText =
                    " Projected for \(projection.year): \(NumberFormatting.fixed(projection.victims, decimals: 1)) "
                    + "(\(NumberFormatting.fixed(projection.low, decimals: 1)) to "
                    + "\(NumberFormatting.fixed(projection.high, decimals: 1)))"
                    + (projection.trajectory.map { ", trajectory \($0)." } ?? ".")
            }
            let chart = SVGLineChart(
                id: "country-\(index)", title: label(country.key),
                description: "Identified victims: "
                    + ordered.compactMap { row in row.victims.map { "\(row.year) \($0)" } }.joined(
                        separator: ", ")
                    + (trajectory.isEmpty
                        ? "; no trajectory (no baseline above zero)."
                        : "; trajectory: "
                            + ordered.compactMap { row in row.trajectoryVictims.map { "\(row.year) \($0)" } }
                            .joined(separator: ", ") + ".") + projectionText,
                actual: actual, trajectory: trajectory, projection: drawn, width: 200, height: 120,
                compact: true)
            html +=
                "<figure class=\"multiple\"><figcaption>\(HTMLText.escape(label(country.key)))</figcaption>"
            html += chart.render()
            html.appendLine("</figure>")
        }
        html.appendLines([
            "</div>",
            scrollBox("countries-numbers"),
            "<table class=\"numbers\">",
            "<caption id=\"countries-numbers\">The numbers behind the charts: identified victims / trajectory</caption>",
            "<thead><tr><th scope=\"col\">Country</th>" + yearHeaders(grid) + "</tr></thead>",
            "<tbody>",
        ])
        for country in grid.countries {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(label(country.key)))</th>"
            for row in grid.cells(of: country) {
                html += "<td>"
                if let row { HTMLText.append(ReportTables.victimsAndTrajectory(row), to: &html) }
                html += "</td>"
            }
            html.appendLine("</tr>")
        }
        html.appendLines(["</tbody>", "</table>", "</div>", "</section>"])
    }

    /// The header cells of the grid's years.
    private static func yearHeaders(_ grid: YearGrid) -> String {
        grid.years.map { "<th scope=\"col\">\(NumberFormatting.integer($0))</th>" }.joined()
    }

    private static func progressTable(_ report: TrendReport, to html: inout String) {
        html.appendLines([
            section("progress", "Progress by country"),
            "<p>Compound annual growth (CAGR) over Eurostat's periods: from the first figure of the past 15 "
                + "years (long term, <em>from</em>) or 5 years (short term) to the latest, never across a break "
                + "(b, d); a period under 3 years is not assessable. Categorised by Eurostat's rule for a "
                + "quantitative target: R = CAGR / target; significant progress R ≥ 0.95, moderate 0.60–0.95, "
                + "insufficient 0–0.60, movement away R &lt; 0.</p>",
        ])
        render(ReportTables.progress(report), named: "Table of progress by country", to: &html)
        html.appendLine("</section>")
    }

    private static func trendTable(_ report: TrendReport, to html: inout String) {
        let alpha = NumberFormatting.compact(1 - report.options.confidence, maxDecimals: 6)
        html.appendLines([
            section("trend", "Trend by country"),
            "<p>\(HTMLText.escape(ReportTables.trendMethod(alpha: alpha)))</p>",
        ])
        render(ReportTables.trends(report), named: "Table of trends by country", to: &html)
        html.appendLine("</section>")
        guard let year = report.projectionYear else { return }
        let method = ReportTables.projectionMethod(
            year: year, defaulted: report.options.targetYear == nil,
            confidence: NumberFormatting.compact(report.options.confidence * 100, maxDecimals: 4))
        html.appendLines([
            section("projection", "Projection to \(year)"),
            "<p>\(HTMLText.escape(method))</p>",
        ])
        render(ReportTables.projections(report), named: "Table of projections by country", to: &html)
        html.appendLine("</section>")
    }

    private static func totalsTable(_ report: TrendReport, to html: inout String) {
        guard !report.totals.isEmpty else { return }
        html.appendLines([
            section("totals", "Totals"),
            "<p>Growth is like for like: only the countries that reported in both years are compared.</p>",
        ])
        render(ReportTables.totals(report), named: "Table of totals", to: &html)
        html.appendLine("</section>")
    }

    private static func shortfallTable(_ report: TrendReport, to html: inout String) {
        let table = ReportTables.shortfalls(report)
        html.appendLines([section("shortfalls", "Shortfalls")])
        guard table.count > 0 else {
            html.appendLines(["<p>No country-year fell short of the target.</p>", "</section>"])
            return
        }
        html.appendLine(
            "<p>" + HTMLText.escape(ReportTables.shortfallSentence(report, listed: table.count)) + "</p>")
        render(table, named: "Table of shortfalls", to: &html)
        html.appendLine("</section>")
    }

    /// The warnings and notes found while reading, when there are any.
    private static func inputChecks(_ report: TrendReport, to html: inout String) {
        let table = ReportTables.inputChecks(report)
        guard let sentence = ReportTables.inputChecksSentence(report, listed: table.count) else { return }
        html.appendLines([section("input-checks", "Input checks"), "<p>\(HTMLText.escape(sentence))</p>"])
        render(table, named: "Table of input checks", to: &html)
        html.appendLine("</section>")
    }

    /// A shared table as HTML, in a box of its own named `name` that scrolls sideways when the table is
    /// wider than the screen: the first cell of a row is its header; everything is escaped.
    private static func render(_ table: ReportTables.Table, named name: String, to html: inout String) {
        html.appendLines([
            scrollBox(named: name),
            "<table>",
            "<thead><tr>" + table.headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
                + "</tr></thead>",
            "<tbody>",
        ])
        for index in 0..<table.count {
            let row = table.row(index)
            html += row.outcome.map { "<tr class=\"\(className($0))\">" } ?? "<tr>"
            for (position, cell) in row.cells.enumerated() {
                html += position == 0 ? "<th scope=\"row\">" : "<td>"
                HTMLText.append(cell, to: &html)
                html += position == 0 ? "</th>" : "</td>"
            }
            html.appendLine("</tr>")
        }
        html.appendLines(["</tbody>", "</table>", "</div>"])
    }

    /// Footnotes for the flags that occur, the caveat of the test, and the provenance.
    private static func notes(_ report: TrendReport) -> [String] {
        let flags = Set(report.assessments.flatMap(\.flags))
        var items: [String] = []
        let explanations: [(YearAssessment.Flag, String)] = [
            (.gap, "† gap: the previous reported year is more than one year earlier; growth is annualised."),
            (
                .breakInSeries,
                "break: the source marks a break in the series; the year is not compared with the one before."
            ),
            (
                .definitionDiffers,
                "d definition differs: the source says the definition differs; a break, not compared with the "
                    + "year before."
            ),
            (
                .trajectoryRestarted,
                "trajectory restarted: after a break, the trajectory starts again from the break year's figure."
            ),
            (.provisional, "p provisional: the source marks the figure as provisional."),
            (.estimated, "e estimated: the source marks the figure as estimated."),
            (.lowReliability, "u low reliability: the source marks the figure as of low reliability."),
            (.withheld, "withheld: the source withheld the figure (<5, c, ..); the year is not assessed."),
            (.zeroBase, "base 0: growth from zero is undefined; the year is not assessed."),
            (
                .baselineShifted,
                "‡ no figure for the baseline year; the country's first later year is its baseline."
            ),
        ]
        for (flag, text) in explanations where flags.contains(flag) {
            items.append("<li>\(HTMLText.escape(text))</li>")
        }
        if ReportTables.isTested(report) {
            items.append(
                "<li>The significance test treats each pair of counts as Poisson and tests, given their sum, whether "
                    + "the rate ratio is below the target ratio (as R's poisson.test). Victim counts are clustered — "
                    + "one case can identify several victims — so the test is indicative, not proof. "
                    + HTMLText.escape(report.options.dispersion.caveat) + "</li>")
        }
        for sentence in ReportTables.untestedSentences(report) {
            items.append("<li>\(HTMLText.escape(sentence))</li>")
        }
        var lines = [section("notes", "Notes"), "<ul>"] + items + ["</ul>"]
        if let provenance = report.provenance {
            lines.append(
                "<p>Made by victrend \(HTMLText.escape(provenance.toolVersion)) at "
                    + "\(HTMLText.escape(provenance.generatedAt))"
                    + (provenance.fromSourceDateEpoch ? " (SOURCE_DATE_EPOCH)" : "") + " from:</p>")
            lines.append(scrollBox(named: "Table of inputs"))
            lines.append(
                "<table class=\"provenance\"><thead><tr><th scope=\"col\">Input</th><th scope=\"col\">Role</th>"
                    + "<th scope=\"col\">SHA-256</th></tr></thead><tbody>")
            for input in provenance.inputs {
                lines.append(
                    "<tr><td>\(HTMLText.escape(PublishedName.of(input.path)))</td><td>\(HTMLText.escape(input.role))</td>"
                        + "<td>\(input.sha256.map { "<code>\($0)</code>" } ?? Provenance.Input.withheldText)</td></tr>"
                )
            }
            lines.append("</tbody></table>")
            lines.append("</div>")
        }
        lines.append("</section>")
        return lines
    }

    // MARK: - Helpers

    /// The start of a section: a region landmark named by its heading (`ID-heading`).
    private static func section(_ id: String, _ title: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(HTMLText.escape(title))</h2>"
    }

    /// The start of a box around a table that scrolls sideways inside itself when the table is wider than
    /// the screen (so the page never does): focusable, so that a keyboard can scroll it, and a region
    /// named by the element `labelledBy` (the table's caption; never the section's heading, whose
    /// region would then have the same name). Closed by `</div>`.
    private static func scrollBox(_ labelledBy: String) -> String {
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(labelledBy)\">"
    }

    /// The same, named `name` (victrend's words), for a table without a caption.
    private static func scrollBox(named name: String) -> String {
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(name)\">"
    }

    private static func label(_ key: String) -> String { ReportTables.countryLabel(key) }

    /// The heat colour's class of an outcome (see `style`).
    private static func className(_ outcome: ReportTables.Outcome) -> String {
        switch outcome {
        case .met: return "met"
        case .short: return "short"
        case .significant: return "significant"
        case .notAssessed: return "na"
        }
    }

    /// Print-friendly styles for every screen: the page never scrolls sideways (charts shrink to the
    /// width, `max-width: 100%`; a wide table scrolls inside its own box),
    /// the small multiples fill the width in as many columns as fit (two at 400 px), and from 600 px
    /// down the parameters stack. The heat colours differ in lightness as well as hue, at least 15 units of
    /// CIELAB L* between any two of met (#a6cbef, L* 80.2), short (#d9822b, 62.4), significant
    /// (#a33f06, 40.2) and not assessed (#fff, 100), so they read in greyscale and for colour-blind
    /// readers, and always come with a text mark; every text colour on them has a contrast of at least
    /// 4.5:1 (tested from this text).
    static let style = """
        *,::before,::after{box-sizing:border-box}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;\
        max-width:1240px;margin:2rem auto;padding:0 1rem;line-height:1.4;overflow-wrap:break-word}
        p,figcaption{max-width:52rem}
        h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
        .lede{color:#333}.parameters{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem 1rem;\
        font-size:.85rem}
        .parameters dt{font-weight:600}.parameters dd{margin:0;overflow-wrap:anywhere}
        .cards{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.8rem}
        .cards li{border:1px solid #bbb;border-radius:4px;padding:.5rem .8rem;min-width:9rem;flex:1 1 9rem}
        .cards strong{display:block;font-size:1.4rem}
        .scroll{max-width:100%;overflow-x:auto;margin:.8rem 0}.scroll:focus{outline:2px solid #0b4f8a}
        .scroll th,.scroll td{white-space:nowrap}
        .provenance th,.provenance td{white-space:normal;text-align:left}.provenance code{overflow-wrap:anywhere}
        table{border-collapse:collapse;margin:0;font-size:.85rem}
        th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:right}th[scope=row]{text-align:left}
        caption{text-align:left;font-weight:600;padding:.3rem 0}
        .heat{font-size:.72rem}.heat td,.heat th{white-space:nowrap}
        .met{background:#a6cbef}.short{background:#d9822b}.significant{background:#a33f06;color:#fff}
        .na{background:#fff;color:#555;font-style:italic}.none{background:#f4f4f4}
        .key{display:inline-block;padding:0 .4rem;border:1px solid #999;margin:0 .2rem}
        svg.chart{max-width:100%;height:auto}svg.chart.large{width:100%;max-width:760px}
        .chart .grid{stroke:#ddd;stroke-width:1}.chart .tick{font-size:10px;fill:#444}
        .chart.large .tick,.chart .axis{font-size:13px;fill:#444}
        .chart polyline.actual{fill:none;stroke:#0b4f8a;stroke-width:2}.chart circle.actual{fill:#0b4f8a}
        .chart polyline.trajectory{fill:none;stroke:#a33f06;stroke-width:1.5;stroke-dasharray:5 3}
        .chart polyline.projection{fill:none;stroke:#1b5e8c;stroke-width:1.5;stroke-dasharray:2 2}
        .chart .projection-interval{fill:#1b5e8c;fill-opacity:.15;stroke:none}
        .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:.5rem}
        .multiple{margin:0;border:1px solid #ddd;padding:.2rem;min-width:0}
        .multiple figcaption{font-size:.75rem;font-weight:600}
        figure{margin:.5rem 0;max-width:100%}figcaption{font-size:.85rem;color:#333}
        code{font-size:.75rem}
        @media (max-width:600px){body{margin:1rem auto;padding:0 .6rem}h1{font-size:1.3rem}
        .parameters{grid-template-columns:minmax(0,1fr)}.parameters dd{margin-bottom:.3rem}}
        @media print{@page{size:A4;margin:12mm}body{margin:0;max-width:none;font-size:10pt}
        .scroll{overflow:visible}
        .heat{font-size:5.6pt}.heat td,.heat th{padding:.1rem .15rem}table{font-size:7pt}
        section,figure,table{break-inside:avoid}h2{break-after:avoid}
        .met,.short,.significant,.none{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}

extension String {
    /// Appends `line` and a line feed.
    fileprivate mutating func appendLine(_ line: String) {
        self += line
        self += "\n"
    }

    /// Appends each of `lines` and a line feed after each.
    fileprivate mutating func appendLines(_ lines: [String]) {
        for line in lines { appendLine(line) }
    }
}

import Testing

@testable import VicTrend

/// The Markdown and HTML reports list what reading the input found (warnings and notes), so that a
/// published report never leaves out silently a row that was not counted.
@Suite("Input checks in the Markdown and HTML reports")
struct InputChecksTests {
    private func report(diagnostics: [Diagnostic] = []) throws -> TrendReport {
        var builder = PanelBuilder()
        for (year, victims) in [(2019, 100), (2020, 120)] {
            _ = builder.add(
                Observation(
                    country: "AUT", year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        var report = try TrendAnalysis.assess(
            builder.build(), options: AnalysisOptions(inputs: ["/home/ana/submissions/data.csv"])
        ).get()
        report.diagnostics = diagnostics
        return report
    }

    private let findings = [
        Diagnostic(
            .repeatedObservation, at: Location(file: "/home/ana/submissions/data.csv", line: 5),
            "AUT 2020 is given twice with the same count (120), first at /home/ana/submissions/data.csv:4"),
        Diagnostic(
            .aggregateLeftOut, at: Location(file: "/home/ana/submissions/data.csv", line: 6, column: 1),
            "'EU|27' <b> is a total"),
    ]

    @Test("Markdown: a summary line and a section with file names, never paths, and escaped text")
    func markdown() throws {
        let text = MarkdownReporter.report(try report(diagnostics: findings))
        #expect(text.contains("- Input checks: 1 warning and 1 note, listed at the end\n"))
        #expect(
            text.contains(
                """
                ## Input checks

                Reading the input found 1 warning and 1 note. Warnings are worth checking with the source; \
                notes need no action. victrend explain CODE says what a code means.

                | Where | Severity | Code | Finding |
                |:--|:--|:--|:--|
                | data.csv:5 | warning | VT206 | AUT 2020 is given twice with the same count (120), first at \
                data.csv:4 |
                | data.csv:6:1 | note | VT107 | 'EU\\|27' \\<b\\> is a total |

                """))
        #expect(!text.contains("/home/ana"))
    }

    @Test("HTML: the headline points to a section whose cells are escaped")
    func html() throws {
        let html = HTMLReporter.report(try report(diagnostics: findings))
        #expect(
            html.contains(
                "<p>Reading the input found 1 warning and 1 note: see <a href=\"#input-checks\">Input checks</a>.</p>"
            ))
        #expect(html.contains("<section id=\"input-checks\" aria-labelledby=\"input-checks-heading\">"))
        #expect(html.contains("<th scope=\"row\">data.csv:6:1</th><td>note</td><td>VT107</td>"))
        #expect(html.contains("<td>&#39;EU|27&#39; &lt;b&gt; is a total</td>"))
        #expect(!html.contains("/home/ana"))
    }

    @Test("no finding, no section and no line in the summary")
    func none() throws {
        let report = try report()
        #expect(!MarkdownReporter.report(report).contains("Input checks"))
        #expect(!HTMLReporter.report(report).contains("input-checks"))
    }

    @Test("notes alone get the advice for notes; over 50 findings, the first 50 and the count of all")
    func manyNotes() throws {
        let notes = (1...60).map {
            Diagnostic(
                .aggregateLeftOut, at: Location(file: "data.csv", line: $0 + 1), "row \($0) left out")
        }
        var report = try report(diagnostics: notes)
        report.notesFound = 1_234  // the reading log keeps 1,000 and counts the rest
        let text = MarkdownReporter.report(report)
        #expect(text.contains("- Input checks: 1,234 notes, listed at the end\n"))
        #expect(
            text.contains(
                "Reading the input found 1,234 notes. Notes need no action. victrend explain CODE says what a code "
                    + "means. The first 50 are listed; victrend validate on the input lists up to 1,000.\n"))
        #expect(text.contains("| data.csv:51 | note | VT107 | row 50 left out |\n"))
        #expect(!text.contains("row 51 left out"))
    }

    @Test("under suppression a finding keeps its place and code, and its message is the code's summary")
    func suppressed() throws {
        let published = Suppression.apply(try report(diagnostics: findings), policy: .init(threshold: 5))
        let text = MarkdownReporter.report(published)
        #expect(
            text.contains(
                "| data.csv:5 | warning | VT206 | \(MarkdownText.escape(DiagnosticCode.repeatedObservation.summary)) |"
            ))
        #expect(!text.contains("(120), first at"))
    }
}

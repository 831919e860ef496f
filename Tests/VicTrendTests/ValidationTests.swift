import Foundation
import Testing

@testable import VicTrend

@Suite("Plausibility rules and participants")
struct PlausibilityTests {
    private func panel(_ rows: [(String, Int, Int)]) -> Panel {
        var builder = PanelBuilder()
        for (index, (country, year, victims)) in rows.enumerated() {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims,
                    location: Location(file: "f", line: index + 2)))
        }
        return builder.build()
    }

    private func check(_ rows: [(String, Int, Int)], _ options: PlausibilityRules.Options) -> [Diagnostic] {
        PlausibilityRules(options: options).check(panel(rows))
    }

    @Test("series by series (PanelValidation) finds what the whole panel's checks find, in the same order")
    func seriesBySeries() {
        var generator = SeededGenerator(seed: 31)
        for kind in [SeriesKind.annual, .cumulative] {
            for round in 0..<60 {
                var builder = PanelBuilder()
                for index in 0..<Int.random(in: 0...120, using: &generator) {
                    let country = ["AUT", "BEL", "CAN", "DNK", "X"][Int.random(in: 0..<5, using: &generator)]
                    let victims =
                        Int.random(in: 0..<30, using: &generator) == 0
                        ? Int.max - Int.random(in: 0...5, using: &generator)
                        : Int.random(in: 0...400, using: &generator)
                    _ = builder.add(
                        Observation(
                            country: country, year: Int.random(in: 1995...2030, using: &generator),
                            victims: victims, location: Location(file: "f", line: index + 2)))
                }
                var members = Members()
                for (line, country) in ["BEL", "DNK", "FIN"].enumerated() {
                    members.add(
                        .init(
                            country: country, firstExpectedYear: [nil, 2013, 2020][line],
                            location: Location(file: "m", line: line + 2)))
                }
                let rules = PlausibilityRules(
                    options: .init(currentYear: 2026, members: round.isMultiple(of: 2) ? members : nil))
                let panel = builder.build()
                var options = AnalysisOptions(series: kind)
                options.exactTest = false
                var refusals: [Diagnostic] = []
                if case .failure(let list) = TrendAnalysis.assess(panel, options: options) {
                    refusals = list.diagnostics
                }
                let expected = rules.check(panel) + refusals
                // Series by series as the pipeline hands them on, in batches of any size.
                var validation = PanelValidation(rules: rules, series: kind)
                var batches: [[Series]] = []
                builder.forEachBatch(rows: 1 + round % 7) { batches.append($0) }
                for batch in batches { validation.add(batch) }
                #expect(validation.findings().diagnostics == expected, "round \(round)")
                // With a limit of 3: what a log of 3 keeps of them (the first 3, errors first), every one
                // counted, by severity.
                var bounded = PanelValidation(rules: rules, series: kind, limit: 3)
                for batch in batches { bounded.add(batch) }
                let log = bounded.findings()
                var oracle = DiagnosticLog(limit: 3)
                oracle.add(contentsOf: expected)
                #expect(log.diagnostics == oracle.diagnostics, "round \(round)")
                if !expected.contains(where: { $0.severity == .error }) {
                    #expect(log.diagnostics == Array(expected.prefix(3)), "round \(round)")
                }
                #expect(log.omittedCount == max(0, expected.count - 3))
                #expect(log.errorCount == expected.count { $0.severity == .error })
                #expect(log.warningCount == expected.count { $0.severity == .warning })
                #expect(log.infoCount == expected.count { $0.severity == .info })
            }
        }
    }

    @Test("missing years, tenfold jumps and drops, future and early years")
    func rules() {
        let findings = check(
            [
                ("A", 2013, 10), ("A", 2014, 101), ("A", 2016, 100), ("A", 2017, 9), ("A", 2018, 90),
                ("B", 1999, 5),
                ("B", 2027, 5),
            ],
            .init(currentYear: 2026))
        #expect(
            findings.map(\.code) == [
                .implausibleChange, .missingYear, .implausibleChange, .earlyYear, .futureYear, .missingYear,
            ])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings[0].message.contains("jumps from 10 in 2013 to 101 in 2014"))
        #expect(findings[1].message.contains("no figure for 2015 (between 2014 and 2016)"))
        #expect(findings[2].message.contains("drops from 100 in 2016 to 9 in 2017"))
        #expect(findings[5].message.contains("2000–2026"))
        // Exactly ten times is not flagged: 9 -> 90.
        #expect(!findings.contains { $0.message.contains("to 90") })
    }

    @Test("from 0 and to 0 alike: flagged when the other count reaches the minimum, not when both are small")
    func jumpsFromZero() {
        let findings = check(
            [
                ("A", 2019, 0), ("A", 2020, 500), ("A", 2021, 0), ("B", 2019, 0), ("B", 2020, 9),
                ("C", 2019, 9), ("C", 2020, 0), ("D", 2019, 0), ("D", 2020, 10),
            ],
            .init(currentYear: 2026))
        #expect(findings.map(\.code) == [.implausibleChange, .implausibleChange, .implausibleChange])
        #expect(
            findings[0].message == "A jumps from 0 in 2019 to 500 in 2020; check for a typo or a change of "
                + "definition"
        )
        #expect(findings[1].message.hasPrefix("A drops from 500 in 2020 to 0 in 2021"))
        #expect(findings[2].message.hasPrefix("D jumps from 0 in 2019 to 10 in 2020"))
    }

    @Test("the jump factor and year limits are options")
    func thresholds() {
        let rows: [(String, Int, Int)] = [("A", 2005, 10), ("A", 2006, 31)]
        #expect(
            check(rows, .init(jumpFactor: 3, earliestYear: 2010, currentYear: 2026)).map(\.code) == [
                .earlyYear, .earlyYear, .implausibleChange,
            ])
        #expect(check(rows, .init(currentYear: 2026)).isEmpty)
    }

    @Test("non-participants and participants missing years they should have reported")
    func participants() {
        var members = Members()
        members.add(.init(country: "A", firstExpectedYear: nil, location: Location(file: "m", line: 2)))
        members.add(.init(country: "B", firstExpectedYear: 2016, location: Location(file: "m", line: 3)))
        members.add(.init(country: "C", firstExpectedYear: 2013, location: Location(file: "m", line: 4)))
        let findings = check(
            [("A", 2014, 5), ("A", 2015, 5), ("A", 2016, 5), ("B", 2016, 1), ("X", 2014, 3)],
            .init(currentYear: 2026, members: members))
        #expect(findings.map(\.code) == [.notAParticipant, .missingParticipant])
        #expect(findings[0].message.hasPrefix("X is not in the members file"))
        #expect(findings[1].location == Location(file: "m", line: 4))
        #expect(findings[1].message.contains("no figure at all (2014–2016)"))
    }

    @Test("year ranges are written compactly")
    func ranges() {
        #expect(PlausibilityRules.yearRanges([2014, 2016, 2017, 2018, 2020]) == "2014, 2016–2018, 2020")
        #expect(PlausibilityRules.yearRanges([]) == "")
    }

    @Test("a members file: joined dates become the first expected year")
    func membersFile() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file(
            "m.csv",
            "country,name,joined\nAUT,Austria,2012-12-05\nCAN,Canada,by 2014\nXKX,Kosovo,\nBEL,Belgium,soon\n"
        )
        let (members, log) = try MembersReader.read(path)
        #expect(members.member("AUT")?.firstExpectedYear == 2013)
        #expect(members.member("CAN")?.firstExpectedYear == 2014)
        #expect(members.member("XKX")?.firstExpectedYear == nil)
        #expect(members.member("XKX")?.location == Location(file: path, line: 4))
        #expect(members.member("BEL") == nil)
        #expect(log.diagnostics.map(\.code) == [.invalidMemberRow])
        #expect(log.diagnostics.first?.location?.line == 5)
    }

    @Test("identical repeated rows are a warning, conflicting ones an error")
    func repeatedRows() throws {
        let (result, _) = try readPanel(
            "country,year,victims\nAUT,2020,5\nAUT,2020,5\nAUT,2021,6\nAUT,2021,7\n")
        #expect(result.log.diagnostics.map(\.code) == [.repeatedObservation, .duplicateObservation])
        #expect(result.log.diagnostics.map(\.severity) == [.warning, .error])
        #expect(result.panel.observationCount == 2)
        #expect(result.log.diagnostics[1].message.contains("different counts: 6 at"))
    }
}

@Suite("Diagnostic formats: text, JSON, GitHub, SARIF")
struct DiagnosticFormatTests {
    private func report(_ diagnostics: [Diagnostic], limit: Int = 1000) -> ValidationReport {
        var log = DiagnosticLog(limit: limit)
        log.add(contentsOf: diagnostics)
        return ValidationReport(log: log, inputs: ["b.csv", "a.csv"], rowCount: 7)
    }

    private let sample = [
        Diagnostic(
            .invalidCount, at: Location(file: "a.csv", line: 3, column: 9), "bad, 50% \"count\"\nnext"),
        Diagnostic(.missingYear, at: Location(file: "b.csv", line: 9), "gap"),
        Diagnostic(.emptyFile, severity: .info, at: nil, "note"),
    ]

    @Test("text lists findings in input-file order, then a summary")
    func text() {
        let text = TextDiagnosticReporter.report(report(sample))
        #expect(
            text == """
                b.csv:9: warning[VT301]: gap
                a.csv:3:9: error[VT103]: bad, 50% "count"\\x0anext
                note[VT001]: note
                victrend: 1 error, 1 warning, 1 note in 2 files (7 rows)

                """)
    }

    @Test("JSON is one array with the documented fields")
    func json() throws {
        let text = JSONDiagnosticReporter.report(report(sample))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        #expect(parsed[1]["code"] as? String == "VT103")
        #expect(parsed[1]["severity"] as? String == "error")
        #expect(parsed[1]["file"] as? String == "a.csv")
        #expect(parsed[1]["line"] as? Int == 3)
        #expect(parsed[1]["column"] as? Int == 9)
        #expect(parsed[1]["message"] as? String == "bad, 50% \"count\"\nnext")
        #expect(parsed[0]["column"] is NSNull)
        #expect(parsed[2]["file"] is NSNull)
        #expect(JSONDiagnosticReporter.report(report([])) == "[]\n")
    }

    @Test("JSON strings escape DEL, C1 controls and the runner's ##[; the decoded text is unchanged")
    func jsonControls() throws {
        let message = "a\u{7F}b\u{9B}c ##[add-mask]x ###[y"
        let text = JSONText.string(message)
        #expect(text == "\"a\\u007fb\\u009bc #\\u0023[add-mask]x ##\\u0023[y\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == message)
    }

    @Test("GitHub commands escape as the Actions toolkit does")
    func githubEscaping() {
        let diagnostic = Diagnostic(
            .invalidCount, at: Location(file: "dir,x/a:b.csv", line: 3, column: 9), "50%\r\nok")
        #expect(
            GitHubDiagnosticReporter.command(diagnostic)
                == "::error file=dir%2Cx/a%3Ab.csv,line=3,col=9,title=VT103::50%25%0D%0Aok")
        #expect(
            GitHubDiagnosticReporter.command(Diagnostic(.emptyFile, severity: .info, at: nil, "x"))
                == "::notice title=VT001::x")
    }

    @Test("GitHub: the first 10 errors and 10 warnings are annotations, the rest plain lines and a notice")
    func githubLimit() {
        var diagnostics: [Diagnostic] = []
        for line in 1...12 {
            diagnostics.append(Diagnostic(.invalidYear, at: Location(file: "a.csv", line: line), "e\(line)"))
            diagnostics.append(Diagnostic(.missingYear, at: Location(file: "a.csv", line: line), "w\(line)"))
        }
        let lines = GitHubDiagnosticReporter.report(report(diagnostics)).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.contains("a.csv:11: error[VT102]: e11"))
        #expect(lines.contains("a.csv:12: warning[VT301]: w12"))
        #expect(
            lines.contains {
                $0.hasPrefix("::notice title=victrend::4 more findings not shown as annotations")
            })
        let summary = GitHubDiagnosticReporter.stepSummary(report(diagnostics))
        #expect(summary.contains("| error | VT102 | a.csv:12 | e12 |"))
        // Title, summary, table header and separator, 24 rows (blank lines are not counted by split).
        #expect(summary.split(separator: "\n").count == 2 + 2 + 24)
    }

    /// Findings whose cells and file name carry line breaks followed by workflow commands, escape
    /// sequences and the runner's legacy `##[` form: 11 errors, so the last is a plain line.
    private var hostile: [Diagnostic] {
        let file = "sub\n::stop-commands::tok\u{1B}[2J.csv"
        return (1...11).map { line in
            Diagnostic(
                .invalidCount, at: Location(file: file, line: line, column: 2),
                "the count '\(line)\n::add-mask::2019\r\n::warning file=README.md,line=1::owned "
                    + "##[add-mask]x \u{9B}31m 50%'")
        }
    }

    @Test("GitHub: no line begins a command victrend did not write, annotations or plain lines")
    func githubInjection() {
        var log = DiagnosticLog()
        log.add(contentsOf: hostile)
        let output = GitHubDiagnosticReporter.report(
            ValidationReport(log: log, inputs: [], rowCount: 11))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 11 + 2 + 1)
        for line in lines {
            #expect(!line.contains("\r") && !line.contains("##[") && !line.contains("\u{1B}"), "\(line)")
            #expect(!line.unicodeScalars.contains { $0.value == 0x9B }, "\(line)")
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("::") {
                #expect(
                    ["::error file=", "::notice title=victrend::"].contains { line.hasPrefix($0) }, "\(line)")
            }
        }
        #expect(
            lines[0]
                == "::error file=sub%0A%3A%3Astop-commands%3A%3Atok\\x1b[2J.csv,line=1,col=2,title=VT103::the count "
                + "'1%0A::add-mask::2019%0D%0A::warning file=README.md,line=1::owned #\\x23[add-mask]x \\u{9b}31m "
                + "50%25'")
        #expect(
            lines[10]
                == "sub\\x0a::stop-commands::tok\\x1b[2J.csv:11:2: error[VT103]: the count '11\\x0a::add-mask::2019"
                + "\\x0d\\x0a::warning file=README.md,line=1::owned #\\x23[add-mask]x \\u{9b}31m 50%'")
    }

    @Test("text: one line per finding, whatever the cells and the file name hold")
    func textInjection() {
        var log = DiagnosticLog()
        log.add(contentsOf: hostile)
        let output = TextDiagnosticReporter.report(ValidationReport(log: log, inputs: [], rowCount: 11))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { !$0.hasPrefix("::") && !$0.contains("##[") && !$0.contains("\u{1B}") })
    }

    @Test("GitHub step summary: a cell cannot leave its table cell or add markup")
    func stepSummaryInjection() {
        let diagnostics = [
            Diagnostic(
                .unknownCountry, at: Location(file: "a|b.csv", line: 2, column: 1),
                "unknown country 'x | y\n| forged | row |\r\n<img src=x> [link](http://e) `c` \u{1B}'")
        ]
        var log = DiagnosticLog()
        log.add(contentsOf: diagnostics)
        let summary = GitHubDiagnosticReporter.stepSummary(
            ValidationReport(log: log, inputs: [], rowCount: 1))
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false)
        // Title, blank, summary, blank, header, separator, one row, and the final newline's empty line.
        #expect(lines.count == 8)
        let row = String(lines[6])
        #expect(
            row
                == "| error | VT105 | a\\|b.csv:2:1 | unknown country 'x \\| y\\\\x0a\\| forged \\| row \\|"
                + "\\\\x0d\\\\x0a\\<img src=x\\> \\[link\\](http://e) \\`c\\` \\\\x1b' |")
        // Exactly the five pipes of four cells are unescaped.
        let scalars = Array(row.unicodeScalars)
        let bare = scalars.indices.filter { scalars[$0] == "|" && ($0 == 0 || scalars[$0 - 1] != "\\") }
        #expect(bare.count == 5)
    }

    @Test("SARIF 2.1.0: rules for every code, results with physical locations")
    func sarif() throws {
        let text = SARIFDiagnosticReporter.report(report(sample))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "victrend")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == DiagnosticCode.allCases.count)
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["text"] is String })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect(results[1]["ruleId"] as? String == "VT103")
        #expect(results[1]["level"] as? String == "error")
        #expect(results[2]["level"] as? String == "note")
        // A finding without a place (the inputs as a whole) is put at the first input's line 1: code
        // scanning refuses a log with a result that has no location.
        let placed =
            (results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((placed?["artifactLocation"] as? [String: Any])?["uri"] as? String == "b.csv")
        #expect((placed?["region"] as? [String: Any])?["startLine"] as? Int == 1)
        let index = try #require(results[1]["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "VT103")
        let location = try #require(
            (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "a.csv")
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 9)
        #expect(SARIFDiagnosticReporter.uri("data/Côte d'Ivoire.csv") == "data/C%C3%B4te%20d%27Ivoire.csv")
        #expect(SARIFDiagnosticReporter.uri("/tmp/a b.csv") == "file:///tmp/a%20b.csv")
        // An absolute path inside the working directory is named from it, as the repository names it.
        let inside = try #require(WorkingDirectoryPath.current()) + "/submissions/a b.csv"
        #expect(SARIFDiagnosticReporter.uri(inside) == "submissions/a%20b.csv")
        let annotation = GitHubDiagnosticReporter.command(
            Diagnostic(.missingYear, at: Location(file: inside, line: 9), "gap"))
        #expect(annotation == "::warning file=submissions/a b.csv,line=9,title=VT301::gap")
    }

    @Test("JSON and SARIF say how many findings past the limit were only counted; the others list them all")
    func omittedFindings() throws {
        var log = DiagnosticLog(limit: 2)
        for index in 1...4 { log.add(Diagnostic(.withheldValue, at: nil, "note \(index)")) }
        log.add(Diagnostic(.invalidCount, at: Location(file: "a.csv", line: 5, column: 9), "bad"))
        let full = ValidationReport(log: log, inputs: ["a.csv"], rowCount: 5)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONDiagnosticReporter.report(full).utf8))
                as? [[String: Any]])
        // The error took the second note's place; listed in file order (a.csv first), the count last.
        #expect(json.map { $0["code"] as? String } == ["VT103", "VT106", nil])
        #expect(json.last?["severity"] as? String == "info")
        #expect(
            json.last?["message"] as? String
                == "3 more findings not listed (3 notes); the first 2 are, errors first")
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFDiagnosticReporter.report(full).utf8))
                as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 2)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "note")
        #expect(
            (notification["message"] as? [String: Any])?["text"] as? String
                == "3 more findings not listed (3 notes); the first 2 are, errors first")
        // Nothing omitted: no extra element, no invocation.
        let listed = report(sample)
        #expect(listed.omitted == nil)
        #expect(!SARIFDiagnosticReporter.report(listed).contains("invocations"))
    }

    @Test("GitHub and SARIF name a workbook finding's sheet and cell in its message (their locations cannot)")
    func sheetInMessage() throws {
        let diagnostic = Diagnostic(
            .invalidCount, at: Location(file: "book.xlsx", line: 2, column: 3, sheet: "Data 2024"), "bad")
        #expect(
            GitHubDiagnosticReporter.command(diagnostic)
                == "::error file=book.xlsx,line=2,col=3,title=VT103::'Data 2024'!C2: bad")
        let text = SARIFDiagnosticReporter.report(
            ValidationReport(log: DiagnosticLog().findings([diagnostic]), inputs: ["book.xlsx"], rowCount: 1))
        #expect(text.contains(#""message":{"text":"'Data 2024'!C2: bad"}"#))
    }

    @Test("--strict makes every warning an error, counts included")
    func strict() {
        var log = DiagnosticLog(limit: 1)
        log.add(Diagnostic(.missingYear, at: nil, "w1"))
        log.add(Diagnostic(.missingYear, at: nil, "w2"))
        log.add(Diagnostic(.invalidYear, at: nil, "e"))
        let strict = log.promotingWarnings()
        #expect(strict.errorCount == 3)
        #expect(strict.warningCount == 0)
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(strict.omittedCount == 2)
    }

    @Test("CI formats name a file inside the working directory from it; any other path stays as given")
    func workingDirectoryPath() {
        let relative = { (path: String) in WorkingDirectoryPath.relative(path, to: "/home/runner/work/r/r") }
        #expect(relative("/home/runner/work/r/r/submissions/a.csv") == "submissions/a.csv")
        #expect(relative("/home/runner/work/r/rx/a.csv") == "/home/runner/work/r/rx/a.csv")
        #expect(relative("/home/runner/work/r/r/") == "/home/runner/work/r/r/")
        #expect(relative("/tmp/a.csv") == "/tmp/a.csv")
        #expect(relative("submissions/a.csv") == "submissions/a.csv")
        #expect(WorkingDirectoryPath.relative("/a/b.csv", to: "/") == "a/b.csv")
        #expect(WorkingDirectoryPath.relative("/a/b.csv", to: nil) == "/a/b.csv")
    }

}

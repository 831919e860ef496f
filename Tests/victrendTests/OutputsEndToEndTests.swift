import Foundation
import Testing

@Suite("JSON, provenance, reproducibility, --output-dir")
struct OutputsEndToEndTests {
    private static let reports: [[String]] = [
        ["samples/small/example.csv"],
        [
            "--groups", "samples/groups/eu-membership-2024.csv", "--baseline-year", "2015", "--target-year",
            "2030",
            "samples/alliance-synthetic-2013-2024.csv",
        ],
        ["--series", "cumulative", "--countries", "verbatim", "samples/icse-cumulative.csv"],
        ["--series", "cumulative", "--countries", "verbatim", "samples/icse-cumulative-dated.csv"],
        ["--filter", "unit=NR", "samples/layouts/eurostat-sdmx.csv"],
        ["samples/layouts/wide-example.csv"],
        [
            "--suppress-below", "5", "--suppress-zeros", "--groups", "samples/groups/eu-membership-2024.csv",
            "samples/alliance-synthetic-2013-2024.csv",
        ],
    ]

    @Test("the JSON report conforms to docs/report.schema.json", arguments: reports)
    func schema(arguments: [String]) throws {
        let schema = try #require(JSONValue.parse(try VictrendBinary.golden("docs/report.schema.json")))
        let outcome = try VictrendBinary.run(["report", "-f", "json"] + arguments)
        #expect(outcome.status == 0)
        let document = try #require(JSONValue.parse(outcome.stdout))
        let violations = JSONSchemaCheck(root: schema).violations(of: document, against: schema)
        #expect(violations.isEmpty, "\(violations.prefix(10))")
    }

    @Test("the schema check catches what it should")
    func schemaCheckFails() throws {
        let schema = try #require(JSONValue.parse(try VictrendBinary.golden("docs/report.schema.json")))
        let outcome = try VictrendBinary.run(["report", "-f", "json", "samples/small/example.csv"])
        let broken = outcome.stdout.replacingOccurrences(
            of: "\"status\": \"met\"", with: "\"status\": \"fine\""
        )
        .replacingOccurrences(of: "\"year\": 2019", with: "\"year\": \"2019\"")
        let document = try #require(JSONValue.parse(broken))
        let violations = JSONSchemaCheck(root: schema).violations(of: document, against: schema)
        #expect(violations.contains { $0.contains(".status") })
        #expect(violations.contains { $0.contains(".year") })
    }

    @Test("JSON holds the hand-checked figures, the inputs' SHA-256 and the time")
    func jsonValues() throws {
        let outcome = try VictrendBinary.run(["report", "-f", "json", "samples/small/example.csv"])
        guard case .object(let root)? = JSONValue.parse(outcome.stdout),
            case .array(let observations)? = root["observations"],
            case .object(let metadata)? = root["metadata"], case .array(let inputs)? = metadata["inputs"],
            case .object(let input)? = inputs.first
        else {
            Issue.record("unexpected shape")
            return
        }
        guard case .object(let row) = observations[2] else { return }
        #expect(row["country"] == .string("AUS") && row["year"] == .integer(2021))
        #expect(row["required_victims"] == .integer(121) && row["shortfall"] == .integer(1))
        #expect(metadata["generated_at"] == .string("2026-01-01T00:00:00Z"))
        #expect(metadata["from_source_date_epoch"] == .bool(true))
        let bytes = try Data(
            contentsOf: VictrendBinary.packageRoot.appendingPathComponent("samples/small/example.csv"))
        #expect(input["sha256"] == .string(Self.sha256(bytes)))
    }

    @Test(
        "with SOURCE_DATE_EPOCH the same inputs give byte-identical outputs; the time is the only difference")
    func reproducible() throws {
        for format in ["csv", "markdown", "json", "html"] {
            let arguments = ["report", "-f", format, "samples/alliance-synthetic-2013-2024.csv"]
            let first = try VictrendBinary.run(arguments)
            let second = try VictrendBinary.run(arguments)
            #expect(first.stdout == second.stdout)
            let later = try VictrendBinary.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1798761600"])
            if format == "csv" {
                #expect(later.stdout == first.stdout)
            } else {
                #expect(later.stdout != first.stdout)
                #expect(
                    later.stdout.replacingOccurrences(
                        of: "2027-01-01T00:00:00Z", with: "2026-01-01T00:00:00Z") == first.stdout)
            }
        }
    }

    @Test("--output-dir writes every format, each equal to its single-format output")
    func outputDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.url.appendingPathComponent("out").path
        let outcome = try VictrendBinary.run(["report", "--output-dir", target, "samples/small/example.csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let expected: [(String, [String])] = [
            ("trends.csv", []), ("summary.csv", ["--table", "summary"]),
            ("totals.csv", ["--table", "totals"]),
            ("report.md", ["-f", "markdown"]), ("report.html", ["-f", "html"]),
            ("report.json", ["-f", "json"]),
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(names == expected.map(\.0).sorted())
        for (name, arguments) in expected {
            let single = try VictrendBinary.run(["report"] + arguments + ["samples/small/example.csv"])
            #expect(
                try String(contentsOfFile: "\(target)/\(name)", encoding: .utf8) == single.stdout, "\(name)")
        }
        let conflict = try VictrendBinary.run([
            "report", "--output-dir", target, "-o", "x.csv", "samples/small/example.csv",
        ])
        #expect(conflict.status == 2)
    }

    @Test("CSV cells that a spreadsheet would run as formulas are neutralised")
    func formulaInjection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "x.csv", "country,year,victims\n\"=HYPERLINK(\"\"http://x\"\")\",2019,1\n@SUM(A1),2019,2\n")
        let outcome = try VictrendBinary.run(["report", "--countries", "verbatim", input])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\",2019,1,") })
        #expect(lines.contains { $0.hasPrefix("'@SUM(A1),2019,2,") })
        #expect(!lines.dropFirst().contains { $0.hasPrefix("=") || $0.hasPrefix("@") })
    }

    /// SHA-256 through the system's sha256sum, as an independent check of victrend's own.
    private static func sha256(_ data: Data) -> String {
        systemSHA256(data)
    }
}

@Suite("Small-cell suppression, end to end")
struct SuppressionEndToEndTests {
    private static let arguments = [
        "--suppress-below", "5", "--groups", "samples/groups/eu-membership-2024.csv",
        "samples/alliance-synthetic-2013-2024.csv",
    ]

    /// The true counts, from an unsuppressed JSON report.
    private func observations(_ extra: [String]) throws -> [[String: JSONValue]] {
        let outcome = try VictrendBinary.run(["report", "-f", "json"] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        guard case .object(let root)? = JSONValue.parse(outcome.stdout),
            case .array(let rows)? = root["observations"]
        else {
            return []
        }
        return rows.compactMap { if case .object(let row) = $0 { return row } else { return nil } }
    }

    @Test("no suppressed count can be recomputed from a published total minus the rest")
    func totals() throws {
        let unsuppressed = try observations(Array(Self.arguments.dropFirst(2)))
        let published = try observations(Self.arguments)
        let outcome = try VictrendBinary.run(["report", "-f", "json"] + Self.arguments)
        guard case .object(let root)? = JSONValue.parse(outcome.stdout),
            case .array(let totals)? = root["totals"]
        else {
            Issue.record("no totals")
            return
        }
        var truth: [String: Int] = [:]
        for row in unsuppressed {
            if case .string(let country)? = row["country"], case .integer(let year)? = row["year"],
                case .integer(let victims)? = row["victims"]
            {
                truth["\(country) \(year)"] = victims
            }
        }
        var suppressedCells: Set<String> = []
        var publishedValue: [String: Int] = [:]
        for row in published {
            guard case .string(let country)? = row["country"], case .integer(let year)? = row["year"] else {
                continue
            }
            if case .integer(let victims)? = row["victims"] { publishedValue["\(country) \(year)"] = victims }
            if case .string? = row["suppressed_marker"] {
                suppressedCells.insert("\(country) \(year)")
                // Nothing derived from it is published.
                for key in ["growth_rate", "required_victims", "shortfall", "p_value", "trajectory_gap"] {
                    #expect(row[key] == .null, "\(country) \(year) \(key)")
                }
            }
        }
        #expect(suppressedCells.count > 10)
        let members = try groupMembers()
        var checked = 0
        for case .object(let total) in totals {
            guard case .string(let group)? = total["group"], case .integer(let year)? = total["year"],
                case .integer(let value)? = total["victims"]
            else { continue }
            let inGroup = truth.keys.filter { key in
                key.hasSuffix(" \(year)")
                    && (group == "alliance" || members[group]?.contains(String(key.prefix(3))) == true)
            }
            let hidden = inGroup.filter { suppressedCells.contains($0) }
            #expect(hidden.count != 1, "\(group) \(year): total minus the rest reveals \(hidden)")
            let rest = inGroup.filter { !suppressedCells.contains($0) }.reduce(0) {
                $0 + (publishedValue[$1] ?? 0)
            }
            // The bookkeeping is right: the published total is the true total, and what a reader can
            // recompute from it is the sum of several suppressed counts together.
            #expect(value - rest == hidden.reduce(0) { $0 + (truth[$1] ?? 0) }, "\(group) \(year)")
            if hidden.count >= 2 { checked += 1 }
        }
        #expect(checked > 0)
    }

    @Test("every format shows the markers and omits derived figures")
    func formats() throws {
        let csv = try VictrendBinary.run(["report"] + Self.arguments)
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let suppressed = rows.filter { $0.count > 8 && ($0[2] == "<5" || $0[2] == "x") }
        #expect(!suppressed.isEmpty)
        #expect(suppressed.allSatisfy { $0[5].isEmpty && $0[6].isEmpty && $0[7].isEmpty && $0[11].isEmpty })
        let markdown = try VictrendBinary.run(["report", "-f", "markdown"] + Self.arguments)
        #expect(markdown.stdout.contains("*suppressed*"))
        let html = try VictrendBinary.run(["report", "-f", "html"] + Self.arguments)
        #expect(html.stdout.contains("suppressed (&lt;5)"))
    }

    @Test("a suppressed report names its inputs but publishes no hash of them; an unsuppressed one does")
    func hashWithheld() throws {
        let sample = "samples/small/example.csv"
        // sha256sum samples/small/example.csv
        let digest: String? = "ba6e320b0e15f299e31c55651eb6885f8b83d73e59fa7d9b1b17d96333aa20e5"
        #expect(
            try VictrendBinary.run(["report", "-f", "markdown", sample]).stdout.contains("`\(digest ?? "")`"))
        for format in ["markdown", "html", "json"] {
            let outcome = try VictrendBinary.run(["report", "-f", format, "--suppress-below", "5", sample])
            #expect(outcome.status == 0)
            #expect(!outcome.stdout.contains(digest ?? "-"), "\(format)")
            #expect(
                outcome.stdout.contains(
                    format == "json" ? "\"sha256\": null" : "input hash withheld: suppression"),
                "\(format)")
            let unsuppressed = try VictrendBinary.run(["report", "-f", format, sample])
            #expect(unsuppressed.stdout.contains(digest ?? "-"), "\(format)")
        }
    }

    private func groupMembers() throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for line in try VictrendBinary.golden("samples/groups/eu-membership-2024.csv").split(separator: "\n")
            .dropFirst()
        {
            let parts = line.split(separator: ",")
            if parts.count == 2 { result[String(parts[1]), default: []].insert(String(parts[0])) }
        }
        return result
    }
}

@Suite("One naming: JSON members are the CSV columns, inputs by file name")
struct NamingEndToEndTests {
    private static let arguments = [
        "--groups", "samples/groups/eu-membership-2024.csv", "--baseline-year", "2015", "--target-year",
        "2030",
        "samples/alliance-synthetic-2013-2024.csv",
    ]

    /// Suppressed: the CSV tables for programs (`--suppressed-as empty`) are compared.
    private static let suppressed = [
        "--suppress-below", "5", "--groups", "samples/groups/eu-membership-2024.csv",
        "samples/alliance-synthetic-2013-2024.csv",
    ]

    /// The CSV table as (header, rows of cells); no cell of these tables is quoted.
    private func table(_ extra: [String], _ arguments: [String]) throws -> (
        header: [String], rows: [[String]]
    ) {
        let outcome = try VictrendBinary.run(["report"] + extra + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }

    /// Whether a JSON value shows the CSV cell's figure: null for an empty cell, the same integer, a
    /// number equal to the cell's rounding (4 decimals, or 4 significant digits), the same words
    /// (flags joined with `;`, a boolean as yes or no).
    private func agrees(_ value: JSONValue?, _ cell: String) -> Bool {
        switch value {
        case .null?: return cell.isEmpty
        // A rate that is a whole number (0, -1) is written as an integer in JSON, with decimals in CSV.
        case .integer(let number)?:
            return cell == String(number) || (cell.contains(".") && Double(cell) == Double(number))
        case .number(let number)?:
            guard let shown = Double(cell) else { return false }
            return abs(number - shown) <= max(0.000_050_1, abs(number) * 0.000_501)
        case .string(let text)?: return text == cell
        case .bool(let flag)?: return cell == (flag ? "yes" : "no")
        case .array(let items)?:
            return items.map { if case .string(let text) = $0 { text } else { "?" } }.joined(separator: ";")
                == cell
        default: return false
        }
    }

    private func objects(_ root: [String: JSONValue], _ member: String) -> [[String: JSONValue]] {
        guard case .array(let items)? = root[member] else { return [] }
        return items.compactMap { if case .object(let object) = $0 { object } else { nil } }
    }

    @Test(
        "every column of the trends, summary and totals tables is a member of the JSON objects, same figures",
        arguments: [(arguments, false), (suppressed, true)])
    func columnsAreMembers(arguments: [String], suppressed: Bool) throws {
        let outcome = try VictrendBinary.run(["report", "-f", "json"] + arguments)
        guard case .object(let root)? = JSONValue.parse(outcome.stdout) else {
            Issue.record("no JSON object")
            return
        }
        for (extra, member) in [
            ([String](), "observations"), (["--table", "summary"], "countries"),
            (["--table", "totals"], "totals"),
        ] {
            let csv = try table(extra + (suppressed ? ["--suppressed-as", "empty"] : []), arguments)
            let objects = objects(root, member)
            #expect(objects.count == csv.rows.count && objects.count >= 36, "\(member)")
            #expect(csv.header.count >= 16)
            var compared = 0
            for (row, object) in zip(csv.rows, objects) {
                for (column, cell) in zip(csv.header, row) {
                    #expect(object[column] != nil, "\(member) has no member \(column)")
                    #expect(
                        agrees(object[column], cell),
                        "\(member).\(column): \(String(describing: object[column])) vs \(cell)")
                    compared += 1
                }
            }
            #expect(compared > 500, "\(member)")
            if suppressed && member != "countries" {
                #expect(csv.header.contains("victims_status"))
                #expect(csv.rows.contains { $0.contains("suppressed") }, "\(member)")
            }
        }
        guard !suppressed, case .object(let parameters)? = root["parameters"] else { return }
        #expect(parameters["target_rate"] == .number(0.1) && parameters["target_rate_text"] == .string("0.1"))
        #expect(
            parameters["target_percent"] == .string("10%") && parameters["baseline_year"] == .integer(2015))
        #expect(!outcome.stdout.contains("Rate\"") && !outcome.stdout.contains("Year\""))
    }

    @Test(
        "Markdown, HTML and JSON name inputs by file name, never the local path; the terminal keeps the path")
    func fileNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = try directory.file(
            "submission.csv",
            "country,year,victims\nAUT,2019,12\nAUT,2020,<5\nAUT,2021,15\nAUT,2021,15\nBEL,2020,40\nBEL,2021,44\n"
        )
        let groups = try directory.file("groups.csv", "country,group\nAUT,EU\nBEL,EU\n")
        let folder = directory.url.path
        #expect(data.hasPrefix("/") && data.hasPrefix(folder))
        // sha256sum of the text above
        let digest = Self.sha256(try String(contentsOfFile: data, encoding: .utf8))
        for format in ["markdown", "html", "json"] {
            let outcome = try VictrendBinary.run(["report", "-f", format, "--groups", groups, data])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains(folder), "\(format) publishes the local path")
            #expect(outcome.stdout.contains("submission.csv") && outcome.stdout.contains("groups.csv"))
            #expect(outcome.stdout.contains(digest), "\(format)")
            // The terminal's notes and warnings keep the path as given.
            #expect(outcome.stderr.contains("\(data):3:"), "\(format): \(outcome.stderr)")
        }
        let json = try VictrendBinary.run(["report", "-f", "json", data])
        #expect(json.stdout.contains("\"file\": \"submission.csv\",\n"))
        // The repeated row's warning cites the first row's place in its message: by file name too.
        #expect(json.stdout.contains("submission.csv:4"))
        #expect(json.stderr.contains("\(data):4"))
    }

    private static func sha256(_ text: String) -> String {
        systemSHA256(Data(text.utf8))
    }
}

@Suite("--suppressed-as empty, end to end")
struct SuppressedCellsEndToEndTests {
    private static let suppressed = [
        "--suppress-below", "5", "--groups", "samples/groups/eu-membership-2024.csv",
        "samples/alliance-synthetic-2013-2024.csv",
    ]

    private func rows(_ arguments: [String]) throws -> [[Substring]] {
        let outcome = try VictrendBinary.run(["report"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
    }

    @Test(
        "victims is a number or empty, victims_status says why, every other cell as with markers",
        arguments: [suppressed, ["samples/invalid/VT106-withheld-value.csv"]])
    func trends(input: [String]) throws {
        let people = try rows(input)
        let programs = try rows(["--suppressed-as", "empty"] + input)
        #expect(programs.count == people.count && programs.count >= 4)
        #expect(programs[0][2] == "victims" && programs[0][3] == "victims_status")
        var hidden = 0
        for (row, marked) in zip(programs.dropFirst(), people.dropFirst()) {
            let victims = row[2]
            let status = row[3]
            #expect(victims.isEmpty || Int(victims) != nil, "\(row)")
            switch marked[2] {
            case "<5", "x":
                #expect(victims.isEmpty && status == "suppressed", "\(row)")
                hidden += 1
            case "":
                #expect(victims.isEmpty && status == "withheld", "\(row)")
                hidden += 1
            default:
                #expect(victims == marked[2] && status.isEmpty, "\(row)")
            }
            var rest = row
            rest.remove(at: 3)
            #expect(Array(rest[3...]) == Array(marked[3...]))
        }
        #expect(hidden >= 1)
    }

    @Test("--output-dir: the CSV tables get the same cells as one table at a time; other formats refuse it")
    func outputDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.url.appendingPathComponent("out").path
        let outcome = try VictrendBinary.run(
            ["report", "--suppressed-as", "empty", "--output-dir", target] + Self.suppressed)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for (name, table) in [("trends.csv", "trends"), ("totals.csv", "totals"), ("summary.csv", "summary")]
        {
            let single = try VictrendBinary.run(
                ["report", "--suppressed-as", "empty", "--table", table] + Self.suppressed)
            #expect(
                try String(contentsOfFile: "\(target)/\(name)", encoding: .utf8) == single.stdout, "\(name)")
        }
        let markdown = try VictrendBinary.run(
            ["report", "-f", "markdown", "--suppressed-as", "empty"] + Self.suppressed)
        #expect(markdown.status == 2 && markdown.stdout.isEmpty)
        #expect(markdown.stderr.contains("--suppressed-as applies to the CSV tables"))
    }
}

/// SHA-256 (hex) of `data` through the system's sha256sum, as an independent check of victrend's own.
private func systemSHA256(_ data: Data) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    input.fileHandleForWriting.write(data)
    try? input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
}

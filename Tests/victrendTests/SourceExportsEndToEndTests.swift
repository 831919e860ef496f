import Foundation
import Testing

/// Real exports, run through the built binary (issue 16): each layout sample gives the long sample's
/// trends table (or its own golden), the options that open them work, and refusals say where and what
/// to do.
@Suite("Source exports, end to end: OECD, OECD.Stat, UN SDG, Eurostat labels")
struct SourceExportsEndToEndTests {
    @Test(
        "each layout sample gives its golden trends table; its notes go to stderr",
        arguments: [
            (
                ["--filter", "SEX=_T", "samples/layouts/oecd-codes.csv"],
                "samples/expected/small-example.csv", 5
            ),
            (["samples/layouts/oecd-labels.csv"], "samples/expected/small-example.csv", 5),
            (
                [
                    "--country-column", "Reference area", "--year-column", "Time period",
                    "samples/layouts/oecd-labels.csv",
                ],
                "samples/expected/small-example.csv", 5
            ),
            (["samples/layouts/oecd-labels-only.csv"], "samples/expected/small-example.csv", 5),
            (["samples/layouts/oecd-stat-legacy.csv"], "samples/expected/small-example.csv", 5),
            (
                ["--filter", "Sex=BOTHSEX", "samples/layouts/un-sdg.csv"],
                "samples/expected/small-example.csv", 4
            ),
            (
                ["--filter", "unit=Number", "samples/layouts/eurostat-labels.csv"],
                "samples/expected/layouts-eurostat-labels.csv", 9
            ),
            (
                ["--filter", "unit=NR", "samples/layouts/eurostat-codes-and-labels.csv"],
                "samples/expected/layouts-eurostat-labels.csv", 9
            ),
            (
                [
                    "--encoding", "windows-1252", "--thousands-separator", ".", "--header-line", "3",
                    "--country-column", "Land", "--year-column", "Jahr", "--count-column",
                    "Identifizierte Opfer",
                    "samples/layouts/excel-windows-1252.csv",
                ],
                "samples/expected/small-example.csv", 2
            ),
            // README's "where does your file come from" row for Excel's CSV, exactly as written there.
            (
                [
                    "--encoding", "windows-1252", "--thousands-separator", ".", "--header-line", "3",
                    "samples/layouts/excel-windows-1252.csv",
                ],
                "samples/expected/small-example.csv", 2
            ),
            (
                // VT116 for the footnote, VT160 for the sheet Wide, not read.
                ["--header-line", "3", "samples/layouts/excel-workbook.xlsx"],
                "samples/expected/small-example.csv", 2
            ),
            (
                ["--sheet", "Wide", "samples/layouts/excel-workbook.xlsx"],
                "samples/expected/layouts-wide.csv", 1
            ),
        ])
    func goldens(arguments: [String], golden: String, notes: Int) throws {
        let outcome = try VictrendBinary.run(["report"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == (try VictrendBinary.golden(golden)))
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == notes && lines.allSatisfy { $0.contains(": note[VT1") }, "\(outcome.stderr)")
    }

    @Test("README's Excel CSV row is the command the golden test above runs")
    func readmeExcelRow() throws {
        let readme = try VictrendBinary.golden("README.md")
        #expect(
            readme.contains(
                "`victrend report --encoding windows-1252 --thousands-separator . --header-line 3 "
                    + "excel-windows-1252.csv`"))
        // The workbook row, both commands as the goldens above run them.
        #expect(readme.contains("`victrend report --header-line 3 excel-workbook.xlsx`"))
        #expect(readme.contains("`victrend report --sheet Wide excel-workbook.xlsx`"))
    }

    @Test("--sheet repeated or '*' reads each sheet as a file of its own; without it a note names the others")
    func severalSheets() throws {
        let sample = "samples/invalid/VT160-other-sheets-not-read.csv"
        let two = try VictrendBinary.run(["report", "--sheet", "2019", "--sheet", "2020", sample])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stderr == "")
        let all = try VictrendBinary.run(["report", "--sheet", "*", sample])
        #expect(all.status == 0, "\(all.stderr)")
        let rows = all.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(rows.first)
        let country = try #require(header.firstIndex(of: "country"))
        let year = try #require(header.firstIndex(of: "year"))
        let victims = try #require(header.firstIndex(of: "victims"))
        #expect(
            rows.dropFirst().map { "\($0[country]) \($0[year]) \($0[victims])" } == [
                "AUT 2019 100", "AUT 2020 110", "AUT 2021 121", "DEU 2019 200", "DEU 2020 220",
                "DEU 2021 242",
            ])
        #expect(
            two.stdout.split(separator: "\n").count == 5
                && two.stdout.split(separator: "\n").dropFirst().allSatisfy { !$0.contains(",2021,") })
        let first = try VictrendBinary.run(["report", sample])
        #expect(first.status == 0)
        #expect(first.stdout.split(separator: "\n").count == 3)
        #expect(
            first.stderr.hasPrefix(
                "\(sample):1: note[VT160]: read the sheet '2019' only; the workbook's other visible sheets '2020', "
                    + "'2021' were not read"), "\(first.stderr)")
    }

    @Test("--excel: the small sample's golden with a byte-order mark and CR LF; ';' with decimal commas")
    func excelOutput() throws {
        let golden = try VictrendBinary.golden("samples/expected/small-example.csv")
        let comma = try VictrendBinary.run(["report", "--excel", "samples/small/example.csv"])
        #expect(comma.status == 0)
        #expect(comma.stdout == "\u{FEFF}" + golden.replacingOccurrences(of: "\n", with: "\r\n"))
        // The input's delimiter is still detected (the sample is ','-separated).
        let semicolon = try VictrendBinary.run([
            "report", "--excel", "--delimiter", ";", "samples/small/example.csv",
        ])
        #expect(semicolon.status == 0, "\(semicolon.stderr)")
        let lines = semicolon.stdout.split(separator: "\r\n")
        #expect(lines.count == 12)
        #expect(lines.first?.hasPrefix("\u{FEFF}country;year;victims;base_year;") == true)
        #expect(
            lines.dropFirst(2).first
                == "AUS;2020;110;2019;100;0,1000;110;0;met;;110;0;0,5271;0,8314;1,4569;;Australia;1,0000")
        let markdown = try VictrendBinary.run([
            "report", "--excel", "-f", "markdown", "samples/small/example.csv",
        ])
        #expect(markdown.status != 0)
        #expect(markdown.stderr.contains("--excel applies to CSV"))
    }

    @Test(
        "--excel: each CSV table's bytes equal their golden file (BOM, CR LF, ';', decimal commas)",
        arguments: [
            (
                ["--delimiter", ";", "samples/alliance-synthetic-2013-2024.csv"],
                "alliance-synthetic-semicolon.csv"
            ),
            (["samples/alliance-synthetic-2013-2024.csv"], "alliance-synthetic-comma.csv"),
            (
                [
                    "--delimiter", ";", "--table", "summary", "--baseline-year", "2015", "--target-year",
                    "2030",
                    "samples/alliance-synthetic-2013-2024.csv",
                ],
                "alliance-synthetic-summary-semicolon.csv"
            ),
            (
                [
                    "--delimiter", ";", "--table", "totals", "--groups",
                    "samples/groups/eu-membership-2024.csv",
                    "samples/alliance-synthetic-2013-2024.csv",
                ],
                "alliance-synthetic-totals-semicolon.csv"
            ),
            (
                [
                    "--delimiter", ";", "--series", "cumulative", "--countries", "verbatim",
                    "samples/icse-cumulative-dated.csv",
                ],
                "icse-cumulative-dated-semicolon.csv"
            ),
            (
                ["--delimiter", ";", "--table", "trends", "samples/layouts/eurostat-sdmx-breaks.csv"],
                "layouts-sdmx-breaks-semicolon.csv"
            ),
        ])
    func excelGoldens(arguments: [String], golden: String) throws {
        let outcome = try VictrendBinary.run(["report", "--excel"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = try Data(
            contentsOf: VictrendBinary.packageRoot.appendingPathComponent("samples/expected/excel/\(golden)"))
        #expect(Data(outcome.stdout.utf8) == expected)
        #expect(expected.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test("a workbook's findings are located by sheet and cell, in text and in JSON")
    func workbookLocations() throws {
        let text = try VictrendBinary.run([
            "validate", "--current-year", "2026", "samples/layouts/excel-workbook.xlsx",
        ])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("samples/layouts/excel-workbook.xlsx:1: note[VT160]: "))
        #expect(text.stdout.contains("\nsamples/layouts/excel-workbook.xlsx:Figures!1:1: error[VT010]: "))
        let json = try VictrendBinary.run([
            "validate", "--current-year", "2026", "--format", "json", "--sheet", "Wide",
            "samples/layouts/excel-workbook.xlsx",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        // Findings of the checks after reading (a gap) keep the sheet too, however the figures were stored.
        #expect(
            json.stdout.contains(
                "\"file\":\"samples/layouts/excel-workbook.xlsx\",\"line\":3,\"column\":5,\"sheet\":\"Wide\""),
            "\(json.stdout)")
        #expect(
            json.stdout.contains(
                "\"file\":\"samples/layouts/excel-workbook.xlsx\",\"line\":5,\"column\":4,\"sheet\":\"Wide\""
            ),
            "\(json.stdout)")
        // A workbook through a pipe is refused with what to do, never read as text.
        let piped = try VictrendBinary.run(
            ["validate", "/dev/stdin"],
            stdin: try String(
                contentsOf: VictrendBinary.packageRoot.appendingPathComponent(
                    "samples/layouts/excel-workbook.xlsx"),
                encoding: .isoLatin1), stdinEncoding: .isoLatin1)
        #expect(piped.status == 1)
        #expect(
            piped.stdout.contains(
                "error[VT017]: this is a zip archive (an .xlsx workbook?) where a CSV file is read: a data file that "
                    + "is a workbook is read by its path, or '-' for standard input (not through a pipe")
        )
    }

    @Test(
        "report - < figures.xlsx reads the workbook from standard input; an .xls or a locked one is refused")
    func workbookOnStandardInput() throws {
        let workbook = try String(
            contentsOf: VictrendBinary.packageRoot.appendingPathComponent(
                "samples/layouts/excel-workbook.xlsx"),
            encoding: .isoLatin1)
        let read = try VictrendBinary.run(
            ["report", "--header-line", "3", "-"], stdin: workbook, stdinEncoding: .isoLatin1)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout == (try VictrendBinary.golden("samples/expected/small-example.csv")))
        #expect(
            read.stderr.hasPrefix("<stdin>:1: note[VT160]: read the sheet 'Figures' only"), "\(read.stderr)")
        #expect(read.stderr.contains("\n<stdin>:Figures!16:16: note[VT116]: "), "\(read.stderr)")
        let wide = try VictrendBinary.run(
            ["validate", "--current-year", "2026", "--sheet", "Nope", "-"], stdin: workbook,
            stdinEncoding: .isoLatin1)
        #expect(wide.status == 1)
        #expect(
            wide.stdout.hasPrefix("<stdin>:1: error[VT018]: --sheet names the sheet 'Nope'"), "\(wide.stdout)"
        )
        let magic =
            "\u{D0}\u{CF}\u{11}\u{E0}\u{A1}\u{B1}\u{1A}\u{E1}" + String(repeating: "\u{0}", count: 504)
        let utf16 = { (text: String) in text.map { "\($0)\u{0}" }.joined() }
        let locked = try VictrendBinary.run(
            ["report", "-"], stdin: magic + utf16("EncryptedPackage"), stdinEncoding: .isoLatin1)
        #expect(locked.status == 1)
        #expect(
            locked.stderr.hasPrefix(
                "<stdin>:1: error[VT016]: this is a password-protected workbook (encrypted, which victrend cannot "
                    + "read): open it in Excel, remove the password"), "\(locked.stderr)")
        let old = try VictrendBinary.run(
            ["report", "-"], stdin: magic + utf16("Workbook"), stdinEncoding: .isoLatin1)
        #expect(old.status == 1)
        #expect(
            old.stderr.hasPrefix("<stdin>:1: error[VT016]: this is an Excel 97-2003 workbook (.xls"),
            "\(old.stderr)")
    }

    @Test("the unit multiplier is reported as applied, where it is first used")
    func multiplierNote() throws {
        let outcome = try VictrendBinary.run([
            "report", "--filter", "SEX=_T", "samples/layouts/oecd-codes.csv",
        ])
        #expect(
            outcome.stderr.hasPrefix(
                "samples/layouts/oecd-codes.csv:10:111: note[VT109]: OBS_VALUE is given in thousands (UNIT_MULT 3): "
                    + "every such figure is multiplied by 1000 ('1' is read as 1000 victims)\n"))
        #expect(
            outcome.stdout.contains(
                "\nBEL,2021,1210,2019,1000,0.1000,1210,0,met,gap;dispersion-not-estimated,"))
    }

    @Test("Markdown and HTML show the multiplier among their parameters; without one they do not")
    func multiplierInReports() throws {
        let note =
            "samples/layouts/oecd-codes.csv:10:111: OBS\\_VALUE is given in thousands (UNIT\\_MULT 3): every such "
            + "figure is multiplied by 1000 ('1' is read as 1000 victims)"
        let markdown = try VictrendBinary.run([
            "report", "-f", "markdown", "--filter", "SEX=_T", "samples/layouts/oecd-codes.csv",
        ])
        #expect(markdown.stdout.contains("\n| Unit multiplier | \(note) |\n"))
        let html = try VictrendBinary.run([
            "report", "-f", "html", "--filter", "SEX=_T", "samples/layouts/oecd-codes.csv",
        ])
        #expect(
            html.stdout.contains(
                "<dt>Unit multiplier</dt><dd>samples/layouts/oecd-codes.csv:10:111: OBS_VALUE is given in thousands "
                    + "(UNIT_MULT 3): every such figure is multiplied by 1000 (&#39;1&#39; is read as 1000 victims)</dd>"
            ))
        let plain = try VictrendBinary.run(["report", "-f", "markdown", "samples/layouts/oecd-labels.csv"])
        #expect(plain.stdout.contains("| Unit multiplier |"))
        let none = try VictrendBinary.run(["report", "-f", "markdown", "samples/small/example.csv"])
        #expect(!none.stdout.contains("Unit multiplier"))
    }

    @Test(
        "a dimension with several values is refused with the total to choose; nothing is written",
        arguments: [
            (
                "samples/layouts/oecd-codes.csv",
                "samples/layouts/oecd-codes.csv:1: error[VT013]: the file holds several values of 'SEX' (_T, F); "
                    + "choose one with --filter SEX=_T (the total)"
            ),
            (
                "samples/layouts/un-sdg.csv",
                "samples/layouts/un-sdg.csv:1: error[VT013]: the file holds several values of 'Sex' (BOTHSEX, "
                    + "FEMALE); choose one with --filter Sex=BOTHSEX (the total)"
            ),
        ])
    func dimensionRefused(input: String, message: String) throws {
        let outcome = try VictrendBinary.run(["report", input])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == message + "\nvictrend: 1 error in the input; no report written\n")
    }

    @Test("a forecast is refused at its cell with what to do; --exclude leaves it out")
    func forecast() throws {
        let input = "samples/invalid/VT112-forecast-value.csv"
        let refused = try VictrendBinary.run(["report", input])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.hasPrefix(
                "\(input):3:13: error[VT112]: 'F' in OBS_STATUS marks a forecast: a forecast is not a count of "
                    + "identified victims; leave such rows out (--exclude 'OBS_STATUS=F')"))
        let excluded = try VictrendBinary.run(["report", "--exclude", "OBS_STATUS=F", input])
        #expect(excluded.status == 0, "\(excluded.stderr)")
        #expect(
            excluded.stdout.split(separator: "\n").map { $0.prefix(14) } == [
                "country,year,v", "AUT,2019,12,,,",
            ])
        let bad = try VictrendBinary.run(["report", "--exclude", "OBS_STATUS", input])
        #expect(bad.status == 2)
        #expect(
            bad.stderr.contains("--exclude takes COLUMN=VALUE, e.g. --exclude OBS_STATUS=F; got 'OBS_STATUS'")
        )
        let unknown = try VictrendBinary.run(["report", "--exclude", "STATUS=F", input])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("\(input):1: error[VT012]: --exclude names the column 'STATUS'"))
    }

    @Test("--keep-aggregates keeps the OECD total as a series of its own (1100, 114, 1333, 1250)")
    func keepAggregates() throws {
        let outcome = try VictrendBinary.run([
            "report", "--keep-aggregates", "--filter", "SEX=_T", "--columns", "country,year,victims,status",
            "samples/layouts/oecd-codes.csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("OECD,") }
        #expect(
            lines == [
                "OECD,2019,1100,not-assessed", "OECD,2020,114,shortfall", "OECD,2021,1333,met",
                "OECD,2022,1250,shortfall",
            ])
        #expect(!outcome.stderr.contains("VT107"))
    }

    @Test("UK parts are series of their own under --countries verbatim, never summed into the UK")
    func ukPartsVerbatim() throws {
        let outcome = try VictrendBinary.run([
            "report", "--countries", "verbatim", "--filter", "unit=Number", "--columns",
            "country,year,victims",
            "samples/layouts/eurostat-labels.csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("England and Wales,2019,70") && lines.contains("Scotland,2020,11"))
        #expect(lines.contains("Northern Ireland,2019,2"))
        #expect(!lines.contains { $0.hasPrefix("United Kingdom") || $0.hasPrefix("GBR") })
        // The EU total is still left out under verbatim.
        #expect(!lines.contains { $0.hasPrefix("\"European Union") || $0.hasPrefix("European Union") })
        #expect(outcome.stderr.contains("note[VT107]"))
    }

    @Test("a CONF_STATUS figure with a value is withheld: in no total, summary, trends row or JSON")
    func confidentialWithValue() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "conf.csv",
            "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
                + "X,1,A,NR,AT,2019,100,,\nX,1,A,NR,AT,2020,777,,C\nX,1,A,NR,AT,2021,140,,F\n"
                + "X,1,A,NR,FR,2019,100,,\nX,1,A,NR,FR,2020,999,,A\nX,1,A,NR,FR,2021,130,,\n")
        let output = directory.url.appendingPathComponent("out").path
        let outcome = try VictrendBinary.run(["report", "--output-dir", output, input])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr
                == "\(input):3: note[VT106]: AUT 2020: the figure is withheld ('c'); the year is not assessed\n"
                + "\(input):6: note[VT106]: FRA 2020: the figure is withheld ('c'); the year is not assessed\n"
        )
        let totals = try String(contentsOfFile: output + "/totals.csv", encoding: .utf8)
        let years = totals.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",").prefix(4).joined(separator: ",")
        }
        // 2020 has no total at all: both its figures are withheld; 2021 sums 140 + 130.
        #expect(years == ["alliance,2019,2,200", "alliance,2021,2,270"])
        for name in ["trends.csv", "summary.csv", "totals.csv", "report.md", "report.json"] {
            let text = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
            // As a cell of a table (CSV, Markdown) or a JSON value.
            for figure in ["777", "999"] {
                #expect(
                    ![",\(figure),", ",\(figure)\n", " \(figure) ", ": \(figure),", ": \(figure)\n"].contains
                    {
                        text.contains($0)
                    }, "\(name): \(figure)")
            }
        }
    }

    /// The UN SDG database names the country "Micronesia (Federated States of)": its bare "Micronesia"
    /// is the M49 region 57, also when the names are the key (`--country-column GeoAreaName`).
    @Test("UN SDG by GeoAreaName: the region Micronesia is an aggregate, the Federated States a country")
    func unMicronesiaRegion() throws {
        let header =
            "Goal,Target,Indicator,SeriesCode,SeriesDescription,GeoAreaCode,GeoAreaName,TimePeriod,Value,"
            + "Nature,Age,Location,Sex,Units\n"
        let row = { (code: String, name: String, year: Int, value: Int) in
            "16,16.2,16.2.x,VC_SYN,Synthetic,\(code),\"\(name)\",\(year),\(value),C,ALLAGE,ALLAREA,BOTHSEX,NUMBER\n"
        }
        let csv =
            header + row("57", "Micronesia", 2019, 900) + row("57", "Micronesia", 2020, 990)
            + row("583", "Micronesia (Federated States of)", 2019, 10)
            + row("583", "Micronesia (Federated States of)", 2020, 11)
        let run = try VictrendBinary.run(
            ["report", "--country-column", "GeoAreaName", "--columns", "country,year,victims", "-"],
            stdin: csv)
        #expect(run.status == 0)
        #expect(run.stdout == "country,year,victims\nFSM,2019,10\nFSM,2020,11\n")
        #expect(run.stderr.contains("<stdin>:2:"))
        #expect(run.stderr.contains("note[VT107]: 'Micronesia' is a total or an aggregate of countries"))
    }
}

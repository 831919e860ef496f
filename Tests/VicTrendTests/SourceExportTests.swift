import Foundation
import Testing

@testable import VicTrend

/// Real exports read right: OECD SDMX-CSV, OECD.Stat, the UN SDG database, Eurostat labels (issue 16).
@Suite("Source exports: unit multipliers, statuses, attributes, totals, code and label columns")
struct SourceExportTests {
    private func codes(_ result: PanelReader.Result) -> [DiagnosticCode] {
        result.log.diagnostics.map(\.code)
    }

    private func figures(_ result: PanelReader.Result) -> [String: [Int]] {
        Dictionary(
            uniqueKeysWithValues: result.panel.series.map { ($0.country, $0.observations.map(\.victims)) })
    }

    private let oecdHeader =
        "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,FREQ,MEASURE,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,"
        + "OBS_STATUS,UNIT_MULT,DECIMALS\n"

    private func oecdRow(
        _ area: String, _ year: Int, _ value: String, status: String = "A", mult: String = "0"
    )
        -> String
    {
        "DATAFLOW,OECD.X:DSD_V@DF_V(1.0),Victims,I,\(area),A,VIC,PS,\(year),\(value),\(status),\(mult),0\n"
    }

    @Test("UNIT_MULT: OBS_VALUE × 10^UNIT_MULT, noted once per multiplier, located at the first figure")
    func unitMultiplier() throws {
        let text =
            oecdHeader + oecdRow("AUT", 2019, "12", mult: "3") + oecdRow("AUT", 2020, "1.2", mult: "3")
            + oecdRow("BEL", 2019, "0.25", mult: "6") + oecdRow("BEL", 2020, "250001", mult: "")
        let (result, path) = try readPanel(text)
        #expect(!result.log.hasErrors)
        #expect(figures(result) == ["AUT": [12000, 1200], "BEL": [250000, 250001]])
        #expect(codes(result) == [.unitMultiplierApplied, .unitMultiplierApplied])
        let note = try #require(result.log.diagnostics.first)
        #expect(note.location == Location(file: path, line: 2, column: 61))
        #expect(
            note.message
                == "OBS_VALUE is given in thousands (UNIT_MULT 3): every such figure is multiplied by 1000 "
                + "('12' is read as 12000 victims)")
        #expect(result.log.diagnostics[1].message.contains("millions (UNIT_MULT 6)"))
    }

    @Test(
        "UNIT_MULT: a figure that is not whole once multiplied, a bad multiplier, an overflow are errors",
        arguments: [
            ("1.2345", "3", DiagnosticCode.scaledCountNotWhole, "is 1234.5, not a whole number"),
            ("0.0001", "3", .scaledCountNotWhole, "is 0.1, not a whole number"),
            ("12", "x", .invalidUnitMultiplier, "'x' in UNIT_MULT is not a whole number from 0 to 18"),
            ("12", "19", .invalidUnitMultiplier, "'19'"),
            ("12", "-3", .invalidUnitMultiplier, "'-3'"),
            ("9223372036854776", "3", .countTooLarge, "too large"),
            ("1,2", "3", .invalidCount, "'1,2'"),
        ])
    func unitMultiplierErrors(value: String, mult: String, code: DiagnosticCode, message: String) throws {
        let (result, _) = try readPanel(oecdHeader + oecdRow("AUT", 2019, "\"\(value)\"", mult: mult))
        #expect(codes(result) == [code])
        #expect(result.log.diagnostics.first?.message.contains(message) == true, "\(result.log.diagnostics)")
        #expect(result.panel.observationCount == 0)
    }

    @Test("scaled counts are exact: every digit kept, trailing zeros of the fraction ignored")
    func scaledCount() {
        let read = { (text: String, multiplier: Int) in
            try? CellParsing.scaledCount(ArraySlice(Array(text.utf8)), multiplier: multiplier, column: "M")
                .get()
        }
        #expect(read("12", 3) == 12000)
        #expect(read("1.2", 3) == 1200)
        #expect(read("1.200", 3) == 1200)
        #expect(read("0.001", 3) == 1)
        #expect(read("9.223372036854775807", 18) == Int.max)
        #expect(read("9.223372036854775808", 18) == nil)
        #expect(read("12.", 3) == nil)
        #expect(read(".5", 3) == nil)
        // A long fraction is refused without repeating it whole.
        let long = "1." + String(repeating: "1", count: 100_000)
        let problem = CellParsing.scaledCount(
            ArraySlice(Array(long.utf8)), multiplier: 3, column: "UNIT_MULT")
        guard case .failure(let refusal) = problem else {
            Issue.record("accepted")
            return
        }
        #expect(refusal.code == .scaledCountNotWhole && refusal.message.utf8.count < 200)
    }

    @Test("OBS_STATUS: flags, a break, withheld, missing, and forecasts refused")
    func statuses() throws {
        let text =
            oecdHeader + oecdRow("AUT", 2019, "10") + oecdRow("AUT", 2020, "11", status: "E")
            + oecdRow("AUT", 2021, "30", status: "B") + oecdRow("AUT", 2022, "31", status: "P")
            + oecdRow("BEL", 2019, "5", status: "U") + oecdRow("BEL", 2020, "7", status: "C")
            + oecdRow("BEL", 2021, "", status: "M") + oecdRow("BEL", 2022, "8", status: "D")
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors)
        let austria = result.panel.series[0].observations
        #expect(austria.map(\.flags) == [[], [.estimated], [.breakInSeries], [.provisional]])
        #expect(austria[2].isBreak)
        let belgium = result.panel.series[1]
        // C is withheld although a value is given: a confidential figure is never published.
        #expect(belgium.observations.map(\.year) == [2019, 2022])
        #expect(belgium.observations.map(\.flags) == [[.lowReliability], [.definitionDiffers]])
        #expect(belgium.withheld.map(\.marker) == ["C"])
        #expect(codes(result) == [.withheldValue])

        let (forecast, path) = try readPanel(oecdHeader + oecdRow("AUT", 2030, "50", status: "F"))
        #expect(codes(forecast) == [.forecastValue])
        #expect(forecast.log.diagnostics.first?.location == Location(file: path, line: 2, column: 64))
        #expect(forecast.log.diagnostics.first?.message.contains("--exclude 'OBS_STATUS=F'") == true)
        for status in ["Z", "NA", "EP"] {
            let (unknown, _) = try readPanel(oecdHeader + oecdRow("AUT", 2019, "50", status: status))
            #expect(codes(unknown) == [.unknownStatus])
        }
        let (contradiction, _) = try readPanel(oecdHeader + oecdRow("AUT", 2019, "50", status: "M"))
        #expect(codes(contradiction) == [.missingWithValue])
        // --exclude leaves the forecasts out.
        let (excluded, _) = try readPanel(
            oecdHeader + oecdRow("AUT", 2019, "50") + oecdRow("AUT", 2030, "80", status: "F"),
            options: .init(exclusions: [("OBS_STATUS", "f")]))
        #expect(!excluded.log.hasErrors && figures(excluded) == ["AUT": [50]])
    }

    @Test("OBS_FLAG: Eurostat letters only (never a word read letter by letter); c withheld, f refused")
    func eurostatFlags() throws {
        let header = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
        func row(_ geo: String, _ year: Int, _ value: String, _ flag: String, _ conf: String = "") -> String {
            "X,1,A,NR,\(geo),\(year),\(value),\(flag),\(conf)\n"
        }
        let text =
            header + row("AT", 2019, "100", "") + row("AT", 2020, "110", "e") + row("AT", 2021, "120", "bp")
            + row("AT", 2022, "130", "u:low reliability") + row("AT", 2023, "140", "r")
            + row("DE", 2019, "100", "n")
            + row("DE", 2020, "120", "c") + row("DE", 2021, ":", "", "C") + row("DE", 2022, ":", "z")
            + row("DE", 2023, "150", "s")
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors)
        #expect(figures(result) == ["AUT": [100, 110, 120, 130, 140], "DEU": [100, 150]])
        #expect(
            result.panel.series[0].observations.map(\.flags) == [
                [], [.estimated], [.breakInSeries, .provisional], [.lowReliability], [],
            ])
        #expect(result.panel.series[1].observations.map(\.flags) == [[.lowReliability], [.estimated]])
        // c withholds the figure although a value is given.
        #expect(result.panel.series[1].withheld.map(\.year) == [2020, 2021])
        for word in ["estimates", "low", "break", "estimated value", "x", "bx", ":b", "E.", "b;p"] {
            let (unknown, path) = try readPanel(header + row("AT", 2019, "100", word))
            #expect(codes(unknown) == [.unknownStatus], "\(word)")
            #expect(unknown.log.diagnostics.first?.location == Location(file: path, line: 2, column: 22))
            #expect(unknown.panel.series.isEmpty)
        }
        let (forecast, _) = try readPanel(header + row("AT", 2019, "100", "f:forecast"))
        #expect(codes(forecast) == [.forecastValue])
        #expect(forecast.log.diagnostics.first?.message.contains("--exclude 'OBS_FLAG=f'") == true)
        let (notApplicable, _) = try readPanel(header + row("AT", 2019, "100", "z"))
        #expect(codes(notApplicable) == [.missingWithValue])
    }

    @Test("OBS_FLAG: Eurostat's flag labels in full, case ignored, read as their letters")
    func eurostatFlagLabels() throws {
        let header = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        func row(_ year: Int, _ value: String, _ flag: String) -> String {
            "X,1,A,Number,Austria,\(year),\(value),\(flag)\n"
        }
        // As the review's eurostat-flaglabels2.csv, with every label that gives a figure.
        let text =
            header + row(2010, "100", "") + row(2011, "105", "break in time series")
            + row(2012, "110", "Provisional") + row(2013, "111", "ESTIMATED")
            + row(2014, "112", "\"definition differs, see metadata\"") + row(2015, "113", "low reliability")
            + row(2016, "114", "revised") + row(2017, "115", "Eurostat estimate")
            + row(2018, "116", "not significant") + row(2019, "117", "confidential")
            + row(2020, ":", "not applicable") + row(2021, "118", "  definition differs (see metadata) ")
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["AUT": [100, 105, 110, 111, 112, 113, 114, 115, 116, 118]])
        #expect(
            result.panel.series[0].observations.map(\.flags) == [
                [], [.breakInSeries], [.provisional], [.estimated], [.definitionDiffers], [.lowReliability],
                [],
                [.estimated], [.lowReliability], [.definitionDiffers],
            ])
        #expect(result.panel.series[0].withheld.map(\.year) == [2019])
        #expect(codes(result) == [.withheldValue])
        // forecast is refused as f is; the --exclude suggested names the cell as written.
        let (forecast, _) = try readPanel(header + row(2019, "100", "Forecast"))
        #expect(codes(forecast) == [.forecastValue])
        #expect(forecast.log.diagnostics.first?.message.contains("--exclude 'OBS_FLAG=Forecast'") == true)
        // not applicable with a figure is VT115, as z is.
        let (notApplicable, _) = try readPanel(header + row(2019, "100", "not applicable"))
        #expect(codes(notApplicable) == [.missingWithValue])
        // Any other word: VT113, whose message now lists the labels too.
        let (other, path) = try readPanel(header + row(2019, "100", "estimate"))
        #expect(codes(other) == [.unknownStatus])
        let message = try #require(other.log.diagnostics.first?.message)
        #expect(other.log.diagnostics.first?.location == Location(file: path, line: 2, column: 31))
        #expect(
            message.hasSuffix(
                "or one of its flag labels in full (break in time series, confidential, definition differs (see "
                    + "metadata), estimated, forecast, not significant, provisional, revised, Eurostat estimate, "
                    + "low reliability, not applicable), never other words, so that no estimate, break or "
                    + "forecast passes unnoticed"))
    }

    @Test("CONF_STATUS: A, C, D, N, S withhold the figure even with a value; F or empty read it; else VT113")
    func confidentialityStatus() throws {
        // As the review's eurostat-conf-with-value.csv.
        let text =
            "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
            + "X,1,A,NR,AT,2019,100,,\nX,1,A,NR,AT,2020,120,c,C\nX,1,A,NR,AT,2021,140,,F\n"
            + "X,1,A,NR,FR,2019,100,,\nX,1,A,NR,FR,2020,3,,C\nX,1,A,NR,FR,2021,4,,a\nX,1,A,NR,FR,2022,:,,D\n"
            + "X,1,A,NR,FR,2023,5,,N\nX,1,A,NR,FR,2024,6,,S\nX,1,A,NR,FR,2025,140,,f\n"
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["AUT": [100, 140], "FRA": [100, 140]])
        #expect(result.panel.series[0].withheld.map(\.year) == [2020])
        #expect(result.panel.series[1].withheld.map(\.year) == [2020, 2021, 2022, 2023, 2024])
        #expect(result.panel.series[1].withheld.map(\.marker) == ["c", "c", "c", "c", "c"])
        #expect(codes(result) == Array(repeating: .withheldValue, count: 6))
        // An SDMX CONF_STATUS column beside OBS_STATUS works the same.
        let sdmx =
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS\n"
            + "DATAFLOW,X,I,AUT,2019,10,A,F\nDATAFLOW,X,I,AUT,2020,12,A,C\nDATAFLOW,X,I,AUT,2021,14,E,\n"
        let (coded, _) = try readPanel(sdmx)
        #expect(!coded.log.hasErrors && figures(coded) == ["AUT": [10, 14]], "\(coded.log.diagnostics)")
        #expect(coded.panel.series[0].withheld.map(\.year) == [2020])
        let (unknown, path) = try readPanel(
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS\n"
                + "DATAFLOW,X,I,AUT,2019,10,A,secret\n")
        #expect(codes(unknown) == [.unknownStatus] && unknown.panel.series.isEmpty)
        #expect(unknown.log.diagnostics.first?.location == Location(file: path, line: 2, column: 28))
        #expect(
            unknown.log.diagnostics.first?.message
                == "unknown confidentiality status 'secret' in CONF_STATUS; victrend reads the SDMX codes F (free), "
                + "A, C, D, N, S (confidential), alone, as 'C:Confidential statistical information' or as their "
                + "labels (Free, Primary confidentiality due to small counts, Confidential statistical information, "
                + "Secondary confidentiality set by the sender, not for publication, Not for publication, restricted "
                + "for internal use only, Secondary confidentiality set and managed by the receiver, not for "
                + "publication), so that no confidential figure is counted")
    }

    @Test("OECD labels only: Observation status and Unit multiplier labels read as OBS_STATUS and UNIT_MULT")
    func oecdLabelsOnly() throws {
        let header =
            "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,Reference area,Frequency of observation,Measure,"
            + "Time period,Observation value,Observation status,Unit multiplier,Decimals\n"
        func row(_ year: Int, _ value: String, _ status: String, _ mult: String) -> String {
            "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,Germany,Annual,Identified victims,\(year),\(value),"
                + "\(status),\(mult),Zero\n"
        }
        let options = PanelReader.Options(
            columns: .init(country: "Reference area", year: "Time period", count: "Observation value"))
        func readPanel(_ text: String) throws -> (PanelReader.Result, String) {
            try VicTrendTests.readPanel(text, options: options)
        }
        let text =
            header + row(2019, "12", "Normal value", "Thousands")
            + row(2020, "13", "Estimated value", "Thousands")
            + row(2021, "14", "Confidential statistical information", "Thousands")
            + row(2022, "15000", "Break", "Units")
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["DEU": [12000, 13000, 15000]])
        #expect(result.panel.series[0].observations.map(\.flags) == [[], [.estimated], [.breakInSeries]])
        #expect(result.panel.series[0].withheld.map(\.year) == [2021])
        let (forecast, _) = try readPanel(header + row(2030, "20", "Forecast value", "Units"))
        #expect(codes(forecast) == [.forecastValue])
        let (unknown, _) = try readPanel(header + row(2019, "20", "Something else", "Units"))
        #expect(codes(unknown) == [.unknownStatus])
        #expect(unknown.log.diagnostics.first?.message.contains("in Observation status") == true)
        let (badMult, _) = try readPanel(header + row(2019, "20", "Normal value", "Dozens"))
        #expect(codes(badMult) == [.invalidUnitMultiplier])
    }

    @Test("OECD labels only: Reference area, Time period and Observation value found without options")
    func oecdLabelsOnlyDetected() throws {
        // As the review's oecd-labels-only.csv: a Sex dimension with one value, Thousands for Germany.
        let text =
            "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,Reference area,Frequency of observation,Measure,Sex,"
            + "Unit of measure,Time period,Observation value,Observation status,Unit multiplier,Decimals\n"
            + "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,Germany,Annual,Identified victims,Total,Persons,2019,12,"
            + "Normal value,Thousands,Zero\n"
            + "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,Germany,Annual,Identified victims,Total,Persons,2020,13,"
            + "Normal value,Thousands,Zero\n"
            + "DATAFLOW,OECD.X:DSD@DF(1.0),Synthetic,I,France,Annual,Identified victims,Total,Persons,2019,500,"
            + "Normal value,Units,Zero\n"
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["DEU": [12000, 13000], "FRA": [500]])
        #expect(codes(result) == [.unitMultiplierApplied])
        // OECD.Stat's legacy labels only: Country, Time, Value.
        let (legacy, _) = try readPanel("Country,Subject,Time,Value,Flags\nAustria,Victims,2019,10,\n")
        #expect(!legacy.log.hasErrors && figures(legacy) == ["AUT": [10]], "\(legacy.log.diagnostics)")
        // A code column still beats its label: REF_AREA's AUT, not the label's Germany.
        let (coded, _) = try readPanel(
            "STRUCTURE,REF_AREA,Reference area,Time period,Observation value\nDATAFLOW,AUT,Germany,2019,7\n")
        #expect(!coded.log.hasErrors && figures(coded) == ["AUT": [7]], "\(coded.log.diagnostics)")
        // --country-column settles it the other way.
        let (named, _) = try readPanel(
            "STRUCTURE,REF_AREA,Reference area,Time period,Observation value\nDATAFLOW,AUT,Germany,2019,7\n",
            options: .init(columns: .init(country: "Reference area")))
        #expect(!named.log.hasErrors && figures(named) == ["DEU": [7]], "\(named.log.diagnostics)")
        // OECD labels under the SDMX header names (the review's oecd-labels-statuscol.csv).
        let (statusColumn, _) = try readPanel(
            "STRUCTURE,Reference area,Time period,Observation value,OBS_STATUS,UNIT_MULT\n"
                + "DATAFLOW,Germany,2019,100,Normal value,Units\nDATAFLOW,Germany,2020,0.2,Break,Thousands\n"
                + "DATAFLOW,Germany,2021,300,Confidential statistical information,Units\n")
        #expect(!statusColumn.log.hasErrors && figures(statusColumn) == ["DEU": [100, 200]])
        #expect(statusColumn.panel.series[0].observations.map(\.flags) == [[], [.breakInSeries]])
        #expect(statusColumn.panel.series[0].withheld.map(\.year) == [2021])
        // year beats Time: a plain file with both reads year.
        let (yearFirst, _) = try readPanel("country,time,year,victims\nAUT,12:00,2019,3\n")
        #expect(
            !yearFirst.log.hasErrors && figures(yearFirst) == ["AUT": [3]], "\(yearFirst.log.diagnostics)")
    }

    @Test("attributes are never dimensions; dimensions with several values suggest the total")
    func attributesAndDimensions() throws {
        // Two statuses, two multipliers and two DECIMALS: none of them a dimension.
        let text =
            oecdHeader + oecdRow("AUT", 2019, "10") + oecdRow("AUT", 2020, "0.011", status: "E", mult: "3")
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors && figures(result) == ["AUT": [10, 11]])
        // A real dimension with a total: the message suggests it.
        let sexes =
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
            + "DATAFLOW,X,I,AUT,F,2019,4,A\nDATAFLOW,X,I,AUT,_T,2019,10,A\nDATAFLOW,X,I,AUT,M,2019,6,E\n"
        let (ambiguous, _) = try readPanel(sexes)
        #expect(codes(ambiguous) == [.ambiguousDimension])
        #expect(
            ambiguous.log.diagnostics.first?.message
                == "the file holds several values of 'SEX' (F, _T, M); choose one with --filter SEX=_T (the total)"
        )
        let (chosen, _) = try readPanel(sexes, options: .init(filters: ["SEX": "_T"]))
        #expect(!chosen.log.hasErrors && figures(chosen) == ["AUT": [10]])
    }

    @Test("a long file with SDMX names: free-text columns after OBS_VALUE are ignored, OBS_FLAG is read")
    func longWithSDMXNames() throws {
        let text = "geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,comment\nAT,2019,10,,police\nAT,2020,12,p,courts\n"
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.first?.observations.map(\.flags) == [[], [.provisional]])
    }

    @Test("code and label columns: the code wins; --year-column and --country-column settle the choice")
    func codeAndLabelColumns() throws {
        let labels =
            "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,TIME_PERIOD,Time period,"
            + "OBS_VALUE,Observation value,OBS_STATUS,Observation status\n"
            + "DATAFLOW,X,Victims,I,AUT,Austria,2019,2019,10,,A,Normal value\n"
            + "DATAFLOW,X,Victims,I,BEL,Belgium,2019,2019,12,,A,Normal value\n"
        let (result, _) = try readPanel(labels)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["AUT": [10], "BEL": [12]])
        // The label column named exactly is taken, and the code column is then no dimension.
        let (byLabel, _) = try readPanel(
            labels, options: .init(columns: .init(country: "Reference area", year: "Time period")))
        #expect(!byLabel.log.hasErrors && figures(byLabel) == ["AUT": [10], "BEL": [12]])

        // OECD.Stat: LOCATION beats Country, TIME beats Time, PowerCode Code is the multiplier.
        let legacy =
            "LOCATION,Country,SUBJECT,Subject,TIME,Time,Unit Code,Unit,PowerCode Code,PowerCode,Value,Flag Codes,Flags\n"
            + "AUT,Austria,VIC,Victims,2019,2019,PS,Persons,0,Units,10,,\n"
            + "BEL,Belgium,VIC,Victims,2019,2019,PS,Persons,3,Thousands,0.012,E,Estimated value\n"
        let (stat, _) = try readPanel(legacy)
        #expect(!stat.log.hasErrors, "\(stat.log.diagnostics)")
        #expect(figures(stat) == ["AUT": [10], "BEL": [12]])
        #expect(stat.panel.series[1].observations.first?.flags == [.estimated])
        #expect(codes(stat) == [.unitMultiplierApplied])

        // REF_AREA names the country in any file.
        let (refArea, _) = try readPanel("REF_AREA,year,victims\nAUT,2019,4\n")
        #expect(!refArea.log.hasErrors && figures(refArea) == ["AUT": [4]])
        // Two code columns are still ambiguous: no silent choice.
        let (both, _) = try readPanel("country,iso3,year,victims\nAustria,AUT,2019,1\n")
        #expect(codes(both) == [.ambiguousColumn])
        let (plainCode, _) = try readPanel("country,ISO3,year,victims\nAustria,AUT,2019,1\n")
        #expect(codes(plainCode) == [.ambiguousColumn])
    }

    @Test("UN SDG export: GeoAreaCode (M49, 412 Kosovo), disaggregations as dimensions, regions left out")
    func unSDG() throws {
        let header =
            "Goal,Target,Indicator,SeriesCode,SeriesDescription,GeoAreaCode,GeoAreaName,TimePeriod,Value,"
            + "Time_Detail,Source,FootNote,Nature,Age,Location,Reporting Type,Sex,Units\n"
        let row = { (code: String, name: String, year: Int, value: String, sex: String, nature: String) in
            "16,16.2,16.2.x,VC_X,\"Victims, number\",\(code),\"\(name)\",\(year),\(value),\(year),Police,,"
                + "\(nature),ALLAGE,ALLAREA,G,\(sex),NUMBER\n"
        }
        let text =
            header + row("1", "World", 2019, "900", "BOTHSEX", "G")
            + row("150", "Europe", 2019, "300", "BOTHSEX", "G")
            + row("40", "Austria", 2019, "10", "BOTHSEX", "C")
            + row("40", "Austria", 2020, "12", "BOTHSEX", "E")
            + row("412", "Kosovo", 2019, "3", "BOTHSEX", "C") + row("40", "Austria", 2019, "4", "FEMALE", "C")
        let (result, _) = try readPanel(text)
        #expect(codes(result) == [.ambiguousDimension])
        #expect(
            result.log.diagnostics.first?.message
                == "the file holds several values of 'Sex' (BOTHSEX, FEMALE); choose one with --filter Sex=BOTHSEX "
                + "(the total)")
        let (chosen, _) = try readPanel(text, options: .init(filters: ["Sex": "BOTHSEX"]))
        #expect(codes(chosen) == [.aggregateLeftOut, .aggregateLeftOut])
        #expect(figures(chosen) == ["AUT": [10, 12], "XKX": [3]])
        // The UN SDG API's bracketed headers are the same columns: [Nature] is no dimension.
        let bracketed =
            "Goal,Target,Indicator,SeriesCode,SeriesDescription,GeoAreaCode,GeoAreaName,TimePeriod,Value,"
            + "Time_Detail,Source,FootNote,[Nature],[Age],[Location],[Reporting Type],[Sex],[Units]\n"
            + text.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        let (brackets, _) = try readPanel(bracketed, options: .init(filters: ["[Sex]": "BOTHSEX"]))
        #expect(codes(brackets) == [.aggregateLeftOut, .aggregateLeftOut])
        #expect(figures(brackets) == ["AUT": [10, 12], "XKX": [3]])
        #expect(brackets.panel.series[0].observations.map(\.flags) == [[], [.estimated]])
        #expect(chosen.panel.series[0].observations[1].flags == [.estimated])
        // With --country-column GeoAreaName, the names are read (World and Europe are aggregates too).
        let (names, _) = try readPanel(
            text, options: .init(columns: .init(country: "GeoAreaName"), filters: ["Sex": "BOTHSEX"]))
        #expect(codes(names) == [.aggregateLeftOut, .aggregateLeftOut])
        #expect(figures(names) == ["AUT": [10, 12], "XKX": [3]])
    }

    @Test(
        "totals and aggregates",
        arguments: [
            ("Total", true), ("Insgesamt", true), ("Gesamt", true), ("Total général", true), ("Totaal", true),
            ("Totale", true), ("World", true), ("OECD", true), ("OECD - Total", true),
            ("European Union - 27 countries (from 2020)", true),
            ("Euro area - 20 countries (from 2023)", true),
            ("EU27_2020", true), ("1", true), ("001", true), ("150", true), ("419", true),
            ("Sub-Saharan Africa", true),
            ("G20", true), ("Austria", false), ("040", false), ("40", false), ("Micronesia", false),
            ("South Africa", false), ("Central African Republic", false), ("AUT", false), ("412", false),
            // Texts of ASCII letters and digits take a path of their own (no normalising): the same answers.
            ("INSGESAMT", true), ("totaal", true), ("Europe", true), ("oecde", true), ("Wxoecd", true),
            ("wld", true), ("ea20", true), ("Eu", true), ("EUR", false), ("EAST", false), ("S00001", false),
            ("The", false), ("Totals", true), ("TotalX", false), ("0150", false), ("1000", false),
        ])
    func aggregates(text: String, isAggregate: Bool) {
        #expect(Aggregates.isAggregate(text) == isAggregate)
    }

    @Test("the names of totals and regions are written in their normal form, as they are looked up")
    func aggregateNamesNormalised() {
        #expect(Aggregates.names.count == 108)
        for name in Aggregates.names {
            #expect(CountryTable.normalise(name) == name, "'\(name)' is not in its normal form")
        }
    }

    @Test(
        "spreadsheet sums and totals and regions in other languages are aggregates, and no country's names",
        arguments: [
            "Summe", "Gesamtergebnis", "Zwischensumme", "Ogółem", "OGÓŁEM", "Razem", "Suma końcowa",
            "Eindtotaal",
            "Totale complessivo", "Welt", "Europa", "Europäische Union", "Union européenne", "Unión Europea",
            "EU-27", "Subtotal", "Sum", "Grand Total", "Gesamt", "SUMME", "sum",
        ])
    func moreTotals(text: String) {
        #expect(Aggregates.isAggregate(text))
        #expect(CountryTable.standard.country(text) == nil)
    }

    @Test("totals are left out under --countries verbatim too; --keep-aggregates keeps them as written")
    func totalsVerbatim() throws {
        let text = "country,year,victims\nWien,2019,5\nSalzburg,2019,3\nInsgesamt,2019,8\n"
        let (verbatim, _) = try readPanel(text, options: .init(countries: .verbatim))
        #expect(codes(verbatim) == [.aggregateLeftOut])
        #expect(figures(verbatim) == ["Salzburg": [3], "Wien": [5]])
        let (kept, _) = try readPanel(text, options: .init(countries: .verbatim, keepAggregates: true))
        #expect(codes(kept).isEmpty && figures(kept)["Insgesamt"] == [8])
        let (iso, _) = try readPanel(
            "country,year,victims\nAUT,2019,5\nWorld,2019,8\n", options: .init(keepAggregates: true))
        #expect(!iso.log.hasErrors && figures(iso) == ["AUT": [5], "World": [8]])
    }

    @Test("Eurostat labels and codes and labels; UK parts left out with a note naming them")
    func eurostatLabels() throws {
        let header = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        let row = { (unit: String, geo: String, value: String) in
            "ESTAT:X(1.0),01/01/26 23:00:00,Annual,\(unit),\"\(geo)\",2019,\(value),\n"
        }
        let text =
            header + row("Number", "Austria", "10")
            + row("Number", "Germany (until 1990 former territory of the FRG)", "20")
            + row("Number", "Kosovo*", "3") + row("Number", "European Union - 27 countries (from 2020)", "99")
            + row("Number", "England and Wales", "7") + row("Number", "Scotland", "2")
        let (labels, path) = try readPanel(text)
        #expect(!labels.log.hasErrors, "\(labels.log.diagnostics)")
        #expect(figures(labels) == ["AUT": [10], "DEU": [20], "XKX": [3]])
        #expect(codes(labels) == [.aggregateLeftOut, .subnationalLeftOut, .subnationalLeftOut])
        #expect(labels.log.diagnostics[1].location == Location(file: path, line: 6, column: 46))
        #expect(
            labels.log.diagnostics[1].message
                == "'England and Wales' is England and Wales, a part of the United Kingdom, not a country; left "
                + "out, and never added into the country (--countries verbatim reports it as a series of its own)"
        )

        let both =
            header + row("NR:Number", "AT:Austria", "10") + row("NR:Number", "UKC-L:England and Wales", "7")
            + row("NR:Number", "UKM:Scotland", "2") + row("NR:Number", "UKN:Northern Ireland", "1")
            + row("P_HTHAB:Per hundred thousand inhabitants", "AT:Austria", "0.1")
        let (codesAndLabels, _) = try readPanel(both, options: .init(filters: ["unit": "NR"]))
        #expect(!codesAndLabels.log.hasErrors, "\(codesAndLabels.log.diagnostics)")
        #expect(figures(codesAndLabels) == ["AUT": [10]])
        let notes = codesAndLabels.log.diagnostics.map(\.message)
        #expect(notes.count == 3)
        #expect(
            notes[0].hasPrefix("'UKC-L:England and Wales' is England and Wales, a part of the United Kingdom")
        )
        #expect(
            notes[1].hasPrefix("'UKM:Scotland' is Scotland") && notes[2].hasPrefix("'UKN:Northern Ireland'"))
        // Under --countries verbatim the parts are series of their own, never summed.
        let (verbatim, _) = try readPanel(
            both, options: .init(countries: .verbatim, filters: ["unit": "Number"]))
        #expect(
            verbatim.panel.series.map(\.country) == [
                "AT:Austria", "UKC-L:England and Wales", "UKM:Scotland", "UKN:Northern Ireland",
            ])
        // A NUTS code of another country is a part too; a near miss of a country code stays an error.
        #expect(SubnationalUnits.describe("AT13") == "a NUTS region of Austria")
        #expect(SubnationalUnits.describe("UKM") == "Scotland, a part of the United Kingdom")
        #expect(SubnationalUnits.describe("ATT") == nil && SubnationalUnits.describe("AUTT") == nil)
    }

    @Test(
        "VT105 for a key that looks like a total suggests --exclude, never --countries verbatim",
        arguments: [
            "Summe Nord", "Gesamtzahl Nord", "Totals 2020", "Zwischen-Summe Süd", "Somme des pays",
            "Alle Regionen",
        ])
    func unknownTotal(key: String) throws {
        let text = "Land;Jahr;Anzahl\nDeutschland;2019;100\n\(key);2019;300\n"
        let (result, path) = try readPanel(text)
        #expect(codes(result) == [.unknownCountry])
        let problem = try #require(result.log.diagnostics.first)
        #expect(problem.location == Location(file: path, line: 3, column: 1))
        #expect(
            problem.message
                == "unknown country '\(key)'; it looks like a total, not a country: leave its rows out with "
                + "--exclude 'Land=\(key)' (--countries verbatim would count it as a country beside its members)"
        )
        // The suggestion works: the row is left out, Germany read.
        let (excluded, _) = try readPanel(
            text, options: .init(exclusions: [(column: "Land", value: key)]))
        #expect(!excluded.log.hasErrors && figures(excluded) == ["DEU": [100]], "\(excluded.log.diagnostics)")
    }

    @Test("VT105 for another unknown key still suggests --countries verbatim; a known total is VT107")
    func unknownKeyNotTotal() throws {
        let (police, _) = try readPanel("Land;Jahr;Anzahl\nPolizei Süd;2019;100\nSumme;2019;100\n")
        #expect(codes(police) == [.unknownCountry, .aggregateLeftOut])
        #expect(
            police.log.diagnostics.first?.message.hasSuffix(
                "or --countries verbatim for keys that are not countries") == true)
        #expect(!Aggregates.looksLikeTotal("Polizei Süd") && !Aggregates.looksLikeTotal("Allemagne"))
    }

    @Test("--exclude: several values of one column, any layout; an unknown column is an error")
    func exclude() throws {
        let text = "country,year,victims,source\nAUT,2019,1,police\nAUT,2019,5,total\nAUT,2020,7,courts\n"
        let (result, _) = try readPanel(
            text, options: .init(exclusions: [("source", "Police"), ("source", "courts")]))
        #expect(!result.log.hasErrors && figures(result) == ["AUT": [5]])
        let (unknown, _) = try readPanel(text, options: .init(exclusions: [("status", "F")]))
        #expect(codes(unknown) == [.unknownFilterColumn])
        #expect(
            unknown.log.diagnostics.first?.message.hasPrefix("--exclude names the column 'status'") == true)
    }
}

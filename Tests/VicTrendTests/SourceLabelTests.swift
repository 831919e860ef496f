import Foundation
import Testing

@testable import VicTrend

/// The labels of OECD, SDMX and Eurostat exports read right (issue 16, second review): French OECD
/// labels, OECD.Stat's `PowerCode` label, CONF_STATUS labels, CL_OBS_STATUS labels, Eurostat units in
/// thousands, and SDMX values re-saved by a spreadsheet.
@Suite("Source labels: French OECD headers, multiplier and status labels, Eurostat units")
struct SourceLabelTests {
    private func figures(_ result: PanelReader.Result) -> [String: [Int]] {
        Dictionary(
            uniqueKeysWithValues: result.panel.series.map { ($0.country, $0.observations.map(\.victims)) })
    }

    private let frenchHeader =
        "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,Zone de référence,Fréquence d'observation,Mesure,"
        + "Période temporelle,Valeur d'observation,Statut d'observation,Multiplicateur d'unité,Décimales\n"

    private func frenchRow(_ year: Int, _ value: String, _ status: String, _ mult: String) -> String {
        "DATAFLOW,OECD.X:DF(1.0),Victimes,I,Autriche,Annuelle,Victimes identifiées,\(year),\(value),"
            + "\(status),\(mult),Zéro\n"
    }

    @Test("the OECD's French labels only: headers, Milliers and Estimation read without options")
    func frenchLabels() throws {
        let (result, _) = try readPanel(
            frenchHeader + frenchRow(2019, "12", "Valeur normale", "Milliers")
                + frenchRow(2020, "1.5", "Estimation", "Milliers"))
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["AUT": [12000, 1500]])
        #expect(result.panel.series.first?.observations.map(\.flags) == [[], [.estimated]])
        #expect(result.log.diagnostics.map(\.code) == [.unitMultiplierApplied])
        #expect(
            result.log.diagnostics.first?.message
                == "Valeur d'observation is given in thousands (Multiplicateur d'unité 3): every such figure is "
                + "multiplied by 1000 ('12' is read as 12000 victims)")
    }

    @Test(
        "an unknown multiplier label is VT110 naming the accepted labels; a long status label is quoted whole"
    )
    func unknownLabels() throws {
        let (bad, _) = try readPanel(frenchHeader + frenchRow(2019, "12", "Valeur normale", "Mille"))
        #expect(bad.log.diagnostics.map(\.code) == [.invalidUnitMultiplier])
        #expect(bad.log.diagnostics.first?.message.contains("'Mille' in Multiplicateur d'unité") == true)
        #expect(bad.log.diagnostics.first?.message.contains("Milliers, Dizaines de milliers") == true)
        #expect(bad.panel.observationCount == 0)
        let label = "Strike and other special events, see the notes"
        let (status, _) = try readPanel(frenchHeader + frenchRow(2019, "12", "\"\(label)\"", "Unités"))
        #expect(status.log.diagnostics.map(\.code) == [.unknownStatus])
        #expect(
            status.log.diagnostics.first?.message.hasPrefix(
                "unknown status '\(label)' in Statut d'observation;") == true)
    }

    @Test("OECD.Stat's PowerCode label without PowerCode Code, and in a long file, is the multiplier")
    func powerCodeLabel() throws {
        let (stat, _) = try readPanel(
            "LOCATION,Country,SUBJECT,Subject,TIME,Time,Unit,PowerCode,Value,Flag Codes,Flags\n"
                + "AUT,Austria,VICTIMS,Identified victims,2019,2019,Persons,Thousands,12,,\n"
                + "AUT,Austria,VICTIMS,Identified victims,2020,2020,Persons,Millions,0.013,,\n")
        #expect(!stat.log.hasErrors, "\(stat.log.diagnostics)")
        #expect(figures(stat) == ["AUT": [12000, 13000]])
        #expect(stat.log.diagnostics.first?.message.contains("(PowerCode 3)") == true)
        let (long, _) = try readPanel(
            "country,year,victims,PowerCode\nAUT,2019,12,Thousands\nAUT,2020,13,Units\n")
        #expect(figures(long) == ["AUT": [12000, 13]])
    }

    @Test(
        "CONF_STATUS: codes, 'code:label' and CL_CONF_STATUS labels",
        arguments: [
            ("F", false as Bool?), ("", false), ("F:Free", false), ("Free", false), ("free ", false),
            ("C:Confidential statistical information", true), ("Confidential statistical information", true),
            ("Primary confidentiality due to small counts", true),
            ("Secondary confidentiality set by the sender, not for publication", true),
            ("Not for publication, restricted for internal use only", true),
            ("Secondary confidentiality set and managed by the receiver, not for publication", true),
            ("Confidential", nil), (":C", nil), ("X:Free", nil), ("Fr", nil),
        ])
    func confidentiality(text: String, expected: Bool?) {
        #expect(ObservationStatus.isConfidential(text) == expected)
    }

    @Test(
        "CL_OBS_STATUS labels, English and French, are their codes; K withholds",
        arguments: [
            ("Normal value", "A"), ("Time series break", "B"), ("Definition differs", "D"),
            ("Estimated value", "E"), ("Forecast value", "F"), ("Experimental value", "G"),
            ("Imputed value (CCSA definition)", "I"), ("Data included in another category", "K"),
            ("Missing value; data exist but were not collected", "L"),
            ("Missing value; data cannot exist", "M"),
            ("Not significant", "N"), ("Missing value", "O"), ("Provisional value", "P"),
            ("Missing value; suppressed", "Q"), ("Strike and other special events", "S"),
            ("Low reliability", "U"),
            ("Unvalidated value", "V"), ("Valeur normale", "A"), ("Rupture de série", "B"),
            ("Estimation", "E"),
            ("Provisoire", "P"), ("Valeur non validée", "V"),
        ])
    func statusLabels(label: String, code: String) {
        #expect(ObservationStatus.code(label: label) == code)
    }

    @Test("status meanings: G and V flag the year, K withholds, S is low reliability")
    func statusMeanings() {
        #expect(ObservationStatus.meaning("G") == .flag(.lowReliability))
        #expect(ObservationStatus.meaning("V") == .flag(.provisional))
        #expect(ObservationStatus.meaning("K") == .withheld)
        #expect(ObservationStatus.meaning("S") == .flag(.lowReliability))
        #expect(ObservationStatus.code(label: "Time series") == nil)
        #expect(ObservationStatus.multiplier(label: "Milliers") == "3")
        #expect(ObservationStatus.multiplier(label: "Milliards") == "9")
        #expect(ObservationStatus.multiplier(label: "Mille") == nil)
    }

    private let eurostatHeader = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"

    @Test("Eurostat THS_ and MIO_ units are multiplied, noted; with a UNIT_MULT too they are refused")
    func eurostatThousands() throws {
        let (result, _) = try readPanel(
            eurostatHeader + "ESTAT:X(1.0),01/12/26,A,THS_PER,AT,2019,12,\n"
                + "ESTAT:X(1.0),01/12/26,A,THS_PER,AT,2020,1.3,\n")
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        #expect(figures(result) == ["AUT": [12000, 1300]])
        #expect(
            result.log.diagnostics.map(\.message) == [
                "OBS_VALUE is given in thousands (unit THS_PER): every such figure is multiplied by 1000 "
                    + "('12' is read as 12000 victims)"
            ])
        let (millions, _) = try readPanel(
            eurostatHeader + "ESTAT:X(1.0),01/12/26,A,MIO_PER:Million persons,AT,2019,0.5,\n")
        #expect(figures(millions) == ["AUT": [500_000]])
        let (twice, _) = try readPanel(
            "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
                + "ESTAT:X(1.0),01/12/26,A,THS_PER,AT,2019,12,3\n")
        #expect(twice.log.diagnostics.map(\.code) == [.invalidUnitMultiplier])
        #expect(twice.panel.observationCount == 0)
        #expect(SourceProfile.suggestedValue(["THS_PER", "PC", "NR:Number"]) == ("NR:Number", false))
        #expect(SourceProfile.suggestedValue(["THS_PER", "PER"]) == ("PER", false))
        #expect(SourceProfile.suggestedValue(["THS_PER", "PC"]) == ("THS_PER", false))
    }

    @Test("an SDMX OBS_VALUE such as 1.100 is refused: '.' is the decimal mark, export again")
    func sdmxDecimalMark() throws {
        let (result, path) = try readPanel(eurostatHeader + "ESTAT:X(1.0),01/12/26,A,NR,AT,2020,1.100,\n")
        #expect(result.log.diagnostics.map(\.code) == [.invalidCount])
        #expect(result.log.diagnostics.first?.location == Location(file: path, line: 2, column: 36))
        #expect(
            result.log.diagnostics.first?.message
                == "the count '1.100' is not a whole count: in SDMX-CSV (Eurostat, the OECD, the UN SDG database) "
                + "'.' is always the decimal mark, so it is 1.1, never 1100 (--thousands-separator does not apply "
                + "to OBS_VALUE). A file re-saved by a spreadsheet may have turned 1100 into '1.100': download it "
                + "again from the source and give it to victrend unchanged")
        #expect(RowInterpreter.decimalReading("1.000") == "1")
    }
}

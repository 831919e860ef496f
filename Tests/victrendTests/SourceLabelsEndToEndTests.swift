import Foundation
import Testing

/// OECD labels in French, OECD.Stat's PowerCode label and Eurostat units in thousands, through the built
/// binary (issue 16, second review).
@Suite("Source labels, end to end: French OECD labels, PowerCode, Eurostat THS_PER")
struct SourceLabelsEndToEndTests {
    @Test("an OECD French labels-only export: Milliers applied, the trends table holds 12000 and 13000")
    func frenchLabelsOnly() throws {
        let outcome = try VictrendBinary.run(
            ["report", "-"],
            stdin: "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,Zone de référence,Période temporelle,"
                + "Valeur d'observation,Statut d'observation,Multiplicateur d'unité\n"
                + "DATAFLOW,OECD.X:DF(1.0),Victimes,I,Autriche,2019,12,Valeur normale,Milliers\n"
                + "DATAFLOW,OECD.X:DF(1.0),Victimes,I,Autriche,2020,13,Valeur normale,Milliers\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\nAUT,2019,12000,"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\nAUT,2020,13000,2019,12000,0.0833,"), "\(outcome.stdout)")
        #expect(
            outcome.stderr
                == "<stdin>:2:50: note[VT109]: Valeur d'observation is given in thousands (Multiplicateur "
                + "d'unité 3): every such figure is multiplied by 1000 ('12' is read as 12000 victims)\n")
    }

    @Test("Eurostat: several units suggest NR before THS_PER; THS_PER alone is multiplied")
    func eurostatUnits() throws {
        let header = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        let ths = "ESTAT:X(1.0),01/12/26,A,THS_PER,AT,2019,12,\nESTAT:X(1.0),01/12/26,A,THS_PER,AT,2020,13,\n"
        let several = try VictrendBinary.run(
            ["validate", "-"], stdin: header + ths + "ESTAT:X(1.0),01/12/26,A,NR,AT,2019,12000,\n")
        #expect(several.status == 1)
        #expect(
            several.stdout.hasPrefix(
                "<stdin>:1: error[VT013]: the file holds several values of 'unit' (THS_PER, NR); choose one "
                    + "with --filter unit=NR\n"), "\(several.stdout)")
        let alone = try VictrendBinary.run(["report", "-"], stdin: header + ths)
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout.contains("\nAUT,2020,13000,2019,12000,"), "\(alone.stdout)")
        #expect(alone.stderr.contains("note[VT109]: OBS_VALUE is given in thousands (unit THS_PER)"))
    }
}

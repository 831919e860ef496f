import Foundation
import Testing

/// A breakdown beside its total in a column victrend does not read (VT152): never counted twice, never
/// added up with --sum, and the suggested --filter gives the total's figures.
@Suite("a breakdown and its total in one column, end to end")
struct BreakdownEndToEndTests {
    /// German Excel: `Geschlecht` holds `Insgesamt` (100, 110) and `weiblich` (60, 70).
    static let germanCSV =
        "Land;Jahr;Geschlecht;Anzahl\nÖsterreich;2019;Insgesamt;100\nÖsterreich;2019;weiblich;60\n"
        + "Österreich;2020;Insgesamt;110\nÖsterreich;2020;weiblich;70\n"

    @Test(
        "the total beside its parts is VT152 with the --filter that keeps the total; that filter gives 100 -> 110"
    )
    func suggestedFilterGivesTheTotal() throws {
        let refused = try VictrendBinary.run(["report", "-"], stdin: Self.germanCSV)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr.contains(
                "<stdin>:2:17: error[VT152]: the column 'Geschlecht' holds a total ('Insgesamt') beside other "
                    + "values ('weiblich'): its rows are parts and their total, which would be counted twice, or "
                    + "added up with --sum; keep the total: --filter 'Geschlecht=Insgesamt'\n"))

        let summed = try VictrendBinary.run(["report", "--sum", "-"], stdin: Self.germanCSV)
        #expect(summed.status == 1)
        #expect(summed.stdout.isEmpty)
        #expect(summed.stderr.contains("error[VT152]"))

        let kept = try VictrendBinary.run(
            [
                "report", "--filter", "Geschlecht=Insgesamt", "--columns",
                "country,year,victims,required_victims,status",
                "-",
            ],
            stdin: Self.germanCSV)
        #expect(kept.status == 0)
        #expect(
            kept.stdout
                == "country,year,victims,required_victims,status\nAUT,2019,100,,not-assessed\nAUT,2020,110,110,met\n"
        )
    }

    @Test("a wide file with a breakdown column is refused the same way")
    func wideBreakdown() throws {
        let wide = "country,sex,2019,2020\nAUT,_T,100,110\nAUT,F,60,70\n"
        let run = try VictrendBinary.run(["report", "-"], stdin: wide)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "<stdin>:2:5: error[VT152]: the column 'sex' holds a total ('_T') beside other values ('F')"))
    }

    @Test("no breakdown: a column of regions, or of notes, beside the countries is read as before")
    func noFalseAlarm() throws {
        let regions =
            "country,region,note,year,victims\nAUT,Europa,checked,2019,100\nUSA,Amerika,,2019,50\n"
            + "AUT,Europa,revised,2020,110\nUSA,Amerika,All figures provisional,2020,55\n"
        let run = try VictrendBinary.run(
            ["report", "--columns", "country,year,victims", "-"], stdin: regions)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == "country,year,victims\nAUT,2019,100\nAUT,2020,110\nUSA,2019,50\nUSA,2020,55\n")
    }

    @Test("UNdata's 'Both Sexes' and the offices' 'All agencies', 'Tous sexes', 'Zusammen' are totals too")
    func allAndBoth() throws {
        // UNdata's export: `Country or Area` is the country column; --sum would have added 110 + 60.
        let undata =
            "\"Country or Area\",\"Year\",\"Sex\",\"Value\"\n\"Austria\",\"2020\",\"Both Sexes\",\"100\"\n"
            + "\"Austria\",\"2020\",\"Female\",\"60\"\n\"Austria\",\"2021\",\"Both Sexes\",\"110\"\n"
        let summed = try VictrendBinary.run(["report", "--sum", "-"], stdin: undata)
        #expect(summed.status == 1)
        #expect(
            summed.stderr.contains(
                "error[VT152]: the column 'Sex' holds a total ('Both Sexes') beside other values ('Female')"),
            "\(summed.stderr)")
        for total in ["All agencies", "Tous sexes", "Zusammen", "Ambos sexos", "All"] {
            let text = "country,year,part,victims\nAUT,2020,\(total),100\nAUT,2020,Police,60\n"
            let run = try VictrendBinary.run(["report", "--sum", "-"], stdin: text)
            #expect(run.status == 1 && run.stderr.contains("holds a total ('\(total)')"), "\(total)")
        }
    }

    @Test(
        "a --by column holding a total beside its parts is VT152 too, with the --exclude that leaves it out")
    func totalAmongByKeys() throws {
        let agencies =
            "country,agency,year,victims\nAUT,Police,2020,60\nAUT,Customs,2020,40\nAUT,Total,2020,100\n"
            + "AUT,Police,2021,66\nAUT,Customs,2021,44\nAUT,Total,2021,110\n"
        let refused = try VictrendBinary.run(
            ["report", "--by", "agency", "--table", "totals", "-"], stdin: agencies)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "<stdin>:4:5: error[VT152]: the column 'agency' holds a total ('Total') beside other values "
                    + "('Police'): its rows are parts and their total, each a series of --by, so the total would "
                    + "be added to its parts in every total; leave it out: --exclude 'agency=Total'\n"),
            "\(refused.stderr)")
        let kept = try VictrendBinary.run(
            ["report", "--by", "agency", "--exclude", "agency=Total", "--table", "totals", "-"],
            stdin: agencies)
        #expect(kept.status == 0)
        #expect(kept.stdout.contains("alliance,2021,") && kept.stdout.contains(",110,"), "\(kept.stdout)")
    }
}

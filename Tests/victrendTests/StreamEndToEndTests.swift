import Foundation
import Testing

@Suite("victrend report on a large input: streamed when sorted, the same bytes when not")
struct StreamEndToEndTests {
    /// 4,000 series × 20 years (80,000 rows, more than one streamed batch), as rows in key order.
    private static let rows: [String] = {
        var rows: [String] = []
        var level = 17
        for series in 0..<4_000 {
            for year in 2000..<2020 {
                level = (level * 1_103 + 12_345) % 997
                // A withheld year and a zero now and then, so the rows are not all alike.
                let victims =
                    series % 97 == 0 && year == 2010 ? "<5" : String(level % 300 + (year == 2003 ? 0 : 1))
                rows.append("K\(100_000 + series),\(year),\(victims)")
            }
        }
        return rows
    }()

    /// The same rows shuffled: row i goes to place i × 7919 mod 80,000 (7919 is prime, so every place
    /// is taken once).
    private static let shuffledRows: [String] = {
        var order = rows
        for (index, row) in rows.enumerated() { order[index * 7919 % rows.count] = row }
        return order
    }()

    private static func file(_ rows: [String]) -> String {
        "country,year,victims\n" + rows.joined(separator: "\n") + "\n"
    }

    @Test("sorted (streamed) and shuffled (read whole) inputs give the same table, on stdout and to a file")
    func sortedAndShuffled() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sorted = try directory.file("sorted.csv", Self.file(Self.rows))
        let shuffled = try directory.file("shuffled.csv", Self.file(Self.shuffledRows))
        let arguments = ["report", "--countries", "verbatim", "--no-test", "--baseline-year", "2005"]
        let streamed = try VictrendBinary.run(arguments + [sorted])
        let whole = try VictrendBinary.run(arguments + [shuffled])
        #expect(streamed.status == 0)
        #expect(whole.status == 0)
        #expect(streamed.stdout == whole.stdout)
        let lines = streamed.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 80_002)  // header, 80,000 rows, and the empty string after the last newline
        #expect(lines[1].hasPrefix("K100000,2000,"))
        #expect(lines[80_000].hasPrefix("K103999,2019,"))
        #expect(streamed.stdout.contains("K100000,2010,,,,,,,not-assessed,withheld,"))
        let output = directory.url.appendingPathComponent("trends.csv").path
        let toFile = try VictrendBinary.run(arguments + ["--output", output, sorted])
        #expect(toFile.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == whole.stdout)
    }

    @Test("--columns: the chosen columns of the same table, streamed, read whole and from a pipe")
    func chosenColumns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sorted = try directory.file("sorted.csv", Self.file(Self.rows))
        let shuffled = try directory.file("shuffled.csv", Self.file(Self.shuffledRows))
        let arguments = [
            "report", "--countries", "verbatim", "--no-test", "--columns", "country,year,growth_rate",
        ]
        let streamed = try VictrendBinary.run(arguments + [sorted])
        let whole = try VictrendBinary.run(arguments + [shuffled])
        let piped = try VictrendBinary.run(arguments + ["/dev/stdin"], stdin: Self.file(Self.shuffledRows))
        #expect(streamed.status == 0 && whole.status == 0 && piped.status == 0)
        #expect(streamed.stdout == whole.stdout && piped.stdout == whole.stdout)
        let full = try VictrendBinary.run(["report", "--countries", "verbatim", "--no-test", sorted])
        let projected = full.stdout.split(separator: "\n").map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return [cells[0], cells[1], cells[5]].joined(separator: ",")
        }
        #expect(streamed.stdout == projected.joined(separator: "\n") + "\n")
        #expect(streamed.stdout.hasPrefix("country,year,growth_rate\nK100000,2000,\nK100000,2001,"))
    }

    @Test("an error late in a streamed input: exit 1, nothing written, the error where it is")
    func lateError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var rows = Self.rows
        rows[79_990] = "K103999,2010,12.5"
        let input = try directory.file("late.csv", Self.file(rows))
        let output = directory.url.appendingPathComponent("trends.csv").path
        let outcome = try VictrendBinary.run(["report", "--countries", "verbatim", "--output", output, input])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr.contains("\(input):79992:14: error[VT103]: the count '12.5' is not a whole number")
        )
        #expect(!FileManager.default.fileExists(atPath: output))
        let stdout = try VictrendBinary.run(["report", "--countries", "verbatim", input])
        #expect(stdout.status == 1)
        #expect(stdout.stdout.isEmpty)
    }

    @Test("a pipe is read once: an unsorted input on standard input gives the same table as the file")
    func pipedUnsortedInput() throws {
        // The synthetic sample lists countries in the order of the alliance's list, not by code: the
        // stream would stop at the first key out of order and read the input again, which a pipe cannot.
        let sample = "samples/alliance-synthetic-2013-2024.csv"
        let text = try VictrendBinary.golden(sample)
        let fromPipe = try VictrendBinary.run(["report", "--delimiter", ",", "/dev/stdin"], stdin: text)
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        #expect(fromPipe.stdout == (try VictrendBinary.golden("samples/expected/alliance-synthetic.csv")))
    }
}

import Foundation
import Testing

/// `--keep-aggregates` keeps a total as a series of its own, never as a country (issue 16 review: the
/// kept `Insgesamt` 300/330 was added into the alliance total, 600/660 from 3 countries). Every output
/// gives 300 and 330 from 2 countries, whether the input is read as a stream (sorted) or whole.
@Suite("Kept aggregates, end to end: in no total, in every format")
struct KeptAggregatesEndToEndTests {
    private static let sorted =
        "country,year,victims\nAustria,2019,100\nAustria,2020,110\nGermany,2019,200\nGermany,2020,220\n"
        + "Insgesamt,2019,300\nInsgesamt,2020,330\n"
    /// The same rows out of key order: read whole.
    private static let shuffled =
        "country,year,victims\nInsgesamt,2020,330\nAustria,2019,100\nGermany,2020,220\nInsgesamt,2019,300\n"
        + "Austria,2020,110\nGermany,2019,200\n"

    private func run(_ arguments: [String], _ text: String) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file("keepagg.csv", text)
        let outcome = try VictrendBinary.run(["report", "--keep-aggregates"] + arguments + [input])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test(
        "the totals table: alliance 300 and 330 from 2 countries, like for like 300 -> 330",
        arguments: [sorted, shuffled])
    func totalsTable(text: String) throws {
        let lines = try run(["--table", "totals"], text).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("alliance,") })
        #expect(lines[1].hasPrefix("alliance,2019,2,300,"))
        #expect(lines[2].hasPrefix("alliance,2020,2,330,"))
        // Insgesamt is still reported, as a series of its own.
        let trends = try run(["--columns", "country,year,victims"], text)
        #expect(trends.contains("Insgesamt,2019,300\nInsgesamt,2020,330\n"))
    }

    @Test("Markdown, HTML and JSON: 2 countries, 300 and 330", arguments: [sorted, shuffled])
    func reports(text: String) throws {
        let markdown = try run(["--format", "markdown"], text)
        #expect(markdown.contains("- Countries: 2\n"))
        #expect(markdown.contains("| Alliance | 2019 | 2 | 300 |"), "\(markdown)")
        #expect(markdown.contains("| Alliance | 2020 | 2 | 330 |"))
        #expect(!markdown.contains("600") && !markdown.contains("660"))
        #expect(
            markdown.contains(
                "Kept aggregates (--keep-aggregates: series of their own, not countries, in no total): Insgesamt."
            ))
        let html = try run(["--format", "html"], text)
        #expect(html.contains("<tr><th scope=\"row\">2019</th><td>2</td><td>300</td><td>300</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">2020</th><td>2</td><td>330</td><td>330</td></tr>"))
        let json = try run(["--format", "json"], text)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["countries"] as? Int == 2)
        let totals = try #require(object["totals"] as? [[String: Any]])
        #expect(totals.map { $0["victims"] as? Int } == [300, 330])
        #expect(totals.map { $0["countries"] as? Int } == [2, 2])
    }
}

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

/// Under `--countries verbatim`, totals in the participants' languages are left out, and a total-like
/// key or a part of a country is counted only with a warning that names it (issue 16 review).
@Suite("Verbatim keys, end to end: totals left out, total-like keys and parts of countries warned")
struct VerbatimKeysEndToEndTests {
    @Test("Celkem, I alt, Σύνολο are left out: the alliance is Austria's 100 from 1 country")
    func totalWords() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "totals.csv",
            "country,year,victims\nAustria,2019,100\nCelkem,2019,300\nI alt,2019,300\nΣύνολο,2019,300\n")
        let outcome = try VictrendBinary.run([
            "report", "--countries", "verbatim", "--table", "totals", input,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stdout.split(separator: "\n").dropFirst() == [
                "alliance,2019,1,100,,,,,,,,not-assessed,first-year,,,,,"
            ])
        #expect(outcome.stderr.components(separatedBy: "note[VT107]").count == 4)
    }

    @Test("UK parts under verbatim: a warning per part with the --exclude, which gives the UK alone")
    func ukParts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "uk.csv", "geo,year,victims\nUK,2019,500\nUKC-L,2019,400\nUKI,2019,100\n")
        let kept = try VictrendBinary.run(["report", "--countries", "verbatim", "--table", "totals", input])
        #expect(kept.status == 0)
        #expect(kept.stdout.contains("\nalliance,2019,3,1000,"))
        #expect(
            kept.stderr.contains(
                "\(input):3:1: warning[VT151]: 'UKC-L' is England and Wales, a part of the United Kingdom; under "
                    + "--countries verbatim it is a series of its own and is added into the totals beside it: leave "
                    + "its rows out with --exclude 'geo=UKC-L'"))
        #expect(
            kept.stderr.contains(
                "\(input):4:1: warning[VT151]: 'UKI' is London, a part of the United Kingdom;"))
        let excluded = try VictrendBinary.run([
            "report", "--countries", "verbatim", "--table", "totals", "--exclude", "geo=UKC-L", "--exclude",
            "geo=UKI", input,
        ])
        #expect(excluded.status == 0 && excluded.stderr.isEmpty, "\(excluded.stderr)")
        #expect(excluded.stdout.contains("\nalliance,2019,1,500,"))
    }
}

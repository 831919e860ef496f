import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the elements of a parsed document.
private final class ElementCollector: NSObject, XMLParserDelegate {
    /// Every element in document order, with the elements it is inside (outermost first).
    var elements:
        [(
            name: String, attributes: [String: String],
            ancestors: [(name: String, attributes: [String: String])]
        )] = []
    private var open: [(name: String, attributes: [String: String])] = []
    var text = ""
    private var inTitle = false
    var titles: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append((elementName, attributeDict, open))
        open.append((elementName, attributeDict))
        if elementName == "title" { inTitle = true }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        open.removeLast()
        if elementName == "title" {
            inTitle = false
            titles.append(text)
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { text += string }
    }
}

@Suite("HTML report: well-formed, accessible, escaped, self-contained")
struct HTMLEndToEndTests {
    private func parse(_ html: String) throws -> ElementCollector {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(
            parsed,
            "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        return collector
    }

    @Test(
        "the sample report is well-formed, its charts have titles, descriptions and tables, and nothing is fetched"
    )
    func wellFormed() throws {
        let outcome = try VictrendBinary.run([
            "report", "-f", "html", "--groups", "samples/groups/eu-membership-2024.csv",
            "samples/alliance-synthetic-2013-2024.csv",
        ])
        #expect(outcome.status == 0)
        let document = try parse(outcome.stdout)
        let names = document.elements.map(\.name)
        let charts = names.filter { $0 == "svg" }.count
        #expect(charts == 49)  // the alliance and 48 countries
        #expect(names.filter { $0 == "desc" }.count == charts)
        #expect(names.filter { $0 == "title" }.count == charts + 1)  // and the page's own
        #expect(document.elements.filter { $0.name == "svg" }.allSatisfy { $0.attributes["role"] == "img" })
        #expect(names.contains("table") && names.contains("caption"))
        #expect(!names.contains("script") && !names.contains("link") && !names.contains("img"))
        #expect(!outcome.stdout.contains("http://") || !outcome.stdout.contains("src="))
        #expect(document.titles.contains("AUT Austria"))
        for section in [
            "headline", "alliance", "growth", "countries", "progress", "totals", "shortfalls", "notes",
        ] {
            #expect(
                document.elements.contains { $0.name == "section" && $0.attributes["id"] == section },
                "\(section)")
        }
    }

    @Test(
        "landmarks: one <main> holding every section, each named by its heading; every table in a named, focusable box that scrolls",
        arguments: [
            [
                "--groups", "samples/groups/eu-membership-2024.csv",
                "samples/alliance-synthetic-2013-2024.csv",
            ],
            ["--suppress-below", "5", "samples/small/example.csv"],
        ])
    func landmarks(arguments: [String]) throws {
        let outcome = try VictrendBinary.run(["report", "-f", "html"] + arguments)
        #expect(outcome.status == 0)
        let document = try parse(outcome.stdout)
        let elements = document.elements
        let ids = elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "an id is used twice")
        #expect(elements.filter { $0.name == "main" }.count == 1)
        #expect(
            elements.filter { $0.name == "header" }.allSatisfy {
                $0.ancestors.map(\.name) == ["html", "body"]
            })
        let sections = elements.filter { $0.name == "section" }
        #expect(sections.count >= 6)
        for section in sections {
            let id = section.attributes["id"] ?? "?"
            #expect(section.ancestors.map(\.name) == ["html", "body", "main"], "\(id)")
            #expect(section.attributes["aria-labelledby"] == "\(id)-heading")
            #expect(elements.contains { $0.name == "h2" && $0.attributes["id"] == "\(id)-heading" }, "\(id)")
        }
        // Everything in <body> is in <header> or <main>.
        #expect(
            elements.filter { $0.ancestors.map(\.name) == ["html", "body"] }.map(\.name) == [
                "header", "main",
            ])
        let tables = elements.filter { $0.name == "table" }
        #expect(tables.count >= 4)
        var names: [String] = []
        for table in tables {
            let box = table.ancestors.last
            #expect(box?.name == "div" && box?.attributes["class"] == "scroll")
            #expect(box?.attributes["role"] == "region" && box?.attributes["tabindex"] == "0")
            if let label = box?.attributes["aria-label"] {
                names.append(label)
            } else if let reference = box?.attributes["aria-labelledby"] {
                #expect(
                    elements.contains { $0.name == "caption" && $0.attributes["id"] == reference },
                    "\(reference)")
                names.append(reference)
            } else {
                Issue.record("a table's box has no name")
            }
        }
        #expect(Set(names).count == names.count, "two boxes have the same name: \(names)")
    }

    @Test("every year label of every chart lies inside the chart (the last year is no longer cut to 202)")
    func yearLabels() throws {
        let outcome = try VictrendBinary.run([
            "report", "-f", "html", "--groups", "samples/groups/eu-membership-2024.csv",
            "samples/alliance-synthetic-2013-2024.csv",
        ])
        let charts = outcome.stdout.components(separatedBy: "<svg ").dropFirst()
        #expect(charts.count == 49)
        var checked = 0
        for chart in charts {
            let width = try #require(
                chart.firstMatch(of: /viewBox="0 0 ([0-9.]+) [0-9.]+"/).flatMap { Double($0.output.1) })
            let font = width > 300 ? 13.0 : 10.0
            for label in chart.matches(
                of: /<text class="tick" x="([0-9.]+)" y="[0-9.]+" text-anchor="(\w+)">([0-9]{4})<\/text>/)
            {
                let x = Double(label.output.1) ?? -1
                // Four digits at most 0.6 em each.
                let span = 4 * 0.6 * font
                let (from, to): (Double, Double) =
                    switch label.output.2 {
                    case "start": (x, x + span)
                    case "end": (x - span, x)
                    default: (x - span / 2, x + span / 2)
                    }
                #expect(from >= 0 && to <= width, "\(label.output.3) at \(x) of \(width)")
                checked += 1
            }
            // The last year is labelled: 2024, or the projection year 2026 where a country is projected.
            #expect(chart.contains(">2024</text>") || chart.contains(">2026</text>"))
        }
        #expect(checked >= 49 * 3)
    }

    @Test("text from the input is escaped")
    func escaping() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "x.csv",
            "country,year,victims\n<script>alert('x')</script>,2019,1\n<script>alert('x')</script>,2020,2\n")
        let outcome = try VictrendBinary.run(["report", "-f", "html", "--countries", "verbatim", input])
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.contains("<script>"))
        #expect(outcome.stdout.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        _ = try parse(outcome.stdout)
    }

    @Test("the small sample's HTML equals its golden file")
    func golden() throws {
        let outcome = try VictrendBinary.run(["report", "-f", "html", "samples/small/example.csv"])
        #expect(outcome.stdout == (try VictrendBinary.golden("samples/expected/small-example.html")))
        #expect(
            outcome.stdout.contains(
                "<td class=\"significant\" title=\"BEL 2022: 1100 victims; 1210 in 2021; 1331 needed; p = 2.576e-06\">−9.1% ✗</td>"
            ))
    }

    @Test("2,000 series make a page; 10,001 are refused before the report is built: exit 2, no file")
    func sizeLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        func input(series: Int) throws -> String {
            var text = "country,year,victims\n"
            for key in 0..<series { text += "K\(10_000 + key),2019,5\nK\(10_000 + key),2020,6\n" }
            return try directory.file("in-\(series).csv", text)
        }
        let page = directory.url.appendingPathComponent("ok.html").path
        let fine = try VictrendBinary.run(
            [
                "report", "--countries", "verbatim", "--no-test", "-f", "html", "-o", page,
                try input(series: 2000),
            ])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<figcaption>K11999</figcaption>"))
        let refused = directory.url.appendingPathComponent("no.html").path
        let outcome = try VictrendBinary.run(
            [
                "report", "--countries", "verbatim", "--no-test", "-f", "html", "-o", refused,
                try input(series: 10_001),
            ])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr
                == "victrend: the HTML report draws a chart for every series and takes at most 10,000 series; this "
                + "input has 10,001 series, 20,002 rows over 2 years. Choose the Markdown, JSON or CSV format, or "
                + "report fewer series\n")
        #expect(!FileManager.default.fileExists(atPath: refused))
    }
}

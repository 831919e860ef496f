@testable import VicTrend

/// A random panel with everything a report can hold: country codes, `--by` keys and keys of any text
/// (quotes, backslashes, control characters, non-ASCII), gaps, breaks and source flags, withheld
/// figures, zeros and large counts, annual or cumulative counts, groups, options, provenance and
/// diagnostics. Texts start and end with a letter (what comes between is anything).
struct RandomPanel {
    var panel: Panel
    var options: AnalysisOptions
    var groups: Groups
    var provenance: Provenance?
    var diagnostics: [Diagnostic]

    private static let alphabet: [String] =
        Array("abcXYZ0 ,;:\"'\\\t\n\r\u{1}\u{1f}\u{7f}é·|€{}[]").map(String.init) + ["😀", "\r\n", "e\u{301}"]

    init(_ generator: inout SeededGenerator) {
        let cumulative = Int.random(in: 0..<10, using: &generator) < 3
        var keys: Set<String> = []
        let codes = CountryTable.countries.map(\.alpha3)
        for _ in 0..<Int.random(in: 1...14, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1: keys.insert(codes.randomElement(using: &generator) ?? "AUT")
            case 2:
                keys.insert(
                    (codes.randomElement(using: &generator) ?? "AUT") + SeriesKey.separator
                        + Self.text(&generator))
            default: keys.insert(Self.text(&generator))
            }
        }
        var series: [Series] = []
        for key in keys {
            var observations: [Observation] = []
            var withheld: [WithheldFigure] = []
            var level = Int.random(in: 0...400, using: &generator)
            if Int.random(in: 0..<8, using: &generator) == 0 {
                level = Int.random(in: 0...1_000_000_000, using: &generator)
            }
            for year in 1998...2026 where Int.random(in: 0..<10, using: &generator) < 6 {
                let location = Self.location(&generator)
                if Int.random(in: 0..<12, using: &generator) == 0 {
                    let marker = ["<5", "c", "..", ":", "x\"y\\"].randomElement(using: &generator) ?? "c"
                    withheld.append(
                        WithheldFigure(country: key, year: year, marker: marker, location: location))
                    continue
                }
                var flags: [ObservationFlag] = []
                if Int.random(in: 0..<6, using: &generator) == 0 {
                    flags = ObservationFlag.allCases.filter { _ in Bool.random(using: &generator) }
                }
                observations.append(
                    Observation(country: key, year: year, victims: level, location: location, flags: flags))
                let change = Int.random(in: -60...80, using: &generator)
                level = cumulative ? level + max(0, change) : max(0, level + change)
                if Int.random(in: 0..<15, using: &generator) == 0 && !cumulative { level = 0 }
            }
            if observations.isEmpty && withheld.isEmpty {
                observations.append(
                    Observation(country: key, year: 2020, victims: level, location: Self.location(&generator))
                )
            }
            series.append(Series(country: key, observations: observations, withheld: withheld))
        }
        panel = Panel(series: series)
        let rate = ["0.1", "0.05", "0", "0.25", "0.123", "1"].randomElement(using: &generator) ?? "0.1"
        options = AnalysisOptions(
            series: cumulative ? .cumulative : .annual,
            targetRate: (try? TargetRate(parsing: rate)) ?? .allianceGoal,
            baselineYear: Bool.random(using: &generator)
                ? nil : Int.random(in: 1995...2015, using: &generator),
            targetYear: Bool.random(using: &generator) ? nil : Int.random(in: 2016...2040, using: &generator),
            confidence: [0.95, 0.9, 0.99, 0.5].randomElement(using: &generator) ?? 0.95,
            inputs: (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.text(&generator) })
        options.exactTest = Int.random(in: 0..<4, using: &generator) > 0
        groups = Groups()
        for index in 0..<Int.random(in: 0...3, using: &generator) {
            let name = index == 0 ? "EU" : Self.text(&generator)
            for key in keys where Bool.random(using: &generator) {
                groups.add(country: SeriesKey.country(of: key), to: name)
            }
        }
        provenance =
            Bool.random(using: &generator)
            ? nil
            : Provenance(
                toolVersion: Self.text(&generator), generatedAt: "2026-01-01T00:00:00Z",
                fromSourceDateEpoch: Bool.random(using: &generator),
                inputs: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    Provenance.Input(
                        path: Self.text(&generator), role: "data", sha256: String(repeating: "ab", count: 32))
                })
        diagnostics = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            Diagnostic(
                [.implausibleChange, .withheldValue, .missingYear].randomElement(using: &generator)
                    ?? .missingYear,
                at: Bool.random(using: &generator) ? nil : Self.location(&generator), Self.text(&generator))
        }
    }

    /// A text of 2 to 14 characters from `alphabet` between two letters.
    private static func text(_ generator: inout SeededGenerator) -> String {
        let inner = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator) ?? "a"
        }
        return "K" + inner.joined() + "k"
    }

    private static func location(_ generator: inout SeededGenerator) -> Location {
        Location(
            file: Bool.random(using: &generator) ? "in.csv" : text(&generator),
            line: Int.random(in: 1...1_000_000, using: &generator),
            column: Bool.random(using: &generator) ? nil : Int.random(in: 1...40, using: &generator))
    }
}

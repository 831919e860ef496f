/// Collects observations from any number of files into a `Panel`, refusing a country-year twice.
///
/// The first figure for a country-year is kept. A later row with a different count is an error that
/// names both locations and both counts, so the user can decide which is right; a later row with the
/// same count is a warning (the row was repeated, nothing conflicts). No row is dropped silently.
public struct PanelBuilder: Sendable {
    private var seriesIndex: [String: Int] = [:]
    private var countries: [String] = []
    private var observations: [[Observation]] = []
    private var withheld: [[WithheldFigure]] = []
    private var seen: [YearKey: (location: Location, value: String)] = [:]

    private struct YearKey: Hashable {
        var series: Int
        var year: Int
    }

    public init() {}

    /// Adds `observation`, or returns the diagnostic for a duplicate country-year (and keeps the first).
    public mutating func add(_ observation: Observation) -> Diagnostic? {
        let index = seriesIndex(observation.country)
        if let duplicate = register(
            observation.country, observation.year, String(observation.victims), index,
            observation.location)
        {
            return duplicate
        }
        observations[index].append(observation)
        return nil
    }

    /// Adds a withheld year, or returns the diagnostic for a duplicate country-year.
    public mutating func add(_ figure: WithheldFigure) -> Diagnostic? {
        let index = seriesIndex(figure.country)
        if let duplicate = register(figure.country, figure.year, figure.marker, index, figure.location) {
            return duplicate
        }
        withheld[index].append(figure)
        return nil
    }

    private mutating func seriesIndex(_ country: String) -> Int {
        if let existing = seriesIndex[country] { return existing }
        let index = countries.count
        seriesIndex[country] = index
        countries.append(country)
        observations.append([])
        withheld.append([])
        return index
    }

    /// Records a country-year, or returns the duplicate diagnostic when it was seen before.
    private mutating func register(
        _ country: String, _ year: Int, _ value: String, _ index: Int, _ location: Location
    )
        -> Diagnostic?
    {
        let key = YearKey(series: index, year: year)
        guard let first = seen[key] else {
            seen[key] = (location, value)
            return nil
        }
        if first.value == value {
            return Diagnostic(
                .repeatedObservation, at: location,
                "\(country) \(year) is given twice with the same count (\(value)), first at "
                    + "\(first.location); the repeated row is not counted again: remove it")
        }
        return Diagnostic(
            .duplicateObservation, at: location,
            "\(country) \(year) is given twice with different counts: \(first.value) at \(first.location), "
                + "\(value) here; keep one row per country and year")
    }

    /// Number of observations accepted so far.
    public var count: Int { seen.count }

    /// The panel of every accepted observation.
    public func build() -> Panel {
        Panel(
            series: countries.indices.map {
                Series(country: countries[$0], observations: observations[$0], withheld: withheld[$0])
            })
    }
}

/// Collects observations from any number of files into a `Panel`, refusing a country-year twice.
///
/// The first figure for a country-year is kept and every later one is reported with both locations,
/// so the user can decide which is right; no figure is ever dropped silently.
public struct PanelBuilder: Sendable {
    private var seriesIndex: [String: Int] = [:]
    private var countries: [String] = []
    private var observations: [[Observation]] = []
    private var seen: [YearKey: Location] = [:]

    private struct YearKey: Hashable {
        var series: Int
        var year: Int
    }

    public init() {}

    /// Adds `observation`, or returns the diagnostic for a duplicate country-year (and keeps the first).
    public mutating func add(_ observation: Observation) -> Diagnostic? {
        let index: Int
        if let existing = seriesIndex[observation.country] {
            index = existing
        } else {
            index = countries.count
            seriesIndex[observation.country] = index
            countries.append(observation.country)
            observations.append([])
        }
        let key = YearKey(series: index, year: observation.year)
        if let first = seen[key] {
            return Diagnostic(
                .duplicateObservation, at: observation.location,
                "\(observation.country) \(observation.year) is given twice: first at \(first), again here; "
                    + "keep one row per country and year")
        }
        seen[key] = observation.location
        observations[index].append(observation)
        return nil
    }

    /// Number of observations accepted so far.
    public var count: Int { seen.count }

    /// The panel of every accepted observation.
    public func build() -> Panel {
        Panel(
            series: zip(countries, observations).map { Series(country: $0, observations: $1) })
    }
}

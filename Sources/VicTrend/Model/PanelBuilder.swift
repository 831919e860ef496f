/// Collects observations from any number of files into a `Panel`, refusing a country-year twice.
///
/// The first figure for a country-year is kept. A later row with a different count is an error that
/// names both locations and both counts, so the user can decide which is right; a later row with the
/// same count is a warning (the row was repeated, nothing conflicts). No row is dropped silently.
public struct PanelBuilder: Sendable {
    private var seriesIndex: [String: Int] = [:]
    private var countries: [String] = []
    private var observations: [[Observation]] = []
    private var seen: [YearKey: (location: Location, victims: Int)] = [:]

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
            let what = "\(observation.country) \(observation.year)"
            if first.victims == observation.victims {
                return Diagnostic(
                    .repeatedObservation, at: observation.location,
                    "\(what) is given twice with the same count (\(observation.victims)), first at "
                        + "\(first.location); the repeated row is not counted again: remove it")
            }
            return Diagnostic(
                .duplicateObservation, at: observation.location,
                "\(what) is given twice with different counts: \(first.victims) at \(first.location), "
                    + "\(observation.victims) here; keep one row per country and year")
        }
        seen[key] = (observation.location, observation.victims)
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

/// All figures of one country, in increasing year order, at most one per year.
public struct Series: Sendable, Hashable {
    /// The country key shared by every observation.
    public var country: String
    /// Observations sorted by `year`, years unique. Missing years are simply absent (a gap).
    public var observations: [Observation]

    /// Years whose figure was withheld, sorted by year (never also in `observations`).
    public var withheld: [WithheldFigure]

    /// True when the key is a total or an aggregate of countries (`EU27_2020`, `Insgesamt`, `World`),
    /// kept by `--keep-aggregates` as a series of its own: it is reported like a country's series but is
    /// never a country, so it never enters the alliance total, a group's total or the count of countries
    /// (it would count its members a second time).
    public var isAggregate: Bool { Aggregates.isAggregateKey(country) }

    /// Creates a series; both lists are sorted by year. Callers guarantee unique years
    /// (`PanelBuilder` rejects duplicates with a diagnostic).
    public init(country: String, observations: [Observation], withheld: [WithheldFigure] = []) {
        self.country = country
        // Input usually arrives in year order: keep the array as it is (no copy) when it already is.
        var inOrder = true
        for index in observations.indices.dropFirst()
        where observations[index - 1].year >= observations[index].year {
            inOrder = false
            break
        }
        self.observations = inOrder ? observations : observations.sorted { $0.year < $1.year }
        self.withheld = withheld.sorted { $0.year < $1.year }
    }
}

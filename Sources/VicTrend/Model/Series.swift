/// All figures of one country, in increasing year order, at most one per year.
public struct Series: Sendable, Hashable {
    /// The country key shared by every observation.
    public var country: String
    /// Observations sorted by `year`, years unique. Missing years are simply absent (a gap).
    public var observations: [Observation]

    /// Years whose figure was withheld, sorted by year (never also in `observations`).
    public var withheld: [WithheldFigure]

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

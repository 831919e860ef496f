/// One reported figure: the number of victims a country identified in a year.
///
/// Counts are aggregates only. `victims` is never negative; `location` is where the figure was read,
/// so every later finding about it can point back to the input.
public struct Observation: Sendable, Hashable {
    /// The country as written in the input (trimmed).
    public var country: String
    /// Calendar year, four digits.
    public var year: Int
    /// Identified victims in that year (annual series) or up to that year (cumulative series).
    public var victims: Int
    /// Where the figure came from.
    public var location: Location

    public init(country: String, year: Int, victims: Int, location: Location) {
        self.country = country
        self.year = year
        self.victims = victims
        self.location = location
    }
}

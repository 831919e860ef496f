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
    /// Observation flags from the source (Eurostat's `b`, `d`, `e`, `p`, `u`), in canonical order.
    public var flags: [ObservationFlag]
    /// Running totals read with a date column (`--series cumulative`): the date the total stands at,
    /// whose year is `year`; `nil` for every other figure. The analysis then annualises by the exact
    /// elapsed time (days / 365.25) instead of whole years.
    var asOf: AsOfDate?

    public init(country: String, year: Int, victims: Int, location: Location, flags: [ObservationFlag] = []) {
        self.country = country
        self.year = year
        self.victims = victims
        self.location = location
        self.flags = flags
    }

    /// True when the source marks the figure as not comparable with the years before it (`b` or `d`):
    /// the series starts a new segment here. No year-on-year comparison, trajectory, CAGR window or
    /// like-for-like total reaches back across it.
    public var isBreak: Bool {
        !flags.isEmpty && (flags.contains(.breakInSeries) || flags.contains(.definitionDiffers))
    }
}

/// A flag the source attached to a figure.
public enum ObservationFlag: String, Sendable, Hashable, CaseIterable {
    /// Break in the time series (`b`): the figure is not comparable with the year before.
    case breakInSeries = "break"
    /// Definition differs (`d`): treated as a break, since the figure is not comparable with the years
    /// before it.
    case definitionDiffers = "definition-differs"
    /// Estimated (`e`).
    case estimated
    /// Provisional (`p`).
    case provisional
    /// Low reliability (`u`).
    case lowReliability = "low-reliability"
}

/// A year whose figure the source withheld (`<5`, `c`, `..`, or Eurostat's confidential flag): the
/// year is known to exist, its count is not.
public struct WithheldFigure: Sendable, Hashable {
    public var country: String
    public var year: Int
    /// The text that stood for the figure, e.g. `<5`.
    public var marker: String
    public var location: Location
    /// The date of the withheld running total (a file read with a date column), else `nil`.
    var asOf: AsOfDate?

    public init(country: String, year: Int, marker: String, location: Location) {
        self.country = country
        self.year = year
        self.marker = marker
        self.location = location
    }
}

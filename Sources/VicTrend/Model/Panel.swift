/// Every country's series: the whole input, read from one or more files.
public struct Panel: Sendable, Hashable {
    /// Series sorted by country (Unicode code point order, so the order never depends on a locale).
    public var series: [Series]

    public init(series: [Series]) {
        self.series = series.sorted { Self.precedes($0.country, $1.country) }
    }

    /// A panel of series already in `precedes` order (as `PanelBuilder` gives them).
    init(sortedSeries: [Series]) {
        series = sortedSeries
    }

    /// Number of observations across all series.
    public var observationCount: Int { series.reduce(0) { $0 + $1.observations.count } }

    /// Locale-independent order of country keys: by Unicode scalar values (compared as UTF-8 bytes,
    /// which order exactly as the scalars they encode).
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

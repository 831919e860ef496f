/// Every country's series: the whole input, read from one or more files.
public struct Panel: Sendable, Hashable {
    /// Series sorted by country (Unicode code point order, so the order never depends on a locale).
    public var series: [Series]

    public init(series: [Series]) {
        self.series = series.sorted { Self.precedes($0.country, $1.country) }
    }

    /// Number of observations across all series.
    public var observationCount: Int { series.reduce(0) { $0 + $1.observations.count } }

    /// Locale-independent order of country keys: by Unicode scalar values.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}

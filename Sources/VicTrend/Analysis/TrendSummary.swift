/// Headline figures over all assessed country-years.
public struct TrendSummary: Sendable, Hashable {
    /// Countries with at least one figure.
    public var countries: Int
    /// Earliest year with a figure (`nil` for an empty panel).
    public var firstYear: Int?
    /// Latest year with a figure.
    public var lastYear: Int?
    /// Country-years with a figure.
    public var observations: Int
    /// Country-years compared with a base (met + short).
    public var assessed: Int
    /// Country-years that met the target.
    public var met: Int
    /// Country-years short of the target.
    public var shortOfTarget: Int
    /// Country-years not assessed because they are the country's first.
    public var firstYears: Int
    /// Country-years not assessed because the base was 0.
    public var zeroBases: Int
    /// Sum of all shortfalls, in victims. Exact (128-bit), so it cannot overflow.
    public var totalShortfall: Int128

    /// One pass over `assessments` (sorted by country, as `TrendAnalysis` makes them).
    init(_ assessments: [YearAssessment]) {
        var countries = 0
        var previousCountry: String?
        var firstYear: Int?
        var lastYear: Int?
        var met = 0
        var short = 0
        var firstYears = 0
        var zeroBases = 0
        var total: Int128 = 0
        for row in assessments {
            if row.country != previousCountry {
                countries += 1
                previousCountry = row.country
            }
            firstYear = min(firstYear ?? row.year, row.year)
            lastYear = max(lastYear ?? row.year, row.year)
            switch row.status {
            case .met: met += 1
            case .shortfall: short += 1
            case .notAssessed, .suppressed: break
            }
            if row.flags.contains(.firstYear) { firstYears += 1 }
            if row.flags.contains(.zeroBase) { zeroBases += 1 }
            total += Int128(row.shortfall ?? 0)
        }
        self.countries = countries
        self.firstYear = firstYear
        self.lastYear = lastYear
        observations = assessments.count
        self.met = met
        shortOfTarget = short
        assessed = met + short
        self.firstYears = firstYears
        self.zeroBases = zeroBases
        totalShortfall = total
    }
}

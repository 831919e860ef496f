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

    init(_ assessments: [YearAssessment]) {
        countries = Set(assessments.map(\.country)).count
        firstYear = assessments.map(\.year).min()
        lastYear = assessments.map(\.year).max()
        observations = assessments.count
        met = assessments.filter { $0.status == .met }.count
        shortOfTarget = assessments.filter { $0.status == .shortfall }.count
        assessed = met + shortOfTarget
        firstYears = assessments.filter { $0.flags.contains(.firstYear) }.count
        zeroBases = assessments.filter { $0.flags.contains(.zeroBase) }.count
        totalShortfall = assessments.reduce(0) { $0 + Int128($1.shortfall ?? 0) }
    }
}

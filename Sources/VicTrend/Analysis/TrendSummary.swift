/// Headline figures over all assessed country-years.
public struct TrendSummary: Sendable, Hashable {
    /// Countries with at least one figure; with `--by`, each country once, however many keys it has.
    public var countries: Int
    /// Series (keys): as many as `countries`, or more with `--by` (one per country and value).
    public var series = 0
    /// Earliest year with a figure (`nil` for an empty panel).
    public var firstYear: Int?
    /// Latest year with a figure.
    public var lastYear: Int?
    /// Country-years with a figure, shown or suppressed (a year the source withheld has none).
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
    /// Country-years with a figure not assessed because the series breaks there (a break, or a
    /// definition that differs; not a first year).
    public var breaks: Int = 0
    /// Country-years whose comparison is suppressed (`--suppress-below`).
    public var suppressed: Int = 0
    /// Country-years with a figure not assessed for any other reason (none today: a safety net, so that
    /// the parts always add up).
    /// `observations` = `assessed` + `firstYears` + `zeroBases` + `breaks` + `suppressed` + this.
    var otherNotAssessed: Int = 0
    /// Country-years the source withheld: no figure, so not among `observations`.
    public var withheld: Int = 0
    /// Sum of all shortfalls, in victims. Exact (128-bit), so it cannot overflow.
    public var totalShortfall: Int128

    /// One pass over `assessments` (sorted by country, as `TrendAnalysis` makes them).
    init(_ assessments: [YearAssessment]) {
        var accumulator = Accumulator()
        for row in assessments { accumulator.add(row) }
        self = accumulator.summary
    }

    /// The figures as given; `assessed` is `met + shortOfTarget`.
    init(
        countries: Int, firstYear: Int?, lastYear: Int?, observations: Int, met: Int, shortOfTarget: Int,
        firstYears: Int, zeroBases: Int, totalShortfall: Int128
    ) {
        self.countries = countries
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.observations = observations
        self.met = met
        self.shortOfTarget = shortOfTarget
        assessed = met + shortOfTarget
        self.firstYears = firstYears
        self.zeroBases = zeroBases
        self.totalShortfall = totalShortfall
    }
}

/// The per-country table (`--table summary`): one row per country, sorted by country.
///
/// Columns: `country,first_year,last_year,years_reported,years_assessed,years_met,total_shortfall,`
/// `latest_growth,baseline_year,baseline_victims,baseline_shifted,trajectory_victims,trajectory_gap,`
/// `long_term_from,long_term_cagr,long_term_ratio,long_term_category,short_term_from,short_term_cagr,`
/// `short_term_ratio,short_term_category,required_growth_to_target_year,country_name`. Rates are fractions with 4
/// decimals; `*_ratio` is CAGR / target (R in Eurostat's method); `*_from` is the first year of
/// Eurostat's period (the past 15 or 5 years, from the latest break at the earliest); trajectory
/// figures are the latest year's.
public enum SummaryCSVReporter: Reporter {
    public static let identifier = "csv-summary"

    /// The header row, in order.
    public static let columns = [
        "country", "first_year", "last_year", "years_reported", "years_assessed", "years_met",
        "total_shortfall",
        "latest_growth", "baseline_year", "baseline_victims", "baseline_shifted", "trajectory_victims",
        "trajectory_gap", "long_term_from", "long_term_cagr", "long_term_ratio", "long_term_category",
        "short_term_from",
        "short_term_cagr", "short_term_ratio", "short_term_category", "required_growth_to_target_year",
        "country_name",
    ]

    public static func report(_ report: TrendReport) -> String {
        var output = columns.joined(separator: ",") + "\n"
        for country in report.countries {
            let long = country.longTerm
            let short = country.shortTerm
            let cells: [String] = [
                CSVReporter.field(country.country), String(country.firstYear), String(country.lastYear),
                String(country.yearsReported), String(country.yearsAssessed), String(country.yearsMet),
                String(country.totalShortfall), rate(country.latestGrowth),
                CSVReporter.optional(country.baselineYear),
                CSVReporter.optional(country.baselineVictims), country.baselineShifted ? "yes" : "no",
                CSVReporter.optional(country.latestTrajectoryVictims),
                CSVReporter.optional(country.latestTrajectoryGap),
                CSVReporter.optional(long?.fromYear), rate(long?.cagr), rate(long?.ratio),
                long?.category.rawValue ?? "", String(short.fromYear),
                rate(short.cagr), rate(short.ratio), short.category.rawValue,
                rate(country.requiredGrowthToTargetYear),
                CSVReporter.field(CountryTable.standard.displayName(country.country)),
            ]
            output += cells.joined(separator: ",") + "\n"
        }
        return output
    }

    private static func rate(_ value: Double?) -> String {
        value.map { NumberFormatting.fixed($0, decimals: 4) } ?? ""
    }
}

/// The per-country table (`--table summary`): one row per country, sorted by country.
///
/// Columns: `country,first_year,last_year,years_reported,years_assessed,years_met,total_shortfall,`
/// `latest_growth,baseline_year,baseline_victims,baseline_shifted,trajectory_victims,trajectory_gap,`
/// `long_term_from,long_term_cagr,long_term_ratio,long_term_category,short_term_from,short_term_cagr,`
/// `short_term_ratio,short_term_category,required_growth_to_target_year,country_name,dispersion,trend_from,`
/// `trend_growth,trend_low,trend_high,trend_p_value,trend_significance`. Rates are fractions with 4
/// decimals; `*_ratio` is CAGR / target (R in Eurostat's method); `*_from` is the first year of
/// Eurostat's period (the past 15 or 5 years, from the latest break at the earliest); trajectory
/// figures are the latest year's. `dispersion` is the latest segment's φ (4 decimals) and `trend_*` its
/// quasi-Poisson trend test (`TrendTest`); empty for running totals.
public enum SummaryCSVReporter: Reporter {
    public static let identifier = "csv-summary"

    /// The header row, in order.
    public static let columns = ReportTables.countryRecordColumns

    public static func report(_ report: TrendReport) -> String {
        self.report(report, style: .plain)
    }

    /// The table written in `style` (`--excel`).
    static func report(_ report: TrendReport, style: CSVStyle) -> String {
        CSVText.table(ReportTables.countryRecords(report), style: style)
    }
}

/// The totals table (`--table totals`): one row per group and year, the alliance first, then the groups
/// in the order of the groups file.
///
/// Columns: `group,year,countries,victims,base_year,matched_countries,matched_base_victims,`
/// `matched_victims,growth_rate,required_victims,shortfall,status,flags,p_value,ratio_low,ratio_high,`
/// `significance,dispersion`. Growth, required count and shortfall compare the matched countries only
/// (those reporting in both years): `matched_victims` against `matched_base_victims`; `dispersion` is
/// the φ the test used (the matched countries' φ weighted by their counts), empty when not tested.
public enum TotalsCSVReporter: Reporter {
    public static let identifier = "csv-totals"

    /// The header row, in order.
    public static let columns = ReportTables.totalRecordColumns

    public static func report(_ report: TrendReport) -> String {
        self.report(report, cells: .marker)
    }

    /// The table with suppressed totals as `cells` says: with `.empty`, a `victims_status` column
    /// after `victims` (`suppressed` where the total is withheld).
    public static func report(_ report: TrendReport, cells: SuppressedCells) -> String {
        self.report(report, cells: cells, style: .plain)
    }

    /// The table written in `style` (`--excel`).
    static func report(_ report: TrendReport, cells: SuppressedCells, style: CSVStyle) -> String {
        CSVText.table(ReportTables.totalRecords(report, cells: cells), style: style)
    }
}

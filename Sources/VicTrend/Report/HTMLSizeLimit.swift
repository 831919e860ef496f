/// How large an HTML report victrend writes. The page holds the whole report — a chart per series, and
/// two tables of one cell per series and year — so its size follows the input's shape; past these
/// limits it is refused before anything is built, and the caller says so (Markdown, JSON and CSV have
/// no such limit).
///
/// Measured on 2026-12-03 (release build, 10 years a series, `--countries verbatim --no-test`, keys of
/// 7 characters): 2,000 series: 8.4 MB of HTML, 0.6 s, 44 MB peak; 10,000 series: 42 MB, 1.8 s,
/// 154 MB peak; 20,000: 84 MB, 5.0 s, 286 MB; 50,000: 210 MB, 16 s, 691 MB (peak memory about 3.3 times
/// the page). Pages of 1,000 series by 1 to 80 years, and 1,000 series of 5 years spread over a
/// century, size as 930 bytes a series (about 1,290 since the projection's table row and chart
/// marks, 2026-12-03) + 295 a row + 33 a cell of the series-by-year tables; the
/// estimate below rounds these up (keys much longer than ISO codes add their length to every row).
///
/// The limits: at most 10,000 series (ten thousand charts, five times the 2,000 a report must handle),
/// and at most 100 MB of estimated page (10,000 series of up to 24 years, or 2,000 of up to 135). The
/// process itself would go further (about 3.3 bytes of memory per byte of page); the 100 MB are a
/// judgement of what a reader's browser should be asked to open, not a browser measurement.
extension HTMLReporter {
    /// The most series (a chart each) an HTML report shows.
    public static let maximumSeries = 10_000

    /// The largest estimated page, in bytes.
    public static let maximumBytes = 100_000_000

    /// Why an HTML report of this size is refused, or `nil` when it can be written. `rowCount` counts
    /// every country-year (figures and withheld years), `yearCount` the distinct years (the tables'
    /// columns). Cheap: call it once the input is read, before the analysis.
    public static func sizeProblem(seriesCount: Int, rowCount: Int, yearCount: Int) -> String? {
        let bytes = estimatedBytes(seriesCount: seriesCount, rowCount: rowCount, yearCount: yearCount)
        let shape =
            "\(NumberFormatting.grouped(seriesCount)) series, \(NumberFormatting.grouped(rowCount)) rows over "
            + "\(NumberFormatting.grouped(yearCount)) year\(yearCount == 1 ? "" : "s")"
        if seriesCount > maximumSeries {
            return "the HTML report draws a chart for every series and takes at most "
                + "\(NumberFormatting.grouped(maximumSeries)) series; this input has \(shape). Choose the "
                + "Markdown, JSON or CSV format, or report fewer series"
        }
        if bytes > maximumBytes {
            return "the HTML report of this input (\(shape)) would be about \(megabytes(bytes)) MB; it is "
                + "limited to \(megabytes(maximumBytes)) MB. Choose the Markdown, JSON or CSV format, or report "
                + "fewer series or years"
        }
        return nil
    }

    /// `sizeProblem(seriesCount:rowCount:yearCount:)` for a panel read whole (one pass over its years).
    public static func sizeProblem(_ panel: Panel) -> String? {
        var rows = 0
        var years = YearSet()
        for series in panel.series {
            rows += series.observations.count + series.withheld.count
            for observation in series.observations { years.insert(observation.year) }
            for figure in series.withheld { years.insert(figure.year) }
        }
        return sizeProblem(seriesCount: panel.series.count, rowCount: rows, yearCount: years.count)
    }

    /// An upper estimate of the page's size in bytes (saturating, never negative): the fixed part, then
    /// per series (chart frame, captions, row headers), per row (heat cell with its title, a point of
    /// the chart and of its description, the numbers cell) and per cell of the series-by-year tables.
    static func estimatedBytes(seriesCount: Int, rowCount: Int, yearCount: Int) -> Int {
        let series = max(0, seriesCount)
        let rows = max(0, rowCount)
        let years = max(0, yearCount)
        let (cells, overflow) = series.multipliedReportingOverflow(by: years)
        guard !overflow, series <= Int.max / 1_300, rows <= Int.max / 400, cells <= Int.max / 80 else {
            return Int.max
        }
        let (sum, overflowed) = (20_000 + 1_300 * series + 320 * rows).addingReportingOverflow(40 * cells)
        return overflowed ? Int.max : sum
    }

    /// Bytes as whole megabytes (10^6), rounded up.
    private static func megabytes(_ bytes: Int) -> String {
        NumberFormatting.grouped(bytes / 1_000_000 + (bytes % 1_000_000 == 0 ? 0 : 1))
    }

    /// Distinct years: four-digit years (all the reader accepts) in a table, others in a set.
    private struct YearSet {
        private var seen = [Bool](repeating: false, count: 9000)
        private var others: Set<Int> = []
        private(set) var count = 0

        mutating func insert(_ year: Int) {
            if year >= 1000 && year <= 9999 {
                if !seen[year - 1000] {
                    seen[year - 1000] = true
                    count += 1
                }
            } else if others.insert(year).inserted {
                count += 1
            }
        }
    }
}

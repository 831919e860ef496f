/// The trend table: one row per country and year, sorted by country then year:
/// `country,year,victims,base_year,base_victims,growth_rate,required_victims,shortfall,status,flags,`
/// `trajectory_victims,trajectory_gap,p_value,ratio_low,ratio_high,significance` (`TrendColumn`; with
/// `columns`, only the columns chosen, still in this order).
///
/// `growth_rate` is a fraction with 4 decimals (`0.1234`); `p_value` has 4 significant digits; the
/// rate-ratio bounds have 4 decimals; cells that do not apply are empty; `flags` are joined with `;`.
/// `country_name` (the ISO short name of an alpha-3 key, else empty) comes next, then `dispersion`: the
/// φ the year's test scaled its counts by (4 decimals; 1.0000 is the pure Poisson test; empty when the
/// year was not tested).
/// A suppressed count is `<K` or `x` in `victims` (a withheld one empty), unless the columns include
/// `victims_status` (`--suppressed-as empty`): `victims` then holds numbers only and `victims_status`,
/// after it, says `suppressed` or `withheld`.
/// With `--series cumulative`, three columns follow: `new_victims,new_per_year,new_growth_rate` (the
/// new identifications derived from the running totals; `new_per_year` with 2 decimals). Running totals
/// read with dates add `as_of` after `year` (the date as written, `YYYY-MM-DD` or `YYYY-MM`) and
/// `elapsed_years` after `base_victims` (days / 365.25 from the base's date, 4 decimals); an undated
/// table never has them.
/// Cells that need it are quoted as RFC 4180 says. `style` changes the delimiter, the decimal separator
/// of the decimal columns and the line end (`--excel`).
public enum CSVReporter: Reporter {
    public static let identifier = "csv"

    public static func report(_ report: TrendReport) -> String {
        self.report(report, columns: nil)
    }

    /// The table with only `columns` (written in the table's order whatever order they are named in);
    /// every column of the series kind when `nil`.
    public static func report(_ report: TrendReport, columns: [TrendColumn]?) -> String {
        self.report(report, columns: columns, style: .plain)
    }

    /// The table with only `columns`, written in `style`.
    static func report(_ report: TrendReport, columns: [TrendColumn]?, style: CSVStyle) -> String {
        var writer = RowWriter(
            series: report.options.series, columns: columns, rows: report.assessments.count,
            dated: report.isDated, style: style)
        for row in report.assessments { writer.write(row) }
        return writer.output.text
    }

    /// Writes rows into a byte buffer; the country cells are formatted once per series.
    struct RowWriter {
        let output: TextBuffer
        private let cumulative: Bool
        /// Whether the table's running totals have dates (`as_of`, `elapsed_years` written).
        private let dated: Bool
        /// The columns written, in the table's order; `nil` for all of the series kind.
        private let chosen: ChosenColumns?
        /// The delimiter, decimal separator and line end.
        private let style: CSVStyle
        private var lastCountry = ""
        private var countryCell = ""
        private var nameCell = ""

        /// Drops what was written (after it was flushed).
        func removeOutput() {
            output.removeAll()
        }

        /// A writer of the table of `series` counts with `columns` (every column when `nil`; the dated
        /// columns only when `dated`), with room for `rows` rows, starting with the header row unless
        /// `header` is false.
        init(
            series: SeriesKind, columns: [TrendColumn]?, rows: Int, header: Bool = true, dated: Bool = false,
            style: CSVStyle = .plain
        ) {
            self.style = style
            let datedTable = dated && series == .cumulative
            cumulative = series == .cumulative
            self.dated = datedTable
            chosen = columns.map { ChosenColumns($0.filter { datedTable || !$0.isDatedOnly }) }
            output = TextBuffer(capacity: 96 * (rows + 1))
            guard header else { return }
            let written =
                chosen.map { chosen in TrendColumn.allCases.filter { chosen.contains($0) } }
                ?? TrendColumn.all(for: series, dated: datedTable)
            // Comma by comma rather than `joined`, whose generic code looks up `[String]: Collection` at
            // run time (a scan of every protocol conformance in the executable, 0.15M instructions).
            for (index, column) in written.enumerated() {
                if index > 0 { output.append(byte: style.delimiter) }
                output.append(column.rawValue)
            }
            if style.crlf { output.append(byte: 13) }
            output.append(byte: 10)
        }

        mutating func write(_ row: YearAssessment) {
            if let chosen {
                write(row, columns: chosen)
            } else if dated {
                write(row, columns: EveryDatedColumn())
            } else if cumulative {
                write(row, columns: EveryColumn())
            } else {
                write(row, columns: EveryAnnualColumn())
            }
        }

        /// Writes `row`'s cells of `columns` (specialised for each kind of choice: writing every column
        /// costs no test per column).
        private mutating func write(_ row: YearAssessment, columns: some ColumnChoice) {
            if row.country != lastCountry {
                lastCountry = row.country
                countryCell = style.quoted(CSVText.field(row.country))
                nameCell = style.quoted(CSVText.field(CountryTable.standard.displayName(row.country)))
            }
            // Texts of unbounded length are made first, so that the row's room is known: one capacity
            // check for the whole row.
            // The p-value in place like the other numbers, unless it takes the scientific form.
            let pDecimals = row.test.flatMap { NumberFormatting.fixedDecimals(significant: $0.pValue) }
            let pValue =
                row.test.map {
                    pDecimals == nil ? style.decimal(NumberFormatting.significant($0.pValue)) : ""
                }
                ?? ""
            // Annual series have none (their tables never have the columns).
            let derived = cumulative ? derivedCells(row, style: style) : nil
            let comma = style.decimalComma
            let delimiter = style.delimiter
            // Flags are joined by `;`: quoted when that is the delimiter.
            let quoteFlags = delimiter == UInt8(ascii: ";") && row.flags.count > 1
            var room = 400 + countryCell.utf8.count + nameCell.utf8.count + pValue.utf8.count
            room +=
                (row.suppressedMarker?.utf8.count ?? 0) + (derived?.reduce(0) { $0 + $1.utf8.count + 1 } ?? 0)
            let fourDecimals = ByteCursor.room(fixedDecimals: 4)
            room += row.growthRate == nil ? 0 : fourDecimals
            room += row.dispersion == nil ? 0 : fourDecimals
            room += row.elapsedYears == nil ? 0 : fourDecimals
            if row.test != nil {
                room += pDecimals.map { ByteCursor.room(fixedDecimals: $0) } ?? 0
                room += 2 * fourDecimals
            }
            output.write(reserving: room) { cursor in
                /// Whether `column` is written; puts the comma before it.
                func next(_ column: TrendColumn) -> Bool {
                    guard columns.contains(column) else { return false }
                    if column != columns.first { cursor.put(delimiter) }
                    return true
                }
                if next(.country) { cursor.put(countryCell) }
                if next(.year) { cursor.put(row.year) }
                if next(.asOf), let date = row.asOf { cursor.put(date.text) }
                if next(.victims) {
                    if let marker = row.suppressedMarker, !columns.contains(.victimsStatus) {
                        cursor.put(marker)
                    } else {
                        cursor.put(row.victims)
                    }
                }
                if next(.victimsStatus), let status = VictimsStatus(row) { cursor.put(status.rawValue) }
                if next(.baseYear) { cursor.put(row.baseYear) }
                if next(.baseVictims) { cursor.put(row.baseVictims) }
                if next(.elapsedYears), let years = row.elapsedYears {
                    cursor.put(fixed: years, decimals: 4, comma: comma)
                }
                if next(.growthRate), let growth = row.growthRate {
                    cursor.put(fixed: growth, decimals: 4, comma: comma)
                }
                if next(.requiredVictims) { cursor.put(row.requiredVictims) }
                if next(.shortfall) { cursor.put(row.shortfall) }
                if next(.status) { cursor.put(row.status.rawValue) }
                if next(.flags) {
                    if quoteFlags { cursor.put(UInt8(ascii: "\"")) }
                    for (index, flag) in row.flags.enumerated() {
                        if index > 0 { cursor.put(UInt8(ascii: ";")) }
                        cursor.put(flag.rawValue)
                    }
                    if quoteFlags { cursor.put(UInt8(ascii: "\"")) }
                }
                if next(.trajectoryVictims) { cursor.put(row.trajectoryVictims) }
                if next(.trajectoryGap) { cursor.put(row.trajectoryGap) }
                if next(.pValue), let test = row.test {
                    if let pDecimals {
                        cursor.put(fixed: test.pValue, decimals: pDecimals, comma: comma)
                    } else {
                        cursor.put(pValue)
                    }
                }
                if next(.ratioLow), let test = row.test {
                    cursor.put(fixed: test.ratioLow, decimals: 4, comma: comma)
                }
                if next(.ratioHigh), let test = row.test {
                    cursor.put(fixed: test.ratioHigh, decimals: 4, comma: comma)
                }
                if next(.significance), let significance = row.significance {
                    cursor.put(significance.rawValue)
                }
                if next(.countryName) { cursor.put(nameCell) }
                if next(.dispersion), let phi = row.dispersion {
                    cursor.put(fixed: phi, decimals: 4, comma: comma)
                }
                if next(.newVictims), let derived { cursor.put(derived[0]) }
                if next(.newPerYear), let derived { cursor.put(derived[1]) }
                if next(.newGrowthRate), let derived { cursor.put(derived[2]) }
                if style.crlf { cursor.put(UInt8(ascii: "\r")) }
                cursor.put(UInt8(ascii: "\n"))
            }
        }
    }

    /// Which columns a row writer writes.
    protocol ColumnChoice {
        func contains(_ column: TrendColumn) -> Bool
        /// The first column written (no comma before it).
        var first: TrendColumn { get }
    }

    /// Every default column of undated cumulative series.
    struct EveryColumn: ColumnChoice {
        @inline(__always) func contains(_ column: TrendColumn) -> Bool {
            !column.isOnRequest && !column.isDatedOnly
        }
        var first: TrendColumn { .country }
    }

    /// Every default column of dated cumulative series.
    struct EveryDatedColumn: ColumnChoice {
        @inline(__always) func contains(_ column: TrendColumn) -> Bool { !column.isOnRequest }
        var first: TrendColumn { .country }
    }

    /// Every column of annual series.
    struct EveryAnnualColumn: ColumnChoice {
        @inline(__always) func contains(_ column: TrendColumn) -> Bool {
            !column.isCumulativeOnly && !column.isOnRequest
        }
        var first: TrendColumn { .country }
    }

    /// The columns `--columns` chose, as bits of `TrendColumn.allCases`.
    struct ChosenColumns: ColumnChoice {
        private let bits: UInt64
        let first: TrendColumn

        init(_ columns: [TrendColumn]) {
            let bits = columns.reduce(0) { $0 | Self.bit($1) }
            self.bits = bits
            first = TrendColumn.allCases.first { bits & Self.bit($0) != 0 } ?? .country
        }

        func contains(_ column: TrendColumn) -> Bool {
            bits & Self.bit(column) != 0
        }

        private static func bit(_ column: TrendColumn) -> UInt64 {
            1 << UInt64(column.position)
        }
    }

    /// `new_victims,new_per_year,new_growth_rate`.
    private static func derivedCells(_ row: YearAssessment, style: CSVStyle) -> [String] {
        [
            optional(row.newVictims),
            row.newPerYear.map { style.decimal(NumberFormatting.fixed($0, decimals: 2)) } ?? "",
            row.newGrowthRate.map { style.decimal(NumberFormatting.fixed($0, decimals: 4)) } ?? "",
        ]
    }

    private static func optional(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }
}

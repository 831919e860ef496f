/// A column of the trends table (`CSVReporter`), named as in its header.
///
/// The cases are in the table's order; the last three are written for cumulative series only, and
/// `as_of` and `elapsed_years` only for running totals read with dates (`isDatedOnly`): never for an
/// undated table, even when `--columns` names them.
/// `victims_status` is written only when asked for (`--suppressed-as empty`, or named in `--columns`):
/// the table then holds numbers only in `victims` (a suppressed or withheld count is an empty cell)
/// and says why a count is missing in `victims_status` (`suppressed` or `withheld`, `VictimsStatus`).
/// `--columns` picks some of them (named in any order, written in this one).
public enum TrendColumn: String, CaseIterable, Sendable, Hashable {
    case country
    case year
    /// The date of a dated running total (`YYYY-MM-DD`, or `YYYY-MM` as written for a month).
    case asOf = "as_of"
    case victims
    case victimsStatus = "victims_status"
    case baseYear = "base_year"
    case baseVictims = "base_victims"
    /// The exact time from the base's date to the figure's, in years (days / 365.25, 4 decimals): what
    /// growth, the required count and `new_per_year` are annualised by.
    case elapsedYears = "elapsed_years"
    case growthRate = "growth_rate"
    case requiredVictims = "required_victims"
    case shortfall
    case status
    case flags
    case trajectoryVictims = "trajectory_victims"
    case trajectoryGap = "trajectory_gap"
    case pValue = "p_value"
    case ratioLow = "ratio_low"
    case ratioHigh = "ratio_high"
    case significance
    case countryName = "country_name"
    case dispersion
    case newVictims = "new_victims"
    case newPerYear = "new_per_year"
    case newGrowthRate = "new_growth_rate"

    /// The column's place in the full table, from 0 (as in `allCases`).
    var position: Int {
        switch self {
        case .country: 0
        case .year: 1
        case .asOf: 2
        case .victims: 3
        case .victimsStatus: 4
        case .baseYear: 5
        case .baseVictims: 6
        case .elapsedYears: 7
        case .growthRate: 8
        case .requiredVictims: 9
        case .shortfall: 10
        case .status: 11
        case .flags: 12
        case .trajectoryVictims: 13
        case .trajectoryGap: 14
        case .pValue: 15
        case .ratioLow: 16
        case .ratioHigh: 17
        case .significance: 18
        case .countryName: 19
        case .dispersion: 20
        case .newVictims: 21
        case .newPerYear: 22
        case .newGrowthRate: 23
        }
    }

    /// Whether the column is written for cumulative series only (derived from running totals, or the
    /// date of one).
    public var isCumulativeOnly: Bool {
        switch self {
        case .newVictims, .newPerYear, .newGrowthRate, .asOf, .elapsedYears: true
        default: false
        }
    }

    /// Whether the column is written only for running totals read with dates (`as_of`,
    /// `elapsed_years`).
    public var isDatedOnly: Bool { self == .asOf || self == .elapsedYears }

    /// Whether the column is written only when asked for (`victims_status`).
    public var isOnRequest: Bool { self == .victimsStatus }

    /// Every column the table for `series` has by default, in order (no column written on request);
    /// with `dated`, the columns of dated running totals too.
    public static func all(for series: SeriesKind, dated: Bool = false) -> [TrendColumn] {
        allCases.filter {
            (series == .cumulative || !$0.isCumulativeOnly) && (dated || !$0.isDatedOnly) && !$0.isOnRequest
        }
    }

    /// The columns of a table whose suppressed and withheld counts are `cells`: `columns` (every
    /// default column of `series` when `nil`), with `victims_status` after `victims` when the cells are
    /// empty and `victims` is written; `nil` (every default column) when nothing changes.
    public static func columns(_ columns: [TrendColumn]?, series: SeriesKind, cells: SuppressedCells)
        -> [TrendColumn]?
    {
        guard cells == .empty else { return columns }
        // The dated columns are left out again for an undated table (see `isDatedOnly`).
        let chosen = columns ?? all(for: series, dated: true)
        guard chosen.contains(.victims), !chosen.contains(.victimsStatus) else { return chosen }
        return chosen + [.victimsStatus]
    }

    /// Why a selection of columns cannot be written.
    public enum SelectionError: Error, CustomStringConvertible, Equatable {
        /// A name that is no column.
        case unknown(String)
        /// A column named twice.
        case repeated(TrendColumn)
        /// A column of cumulative series asked for annual ones.
        case cumulativeOnly(TrendColumn)
        /// No column at all.
        case empty

        public var description: String {
            switch self {
            case .unknown(let name):
                return
                    "\(DisplayText.quoted(DisplayText.inert(name))) is not a column of the trends table; the columns are "
                    + TrendColumn.allCases.map(\.rawValue).joined(separator: ",")
            case .repeated(let column):
                return "the column \(column.rawValue) is named twice"
            case .cumulativeOnly(let column) where column.isDatedOnly:
                return
                    "the column \(column.rawValue) is written for running totals read with dates: it needs "
                    + "--series cumulative"
            case .cumulativeOnly(let column):
                return
                    "the column \(column.rawValue) is derived from running totals: it needs --series cumulative"
            case .empty:
                return "name at least one column, e.g. country,year,victims,growth_rate"
            }
        }
    }

    /// The columns a comma-separated list names (blanks around names are ignored), for `series`.
    public static func selection(_ list: String, series: SeriesKind) -> Result<[TrendColumn], SelectionError>
    {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingBlanks
        }
        if names.allSatisfy(\.isEmpty) { return .failure(.empty) }
        var columns: [TrendColumn] = []
        for name in names {
            guard let column = TrendColumn(rawValue: name) else { return .failure(.unknown(name)) }
            guard !columns.contains(column) else { return .failure(.repeated(column)) }
            if column.isCumulativeOnly && series != .cumulative { return .failure(.cumulativeOnly(column)) }
            columns.append(column)
        }
        return .success(columns)
    }
}

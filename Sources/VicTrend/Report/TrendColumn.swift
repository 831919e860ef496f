/// A column of the trends table (`CSVReporter`), named as in its header.
///
/// The cases are in the table's order; the last three are written for cumulative series only.
/// `--columns` picks some of them (named in any order, written in this one).
public enum TrendColumn: String, CaseIterable, Sendable, Hashable {
    case country
    case year
    case victims
    case baseYear = "base_year"
    case baseVictims = "base_victims"
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
        case .victims: 2
        case .baseYear: 3
        case .baseVictims: 4
        case .growthRate: 5
        case .requiredVictims: 6
        case .shortfall: 7
        case .status: 8
        case .flags: 9
        case .trajectoryVictims: 10
        case .trajectoryGap: 11
        case .pValue: 12
        case .ratioLow: 13
        case .ratioHigh: 14
        case .significance: 15
        case .countryName: 16
        case .dispersion: 17
        case .newVictims: 18
        case .newPerYear: 19
        case .newGrowthRate: 20
        }
    }

    /// Whether the column is derived from running totals (written for cumulative series only).
    public var isCumulativeOnly: Bool {
        switch self {
        case .newVictims, .newPerYear, .newGrowthRate: true
        default: false
        }
    }

    /// Every column of the table for `series`, in order.
    public static func all(for series: SeriesKind) -> [TrendColumn] {
        allCases.filter { series == .cumulative || !$0.isCumulativeOnly }
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
                return "'\(name)' is not a column of the trends table; the columns are "
                    + TrendColumn.allCases.map(\.rawValue).joined(separator: ",")
            case .repeated(let column):
                return "the column \(column.rawValue) is named twice"
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

/// The machine-readable tables (`--table summary`, `--table totals`), as typed cells: one record per
/// country, and one per group and year. Column names are the CSV headers; rates are fractions, codes
/// are the enums' raw values, and figures that do not apply or are withheld are empty.
extension ReportTables {
    /// The per-country record's columns, in order.
    static let countryRecordColumns = [
        "country", "first_year", "last_year", "years_reported", "years_assessed", "years_met",
        "total_shortfall", "latest_growth", "baseline_year", "baseline_victims", "baseline_shifted",
        "trajectory_victims", "trajectory_gap", "long_term_from", "long_term_cagr", "long_term_ratio",
        "long_term_category",
        "short_term_from", "short_term_cagr", "short_term_ratio", "short_term_category",
        "required_growth_to_target_year", "country_name", "dispersion", "trend_from", "trend_growth",
        "trend_low", "trend_high", "trend_p_value", "trend_significance", "projection_year",
        "projected_victims", "projected_low", "projected_high", "trajectory_at_projection",
        "probability_on_trajectory", "projection_category",
    ]

    /// One record per country: coverage, shortfalls, trajectory, long- and short-term progress.
    static func countryRecords(_ report: TrendReport) -> Table {
        let countries = report.countries
        return Table(headers: countryRecordColumns, count: countries.count) { index in
            let country = countries[index]
            let long = country.longTerm
            let short = country.shortTerm
            let projection = country.projection
            return Row(cells: [
                .text(country.country), .integer(country.firstYear), .integer(country.lastYear),
                .integer(country.yearsReported), .integer(country.yearsAssessed), .integer(country.yearsMet),
                .count(country.totalShortfall), .optional(country.latestGrowth, ReportCell.rate),
                .optional(country.baselineYear, ReportCell.integer),
                .optional(country.baselineVictims, ReportCell.count),
                .words(country.baselineShifted ? "yes" : "no"),
                .optional(country.latestTrajectoryVictims, ReportCell.count),
                .optional(country.latestTrajectoryGap, ReportCell.count),
                .optional(long?.fromYear, ReportCell.integer), .optional(long?.cagr, ReportCell.rate),
                ratio(long?.ratio),
                .optional(long?.category.rawValue, ReportCell.words), .integer(short.fromYear),
                .optional(short.cagr, ReportCell.rate), ratio(short.ratio), .words(short.category.rawValue),
                .optional(country.requiredGrowthToTargetYear, ReportCell.rate),
                .text(CountryTable.standard.displayName(country.country)),
                ratio(country.dispersion), .optional(country.trend?.fromYear, ReportCell.integer),
                .optional(country.trend?.growth, ReportCell.rate),
                .optional(country.trend?.low, ReportCell.rate),
                .optional(country.trend?.high, ReportCell.rate),
                .optional(country.trend?.pValue, ReportCell.probability),
                .optional(country.trend?.significance?.rawValue, ReportCell.words),
                .optional(projection?.year, ReportCell.integer),
                .optional(projection?.victims) { .decimal($0, places: 4) },
                .optional(projection?.low) { .decimal($0, places: 4) },
                .optional(projection?.high) { .decimal($0, places: 4) },
                .optional(projection?.trajectory, ReportCell.count),
                .optional(projection?.probabilityOnTrajectory, ReportCell.probability),
                .optional(projection?.category?.rawValue, ReportCell.words),
            ])
        }
    }

    /// The per-total record's columns, in order.
    static let totalRecordColumns = [
        "group", "year", "countries", "victims", "base_year", "matched_countries", "matched_base_victims",
        "matched_victims", "growth_rate", "required_victims", "shortfall", "status", "flags", "p_value",
        "ratio_low", "ratio_high", "significance", "dispersion",
    ]

    /// One record per group and year (the alliance first): totals with like-for-like growth and its test.
    /// With `cells` `.empty`, a `victims_status` column follows `victims`: `suppressed` where small-cell
    /// suppression withholds the total (its cell is empty either way).
    static func totalRecords(_ report: TrendReport, cells: SuppressedCells = .marker) -> Table {
        let totals = report.totals
        let status = cells == .empty
        var headers = totalRecordColumns
        if status { headers.insert(TrendColumn.victimsStatus.rawValue, at: 4) }
        return Table(headers: headers, count: totals.count) { index in
            let total = totals[index]
            let comparison = total.comparison
            let first = comparison.flags.contains(.firstYear)
            let test = comparison.test
            let victimsStatus: [ReportCell] =
                status ? [total.victims == nil ? .words(VictimsStatus.suppressed.rawValue) : .empty] : []
            return Row(
                cells: [
                    .text(total.group), .integer(total.year), .integer(total.countries),
                    .optional(total.victims, ReportCell.count),
                ] + victimsStatus + [
                    .optional(comparison.baseYear, ReportCell.integer),
                    first ? .empty : .integer(total.matchedCountries),
                    .optional(comparison.baseVictims, ReportCell.count),
                    first ? .empty : .optional(total.matchedVictims, ReportCell.count),
                    .optional(comparison.growthRate, ReportCell.rate),
                    .optional(comparison.requiredVictims, ReportCell.count),
                    .optional(comparison.shortfall, ReportCell.count), .words(comparison.status.rawValue),
                    .words(comparison.flags.map(\.rawValue).joined(separator: ";")),
                    .optional(test?.pValue, ReportCell.probability), ratio(test?.ratioLow),
                    ratio(test?.ratioHigh),
                    .optional(comparison.significance?.rawValue, ReportCell.words),
                    ratio(comparison.dispersion),
                ])
        }
    }

    /// A ratio, with 4 decimals.
    private static func ratio(_ value: Double?) -> ReportCell {
        .optional(value) { .decimal($0, places: 4) }
    }
}

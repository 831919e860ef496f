/// The tables the Markdown and HTML reports share, as plain text cells (unescaped): each format only
/// renders them, so both always show the same figures.
enum ReportTables {
    /// What a column holds, for rendering.
    enum Column {
        /// Text from the input (names): escaped by every format, left-aligned.
        case text
        /// Figures, right-aligned.
        case number
        /// Figures with Markdown emphasis (`*first*`): HTML drops the asterisks.
        case markup
        /// Words victrend writes (categories), left-aligned.
        case words
    }

    /// A table: header cells, and rows of the same width; the first cell of a row names it.
    struct Table {
        var headers: [String]
        var columns: [Column]
        var rows: [[String]] = []
        /// For each row, the outcome class of the heat colours (`met`, `short`, `significant`, `na`), if any.
        var classes: [String?] = []
    }

    /// Progress by country: coverage, shortfall, baseline, trajectory, long- and short-term periods and CAGR.
    static func progress(_ report: TrendReport) -> Table {
        let targetYear = report.options.targetYear
        var table = Table(
            headers: [
                "Country", "Years", "Met", "Shortfall", "Baseline", "Latest / trajectory", "Long-term from",
                "Long-term CAGR", "Long term", "Short-term from", "Short-term CAGR", "Short term",
            ] + (targetYear.map { ["Needed a year to \($0)"] } ?? []),
            columns: [
                .text, .number, .number, .number, .number, .number, .number, .number, .words, .number,
                .number,
                .words,
            ] + (targetYear == nil ? [] : [.number]))
        for country in report.countries {
            var baseline = ""
            if let year = country.baselineYear {
                baseline =
                    "\(NumberFormatting.count(country.baselineVictims)) (\(year))\(country.baselineShifted ? " ‡" : "")"
            }
            let last = report.assessments.last {
                $0.country == country.country && ($0.victims != nil || $0.suppressedMarker != nil)
            }
            let trajectory =
                country.latestTrajectoryVictims.map {
                    "\(last?.victimsText ?? "") / \(NumberFormatting.grouped($0))"
                }
                ?? ""
            var cells = [
                countryLabel(country.country), "\(country.yearsReported)",
                "\(country.yearsMet)/\(country.yearsAssessed)",
                NumberFormatting.grouped(country.totalShortfall), baseline, trajectory,
                country.longTerm.map { String($0.fromYear) } ?? "",
                country.longTerm?.cagr.map(NumberFormatting.percent) ?? "",
                categoryText(country.longTerm?.category ?? .notAssessable),
                String(country.shortTerm.fromYear),
                country.shortTerm.cagr.map(NumberFormatting.percent) ?? "",
                categoryText(country.shortTerm.category),
            ]
            if targetYear != nil {
                cells.append(country.requiredGrowthToTargetYear.map(NumberFormatting.percent) ?? "")
            }
            table.rows.append(cells)
            table.classes.append(nil)
        }
        return table
    }

    /// Alliance and group totals by year, with like-for-like growth.
    static func totals(_ report: TrendReport) -> Table {
        var table = Table(
            headers: [
                "Group", "Year", "Countries", "Victims", "Compared", "Base → now", "Growth", "Required",
                "Shortfall",
            ],
            columns: [.text, .number, .number, .number, .number, .number, .markup, .number, .number])
        for total in report.totals {
            let comparison = total.comparison
            var change = ""
            if let base = comparison.baseVictims {
                change = "\(NumberFormatting.grouped(base)) → \(NumberFormatting.count(total.matchedVictims))"
            }
            table.rows.append([
                total.group == GroupTotal.allianceName ? "Alliance" : total.group, String(total.year),
                String(total.countries), NumberFormatting.count(total.victims),
                comparison.flags.contains(.firstYear) ? "" : String(total.matchedCountries), change,
                MarkdownReporter.cell(comparison),
                comparison.requiredVictims.map { NumberFormatting.grouped($0) } ?? "",
                comparison.shortfall.map { NumberFormatting.grouped($0) } ?? "",
            ])
            table.classes.append(nil)
        }
        return table
    }

    /// Every country-year short of the target, with its test.
    static func shortfalls(_ report: TrendReport) -> Table {
        var table = Table(
            headers: [
                "Country", "Year", "Base year", "Base victims", "Required", "Identified", "Shortfall",
                "p-value", "Significance",
            ],
            columns: [.text, .number, .number, .number, .number, .number, .number, .number, .words])
        for row in report.shortfalls {
            table.rows.append([
                countryLabel(row.country), String(row.year) + (row.flags.contains(.gap) ? " †" : ""),
                row.baseYear.map(String.init) ?? "",
                row.baseVictims.map { NumberFormatting.grouped($0) } ?? "",
                row.requiredVictims.map { NumberFormatting.grouped($0) } ?? "", row.victimsText,
                row.shortfall.map { NumberFormatting.grouped($0) } ?? "",
                row.test.map { NumberFormatting.significant($0.pValue) } ?? "",
                significanceText(row.significance),
            ])
            table.classes.append(outcomeClass(row))
        }
        return table
    }

    /// Each country's assessments by year, countries in report order (the rows of the trend tables).
    static func byCountry(_ report: TrendReport) -> [(String, [Int: YearAssessment])] {
        var result: [(String, [Int: YearAssessment])] = []
        for row in report.assessments {
            if result.last?.0 != row.country { result.append((row.country, [:])) }
            result[result.count - 1].1[row.year] = row
        }
        return result
    }

    /// `AUT Austria` for an ISO key (`AUT Austria · Police` with `--by`), else the key.
    static func countryLabel(_ key: String) -> String {
        let name = CountryTable.standard.displayName(key)
        let country = SeriesKey.country(of: key)
        return name.isEmpty ? key : "\(country) \(name)" + key.dropFirst(country.count)
    }

    /// The heat-colour class of a country-year's outcome.
    static func outcomeClass(_ row: YearAssessment) -> String {
        switch (row.status, row.significance) {
        case (.met, _): return "met"
        case (.shortfall, .significantShortfall), (.shortfall, nil): return "significant"
        case (.shortfall, .withinNoise): return "short"
        default: return "na"
        }
    }

    static func categoryText(_ category: ProgressAssessment.Category) -> String {
        switch category {
        case .significantProgress: return "significant progress"
        case .moderateProgress: return "moderate progress"
        case .insufficientProgress: return "insufficient progress"
        case .movementAway: return "movement away"
        case .notAssessable: return "not assessable"
        case .suppressed: return "suppressed"
        }
    }

    static func significanceText(_ significance: YearAssessment.Significance?) -> String {
        switch significance {
        case .significantShortfall: return "significant"
        case .withinNoise: return "within noise"
        case nil: return "not tested"
        }
    }
}

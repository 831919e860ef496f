/// A report's country-years as a grid: one row per country, in report order, and one column per year
/// that has an assessment, in year order — the shape of the growth tables of Markdown and HTML.
///
/// Built in one pass over the assessments; a country's cells come from its own rows only, so the
/// whole grid costs rows + countries × years, never countries × rows.
struct YearGrid {
    /// One country: its key and its rows (a run of consecutive assessments).
    struct Country {
        let key: String
        let rows: Range<Int>
    }

    /// Every year with an assessment, in order.
    let years: [Int]
    /// The countries, in report order.
    let countries: [Country]
    private let assessments: [YearAssessment]
    /// The column of each year.
    private let columns: [Int: Int]

    init(_ assessments: [YearAssessment]) {
        self.assessments = assessments
        var countries: [Country] = []
        var seen = Set<Int>()
        var start = 0
        for (index, row) in assessments.enumerated() {
            seen.insert(row.year)
            if index > start && row.country != assessments[index - 1].country {
                countries.append(Country(key: assessments[start].country, rows: start..<index))
                start = index
            }
        }
        if start < assessments.count {
            countries.append(Country(key: assessments[start].country, rows: start..<assessments.count))
        }
        self.countries = countries
        years = seen.sorted()
        columns = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
    }

    /// The row of `country` for each year (`nil` where it has none), aligned with `years`; of two rows
    /// for one year, the later.
    func cells(of country: Country) -> [YearAssessment?] {
        var cells = [YearAssessment?](repeating: nil, count: years.count)
        for index in country.rows {
            let row = assessments[index]
            if let column = columns[row.year] { cells[column] = row }
        }
        return cells
    }
}

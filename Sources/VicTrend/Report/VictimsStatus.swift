/// Why a country-year's count is not published as a number: the `victims_status` column of the trends
/// table with `--suppressed-as empty` and the member of the JSON report's observations. A count that is
/// shown has no status (an empty cell, `null`).
enum VictimsStatus: String, Sendable, CaseIterable {
    /// victrend's small-cell suppression hides it (`<K`, or `x` to protect another count).
    case suppressed
    /// The source withheld it (`<5`, `c`, `..`, Eurostat's confidential flag).
    case withheld

    /// The status of `row`'s count; `nil` when the count is published.
    init?(_ row: YearAssessment) {
        if row.suppressedMarker != nil {
            self = .suppressed
        } else if row.victims == nil {
            self = .withheld
        } else {
            return nil
        }
    }
}

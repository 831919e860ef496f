/// How the CSV tables write a count that is not published (`--suppressed-as`).
public enum SuppressedCells: String, Sendable, CaseIterable {
    /// For people: the marker in the count's cell (`<K` or `x` for a suppressed count; a count the source
    /// withheld is empty, flagged `withheld`). The default.
    case marker
    /// For programs (pandas, R): counts are numbers or empty, and a column after the count says why it
    /// is empty — `victims_status` (`suppressed`, `withheld`) in the trends and totals tables.
    case empty
}

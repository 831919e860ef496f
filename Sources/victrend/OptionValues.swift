import ArgumentParser
import VicTrend

// Option values parsed once, into the library's types, when the command line is parsed: `run()` never
// parses a text again. Each parser throws the message the user sees after "The value ... is invalid".

/// `--target-rate`: an exact decimal fraction (`0.10` is 10%).
func parseTargetRate(_ text: String) throws -> TargetRate {
    do {
        return try TargetRate(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// `--dispersion`: `estimate`, `none` or a fixed φ ≥ 1.
func parseDispersion(_ text: String) throws -> Dispersion {
    do {
        return try Dispersion(parsing: text)
    } catch {
        throw ValidationError("--dispersion: \(error.description)")
    }
}

/// `--columns`: column names of the trends table, comma-separated (blanks around names ignored).
/// Whether a column of running totals fits the series kind is checked with the other options.
func parseColumns(_ text: String) throws -> [TrendColumn] {
    switch TrendColumn.selection(text, series: .cumulative) {
    case .success(let columns): return columns
    case .failure(let problem): throw ValidationError("--columns: \(problem)")
    }
}

/// `--suppressed-as`: `marker` or `empty`, any case, parsed once into the library's `SuppressedCells`.
extension SuppressedCells: EnumArgument {}

/// `--filter` and `--exclude`: `COLUMN=VALUE`.
struct ColumnValue: Sendable {
    let column: String
    let value: String
}

/// `--filter`'s value: `COLUMN=VALUE`, both non-empty.
func parseColumnValue(_ text: String) throws -> ColumnValue {
    try parseColumnValue(text, option: "--filter", example: "unit=NR")
}

/// `--exclude`'s value: `COLUMN=VALUE`, both non-empty.
func parseExclusion(_ text: String) throws -> ColumnValue {
    try parseColumnValue(text, option: "--exclude", example: "OBS_STATUS=F")
}

private func parseColumnValue(_ text: String, option: String, example: String) throws -> ColumnValue {
    let parts = text.split(separator: "=", maxSplits: 1)
    guard parts.count == 2 else {
        throw ValidationError("\(option) takes COLUMN=VALUE, e.g. \(option) \(example); got '\(text)'")
    }
    return ColumnValue(column: String(parts[0]), value: String(parts[1]))
}

/// `--by`: the columns that, with the country, make up a series key.
func parseColumnNames(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
}

extension Substring {
    /// The text without the given characters at either end.
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

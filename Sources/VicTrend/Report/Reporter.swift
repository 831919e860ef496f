/// An output format: a stateless rendering of a `TrendReport` as text.
///
/// Each format is one small type in its own file; `ReportFormat` lists them for `--format`.
public protocol Reporter {
    /// The name used with `--format`.
    static var identifier: String { get }
    /// The whole output, ending with a newline.
    static func report(_ report: TrendReport) -> String
}

/// The formats `victrend report --format` offers.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A table (machine-readable); which one is chosen by `ReportTable`.
    case csv
    /// A review-ready document: parameters, summary, trend table, progress by country, shortfalls.
    case markdown
    /// Everything the report knows, as one JSON document (schema: docs/report.schema.json).
    case json
    /// A self-contained HTML page with charts, for publication.
    case html

    /// True when the format holds one table, so `--table` applies.
    public var isTabular: Bool { self == .csv }

    /// The type that renders this format (`table` applies to tabular formats).
    public func reporter(table: ReportTable = .trends) -> any Reporter.Type {
        switch (self, table) {
        case (.csv, .trends): return CSVReporter.self
        case (.csv, .summary): return SummaryCSVReporter.self
        case (.csv, .totals): return TotalsCSVReporter.self
        case (.markdown, _): return MarkdownReporter.self
        case (.json, _): return JSONReporter.self
        case (.html, _): return HTMLReporter.self
        }
    }
}

/// The tables a tabular format can hold.
public enum ReportTable: String, Sendable, CaseIterable {
    /// One row per country and year.
    case trends
    /// One row per country: coverage, shortfalls, trajectory, long- and short-term progress.
    case summary
    /// One row per group (the alliance first) and year: totals with like-for-like growth.
    case totals
}

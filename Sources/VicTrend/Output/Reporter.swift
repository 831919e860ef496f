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
    /// One row per country and year (machine-readable).
    case csv
    /// A review-ready document: parameters, summary, trend table, shortfalls.
    case markdown

    /// The type that renders this format.
    public var reporter: any Reporter.Type {
        switch self {
        case .csv: return CSVReporter.self
        case .markdown: return MarkdownReporter.self
        }
    }
}

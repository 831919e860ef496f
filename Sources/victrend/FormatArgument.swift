import ArgumentParser
import VicTrend

/// `--format`: any of the library's `ReportFormat` cases, so a new format needs no change here.
struct FormatArgument: ExpressibleByArgument {
    let format: ReportFormat

    init(_ format: ReportFormat) {
        self.format = format
    }

    init?(argument: String) {
        guard let format = ReportFormat(rawValue: argument.lowercased()) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
}

/// `--table`: any of the library's `ReportTable` cases.
struct TableArgument: ExpressibleByArgument {
    let table: ReportTable

    init?(argument: String) {
        guard let table = ReportTable(rawValue: argument.lowercased()) else { return nil }
        self.table = table
    }

    static var allValueStrings: [String] { ReportTable.allCases.map(\.rawValue) }
}

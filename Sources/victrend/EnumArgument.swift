import ArgumentParser
import VicTrend

/// A library enum whose cases are an option's values (`--format`, `--table`, `--series`, ...): any case
/// of the letters is accepted, and help lists the cases, so a new case in the library needs no change
/// here. The library's enums get it by the conformances below (the option's type is then the enum
/// itself: no wrapper type for the parser to reflect on, which costs start-up time).
protocol EnumArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension EnumArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// None: a case's description is its raw value (the parser's default builds the same empty
    /// dictionary case by case on every parse).
    public static var allValueDescriptions: [String: String] { [:] }
}

extension ReportFormat: EnumArgument {}
extension ReportTable: EnumArgument {}
extension SeriesKind: EnumArgument {}
extension CountryMatching: EnumArgument {}
extension InputLayout: EnumArgument {}
extension DiagnosticFormat: EnumArgument {}

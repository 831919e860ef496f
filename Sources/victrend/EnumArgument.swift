import ArgumentParser
import VicTrend

/// An option whose values are the cases of a library enum (`--format`, `--table`, `--series`), so a
/// new case in the library needs no change here.
struct EnumArgument<Value: RawRepresentable & CaseIterable>: ExpressibleByArgument
where Value.RawValue == String {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    init?(argument: String) {
        guard let value = Value(rawValue: argument.lowercased()) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { value.rawValue }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }
}

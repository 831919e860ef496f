/// How a CSV table is written: the delimiter between cells, the decimal separator of its decimal numbers
/// and the line end. `plain` is victrend's CSV (`,`, `0.0900`, LF); `ExcelCSV` asks for `;` with a
/// decimal comma (`0,0900`) and CR LF. Only typed decimal cells (rates, p-values, ratios, dispersion,
/// years elapsed, rates per year) get the decimal comma; counts, and text from the input (a key `1.5`),
/// are never changed. A cell that holds the delimiter (flags joined by `;` when `;` is the delimiter) is
/// quoted as RFC 4180 says.
struct CSVStyle: Sendable, Hashable {
    /// The byte between cells.
    var delimiter: UInt8
    /// Whether decimal numbers are written with a decimal comma (`0,0900`).
    var decimalComma: Bool
    /// Whether lines end with CR LF (else LF).
    var crlf: Bool

    /// victrend's CSV: `,`, a decimal point, LF.
    static let plain = CSVStyle(delimiter: UInt8(ascii: ","), decimalComma: false, crlf: false)

    /// The line end.
    var lineEnd: String { crlf ? "\r\n" : "\n" }

    /// A decimal number's text (`0.0900`) with this style's decimal separator.
    func decimal(_ text: String) -> String {
        decimalComma ? text.replacing(".", with: ",") : text
    }

    /// A field written as it is unless it holds the delimiter, a quote or a line break and is not yet
    /// quoted (a text cell quoted by `CSVText.field` starts with `"`); then quoted.
    func quoted(_ field: String) -> String {
        if field.utf8.first == UInt8(ascii: "\"") { return field }
        guard
            field.utf8.contains(where: {
                $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            })
        else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}

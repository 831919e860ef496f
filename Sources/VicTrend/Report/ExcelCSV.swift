/// CSV for Excel (`report --excel`): what a double-click opens right, also in European Excel.
///
/// Excel reads a `.csv` without a byte-order mark in the machine's code page (Windows-1252 in Western
/// Europe: `Österreich` would show as `Ã–sterreich`), and splits it at the locale's list separator, `;`
/// where the decimal separator is `,`. So the tables are written in UTF-8 with a byte-order mark and CR LF
/// line ends; with `;` as the delimiter, decimal numbers are written with a decimal comma (`0,0900`), or
/// German Excel would take `1.234` for 1234 or a date. The reporters render their typed cells in `style`:
/// only decimal cells (rates, p-values, ratios, dispersion, years elapsed) get the comma; counts are plain
/// digits in every case; text cells (country, names, status, flags, categories) are never changed, only
/// quoted where the delimiter needs it.
public struct ExcelCSV: Sendable, Hashable {
    /// The delimiter: `,` (English locales), `;` (locales with a decimal comma) or tab.
    public var delimiter: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Whether numbers get a decimal comma (with `;`, the list separator of decimal-comma locales).
    var decimalComma: Bool { delimiter == UInt8(ascii: ";") }

    /// How the CSV reporters write the tables: the delimiter, the decimal separator, CR LF.
    var style: CSVStyle { CSVStyle(delimiter: delimiter, decimalComma: decimalComma, crlf: true) }

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

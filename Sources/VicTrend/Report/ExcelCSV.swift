/// CSV for Excel (`report --excel`): what a double-click opens right, also in European Excel.
///
/// Excel reads a `.csv` without a byte-order mark in the machine's code page (Windows-1252 in Western
/// Europe: `Österreich` would show as `Ã–sterreich`), and splits it at the locale's list separator, `;`
/// where the decimal separator is `,`. So the table is written in UTF-8 with a byte-order mark and CR LF
/// line ends; with `;` as the delimiter, decimal numbers are written with a decimal comma (`0,0900`), or
/// German Excel would take `1.234` for 1234 or a date. Counts are plain digits in every case; text cells
/// (country, names, status, flags, categories) are never changed, only quoted where the delimiter needs it.
public struct ExcelCSV: Sendable, Hashable {
    /// The delimiter: `,` (English locales), `;` (locales with a decimal comma) or tab.
    public var delimiter: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Whether numbers get a decimal comma (with `;`, the list separator of decimal-comma locales).
    var decimalComma: Bool { delimiter == UInt8(ascii: ";") }

    /// The columns of victrend's CSV tables that hold decimal numbers: only these get a decimal comma.
    /// Every other column is text or whole counts and is never changed, even where a cell looks like a
    /// decimal (a key kept verbatim, or a `--by` column such as `agency`, may hold `1.5`).
    static let decimalColumns: Set<String> = [
        "elapsed_years", "growth_rate", "p_value", "ratio_low", "ratio_high", "dispersion", "new_per_year",
        "new_growth_rate", "latest_growth", "long_term_cagr", "long_term_ratio", "short_term_cagr",
        "short_term_ratio", "required_growth_to_target_year", "trend_growth", "trend_low", "trend_high",
        "trend_p_value", "projected_victims", "projected_low", "projected_high",
        "probability_on_trajectory",
    ]

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `csv` (one of victrend's tables: a header line, `,`-separated, RFC 4180 quoting, LF line ends)
    /// rewritten for Excel.
    public func convert(_ csv: String) -> [UInt8] {
        var output = Self.byteOrderMark
        output.reserveCapacity(csv.utf8.count + csv.utf8.count / 8 + 3)
        var header: [String] = []
        var column = 0
        var first = true
        for record in Self.records(csv) {
            for (index, field) in record.enumerated() {
                if index > 0 { output.append(delimiter) }
                column = index
                var text = field.text
                if first {
                    header.append(text)
                } else if decimalComma, !field.quoted, column < header.count,
                    Self.decimalColumns.contains(header[column]), Self.isDecimal(text)
                {
                    text = text.replacing(".", with: ",")
                }
                append(text, quoted: field.quoted, to: &output)
            }
            output += [0x0D, 0x0A]
            first = false
        }
        return output
    }

    /// Appends a field, quoted when it was or when it holds the delimiter, a quote or a line break.
    private func append(_ text: String, quoted: Bool, to output: inout [UInt8]) {
        let needsQuotes =
            quoted
            || text.utf8.contains {
                $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
        guard needsQuotes else {
            output += text.utf8
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A number as victrend writes them: an optional `-`, digits, `.` and digits, an optional exponent.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        guard !whole.isEmpty, bytes.first == UInt8(ascii: ".") else { return false }
        bytes = bytes.dropFirst()
        let fraction = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(fraction.count)
        guard !fraction.isEmpty else { return false }
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "e") else { return false }
        bytes = bytes.dropFirst()
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// A field of a record: its text (unquoted) and whether it was quoted.
    struct Field: Equatable {
        var text: String
        var quoted: Bool
    }

    /// The records of a CSV text as victrend writes it (RFC 4180; LF ends a record outside quotes).
    static func records(_ csv: String) -> [[Field]] {
        var records: [[Field]] = []
        var record: [Field] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var bytes = Array(csv.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quoted = true
            case UInt8(ascii: ","), 0x0A:
                record.append(Field(text: String(decoding: field, as: UTF8.self), quoted: quoted))
                field.removeAll(keepingCapacity: true)
                quoted = false
                if byte == 0x0A {
                    records.append(record)
                    record = []
                }
            default:
                field.append(byte)
            }
        }
        return records
    }
}

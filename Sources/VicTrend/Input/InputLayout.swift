/// How a file arranges its figures.
public enum InputLayout: String, Sendable, Hashable, CaseIterable {
    /// Detect from the header: SDMX-like when it comes from Eurostat (`DATAFLOW`), the OECD Data Explorer
    /// (`STRUCTURE`), OECD.Stat or the UN SDG database (see `SourceProfile`); wide when it has no year
    /// column but has columns named by years; long otherwise (`geo,TIME_PERIOD,OBS_VALUE` without
    /// `DATAFLOW` is a long file whose other columns are ignored).
    case auto
    /// One row per country and year (`country,year,victims`).
    case long
    /// One row per country, one column per year (`country,2013,2014,...`), as spreadsheets hold it.
    /// Empty cells are years without a figure.
    case wide
    /// SDMX-CSV and the like: Eurostat's `DATAFLOW,LAST UPDATE,freq,...,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG`,
    /// the OECD's `STRUCTURE,...,REF_AREA,...,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,...`, OECD.Stat's
    /// `LOCATION,Country,...,TIME,Time,...,Value,Flag Codes,Flags` and the UN SDG database's export. Every
    /// dimension must hold one value (or be chosen with `--filter`); missing values are empty or `:`;
    /// observation flags and statuses are kept, unit multipliers applied.
    case sdmx
}

/// What a cell that should hold a count holds.
enum CountCell: Equatable {
    /// A valid count.
    case count(Int)
    /// A figure the source withheld, with the text that stood for it (`<5`, `c`, `..`).
    case withheld(String)
    /// No figure (an empty wide cell, or SDMX's `:`).
    case missing

    /// Reads a count cell of a file in `layout`; an empty cell is an error in the long layout only. With a
    /// unit `multiplier` (from the column named `column`), a count is the cell × 10^multiplier and must
    /// be a whole number (see `CellParsing.scaledCount`). With a `thousands` separator, a count that holds
    /// it must be grouped in threes (`14.000`), and is read without it; never in the SDMX layout, whose
    /// `OBS_VALUE` is machine-written with `.` as the decimal point (`1.000` with UNIT_MULT 3 is 1000).
    static func read<Bytes: CellParsing.Cell>(
        _ cell: Bytes, layout: InputLayout, multiplier: Int = 0, column: String = "",
        thousands: ThousandsSeparator? = nil
    ) -> Result<CountCell, CellParsing.Problem> {
        let text = CellParsing.trimmed(cell)
        // The common case first: a plain count, read straight from the bytes.
        if multiplier == 0, let value = CellParsing.unsignedInteger(text) {
            return .success(.count(value))
        }
        if layout != .long && (text.isEmpty || text.elementsEqual([UInt8(ascii: ":")])) {
            return .success(.missing)
        }
        if let marker = withheldMarker(text) {
            return .success(.withheld(marker))
        }
        if layout != .sdmx, let thousands, let grouped = thousands.digits(text) {
            switch grouped {
            case .grouped(let digits):
                return CellParsing.scaledCount(digits, multiplier: multiplier, column: column).map {
                    .count($0)
                }
            case .badlyGrouped:
                return .failure(
                    CellParsing.Problem(
                        code: .invalidCount,
                        message:
                            "the count \(CellParsing.show(cell)) is not grouped in threes with the thousands "
                            + "separator '\(thousands == .space ? " " : thousands.rawValue)' (--thousands-separator "
                            + "\(thousands.optionValue)), as 1\(thousands == .space ? " " : thousands.rawValue)234 is: "
                            + "it is no whole number of victims that victrend can be sure of; correct the cell",
                        suggestsSeparator: true))
            }
        }
        return CellParsing.scaledCount(cell, multiplier: multiplier, column: column).map { .count($0) }
    }

    /// `<5` (any digits), `c`/`C` (confidential) or `..` (not available): the markers statistics
    /// offices use for suppressed figures.
    static func withheldMarker<Bytes: CellParsing.Cell>(_ text: Bytes) -> String? {
        let shown = String(decoding: text, as: UTF8.self)
        if shown == "c" || shown == "C" || shown == ".." {
            return shown
        }
        if text.first == UInt8(ascii: "<") {
            let digits = CellParsing.trimmed(text.dropFirst())
            if !digits.isEmpty && digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return "<" + String(decoding: digits, as: UTF8.self)
            }
        }
        return nil
    }
}

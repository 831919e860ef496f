/// How a file arranges its figures.
public enum InputLayout: String, Sendable, Hashable, CaseIterable {
    /// Detect from the header: SDMX-CSV when it has `TIME_PERIOD` and `OBS_VALUE` with `DATAFLOW` or
    /// `geo`; wide when it has no year column but has columns named by years; long otherwise.
    case auto
    /// One row per country and year (`country,year,victims`).
    case long
    /// One row per country, one column per year (`country,2013,2014,...`), as spreadsheets hold it.
    /// Empty cells are years without a figure.
    case wide
    /// Eurostat SDMX-CSV: `DATAFLOW,LAST UPDATE,freq,...,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG[,CONF_STATUS]`.
    /// Missing values are empty or `:`; observation flags are kept.
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

    /// Reads a count cell of a file in `layout`; an empty cell is an error in the long layout only.
    static func read<Bytes: CellParsing.Cell>(_ cell: Bytes, layout: InputLayout) -> Result<
        CountCell, CellParsing.Problem
    > {
        let text = CellParsing.trimmed(cell)
        // The common case first: a plain count, read straight from the bytes.
        if let value = CellParsing.unsignedInteger(text) {
            return .success(.count(value))
        }
        if layout != .long && (text.isEmpty || text.elementsEqual([UInt8(ascii: ":")])) {
            return .success(.missing)
        }
        if let marker = withheldMarker(text) {
            return .success(.withheld(marker))
        }
        return CellParsing.count(cell).map { .count($0) }
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

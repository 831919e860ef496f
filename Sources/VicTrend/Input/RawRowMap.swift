/// Positions inside the raw text of one row, for pointing diagnostics at the right line and column.
///
/// libcsv reports cells, not positions, so when a diagnostic needs a column the reader hands the row's
/// raw bytes to this map, which walks them the way libcsv's strict mode reads them: a field that starts
/// with a quote runs to the matching closing quote (`""` is an escaped quote) and may span lines.
/// Columns count Unicode scalars; CR LF, LF and a lone CR each end a physical line.
struct RawRowMap {
    /// A 1-based physical position.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// Where each field's first non-blank character stands (or where the empty field would be).
    private(set) var fieldStarts: [Position] = []
    /// For each field, where its opening quote stands, if it is quoted.
    private(set) var openingQuotes: [Position?] = []
    /// Position of the last byte walked.
    private(set) var end = Position(line: 1, column: 1)

    /// Walks `bytes` starting at `startLine`; stops after byte index `limit` when given, so that `end`
    /// is the position of that byte.
    init(_ bytes: [UInt8], startLine: Int, delimiter: UInt8, through limit: Int? = nil) {
        let quote = UInt8(ascii: "\"")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var position = Position(line: startLine, column: 1)
        var atFieldStart = true
        var inQuotes = false
        var pendingQuote = false  // a quote inside a quoted field: closing, or the first of ""
        fieldStarts.append(position)
        openingQuotes.append(nil)
        var index = 0
        let stop = min(limit.map { $0 + 1 } ?? bytes.count, bytes.count)
        while index < stop {
            let byte = bytes[index]
            end = position
            if atFieldStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && byte != delimiter
            {
                fieldStarts[fieldStarts.count - 1] = Self.advance(position, over: byte)
            } else if atFieldStart && byte == quote {
                atFieldStart = false
                inQuotes = true
                fieldStarts[fieldStarts.count - 1] = position
                openingQuotes[openingQuotes.count - 1] = position
            } else if inQuotes && byte == quote {
                if pendingQuote {
                    pendingQuote = false  // "" is an escaped quote
                } else {
                    pendingQuote = true
                }
            } else if inQuotes && !pendingQuote {
                // Any byte, including delimiters and line breaks, belongs to the quoted field.
            } else if byte == delimiter {
                inQuotes = false
                pendingQuote = false
                atFieldStart = true
                fieldStarts.append(Self.advance(position, over: byte))
                openingQuotes.append(nil)
            } else {
                if pendingQuote {
                    inQuotes = false
                    pendingQuote = false
                }
                atFieldStart = false
            }
            // Advance the physical position.
            if byte == lineFeed {
                if index == 0 || bytes[index - 1] != carriageReturn {
                    position = Position(line: position.line + 1, column: 1)
                }
            } else if byte == carriageReturn {
                position = Position(line: position.line + 1, column: 1)
            } else {
                position = Self.advance(position, over: byte)
            }
            index += 1
        }
    }

    /// The position after `byte` on the same line; UTF-8 continuation bytes take no column.
    private static func advance(_ position: Position, over byte: UInt8) -> Position {
        if byte & 0xC0 == 0x80 {
            return position
        }
        return Position(line: position.line, column: position.column + 1)
    }
}

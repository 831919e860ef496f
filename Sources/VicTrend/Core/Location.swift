/// A place in an input file, as editors and compilers count it.
///
/// `line` is the 1-based physical line: every line break counts, including those inside quoted fields,
/// so the number matches what a text editor shows. `column` is 1-based and counts Unicode scalars (not
/// bytes) from the start of that physical line; it is `nil` when the finding concerns a whole row or file.
///
/// In an `.xlsx` workbook, `sheet` names the sheet, `line` is the row and `column` the column (A = 1), and
/// the location reads as Excel writes a reference: `figures.xlsx:Sheet1!B7` (a whole row
/// `figures.xlsx:Sheet1!7:7`; a sheet name other than letters, digits and `_` quoted: `'Data 2024'!B7`).
public struct Location: Sendable, Hashable, CustomStringConvertible {
    /// The input path as the user gave it.
    public var file: String
    /// 1-based physical line.
    public var line: Int
    /// 1-based column in Unicode scalars, or `nil` when no single column applies.
    public var column: Int?
    /// The workbook sheet, or `nil` in a text file.
    public var sheet: String?

    public init(file: String, line: Int, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, or `file:line` without a column: the form editors and CI logs link to. The
    /// file name is as given: what prints it escapes it (`Diagnostic.description`, the step summary).
    public var description: String {
        if let reference = sheetReference { return "\(file):\(reference)" }
        if let column {
            return "\(file):\(line):\(column)"
        }
        return "\(file):\(line)"
    }

    /// In a workbook, the place as Excel writes a reference — `Sheet1!B7`, a whole row `Sheet1!7:7`, a
    /// sheet name other than letters, digits and `_` quoted (`'Data 2024'!B7`); `nil` in a text file.
    /// Formats whose location has no sheet (a GitHub annotation, SARIF's region) put it in the message.
    var sheetReference: String? {
        guard let sheet else { return nil }
        let name =
            sheet.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
            }
                && !sheet.isEmpty
            ? sheet : "'" + sheet.replacing("'", with: "''") + "'"
        guard let column else { return "\(name)!\(line):\(line)" }
        return "\(name)!\(Self.columnName(column))\(line)"
    }

    /// Excel's name of a 1-based column: 1 `A`, 26 `Z`, 27 `AA`, 16384 `XFD`.
    public static func columnName(_ column: Int) -> String {
        var number = max(column, 1)
        var letters: [UInt8] = []
        while number > 0 {
            number -= 1
            letters.append(UInt8(ascii: "A") + UInt8(number % 26))
            number /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

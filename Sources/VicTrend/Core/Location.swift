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
        let name = Self.needsQuotes(sheet) ? "'" + sheet.replacing("'", with: "''") + "'" : sheet
        guard let column else { return "\(name)!\(line):\(line)" }
        return "\(name)!\(Self.columnName(column))\(line)"
    }

    /// Whether Excel quotes a sheet name in a reference: a name of other than letters, digits and `_`,
    /// one that starts with a digit (`'2019'!B7`), and one that reads as a cell (`'AB12'!A1`, `'R1C1'!A1`).
    static func needsQuotes(_ sheet: String) -> Bool {
        let scalars = sheet.unicodeScalars
        guard let first = scalars.first,
            scalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" })
        else { return true }
        if ("0"..."9").contains(first) { return true }
        // A1 style: one to three ASCII letters, then digits; R1C1 style: R, digits, C, digits.
        let upper = sheet.uppercased()
        let letters = upper.prefix { $0.isASCII && $0.isLetter }
        let digits = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count) && !digits.isEmpty && digits.allSatisfy(\.isASCII)
            && digits.allSatisfy(\.isNumber)
        {
            return true
        }
        let rc = upper.split(separator: "C", omittingEmptySubsequences: false)
        return upper.first == "R" && rc.count == 2 && rc[0].count > 1 && !rc[1].isEmpty
            && rc[0].dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
            && rc[1].allSatisfy { $0.isASCII && $0.isNumber }
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

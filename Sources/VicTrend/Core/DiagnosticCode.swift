/// The catalogue of findings. Codes are stable: a code once published keeps its meaning.
///
/// `VT0xx`: the file as a whole (reading, encoding, structure, header).
/// `VT1xx`: a single cell. `VT2xx`: consistency between rows or files.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    /// The file has no header row (it is empty or holds only blank lines).
    case emptyFile = "VT001"
    /// The file has a header but no data rows.
    case noDataRows = "VT002"
    /// Bytes that are not valid UTF-8 (often a file saved as Windows-1252 or Latin-1).
    case invalidUTF8 = "VT003"
    /// A quoted field whose closing quote never comes.
    case unterminatedQuote = "VT004"
    /// A quote inside an unquoted field, or text right after a closing quote.
    case strayQuote = "VT005"
    /// A field or a row too large to be real data (usually a quote that swallowed the file).
    case oversizedRecord = "VT006"
    /// `validate` only: an input that cannot be opened (missing, a dangling link, a directory, not
    /// readable, a pattern the shell passed on); the other inputs are still checked. (`report` stops:
    /// it cannot leave out a file.)
    case unreadableFile = "VT007"
    /// A required column (country, year or count) is not in the header.
    case missingColumn = "VT010"
    /// More than one header cell could be the same required column.
    case ambiguousColumn = "VT011"
    /// A row has fewer cells than the header.
    case missingCells = "VT020"
    /// A row has more cells than the header.
    case extraCells = "VT021"
    /// The country cell is empty.
    case emptyCountry = "VT101"
    /// The year is not a four-digit whole number.
    case invalidYear = "VT102"
    /// The count is not a non-negative whole number.
    case invalidCount = "VT103"
    /// The count does not fit in 64 bits.
    case countTooLarge = "VT104"
    /// A country code or name that matches no ISO 3166-1 country.
    case unknownCountry = "VT105"
    /// A figure the source withheld (`<5`, `c`, `..`): the year is not assessed. A note, not an error.
    case withheldValue = "VT106"
    /// An aggregate such as Eurostat's `EU27_2020`, left out so that it is not counted twice. A note.
    case aggregateLeftOut = "VT107"
    /// A country found only by ignoring part of the text (`=AUS`, `<AUS>`, `A*U*S`, `The AUS`).
    case countryTextIgnored = "VT108"
    /// A key cell (country under `--countries verbatim`, a `--by` column, a group name) holding a
    /// control or bidirectional-control character, beginning with `::` or holding `##[`: printed as it
    /// is, it would rewrite a terminal, reorder a line or drive a CI runner.
    case controlInKey = "VT130"
    /// An old binary Excel workbook (`.xls`): saved as `.xlsx` or CSV, it can be read.
    case binaryWorkbook = "VT016"
    /// An `.xlsx` workbook (a zip archive) that cannot be read: not a valid workbook, a part too large
    /// once uncompressed (a zip bomb), XML that is not well-formed, a cell beyond the limits.
    case unreadableWorkbook = "VT017"
    /// `--sheet` names a sheet the workbook does not have.
    case unknownSheet = "VT018"
    /// A column named by `--filter` or `--exclude` is not in the header.
    case unknownFilterColumn = "VT012"
    /// An SDMX file holds several values of a dimension and no `--filter` picks one.
    case ambiguousDimension = "VT013"
    /// A wide-layout header cell that should be a year is not one.
    case invalidYearColumn = "VT014"
    /// `--filter` keeps no row of a file.
    case filterKeepsNothing = "VT015"
    /// An OECD or SDMX unit multiplier (`UNIT_MULT`, OECD.Stat's `PowerCode Code`) was applied: the file
    /// gives its figures in thousands or millions. A note.
    case unitMultiplierApplied = "VT109"
    /// A unit multiplier cell that is not a whole number from 0 to 18.
    case invalidUnitMultiplier = "VT110"
    /// A count that is not a whole number once its unit multiplier is applied (`1.2345` thousands).
    case scaledCountNotWhole = "VT111"
    /// A figure whose status says it is a forecast (SDMX `F`): a forecast is not a count of victims.
    case forecastValue = "VT112"
    /// An observation status (`OBS_STATUS`, OECD.Stat `Flag Codes`) that victrend does not know.
    case unknownStatus = "VT113"
    /// A part of a country (a NUTS region such as the UK's `UKM` Scotland), left out so that it is never
    /// taken for the country or added into it. A note.
    case subnationalLeftOut = "VT114"
    /// A figure whose status says it is missing (SDMX `M`, `L`, `O`, `H`, `K`) and yet has a value.
    case missingWithValue = "VT115"
    /// A row below the table, after a blank row, with only its first cell filled (a spreadsheet's
    /// footnote, such as "Source: Ministry of the Interior"): not read as data. A note.
    case footnoteBelowTable = "VT116"
    /// The same country and year appear more than once.
    case duplicateObservation = "VT201"
    /// A figure so large that the target arithmetic would exceed 64 bits.
    case requiredCountOverflow = "VT202"
    /// A sum of counts (a group or alliance total) that exceeds 64 bits.
    case totalOverflow = "VT203"
    /// A running (cumulative) total that falls from one reported year to the next.
    case cumulativeDecrease = "VT204"
    /// A groups file row without a country or a group.
    case invalidGroupRow = "VT205"
    /// The same country, year and count appear more than once (a repeated row; counted once).
    case repeatedObservation = "VT206"
    /// Under `--sum`, a row that repeats a row of another file cell for cell: added, but perhaps counted
    /// twice.
    case rowRepeatedAcrossFiles = "VT207"
    /// A groups file naming more groups than a report takes (`Groups.maximumCount`).
    case tooManyGroups = "VT208"
    /// A series has no figure for a year between two reported years.
    case missingYear = "VT301"
    /// A count more than `jump factor` times (or less than 1 / factor of) the previous year's.
    case implausibleChange = "VT302"
    /// A year after the current year.
    case futureYear = "VT303"
    /// A year before the earliest plausible year (2000 by default).
    case earlyYear = "VT304"
    /// A country that is not a participant (with `--members`).
    case notAParticipant = "VT305"
    /// A participant without a figure for a year it should have reported (with `--members`).
    case missingParticipant = "VT306"
    /// A members file row that cannot be read.
    case invalidMemberRow = "VT307"
    /// The date of a running total (`--series cumulative` with a date column) is empty or not a date
    /// (`YYYY-MM-DD`, or `YYYY-MM` for a month).
    case invalidDate = "VT140"
    /// A running total's date lies in another year than its year cell says.
    case dateYearMismatch = "VT141"
    /// `--date-column` where no date is read: annual counts, a wide or an SDMX-CSV file.
    case dateColumnRefused = "VT142"
    /// Some files of a panel of running totals have a date column and others have none.
    case datesInSomeFiles = "VT143"
    /// Under `--countries verbatim`, a key that looks like a total (`Summe Nord`) but is no total
    /// victrend knows: counted as a series and in the totals, so the user is told (and how to leave it out).
    case totalLikeKeyCounted = "VT150"
    /// Under `--countries verbatim`, a key that is a known part of a country (`UKC-L`): a series of its
    /// own, added into the totals beside the country.
    case subnationalKeyCounted = "VT151"
    /// A column victrend does not read holds a total (`Insgesamt`) beside other values (`weiblich`): a
    /// breakdown and its total, which would be counted twice.
    case breakdownWithTotal = "VT152"
    /// A workbook read without `--sheet` has other visible sheets than the one read: they are not read.
    /// A note.
    case otherSheetsNotRead = "VT160"
    /// Below the table, a row with only its first cell filled and no blank row above it: a footnote
    /// (or a row missing its figures) read as data.
    case footnoteWithoutBlankRow = "VT161"
    /// `--sheet` given, yet no input is a workbook: the option applies to nothing. A warning on each
    /// (CSV) file; beside a workbook, a CSV file is read without a word, the option being the workbook's.
    case sheetOptionOnCSV = "VT162"

    /// The severity a finding of this code has unless a rule says otherwise.
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .emptyFile, .noDataRows, .invalidUTF8, .unterminatedQuote, .strayQuote, .oversizedRecord,
            .unreadableFile, .missingColumn, .ambiguousColumn, .missingCells, .extraCells,
            .emptyCountry, .invalidYear, .invalidCount, .countTooLarge, .unknownCountry, .unknownFilterColumn,
            .ambiguousDimension, .invalidYearColumn, .filterKeepsNothing, .controlInKey, .binaryWorkbook,
            .unreadableWorkbook, .unknownSheet,
            .invalidUnitMultiplier, .scaledCountNotWhole, .forecastValue, .unknownStatus, .missingWithValue,
            .duplicateObservation,
            .requiredCountOverflow, .totalOverflow, .cumulativeDecrease, .invalidGroupRow, .tooManyGroups,
            .invalidMemberRow,
            .invalidDate, .dateYearMismatch, .dateColumnRefused, .datesInSomeFiles,
            .footnoteWithoutBlankRow, .breakdownWithTotal:
            return .error
        case .countryTextIgnored, .repeatedObservation, .rowRepeatedAcrossFiles, .missingYear,
            .implausibleChange, .futureYear,
            .earlyYear,
            .notAParticipant,
            .missingParticipant, .totalLikeKeyCounted, .subnationalKeyCounted, .sheetOptionOnCSV:
            return .warning
        case .withheldValue, .aggregateLeftOut, .unitMultiplierApplied, .subnationalLeftOut,
            .footnoteBelowTable, .otherSheetsNotRead:
            return .info
        }
    }

    /// One-line summary of the rule, for catalogues and SARIF rule help.
    public var summary: String {
        switch self {
        case .emptyFile: return "The file is empty: expected a header row."
        case .noDataRows: return "The file has a header but no data rows."
        case .invalidUTF8: return "The file is not valid UTF-8."
        case .unterminatedQuote: return "A quoted field is never closed."
        case .strayQuote: return "A quote character where none may stand."
        case .oversizedRecord: return "A field or row is larger than any real input."
        case .unreadableFile: return "The file cannot be opened: it is missing, a directory or not readable."
        case .missingColumn: return "A required column is missing from the header."
        case .ambiguousColumn: return "Several header cells could be the same required column."
        case .missingCells: return "A row has fewer cells than the header."
        case .extraCells: return "A row has more cells than the header."
        case .emptyCountry: return "The country cell is empty."
        case .invalidYear: return "The year is not a four-digit whole number."
        case .invalidCount: return "The count is not a non-negative whole number."
        case .countTooLarge: return "The count is too large for 64 bits."
        case .unknownCountry: return "A country that matches no ISO 3166-1 code or name."
        case .withheldValue: return "A figure the source withheld; the year is not assessed."
        case .aggregateLeftOut:
            return "An aggregate (such as EU27_2020) left out so that it is not counted twice."
        case .countryTextIgnored:
            return "A country found only by ignoring characters (such as '=' or '<>') of the text."
        case .controlInKey:
            return "A key (country, --by value, group) holds a control character, a leading '::' or '##['."
        case .binaryWorkbook:
            return "An Excel 97-2003 workbook (.xls) or a password-protected one: save it as .xlsx or CSV."
        case .unreadableWorkbook:
            return "An .xlsx workbook that cannot be read (invalid, too large, malformed)."
        case .unknownSheet: return "--sheet names a sheet the workbook does not have."
        case .unknownFilterColumn: return "A --filter or --exclude column that the header does not have."
        case .ambiguousDimension: return "Several values of an SDMX dimension and no --filter choosing one."
        case .invalidYearColumn: return "A wide-layout year column whose header is not a year."
        case .filterKeepsNothing: return "--filter keeps no row of a file (its column's values are named)."
        case .unitMultiplierApplied:
            return
                "A unit multiplier (UNIT_MULT, PowerCode Code) applied: figures given in thousands or millions."
        case .invalidUnitMultiplier: return "A unit multiplier that is not a whole number from 0 to 18."
        case .scaledCountNotWhole:
            return "A count that is not a whole number once its unit multiplier is applied."
        case .forecastValue: return "A forecast (status F) given as a figure: a forecast is not a count."
        case .unknownStatus: return "An observation status code that victrend does not know."
        case .subnationalLeftOut:
            return
                "A part of a country (a NUTS region such as UKM Scotland) left out, never added to the country."
        case .missingWithValue: return "A figure marked missing by its status that has a value all the same."
        case .footnoteBelowTable:
            return "A footnote below the table (first cell only, after a blank row), not data."
        case .duplicateObservation: return "A country and year appear more than once."
        case .requiredCountOverflow: return "The target arithmetic for a figure exceeds 64 bits."
        case .totalOverflow: return "A group or alliance total exceeds 64 bits."
        case .cumulativeDecrease: return "A cumulative (running) total falls."
        case .invalidGroupRow: return "A groups-file row lacks a country or a group."
        case .tooManyGroups: return "A groups file names more than 200 groups."
        case .repeatedObservation: return "A row repeats a country, year and count already given."
        case .rowRepeatedAcrossFiles:
            return "With --sum, a row or figure repeats one of another file or spelling; both are added."
        case .missingYear: return "A series has no figure for a year between two reported years."
        case .implausibleChange:
            return "A count changes by more than the jump factor from one year to the next."
        case .futureYear: return "A year after the current year."
        case .earlyYear: return "A year before the earliest plausible year."
        case .notAParticipant: return "A country that is not a participant."
        case .missingParticipant: return "A participant has no figure for a year it should have reported."
        case .invalidMemberRow: return "A members-file row cannot be read."
        case .invalidDate:
            return "The date of a running total is empty or not a date (YYYY-MM-DD or YYYY-MM)."
        case .dateYearMismatch: return "A running total's date lies in another year than its year cell."
        case .dateColumnRefused:
            return "--date-column where no date is read (annual counts, a wide or SDMX-CSV file)."
        case .datesInSomeFiles: return "Some files of a panel of running totals have dates and others not."
        case .totalLikeKeyCounted:
            return
                "Under --countries verbatim, a key that looks like a total is counted as a series and in the totals."
        case .subnationalKeyCounted:
            return "Under --countries verbatim, a part of a country is a series and is added into the totals."
        case .breakdownWithTotal:
            return "A column holds a breakdown and its total (Insgesamt beside weiblich)."
        case .otherSheetsNotRead: return "A workbook's other visible sheets were not read (no --sheet)."
        case .footnoteWithoutBlankRow: return "A footnote below the table with no blank row above it."
        case .sheetOptionOnCSV:
            return "--sheet given, and no input is a workbook: the option applies to nothing."
        }
    }
}

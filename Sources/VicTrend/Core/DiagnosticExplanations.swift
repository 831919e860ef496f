// The text of `victrend explain CODE`: one entry per diagnostic code. A code added without an entry
// still builds (`explain` then prints its summary alone), but the end-to-end tests fail until it has one;
// they run every bad example and expect its code, and every fixed example and expect exit 0 without it.

extension DiagnosticExplanation {
    /// Every entry, ordered by code.
    public static let catalogue: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .emptyFile,
            text: "The file has no header row: it is empty, or holds only blank lines. Usually an export "
                + "that failed or a file saved before anything was pasted into it. Export the data again; "
                + "the first line names the columns.",
            bad: .init(data: ""),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n")),
        DiagnosticExplanation(
            code: .noDataRows,
            text: "The file names its columns but holds no figures. An export that kept only the header (a "
                + "filter that matched nothing in the spreadsheet, an empty sheet). Export the rows again.",
            bad: .init(data: "country,year,victims\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n")),
        DiagnosticExplanation(
            code: .invalidUTF8,
            text: "The file is not UTF-8 text. Most often a spreadsheet saved it as Windows-1252 or Latin-1 "
                + "(\"CSV\" instead of \"CSV UTF-8\" in Excel), so a name such as Côte d'Ivoire has a byte "
                + "UTF-8 does not allow. A file with a UTF-16 byte-order mark or a NUL byte (Excel's "
                + "\"Unicode Text\") is refused whole. Read it with --encoding windows-1252 (or latin-1), save "
                + "it again as CSV UTF-8, or convert it: iconv -f WINDOWS-1252 -t UTF-8.",
            bad: .init(
                data: "country,year,victims\nCôte d'Ivoire,2019,12\n",
                note: "saved as Windows-1252: the ô is the single byte 0xF4", savedAsLatin1: true),
            fixed: .init(data: "country,year,victims\nCôte d'Ivoire,2019,12\n", note: "saved as UTF-8")),
        DiagnosticExplanation(
            code: .unterminatedQuote,
            text: "A cell opens a quote that never closes, so everything after it would be read as one "
                + "cell. victrend stops the file at the quote (reported where it opens): nothing after it "
                + "can be trusted. Close the quote, or remove it if the cell needs none.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,\"13\nAUT,2021,15\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\nAUT,2021,15\n")),
        DiagnosticExplanation(
            code: .strayQuote,
            text: "A quote inside a cell that does not start with one, or text right after a closing quote. "
                + "In CSV a cell that holds a quote must be quoted as a whole, with the inner quote "
                + "doubled: \"Côte d\"\"Ivoire\". Usually the quote is a typing slip: remove it.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAU\"T,2020,13\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .oversizedRecord,
            text: "A row over 1 MiB as written, or with more than 10,000 cells: no real row of yearly "
                + "counts is that large. It is usually a quote that swallowed the rest of the file, a file "
                + "that is not CSV, or a row with a delimiter repeated thousands of times. Look at the row "
                + "the message names.",
            bad: .init(
                data: "country,year,victims\nAUT,2019,12,x,x,x\n",
                note: "the last row goes on with 10,000 more cells", runnable: false),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n")),
        DiagnosticExplanation(
            code: .unreadableFile,
            text: "victrend validate could not open this input: no file has the name (a typing slip, a link "
                + "to a file that is not there, a pattern the shell passed on as written), it is a directory, "
                + "or it may not be read. The other inputs are still checked, so that one bad path does not "
                + "hide their findings. Give the path of a readable CSV file or workbook; victrend report "
                + "stops at such an input instead (exit 2), since a report cannot leave out a file.",
            bad: .init(
                data: "country,year,victims\nAUT,2019,12\n",
                note: "validated as victrend validate data.csv "
                    + "missing.csv, where there is no missing.csv", runnable: false),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n")),
        DiagnosticExplanation(
            code: .missingColumn,
            text: "A column victrend needs (country, year or count) is not in the header. Columns are found "
                + "by name, case-insensitively: country, country_code, iso3 or geo; year or time_period; "
                + "victims, identified_victims, count, value or obs_value. Rename the column, or name it "
                + "with --country-column, --year-column or --count-column.",
            bad: .init(data: "country,year,amount\nAUT,2019,12\n"),
            fixed: .init(data: "country,year,amount\nAUT,2019,12\n", options: ["--count-column", "amount"])),
        DiagnosticExplanation(
            code: .ambiguousColumn,
            text: "Several header cells could be the same column (country and iso3 are both country "
                + "columns), and victrend will not guess which holds the figures meant. Name the one to use "
                + "with --country-column, --year-column or --count-column, or drop the other column; two "
                + "columns with the same name can only be told apart by renaming one. In a wide file, a year "
                + "heading two columns is the same error: each row would give two figures for it.",
            bad: .init(data: "country,iso3,year,victims\nAustria,AUT,2019,12\n"),
            fixed: .init(
                data: "country,iso3,year,victims\nAustria,AUT,2019,12\n",
                options: ["--country-column", "iso3"])),
        DiagnosticExplanation(
            code: .unknownFilterColumn,
            text: "--filter COLUMN=VALUE names a column the file does not have, so it could not keep any "
                + "row. Check the column's name in the header (it is matched case-insensitively).",
            bad: .init(data: "country,year,victims\nAUT,2019,12\n", options: ["--filter", "unit=NR"]),
            fixed: .init(
                data: "country,unit,year,victims\nAUT,NR,2019,12\n", options: ["--filter", "unit=NR"])),
        DiagnosticExplanation(
            code: .ambiguousDimension,
            text: "An SDMX-CSV file (Eurostat's layout) holds several values of a dimension, for example "
                + "unit NR (number) and P_HTHAB (per hundred thousand inhabitants), so a country-year would "
                + "have several figures. Choose one with --filter, as the message suggests.",
            bad: .init(
                data:
                    "DATAFLOW,freq,unit,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),A,NR,AT,2019,12\nESTAT:X(1.0),A,P_HTHAB,AT,2019,0.13\n"
            ),
            fixed: .init(
                data:
                    "DATAFLOW,freq,unit,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),A,NR,AT,2019,12\nESTAT:X(1.0),A,P_HTHAB,AT,2019,0.13\n",
                options: ["--filter", "unit=NR"])),
        DiagnosticExplanation(
            code: .invalidYearColumn,
            text: "In the wide layout (country,2019,2020,...) a header cell starts like a year but is not "
                + "one, such as \"2021 (provisional)\": its figures would be left out. Name year columns by "
                + "the year alone, and keep notes about a year elsewhere (Eurostat's SDMX-CSV layout has "
                + "OBS_FLAG for flags such as p, provisional). Any header cell with a digit that is not a "
                + "four-digit year (2.019, Jan 19, full-width digits, 20191) is refused the same way.",
            bad: .init(data: "country,2019,2020,2021 (provisional)\nAUT,12,14,19\n"),
            fixed: .init(data: "country,2019,2020,2021\nAUT,12,14,19\n")),
        DiagnosticExplanation(
            code: .filterKeepsNothing,
            text: "--filter COLUMN=VALUE keeps no row of the file: no row has that value (the message lists "
                + "the values the column holds). Often a different code (NR for number) or a typing slip.",
            bad: .init(
                data: "country,unit,year,victims\nAUT,NR,2019,12\nAUT,P_HTHAB,2019,3\n",
                options: ["--filter", "unit=XX"]),
            fixed: .init(
                data: "country,unit,year,victims\nAUT,NR,2019,12\nAUT,P_HTHAB,2019,3\n",
                options: ["--filter", "unit=NR"])),
        DiagnosticExplanation(
            code: .binaryWorkbook,
            text: "The file is an Excel 97-2003 workbook (.xls), a binary format victrend does not read; it "
                + "is recognised by its first bytes, whatever its name. Open it in Excel or LibreOffice and "
                + "save it as an .xlsx workbook (read directly, the first sheet or --sheet NAME) or as "
                + "\"CSV UTF-8\". A password-protected workbook is kept by Excel in the same container (its "
                + "directory names an EncryptedPackage stream): open it in Excel, remove the password and save "
                + "it as .xlsx or CSV.",
            bad: .init(
                data: "\u{D0}\u{CF}\u{11}\u{E0}\u{A1}\u{B1}\u{1A}\u{E1}\u{0}\u{0}",
                note: "an .xls workbook under any name", savedAsLatin1: true,
                shown: "(binary: D0 CF 11 E0 A1 B1 1A E1, the first bytes of every .xls workbook)\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n", note: "the sheet saved as CSV UTF-8")),
        DiagnosticExplanation(
            code: .unreadableWorkbook,
            text: "The file starts like an .xlsx workbook (a zip archive) but cannot be read as one: a "
                + "damaged or truncated download, a zip that is not a workbook, XML that is not well-formed, "
                + "a part that would inflate beyond victrend's limits (a zip bomb: sheet 256 MiB, shared "
                + "strings 256 MiB), a formula without a calculated value (as openpyxl or pandas write "
                + "formulas: Excel or LibreOffice stores the values when it saves), or libzip or libxml2 "
                + "missing on this machine (the message names the Debian package). Open the file in Excel or LibreOffice and save it again, or save the "
                + "sheet as CSV UTF-8.",
            bad: .init(
                data: "PK\u{3}\u{4}\u{14}\u{0}\u{6}\u{0}",
                note: "a workbook cut short by a failed download",
                shown: "(binary: 50 4B 03 04 14 00 06 00, the start of a zip archive, and nothing more)\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n", note: "the sheet saved as CSV UTF-8")),
        DiagnosticExplanation(
            code: .unknownSheet,
            text: "--sheet names a sheet the workbook does not have; the message lists the sheets it has. "
                + "Names are matched as Excel matches them, regardless of case (figures is Figures). Without --sheet the first visible "
                + "sheet is read (a hidden sheet only by name).",
            bad: .init(
                data: "", options: ["--sheet", "Sheet1"], note: "an .xlsx workbook", runnable: false,
                shown: "(a workbook with the sheets Figures and Wide)\n"),
            fixed: .init(
                data: "", options: ["--sheet", "Figures"], note: "an .xlsx workbook", runnable: false,
                shown: "(a workbook with the sheets Figures and Wide)\n")),
        DiagnosticExplanation(
            code: .missingCells,
            text: "A row has fewer cells than the header, so a cell is missing (often the count, or a "
                + "delimiter). Write every cell; an unknown figure is a withheld marker such as .. or c, "
                + "not a missing cell.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .extraCells,
            text: "A row has more cells than the header. Usually a number written with a thousands "
                + "separator (1,234 is two cells in a comma-separated file) or an unquoted cell holding the "
                + "delimiter. Write counts as digits only; quote cells that hold the delimiter.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,1,234\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,1234\n")),
        DiagnosticExplanation(
            code: .emptyCountry,
            text: "A row has no country, so its figure belongs to no series. Fill in the country (an ISO "
                + "3166 code or name).",
            bad: .init(data: "country,year,victims\nAUT,2019,12\n,2020,13\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .invalidYear,
            text: "The year is not a four-digit whole number: 2020.0 (a spreadsheet number format), 20, "
                + "2019/20 or text. Write the year as four digits.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020.0,13\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .invalidCount,
            text: "The count is not a non-negative whole number: a thousands separator (1,234 or 1 234), a "
                + "decimal (12.5), a negative number, text such as n/a, or an empty cell. victrend never "
                + "guesses what 14.000 means: for a file whose counts are written with a separator, say "
                + "which with --thousands-separator (. , space or '; groups of exactly three digits). "
                + "Otherwise write the digits only. In SDMX-CSV (Eurostat, the OECD, the UN SDG database) '.' "
                + "is always the decimal mark, so 1.100 there is 1.1: a file re-saved by a spreadsheet must "
                + "be downloaded again from the source. For a figure that is not available, write a withheld "
                + "marker (.., c or <5), which is reported as withheld, not as an error.",
            bad: .init(data: "country,year,victims\nAUT,2019,\"1,234\"\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,1234\n")),
        DiagnosticExplanation(
            code: .countTooLarge,
            text: "The count is above 9,223,372,036,854,775,807, the largest victrend holds (a signed "
                + "64-bit integer): no count of people is that large, so the figure is a mistake (pasted "
                + "digits, an ID in the count column).",
            bad: .init(data: "country,year,victims\nAUT,2019,99999999999999999999\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,99\n")),
        DiagnosticExplanation(
            code: .unknownCountry,
            text: "A country code or name that matches no ISO 3166-1 country, even ignoring case, accents "
                + "and common spellings. The message suggests the closest matches. Correct the spelling, "
                + "or, for series that are not countries (regions, agencies, a database total), use "
                + "--countries verbatim. A key that looks like a total of the rows above it (Summe Nord, "
                + "Gesamtsumme) is said to be one: leave its rows out with --exclude COLUMN=VALUE, as "
                + "--countries verbatim would count it beside its members.",
            bad: .init(data: "country,year,victims\nAustria,2019,1\nAustia,2020,2\n"),
            fixed: .init(data: "country,year,victims\nAustria,2019,1\nAustria,2020,2\n")),
        DiagnosticExplanation(
            code: .withheldValue,
            text: "A note, not an error: the source withheld the figure (<5, c, .., or Eurostat's "
                + "confidential flag). The year is shown as withheld and not assessed; the next reported "
                + "year is compared with the last figure before the withheld one, over the gap. Nothing to "
                + "fix unless the figure is known.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,<5\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,4\n")),
        DiagnosticExplanation(
            code: .aggregateLeftOut,
            text: "A note, not an error: an aggregate of countries such as Eurostat's EU27_2020 was left "
                + "out so that its figures are not counted twice in totals. Nothing to fix; to silence the "
                + "note, remove aggregate rows from the file. --keep-aggregates keeps it as a series of its own, "
                + "which is never a country: it is never added into the alliance or a group total nor "
                + "counted among the countries.",
            bad: .init(data: "geo,TIME_PERIOD,OBS_VALUE\nAT,2019,12\nEU27_2020,2019,1800\n"),
            fixed: .init(data: "geo,TIME_PERIOD,OBS_VALUE\nAT,2019,12\n")),
        DiagnosticExplanation(
            code: .countryTextIgnored,
            text: "A warning: the country was found only by ignoring characters no code or name holds "
                + "(=AUS, <AUS>, A*U*S, a control character) or a leading \"the\" before a code. The figure "
                + "is kept under the country found, but the cell was probably damaged by a formula, a copy "
                + "from a web page or markup: check it and write the code alone.",
            bad: .init(data: "country,year,victims\nAUS,2019,100\n=AUS,2020,110\n"),
            fixed: .init(data: "country,year,victims\nAUS,2019,100\nAUS,2020,110\n")),
        DiagnosticExplanation(
            code: .unitMultiplierApplied,
            text: "A note, not an error: the file gives its figures in thousands or millions (OECD and SDMX "
                + "UNIT_MULT or its label, OECD.Stat's PowerCode Code or PowerCode, a Eurostat unit such as "
                + "THS_PER, thousand persons), and victrend multiplied each one out (UNIT_MULT "
                + "3: 12 is read as 12,000). Check that the figures really are victims in thousands; a "
                + "count of identified victims is rarely published that way.",
            bad: .init(data: "geo,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nAT,2019,12,3\n"),
            fixed: .init(data: "geo,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nAT,2019,12000,0\n")),
        DiagnosticExplanation(
            code: .invalidUnitMultiplier,
            text: "A unit multiplier cell is not a whole number from 0 to 18 (the power of ten: 0 units, 3 "
                + "thousands, 6 millions), nor one of the OECD's labels for them (Units, Tens, Hundreds, "
                + "Thousands, Millions, Billions; in French Unités, Milliers, Millions, Milliards...), so the "
                + "figure cannot be read; likewise a Eurostat unit in thousands or millions (THS_PER) beside a "
                + "UNIT_MULT that is not 0, as whether to multiply once or twice is the source's to say. Write "
                + "the power of ten.",
            bad: .init(data: "country,year,victims,UNIT_MULT\nAUT,2019,12,dozens\n"),
            fixed: .init(data: "country,year,victims,UNIT_MULT\nAUT,2019,12,3\n")),
        DiagnosticExplanation(
            code: .scaledCountNotWhole,
            text: "Once its unit multiplier is applied, the count is not a whole number of victims (1.2345 "
                + "thousands is 1234.5): the source rounded or the multiplier is wrong. Ask the source for "
                + "the figure to the last victim.",
            bad: .init(data: "country,year,victims,UNIT_MULT\nAUT,2019,1.2345,3\n"),
            fixed: .init(data: "country,year,victims,UNIT_MULT\nAUT,2019,1.234,3\n")),
        DiagnosticExplanation(
            code: .forecastValue,
            text: "The figure's status says it is a forecast (SDMX F): a forecast is not a count of "
                + "identified victims and must not be judged against the goal. Leave such rows out with "
                + "--exclude OBS_STATUS=F, or ask the source for the reported figure.",
            bad: .init(data: "country,year,victims,OBS_STATUS\nAUT,2019,12,A\nAUT,2020,20,F\n"),
            fixed: .init(
                data: "country,year,victims,OBS_STATUS\nAUT,2019,12,A\nAUT,2020,20,F\n",
                options: ["--exclude", "OBS_STATUS=F"])),
        DiagnosticExplanation(
            code: .unknownStatus,
            text: "An observation status (OBS_STATUS, OECD.Stat's Flag Codes) that is not one SDMX code "
                + "victrend knows, so an estimate, a break or a forecast could pass unnoticed. Use the SDMX "
                + "code (A normal, B break, E estimated, P provisional, ...), one per figure, or one whole label "
                + "of SDMX's CL_OBS_STATUS in English or French ('Time series break', 'Valeur normale'). Likewise a "
                + "Eurostat OBS_FLAG must hold flag letters (b c d e f n p r s u z), alone or as in "
                + "'b:break in time series', or one of Eurostat's flag labels in full ('break in time series', "
                + "'estimated', 'provisional', ...), never another word such as 'estimate'; and a CONF_STATUS "
                + "one of the SDMX codes F (free), A, C, D, N, S (confidential), alone, as in 'C:Confidential "
                + "statistical information', or as its CL_CONF_STATUS label ('Free', 'Confidential statistical "
                + "information').",
            bad: .init(data: "country,year,victims,OBS_STATUS\nAUT,2019,12,Z\n"),
            fixed: .init(data: "country,year,victims,OBS_STATUS\nAUT,2019,12,A\n")),
        DiagnosticExplanation(
            code: .subnationalLeftOut,
            text: "A note, not an error: a part of a country (a NUTS region such as the UK's UKM, Scotland) "
                + "was left out, so that it is never taken for the country or added into it. Nothing to "
                + "fix; --countries verbatim reports such parts as series of their own.",
            bad: .init(data: "geo,year,victims\nUK,2019,100\nUKM,2019,9\n"),
            fixed: .init(data: "geo,year,victims\nUK,2019,100\n")),
        DiagnosticExplanation(
            code: .missingWithValue,
            text: "The figure's status says it is missing (SDMX M, L, O, H or K) and yet the cell holds a "
                + "value, so one of the two is wrong. Ask the source which; leave the row out (--exclude) "
                + "until then.",
            bad: .init(data: "country,year,victims,OBS_STATUS\nAUT,2019,12,M\n"),
            fixed: .init(data: "country,year,victims,OBS_STATUS\nAUT,2019,12,A\n")),
        DiagnosticExplanation(
            code: .footnoteBelowTable,
            text: "Below the table, after a blank row, a line with only its first cell filled: a footnote "
                + "such as the source or a remark, as spreadsheets keep them. It is not read as data and is "
                + "shown as a note, so that a footnote never passes unseen. Nothing to fix; delete the line "
                + "if the note is not wanted.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\n,,\nSource: Ministry of the Interior,,\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n")),
        DiagnosticExplanation(
            code: .controlInKey,
            text: "A key cell (a country under --countries verbatim, a --by column, a group name) holds a "
                + "control or bidirectional-control character, begins with :: or holds ##[. Keys are "
                + "printed as they are in every report, where such text would rewrite a terminal, reorder a "
                + "line or be run as a CI runner's command. Remove it from the file.",
            bad: .init(
                data: "country,year,victims\nAgency North,2019,100\n::Agency South,2019,50\n",
                options: ["--countries", "verbatim"]),
            fixed: .init(
                data: "country,year,victims\nAgency North,2019,100\nAgency South,2019,50\n",
                options: ["--countries", "verbatim"])),
        DiagnosticExplanation(
            code: .invalidDate,
            text: "With --series cumulative, a long file's column named date or as_of (or named with "
                + "--date-column) gives the date each running total stands at, and growth is annualised by "
                + "the exact time between dates (days / 365.25). A date is YYYY-MM-DD, or YYYY-MM for a month "
                + "(its first day); the day must exist (2023-02-29 does not) and no cell may be empty. Write "
                + "the date in one of these forms; a spreadsheet's 11/1/2022 is 2022-11-01.",
            bad: .init(
                data: "country,date,victims\nICSE,2017-01,10000\nICSE,11/2022,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"]),
            fixed: .init(
                data: "country,date,victims\nICSE,2017-01,10000\nICSE,2022-11,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"])),
        DiagnosticExplanation(
            code: .dateYearMismatch,
            text: "A file of running totals with both a year and a date column gives a date in another year "
                + "than the row's year cell, so one of them is wrong and victrend will not guess which. "
                + "Correct the cell, or leave out the year column: the date's year is the figure's year.",
            bad: .init(
                data: "country,year,date,victims\nICSE,2017,2017-01,10000\nICSE,2021,2022-11,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"]),
            fixed: .init(
                data: "country,year,date,victims\nICSE,2017,2017-01,10000\nICSE,2022,2022-11,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"])),
        DiagnosticExplanation(
            code: .dateColumnRefused,
            text: "--date-column names the dates of running totals in a long file (country,date,victims). "
                + "A wide file (one column per year) and an SDMX-CSV file (TIME_PERIOD is a year; monthly "
                + "periods such as 2022-11 are not read) have no date column, so their figures are compared "
                + "by year. Leave out --date-column, or give the dated totals in a long file. (Annual counts "
                + "are compared by year: --date-column without --series cumulative is refused at once.)",
            bad: .init(
                data: "country,2017,2022\nICSE,10000,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim", "--date-column", "as_of"]),
            fixed: .init(
                data: "country,as_of,victims\nICSE,2017-01,10000\nICSE,2022-11,17000\n",
                options: ["--series", "cumulative", "--countries", "verbatim", "--date-column", "as_of"])),
        DiagnosticExplanation(
            code: .datesInSomeFiles,
            text: "Running totals read from several files form one panel, and a dated total is annualised by "
                + "days while an undated one is annualised by whole years: the two cannot be mixed. The "
                + "first file whose header was read decides; a later file that differs is refused. Give "
                + "every file a date column (date or as_of), or none, or read the files apart.",
            bad: .init(
                data: "country,year,victims\nNCMEC,2017,9000\nNCMEC,2022,15000\n",
                options: ["--series", "cumulative", "--countries", "verbatim", "icse.csv"],
                files: [("icse.csv", "country,date,victims\nICSE,2017-01,10000\nICSE,2022-11,17000\n")]),
            fixed: .init(
                data: "country,date,victims\nNCMEC,2017-01,9000\nNCMEC,2022-11,15000\n",
                options: ["--series", "cumulative", "--countries", "verbatim", "icse.csv"],
                files: [("icse.csv", "country,date,victims\nICSE,2017-01,10000\nICSE,2022-11,17000\n")])),
        DiagnosticExplanation(
            code: .totalLikeKeyCounted,
            text: "A warning: under --countries verbatim a key is kept as written, and this one looks like a "
                + "total (a word such as Summe, Gesamt or Total in it) without being one of the totals "
                + "victrend knows, which are left out (VT107). It is counted as a series of its own and "
                + "added into the alliance total beside its members. If it is a total, leave its rows out "
                + "with the --exclude the message gives.",
            bad: .init(
                data: "country,year,victims\nWien,2019,5\nSumme Nord,2019,9\n",
                options: ["--countries", "verbatim"]),
            fixed: .init(
                data: "country,year,victims\nWien,2019,5\nSumme Nord,2019,9\n",
                options: ["--countries", "verbatim", "--exclude", "country=Summe Nord"])),
        DiagnosticExplanation(
            code: .subnationalKeyCounted,
            text: "A warning: under --countries verbatim a key is kept as written, and this one is a part "
                + "of a country (a NUTS region such as the UK's UKC-L, England and Wales). It is a series "
                + "of its own and is added into the alliance total beside the country, which usually holds "
                + "it already. Leave its rows out with the --exclude the message gives, or read the file "
                + "without --countries verbatim (the part is then left out with a note, VT114).",
            bad: .init(
                data: "geo,year,victims\nUK,2019,500\nUKC-L,2019,400\n", options: ["--countries", "verbatim"]),
            fixed: .init(
                data: "geo,year,victims\nUK,2019,500\nUKC-L,2019,400\n",
                options: ["--countries", "verbatim", "--exclude", "geo=UKC-L"])),
        DiagnosticExplanation(
            code: .breakdownWithTotal,
            text: "A column that victrend does not read (not the country, year or count) holds a total, such "
                + "as Insgesamt or Total, beside other values, such as weiblich and männlich: the rows are "
                + "the parts of a breakdown and their total. Read as they are, each country-year would be "
                + "given twice, and --sum would add the total to its parts. Keep the total with the --filter "
                + "the message gives (or leave the total out with --exclude and add the parts with --sum).",
            bad: .init(
                data: "country,year,sex,victims\nAUT,2019,Total,100\nAUT,2019,female,60\n"
                    + "AUT,2020,Total,110\nAUT,2020,female,70\n"),
            fixed: .init(
                data: "country,year,sex,victims\nAUT,2019,Total,100\nAUT,2019,female,60\n"
                    + "AUT,2020,Total,110\nAUT,2020,female,70\n",
                options: ["--filter", "sex=Total"])),
        DiagnosticExplanation(
            code: .otherSheetsNotRead,
            text: "A workbook read without --sheet: its first visible sheet is read, and the note names the "
                + "other visible sheets, which are not read (a workbook with a sheet per year would "
                + "otherwise lose every year but one without a word). Read them with --sheet NAME, "
                + "repeatable (--sheet 2019 --sheet 2020), each sheet read as a file of its own and located "
                + "as book.xlsx:2019!B7, or every visible sheet with --sheet '*'. --header-line applies to "
                + "every sheet read.",
            bad: .init(
                data: "", options: [], note: "an .xlsx workbook", runnable: false,
                shown: "(a workbook with the sheets 2019, 2020 and 2021)\n"),
            fixed: .init(
                data: "", options: ["--sheet", "*"], note: "an .xlsx workbook", runnable: false,
                shown: "(a workbook with the sheets 2019, 2020 and 2021)\n")),
        DiagnosticExplanation(
            code: .footnoteWithoutBlankRow,
            text: "Below the last data row, a row with only its first cell filled and no blank row above it: "
                + "a footnote (such as the source) that is read as data, since only a blank row ends the "
                + "table. It is one error instead of the errors of its empty cells, and nothing is written. "
                + "Insert a blank row above the footnote (it is then a note, VT116), or delete it. A row "
                + "with only its first cell filled that data rows follow is a data row, with its own errors.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nSource: Ministry of the Interior,,\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\n,,\nSource: Ministry of the Interior,,\n")),
        DiagnosticExplanation(
            code: .sheetOptionOnCSV,
            text: "A warning: --sheet chooses sheets of .xlsx workbooks, and no input is one (a CSV file "
                + "has no sheets). The file is read whole, as it would be without the option. If the figures "
                + "are in a sheet of a workbook, give the workbook itself (victrend reads .xlsx), or export "
                + "that sheet to a CSV file of its own; with workbooks and CSV files together, the option "
                + "applies to the workbooks only.",
            bad: .init(
                data: "country,year,victims\nAUT,2019,12\nAUT,2020,14\n", options: ["--sheet", "2020"]),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,14\n")),
        DiagnosticExplanation(
            code: .duplicateObservation,
            text: "The same country and year appear twice with different counts (in one file or across "
                + "files), so victrend cannot know which is right. Keep one row; if the rows are parts to "
                + "add up (per agency), use --sum, or keep them apart as series with --by.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nBEL,2019,4\nAUT,2019,13\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nBEL,2019,4\n")),
        DiagnosticExplanation(
            code: .requiredCountOverflow,
            text: "A figure so large that the exact target arithmetic (the base times (1 + target rate) to "
                + "the power of the years between the figures) would exceed 64 bits. Real counts are far "
                + "below this; the figure is a mistake.",
            bad: .init(data: "country,year,victims\nAUT,2000,4611686018427387903\nAUT,2010,5\n"),
            fixed: .init(data: "country,year,victims\nAUT,2000,46\nAUT,2010,50\n")),
        DiagnosticExplanation(
            code: .totalOverflow,
            text: "A sum of counts (the alliance total or a group's, for a year) exceeds 64 bits. One of "
                + "the figures is a mistake; the message names the year.",
            bad: .init(data: "country,year,victims\nAUT,2020,9223372036854775807\nBEL,2020,1\n"),
            fixed: .init(data: "country,year,victims\nAUT,2020,92\nBEL,2020,18\n")),
        DiagnosticExplanation(
            code: .cumulativeDecrease,
            text: "With --series cumulative the counts are running totals (as INTERPOL publishes ICSE's), "
                + "which cannot fall. A falling total is a typing slip, a change of definition (in the "
                + "SDMX-CSV layout, flag the year b, a break in series: the totals on either side are then "
                + "not compared), or annual counts given as cumulative (then leave out --series "
                + "cumulative).",
            bad: .init(
                data: "country,year,victims\nICSE,2017,10000\nICSE,2022,9000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"]),
            fixed: .init(
                data: "country,year,victims\nICSE,2017,10000\nICSE,2022,19000\n",
                options: ["--series", "cumulative", "--countries", "verbatim"])),
        DiagnosticExplanation(
            code: .invalidGroupRow,
            text: "A row of the --groups file (country,group) lacks its country or its group, so the "
                + "country would silently fall out of the group's total. Fill in both cells or remove the "
                + "row.",
            bad: .init(
                data: "country,year,victims\nAUT,2019,12\n", options: ["--groups", "groups.csv"],
                files: [("groups.csv", "country,group\nAUT,EU\nBEL,\n")]),
            fixed: .init(
                data: "country,year,victims\nAUT,2019,12\n", options: ["--groups", "groups.csv"],
                files: [("groups.csv", "country,group\nAUT,EU\nBEL,EU\n")])),
        DiagnosticExplanation(
            code: .repeatedObservation,
            text: "A warning: a row repeats a country, year and count already given (often two files that "
                + "overlap, or a row pasted twice). It is counted once. Remove the repeat. With --sum, which "
                + "adds up the rows of a country and year, a row that repeats another row of its file cell for "
                + "cell is a repeat, not a part, and is counted once too (another file: VT207).",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\nAUT,2020,13\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .rowRepeatedAcrossFiles,
            text: "A warning, with --sum only: a row repeats a row of another file cell for cell. --sum adds "
                + "up the rows of a country and year, so both are added: right when the files are parts (one "
                + "file per agency), wrong when one file revises or repeats the other, whose figure is then "
                + "counted twice. Give only the latest file, or tell the parts apart by a column (agency). "
                + "(Within one file, a row repeated cell for cell is counted once, VT206.) The same warning "
                + "is given for a figure with the country, year and count of one in another file however "
                + "its cells are written (1.200 there, 1200 here, a column more), and of one in its own file "
                + "whose country is written otherwise (AT there, Austria here): parts within a file are told "
                + "apart by another column and written with the same country.",
            bad: .init(
                data: "country,year,victims\nAUT,2020,120\n", options: ["--sum", "revised.csv"],
                files: [("revised.csv", "country,year,victims\nAUT,2020,120\nAUT,2021,140\n")]),
            fixed: .init(
                data: "country,year,victims\nAUT,2020,120\n", options: ["--sum", "other.csv"],
                files: [("other.csv", "country,year,victims\nAUT,2021,140\n")])),
        DiagnosticExplanation(
            code: .tooManyGroups,
            text: "A --groups file names at most 200 groups. Each group is a total in every year, and "
                + "secondary suppression weighs every pair of groups, so thousands of groups would make a "
                + "report slow without making it readable; the groups a report compares are a handful (EU "
                + "and non-EU, regions, income groups). Keep the groups the report is for, or report them "
                + "in several runs with a groups file each.",
            bad: .init(
                data: "country,year,victims\nAUT,2019,12\n", options: ["--groups", "groups.csv"],
                files: [("groups.csv", "country,group\n" + (1...201).map { "AUT,G\($0)\n" }.joined())]),
            fixed: .init(
                data: "country,year,victims\nAUT,2019,12\n", options: ["--groups", "groups.csv"],
                files: [("groups.csv", "country,group\nAUT,EU\n")])),
        DiagnosticExplanation(
            code: .missingYear,
            text: "A warning: a series has no figure for a year between two reported years. Growth is then "
                + "annualised over the gap; if the figure exists, add it; if it was withheld, write a "
                + "withheld marker (..) so the gap is explained.",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2021,15\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,..\nAUT,2021,15\n")),
        DiagnosticExplanation(
            code: .implausibleChange,
            text: "A warning: a count more than --jump-factor (10) times the previous year's, or below its "
                + "tenth, for counts of at least --jump-minimum (10). Usually a digit too many or too few, "
                + "or a change of what is counted. Check the figure; a warning does not stop a report (with "
                + "--strict it fails validation).",
            bad: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,130\n"),
            fixed: .init(data: "country,year,victims\nAUT,2019,12\nAUT,2020,13\n")),
        DiagnosticExplanation(
            code: .futureYear,
            text: "A warning: a year after the current year (or after --current-year), usually a typing "
                + "slip in the year.",
            bad: .init(
                data: "country,year,victims\nAUT,2026,12\nAUT,2027,14\n", options: ["--current-year", "2026"]),
            fixed: .init(
                data: "country,year,victims\nAUT,2025,12\nAUT,2026,14\n", options: ["--current-year", "2026"])
        ),
        DiagnosticExplanation(
            code: .earlyYear,
            text: "A warning: a year before --earliest-year (2000 by default), usually a typing slip; set "
                + "--earliest-year when older figures are real.",
            bad: .init(data: "country,year,victims\nAUT,1999,12\nAUT,2000,14\n"),
            fixed: .init(
                data: "country,year,victims\nAUT,1999,12\nAUT,2000,14\n",
                options: ["--earliest-year", "1990"])),
        DiagnosticExplanation(
            code: .notAParticipant,
            text: "A warning, with --members: the country is not in the members file, so its figures would "
                + "count towards the alliance's totals without it being a participant. Correct the country, "
                + "or add it to the members file with the date it joined.",
            bad: .init(
                data: "country,year,victims\nAUT,2020,12\nCAN,2020,3\n",
                options: ["--members", "members.csv"],
                files: [("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\n")]),
            fixed: .init(
                data: "country,year,victims\nAUT,2020,12\nCAN,2020,3\n",
                options: ["--members", "members.csv"],
                files: [
                    ("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\nCAN,Canada,2012-12-05\n")
                ])),
        DiagnosticExplanation(
            code: .missingParticipant,
            text: "A warning, with --members: a participant has no figure for a year it should have "
                + "reported: a year after the one it joined in (every year when its join date is empty), "
                + "within the years the submissions cover. Add its figure, or a withheld marker (..) when "
                + "it has none.",
            bad: .init(
                data: "country,year,victims\nAUT,2020,12\n", options: ["--members", "members.csv"],
                files: [
                    ("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\nBEL,Belgium,2012-12-05\n")
                ]),
            fixed: .init(
                data: "country,year,victims\nAUT,2020,12\nBEL,2020,..\n",
                options: ["--members", "members.csv"],
                files: [
                    ("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\nBEL,Belgium,2012-12-05\n")
                ])),
        DiagnosticExplanation(
            code: .invalidMemberRow,
            text: "A row of the --members file lacks its country, or has a join date without a year, so "
                + "membership cannot be checked for it. Fill in the country and a date such as 2012-12-05 "
                + "(or the year alone).",
            bad: .init(
                data: "country,year,victims\nAUT,2020,12\n", options: ["--members", "members.csv"],
                files: [("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\n,Nameless,2013\n")]),
            fixed: .init(
                data: "country,year,victims\nAUT,2020,12\n", options: ["--members", "members.csv"],
                files: [("members.csv", "country,name,joined\nAUT,Austria,2012-12-05\n")])),
    ]
}

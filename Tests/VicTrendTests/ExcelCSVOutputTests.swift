import Testing

@testable import VicTrend

@Suite("CSV for Excel (--excel): byte-order mark, delimiter, decimal commas")
struct ExcelCSVOutputTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test("',': a byte-order mark and CR LF, every cell as it was")
    func comma() {
        let csv = "country,year,growth_rate,country_name\nAUS,2020,0.1000,\"Korea, Republic of\"\n"
        let bytes = ExcelCSV().convert(csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            text(Array(bytes.dropFirst(3)))
                == "country,year,growth_rate,country_name\r\nAUS,2020,0.1000,\"Korea, Republic of\"\r\n")
    }

    @Test("';': decimal commas in number columns only; text cells untouched, quoted where ';' needs it")
    func semicolon() {
        let csv =
            "country,agency,year,victims,growth_rate,p_value,ratio_low,flags,status,country_name,trend_low,"
            + "projected_victims\n"
            + "1.5,2.25,2020,1234,-0.0909,1.234e-05,0.8314,gap;provisional,met,\"A \"\"quoted\"\", name\",-0.0421,"
            + "1523.6\n"
            + "AUT,Police,2021,12,,,,,not-assessed,Austria;x,1e5,\n"
        let bytes = ExcelCSV(delimiter: UInt8(ascii: ";")).convert(csv)
        // A key (country, or a --by column such as agency) is text even when it looks like a decimal.
        #expect(
            text(Array(bytes.dropFirst(3)))
                == "country;agency;year;victims;growth_rate;p_value;ratio_low;flags;status;country_name;trend_low;"
                + "projected_victims\r\n"
                + "1.5;2.25;2020;1234;-0,0909;1,234e-05;0,8314;\"gap;provisional\";met;\"A \"\"quoted\"\", name\";"
                + "-0,0421;1523,6\r\n"
                + "AUT;Police;2021;12;;;;;not-assessed;\"Austria;x\";1e5;\r\n")
    }

    @Test("every trends column is classified: decimal (a decimal comma with ';') or text and whole numbers")
    func everyTrendColumnClassified() {
        // A column added to the trends table must be put in one of the two lists, so that a decimal
        // column is never left with a decimal point that European Excel reads as thousands.
        let wholeOrText: Set<String> = [
            "country", "year", "as_of", "victims", "victims_status", "base_year", "base_victims",
            "required_victims", "shortfall", "status", "flags", "trajectory_victims", "trajectory_gap",
            "significance", "country_name", "new_victims",
        ]
        for column in TrendColumn.allCases {
            #expect(
                ExcelCSV.decimalColumns.contains(column.rawValue) != wholeOrText.contains(column.rawValue),
                "\(column.rawValue) is in neither or both lists")
        }
    }

    @Test(
        "what counts as a decimal number",
        arguments: [
            ("0.1000", true), ("-0.0421", true), ("1.234e-05", true), ("2.5e+10", true), ("12", false),
            ("1.", false), (".5", false), ("1e5", false), ("1.2.3", false), ("0.1x", false), ("-", false),
            ("1.5e", false),
        ])
    func decimal(text: String, isDecimal: Bool) {
        #expect(ExcelCSV.isDecimal(text) == isDecimal)
    }
}

/// The character a file groups the digits of its counts with (`--thousands-separator`): Excel writes
/// counts as it shows them when a cell is formatted with separators, `14.000` in German, `1 210` in
/// French, `1'210` in Swiss locales.
///
/// Never guessed: `14.000` could be fourteen (a decimal point) or fourteen thousand, so without the
/// option such a count is refused (VT103) with both readings named. With it, a count holding the
/// separator must be grouped in threes (`1.234.567`: one to three digits, then groups of exactly three),
/// otherwise it is refused too (`14.5`, `1.23`, `1.2345`).
public enum ThousandsSeparator: String, Sendable, Hashable, CaseIterable {
    /// `.` (German, Dutch, Italian, Spanish, Danish locales).
    case dot = "."
    /// `,` (English locales).
    case comma = ","
    /// A space: the ASCII space, the no-break space U+00A0 or the narrow no-break space U+202F (French,
    /// Polish, Swedish, Czech locales).
    case space
    /// `'` or the right single quotation mark U+2019 (Swiss locales).
    case apostrophe = "'"

    /// The option's value for a name: `.`, `,`, `'`, `space` (or a space), or a name (`dot`, `comma`,
    /// `apostrophe`).
    public init?(name: String) {
        switch name.lowercased() {
        case ".", "dot", "period", "point": self = .dot
        case ",", "comma": self = .comma
        case " ", "space", "blank": self = .space
        case "'", "apostrophe", "quote": self = .apostrophe
        default: return nil
        }
    }

    /// The separator as the option takes it (for messages).
    public var optionValue: String {
        switch self {
        case .dot: return "."
        case .comma: return ","
        case .space: return "space"
        case .apostrophe: return "\"'\""
        }
    }

    /// The byte sequences (UTF-8) that stand for this separator.
    var forms: [[UInt8]] {
        switch self {
        case .dot: return [[0x2E]]
        case .comma: return [[0x2C]]
        case .space: return [[0x20], [0xC2, 0xA0], [0xE2, 0x80, 0xAF]]
        case .apostrophe: return [[0x27], [0xE2, 0x80, 0x99]]
        }
    }

    /// How a cell uses the separator.
    enum Grouping {
        /// Digits grouped in threes: the digits without the separators.
        case grouped(ArraySlice<UInt8>)
        /// The separator, but not between groups of three digits.
        case badlyGrouped
    }

    /// What `text` (a trimmed cell) holds: `nil` when no separator at all.
    func digits<Bytes: CellBytes>(_ text: Bytes) -> Grouping? {
        var groups: [Int] = []
        var digits: [UInt8] = []
        var run = 0
        var index = text.startIndex
        var separated = false
        while index != text.endIndex {
            let byte = text[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
                run += 1
                index = text.index(after: index)
                continue
            }
            guard
                let form = forms.first(where: { form in
                    text[index...].starts(with: form)
                })
            else { return separated ? .badlyGrouped : nil }
            separated = true
            groups.append(run)
            run = 0
            index = text.index(index, offsetBy: form.count)
        }
        guard separated else { return nil }
        groups.append(run)
        guard let first = groups.first, (1...3).contains(first), groups.dropFirst().allSatisfy({ $0 == 3 })
        else { return .badlyGrouped }
        return .grouped(ArraySlice(digits))
    }
}

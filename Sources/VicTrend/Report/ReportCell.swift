/// One cell of a shared report table, typed: what it shows, not how. Each format renders it with its
/// own escaping (`MarkdownText.cell`, `HTMLText.cell`, `CSVCells.cell`), and every number goes through
/// `NumberFormatting`, so the formats cannot disagree on a figure.
enum ReportCell: Hashable, Sendable {
    /// Nothing: a figure that does not apply.
    case empty
    /// Text from the input (a country key or name, a group, a file path): every format escapes it.
    case text(String)
    /// Words victrend writes (a category, a significance): safe in every format as they are.
    case words(String)
    /// A count of victims, thousands grouped in the documents (`1,234`), plain in CSV.
    case count(Int)
    /// An integer shown as it is in every format: a year, a number of countries or of years.
    case integer(Int)
    /// A growth fraction: a signed percentage in the documents (`+12.3%`, `−4.0%`), 4 decimals in CSV.
    case rate(Double)
    /// A p-value, with 4 significant digits.
    case probability(Double)
    /// A number with a fixed number of decimals (new identifications per year).
    case decimal(Double, places: Int)
    /// What stands for a figure that is not shown: the source's `<5`, `c` or `..` (withheld), or
    /// victrend's `<K` and `x` (suppressed).
    case marker(String)
    /// A note in place of a growth figure (`first`, `base 0`, ...): emphasised in Markdown.
    case mark(Mark)
    /// A footnote sign after a figure (`†`, `✗`, ...).
    case sign(Sign)
    /// Cells shown one after the other, `separator` (victrend's words) between them:
    /// `1,100 / 1,331`, `2015 †`, `+9.0% (✗) p`.
    indirect case joined([ReportCell], separator: String)

    /// Notes in place of a growth figure.
    enum Mark: String, Hashable, Sendable {
        case firstYear = "first"
        case zeroBase = "base 0"
        case withheld
        case suppressed
        case breakInSeries = "break"
        case noOverlap = "no overlap"
    }

    /// Footnote signs; the raw value is the sign as shown.
    enum Sign: String, Hashable, Sendable {
        /// Growth annualised over a gap.
        case gap = "†"
        /// Short of the target, and significantly so; in a report with no test at all (`--no-test`,
        /// running totals), short of the target.
        case significantShortfall = "✗"
        /// Short, but within the noise of small counts.
        case withinNoise = "(✗)"
        /// Short, in a report with tests, of a year that has none (a count above 2^53, a suppressed count,
        /// ...): neither significant nor within the noise, so neither of their signs.
        case untestedShortfall = "✗?"
        /// The country's baseline year was shifted to its first later figure.
        case baselineShifted = "‡"
        /// Source flags.
        case definitionDiffers = "d"
        case provisional = "p"
        case estimated = "e"
        case lowReliability = "u"
    }

    /// `value`, or `.empty` when it is `nil`.
    static func optional<Value>(_ value: Value?, _ cell: (Value) -> ReportCell) -> ReportCell {
        value.map(cell) ?? .empty
    }

    /// `first` then `rest` separated by spaces, or `first` alone when there is no rest.
    static func spaced(_ first: ReportCell, _ rest: [ReportCell]) -> ReportCell {
        rest.isEmpty ? first : .joined([first] + rest, separator: " ")
    }
}

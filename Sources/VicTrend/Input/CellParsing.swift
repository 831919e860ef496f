#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads years and counts straight from cell bytes, and explains what is wrong when they are not valid.
///
/// No `String` is built on the success path: the digits are accumulated from the bytes libcsv hands
/// over. Blanks (space, tab) around the value are ignored, quoted or not.
enum CellParsing {
    /// The bytes of one cell (see `CellBytes`).
    typealias Cell = CellBytes

    /// Why a cell is not a valid value, worded for the person who wrote it.
    struct Problem: Error, Equatable {
        var code: DiagnosticCode
        var message: String
        /// The message suggests `--thousands-separator`: a reader where no separator can apply (SDMX-CSV's
        /// `OBS_VALUE`, a workbook's number cell) writes its own message instead.
        var suggestsSeparator = false
    }

    /// The plain case of `year`, read in place: exactly four ASCII digits, 1000–9999, no blanks. `nil`
    /// for anything else, which `year` then reads (or explains).
    static func plainYear(_ cell: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard cell.count == 4, let value = plainDigits(cell), value >= 1000 else { return nil }
        return value
    }

    /// The plain case of a count, read in place: 1 to 18 ASCII digits (which cannot overflow 64 bits),
    /// no blanks. `nil` for anything else, which `CountCell.read` then reads (or explains).
    static func plainCount(_ cell: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard cell.count <= 18 else { return nil }
        return plainDigits(cell)
    }

    /// The value of a cell of 1 to 18 ASCII digits, or `nil`.
    private static func plainDigits(_ cell: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard !cell.isEmpty, let base = cell.base.baseAddress else { return nil }
        let start = base + cell.startIndex
        var value = 0
        for offset in 0..<cell.count {
            let digit = start.load(fromByteOffset: offset, as: UInt8.self) &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }

    /// A four-digit year, 1000–9999.
    static func year<Bytes: Cell>(_ cell: Bytes) -> Result<Int, Problem> {
        let digits = trimmed(cell)
        if digits.count == 4, let value = unsignedInteger(digits), value >= 1000 {
            return .success(value)
        }
        let shown = show(cell)
        if digits.isEmpty {
            return .failure(
                Problem(
                    code: .invalidYear, message: "the year is empty; expected a four-digit year, e.g. 2015"))
        }
        if let dot = digits.firstIndex(of: UInt8(ascii: ".")),
            digits.distance(from: digits.startIndex, to: dot) == 4,
            digits[digits.index(after: dot)...].allSatisfy({ $0 == UInt8(ascii: "0") }),
            let value = unsignedInteger(digits[..<dot])
        {
            return .failure(
                Problem(code: .invalidYear, message: "year \(shown) has a decimal part; write it as \(value)")
            )
        }
        return .failure(
            Problem(code: .invalidYear, message: "expected a four-digit year such as 2015, found \(shown)"))
    }

    /// A non-negative whole number of victims that fits in 64 bits (signed).
    static func count<Bytes: Cell>(_ cell: Bytes) -> Result<Int, Problem> {
        let text = trimmed(cell)
        if !text.isEmpty, let value = unsignedInteger(text) {
            return .success(value)
        }
        return .failure(countProblem(text, shown: show(cell)))
    }

    /// A count given in units of 10^`multiplier` (`UNIT_MULT`): `12` with 3 is 12000, `1.2` is 1200. The
    /// value must be written as digits with at most one decimal point, and come out a whole number that
    /// fits in 64 bits; otherwise the problem says what it would be (`1.2345` thousands is 1234.5). With
    /// `multiplier` 0 this is `count`.
    static func scaledCount<Bytes: Cell>(_ cell: Bytes, multiplier: Int, column: String) -> Result<
        Int, Problem
    > {
        guard multiplier > 0 else { return count(cell) }
        let text = trimmed(cell)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let dot = text.firstIndex(of: UInt8(ascii: "."))
        let whole = dot.map { text[..<$0] } ?? text
        let fraction = dot.map { text[text.index(after: $0)...] } ?? text[text.endIndex...]
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
            dot == nil || !fraction.isEmpty
        else { return count(cell) }
        var digits = Array(fraction)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let shown = show(cell)
        if digits.count > multiplier {
            let all = Array(whole) + digits
            let point = whole.count + multiplier
            var integer = String(decoding: all[..<point], as: UTF8.self)
            while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
            let exact = integer + "." + String(decoding: all[point...], as: UTF8.self)
            // A hostile cell of a million digits gets no million-digit message.
            let value = exact.utf8.count <= 40 ? "is \(exact), " : "is "
            return .failure(
                Problem(
                    code: .scaledCountNotWhole,
                    message: "the count \(shown) in \(ObservationStatus.scaleName(multiplier)) (\(column) "
                        + "\(multiplier)) \(value)not a whole number of victims; the source must give the "
                        + "figure to the last victim"))
        }
        digits += Array(repeating: UInt8(ascii: "0"), count: multiplier - digits.count)
        guard let value = unsignedInteger(ArraySlice(Array(whole) + digits)) else {
            return .failure(
                Problem(
                    code: .countTooLarge,
                    message: "the count \(shown) in \(ObservationStatus.scaleName(multiplier)) (\(column) "
                        + "\(multiplier)) is too large: victrend accepts counts up to \(Int.max) (64 bits)"))
        }
        return .success(value)
    }

    private static func countProblem<Bytes: Cell>(_ text: Bytes, shown: String) -> Problem {
        func invalid(_ message: String, suggestsSeparator: Bool = false) -> Problem {
            Problem(code: .invalidCount, message: message, suggestsSeparator: suggestsSeparator)
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if text.isEmpty {
            return invalid(
                "the count is empty; expected a non-negative whole number of victims (write 0 for none, "
                    + "and leave out the row when there is no figure)")
        }
        if text.allSatisfy(isDigit) {
            return Problem(
                code: .countTooLarge,
                message: "the count \(shown) is too large: victrend accepts counts up to \(Int.max) (64 bits)"
            )
        }
        let body = text.dropFirst()
        if let sign = text.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+"), !body.isEmpty,
            body.allSatisfy(isDigit)
        {
            if sign == UInt8(ascii: "-") {
                return invalid("the count \(shown) is negative; a number of victims cannot be below 0")
            }
            return invalid("the count \(shown) has a sign; write it without '+'")
        }
        let digitsOnly = String(decoding: text.filter(isDigit), as: UTF8.self)
        for (separator, option) in [
            (",", "','"), (" ", "space"), ("'", "\"'\""), ("\u{A0}", "space"), ("\u{202F}", "space"),
            ("\u{2019}", "\"'\""),
        ] where isGrouped(text, by: separator) {
            return invalid(
                "the count \(shown) has a thousands separator: it is \(digitsOnly) if the separator groups "
                    + "thousands; read the file with --thousands-separator \(option), or write the digits only",
                suggestsSeparator: true)
        }
        if let dot = text.firstIndex(of: UInt8(ascii: ".")) {
            let whole = text[..<dot]
            let fraction = text[text.index(after: dot)...]
            if !whole.isEmpty, whole.allSatisfy(isDigit), !fraction.isEmpty, fraction.allSatisfy(isDigit) {
                if fraction.allSatisfy({ $0 == UInt8(ascii: "0") }) {
                    let wholeText = String(decoding: whole, as: UTF8.self)
                    if isGrouped(text, by: ".") {
                        return invalid(
                            "the count \(shown) is \(wholeText) with a decimal point, or \(digitsOnly) if '.' "
                                + "separates thousands (as Excel writes counts in German, Dutch or Spanish): "
                                + "victrend never guesses; if '.' separates thousands, read the file with "
                                + "--thousands-separator ., otherwise write it as \(wholeText)",
                            suggestsSeparator: true)
                    }
                    return invalid("the count \(shown) has a decimal part; write it as \(wholeText)")
                }
                if isGrouped(text, by: ".") {
                    return invalid(
                        "the count \(shown) is not a whole number; if '.' separates thousands it is "
                            + "\(digitsOnly): read the file with --thousands-separator .",
                        suggestsSeparator: true)
                }
                return invalid(
                    "the count \(shown) is not a whole number; counts of victims are whole numbers")
            }
        }
        if markers.contains(String(decoding: text, as: UTF8.self).lowercased()) {
            return invalid(
                "the count \(shown) is a sign, not a number (statistics offices use it for none, not available "
                    + "or withheld): write 0 for none, .. for a figure not available, c or <K for one withheld, "
                    + "as victrend reads them")
        }
        return invalid("expected a non-negative whole number of victims, found \(shown)")
    }

    /// Signs that tables put in a count's place (Eurostat's `:`, Destatis' `-` and `x`, `(c)`, `n/a`):
    /// their meaning differs from office to office, so none is read as a figure.
    private static let markers: Set<String> = [
        "x", "-", "\u{2013}", "\u{2014}", ":", "(c)", "n/a", "na", "n.a.", "*", "/", "...", ".", "s", "(s)",
    ]

    /// True for `1,234` / `12,345,678` style grouping with the given separator.
    private static func isGrouped<Bytes: Cell>(_ text: Bytes, by separator: String) -> Bool {
        let parts = String(decoding: text, as: UTF8.self).split(
            separator: separator, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        }
        guard parts.count >= 2, let first = parts.first, first.count <= 3, isDigits(first) else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count == 3 && isDigits($0) }
    }

    /// The digits as a value, or `nil` if any byte is not a digit or the value exceeds `Int.max`.
    static func unsignedInteger<Bytes: Cell>(_ digits: Bytes) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            let digit = Int(byte) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    /// The cell as text, or `nil` when it is not valid UTF-8. An ASCII cell (the usual key) is decoded
    /// without the general validation, which is not specialised for cells and costs a run-time look-up
    /// of generic metadata per call.
    static func text(_ cell: Slice<UnsafeRawBufferPointer>) -> String? {
        var ascii = true
        for byte in cell where byte >= 0x80 {
            ascii = false
            break
        }
        return ascii ? String(decoding: cell, as: UTF8.self) : String(validating: cell, as: UTF8.self)
    }

    /// The cell without surrounding spaces and tabs.
    static func trimmed<Bytes: Cell>(_ cell: Bytes) -> Bytes {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = cell.firstIndex(where: { !isBlank($0) }),
            let last = cell.lastIndex(where: { !isBlank($0) })
        else { return cell[cell.endIndex...] }
        return cell[first...last]
    }

    /// `trimmed` of a cell read in place (every row's cells), by index on the reader's buffer.
    static func trimmed(_ cell: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let bytes = cell.base
        var start = cell.startIndex
        var end = cell.endIndex
        while start < end && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")) {
            start += 1
        }
        while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) {
            end -= 1
        }
        return bytes[start..<end]
    }

    /// Whether `cell` holds exactly `bytes` (one `memcmp`).
    static func same(_ cell: Slice<UnsafeRawBufferPointer>, _ bytes: [UInt8]) -> Bool {
        same(cell, bytes, count: bytes.count)
    }

    /// Whether `cell` holds exactly the first `count` bytes of `bytes` (count ≤ bytes.count).
    static func same(_ cell: Slice<UnsafeRawBufferPointer>, _ bytes: [UInt8], count: Int) -> Bool {
        guard cell.count == count else { return false }
        guard let base = cell.base.baseAddress, count > 0 else { return count == 0 }
        return bytes.withUnsafeBytes { other in
            guard let start = other.baseAddress else { return false }
            return memcmp(base + cell.startIndex, start, count) == 0
        }
    }

    /// A cell quoted for a message; a cell of more than 40 Unicode scalars is shortened to its first 37.
    static func show<Bytes: Cell>(_ cell: Bytes) -> String {
        let text = String(decoding: cell, as: UTF8.self)
        let long = text.utf8.count > 40 && text.unicodeScalars.dropFirst(40).first != nil
        return DisplayText.quoted(text, limit: long ? 37 : 40)
    }
}

/// The bytes of one cell, read in place: a slice of the reader's row buffer while reading (no copy, no
/// reference counting), an array slice in tests and messages.
protocol CellBytes: BidirectionalCollection where Element == UInt8, SubSequence == Self {}

extension ArraySlice<UInt8>: CellBytes {}
extension Slice<UnsafeRawBufferPointer>: CellBytes {}

/// JSON text written piece by piece in the layout of victrend's JSON documents: two spaces of
/// indentation a level, every member and every element on a line of its own (scalars in arrays too),
/// `": "` after a key, an empty object or array as `{}` or `[]`, no newline at the end. Strings are
/// escaped as `JSONText.string` escapes them; numbers are written as `JSONReporter` documents them.
///
/// A text may start inside containers opened elsewhere (`init(insideContainers:)`): the elements of one
/// array of a document, written apart and put in place later. The bytes may be taken out at any time
/// (`takeBytes`); where the text stands (depth, whether a comma comes next) stays.
struct JSONPrettyText {
    /// The text written since the bytes were last taken, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// For each open container, innermost last: whether it holds a member or element yet.
    private var filled: [Bool]
    /// A key was written: its value comes next, on the same line.
    private var afterKey = false

    /// A text that starts inside `depth` open containers, the innermost empty.
    init(insideContainers depth: Int = 0) {
        filled = Array(repeating: false, count: depth)
    }

    /// True when the innermost open container holds nothing yet (true at the top level).
    var innermostIsEmpty: Bool { !(filled.last ?? false) }

    /// The bytes written since they were last taken; the text goes on where it stood.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Records that the innermost container received elements written elsewhere (spliced in before it
    /// closes), so that its end goes on a line of its own.
    mutating func markFilled() {
        if !filled.isEmpty { filled[filled.count - 1] = true }
    }

    // MARK: - Structure

    /// Leaves the innermost container without writing its end: its last members and its end are
    /// written elsewhere and put in place later (a country's figures at the target year).
    mutating func leaveOpen() {
        if !filled.isEmpty { filled.removeLast() }
        afterKey = false
    }

    mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        filled.append(false)
    }

    mutating func endObject() { end(UInt8(ascii: "}")) }

    mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        filled.append(false)
    }

    mutating func endArray() { end(UInt8(ascii: "]")) }

    /// The next member's key, in the innermost object. `name` is plain text (no quote, backslash or
    /// control character), so it is written as it is.
    mutating func key(_ name: StaticString) {
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
        afterKey = true
    }

    /// A line break and the indentation of the current depth.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * filled.count))
    }

    /// Before a member or element: the comma after the previous one, then a new line.
    private mutating func nextItem() {
        guard !filled.isEmpty else { return }
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        newline()
    }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            nextItem()
        }
    }

    private mutating func end(_ closer: UInt8) {
        if filled.removeLast() { newline() }
        bytes.append(closer)
    }

    // MARK: - Values

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A string, or `null`.
    mutating func string(_ text: String?) {
        guard let text else { return null() }
        startValue()
        bytes.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer, or `null`.
    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func integer(_ value: Int128) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite double: an integral one below 10^15 as an integer, any other in its shortest round-trip
    /// form (Swift's `description`, e.g. `0.1`, `1e-05`, `1e+16`); `null` when `nil` or not finite.
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        startValue()
        if value == value.rounded() && abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// The bidirectional control (`DisplayText.isBidiControl`) whose UTF-8 starts at `index`, and its
    /// length in bytes: U+061C is D8 9C; U+200E, U+200F, U+202A–U+202E are E2 80 8E…AE; U+2066–U+2069
    /// are E2 81 A6…A9.
    private static func bidiControl(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int)
        -> (scalar: UInt16, length: Int)?
    {
        if utf8[index] == 0xD8 {
            return index + 1 < utf8.count && utf8[index + 1] == 0x9C ? (0x061C, 2) : nil
        }
        guard index + 2 < utf8.count else { return nil }
        let second = utf8[index + 1]
        let third = utf8[index + 2]
        switch (second, third) {
        case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xAA...0xAE):
            return (0x2000 + UInt16(third - 0x80), 3)
        case (0x81, 0xA6...0xA9):
            return (0x2040 + UInt16(third - 0x80), 3)
        default:
            return nil
        }
    }

    /// The UTF-8 of a string's content, with `"`, `\` and control characters escaped (`\n`, `\r`, `\t`,
    /// else `\u00XX` in lower-case hex), as `JSONText.string` escapes them: DEL, the C1 and the
    /// bidirectional controls (`\u202e`) too (JSON shown on a terminal cannot drive it), and the second
    /// `#` of `##[` as `\u0023` (JSON printed in a GitHub Actions log holds no legacy workflow command);
    /// every other byte as it is.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let hex = Array("0123456789abcdef".utf8)
        func unicodeEscape(_ value: UInt16) {
            bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12)], hex[Int(value >> 8 & 0xF)],
                hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)],
            ])
        }
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let next = index + 1 < utf8.count ? utf8[index + 1] : 0
            let isC1 = byte == 0xC2 && (0x80...0x9F).contains(next)
            let bidi = (byte == 0xD8 || byte == 0xE2) ? Self.bidiControl(utf8, at: index) : nil
            let isCommandHash =
                byte == UInt8(ascii: "#") && index > 0 && utf8[index - 1] == UInt8(ascii: "#")
                && next == UInt8(ascii: "[")
            guard
                byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    || isC1
                    || isCommandHash || bidi != nil
            else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0xC2 where isC1:
                unicodeEscape(UInt16(next))
                index += 1
            default:
                if let bidi {
                    unicodeEscape(bidi.scalar)
                    index += bidi.length - 1
                } else {
                    unicodeEscape(UInt16(byte))
                }
            }
            index += 1
            start = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}

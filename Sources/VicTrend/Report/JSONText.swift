/// Minimal JSON text building for the writers (RFC 8259 string escaping; numbers as given).
enum JSONText {
    /// A JSON string literal. Beyond what RFC 8259 requires, DEL, the C1 and the bidirectional controls
    /// are written `\u007f`, `\u009b`, `\u202e` (so JSON shown on a terminal cannot drive it, nor a
    /// right-to-left override reorder what a reader sees), and the second `#` of `##[` is
    /// written `\u0023` (so JSON printed in a GitHub Actions log holds no legacy workflow command): the
    /// decoded text is the same.
    static func string(_ text: String) -> String {
        var result = "\""
        var previous: Unicode.Scalar = " "
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            defer { previous = scalar }
            switch scalar {
            case "#" where previous == "#" && next == "[": result += "\\u0023"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where DisplayText.isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A JSON object from already-encoded values, keys in the given order.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON array from already-encoded values.
    static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }
}

/// Text from an input (a cell, a key, a file name) made safe to show on a terminal or in a CI log.
///
/// Submitted files are untrusted: a cell may hold an escape sequence that rewrites the terminal, or a
/// line break followed by a GitHub Actions workflow command (`::add-mask::…`, `::stop-commands::…`),
/// which the runner would execute if it began a line of the log. Every diagnostic line victrend prints
/// goes through `logLine`, so neither can happen.
///
/// The escaped form, one for all outputs:
/// - a C0 control character (U+0000–U+001F, line breaks and tabs included) or DEL (U+007F) is written
///   `\x` and two lowercase hex digits: ESC is `\x1b`, LF `\x0a`, BEL `\x07`, DEL `\x7f`;
/// - a C1 control character (U+0080–U+009F) is written `\u{` hex `}`: CSI is `\u{9b}` (not `\x9b`,
///   which would suggest the byte 0x9B, one of its two UTF-8 bytes);
/// - a bidirectional control (the embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
///   the marks U+200E, U+200F and U+061C) is written the same way, `\u{202e}`: shown raw, it reorders
///   the rest of the line, so that a terminal or a viewer shows `12` where the file says `21`;
/// - everything else is kept as it is. A backslash is not doubled, so the text `\x1b` and an escaped
///   ESC read alike: the form is for reading, not for decoding.
public enum DisplayText {
    /// `text` with every C0 control, DEL and C1 control escaped (see the type's documentation) — with
    /// `exceptLineBreaks`, CR and LF are left for the caller's own escaping (a GitHub workflow command
    /// writes them `%0D`, `%0A`). Returns `text` itself, without copying, when there is nothing to
    /// escape.
    public static func escapingControls(_ text: String, exceptLineBreaks: Bool = false) -> String {
        let escapes = { (scalar: Unicode.Scalar) in
            isControl(scalar) && !(exceptLineBreaks && (scalar == "\n" || scalar == "\r"))
        }
        guard needsEscaping(text, exceptLineBreaks: exceptLineBreaks) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                result += escaped(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as one line of a log that a CI runner reads: controls escaped (so it is one line), and
    /// the two ways a GitHub Actions runner finds a command in a line made inert —
    /// - a line that, after leading white space, begins with `::` gets its first `:` written `\x3a`;
    /// - `##[` (the runner's legacy command form, found anywhere in a line) gets its second `#` written
    ///   `\x23`.
    /// Only text victrend writes as a command (`GitHubDiagnosticReporter`) may skip this.
    public static func logLine(_ text: String) -> String {
        var result = inert(text)
        if let start = result.unicodeScalars.firstIndex(where: { !isSkippedAtLineStart($0) }),
            result.unicodeScalars[start...].starts(with: "::".unicodeScalars)
        {
            result.unicodeScalars.replaceSubrange(start...start, with: "\\x3a".unicodeScalars)
        }
        return result
    }

    /// `text` with controls escaped and `##[` written `#\x23[`: safe anywhere inside a line of a CI log
    /// (but not at its start: see `logLine`), such as the message of a workflow command (which passes
    /// `exceptLineBreaks` and escapes CR and LF itself).
    public static func inert(_ text: String, exceptLineBreaks: Bool = false) -> String {
        let result = escapingControls(text, exceptLineBreaks: exceptLineBreaks)
        return result.utf8.contains(UInt8(ascii: "#")) ? neutralisingLegacyCommands(result) : result
    }

    /// `text` with line breaks (LF) kept and every line made safe with `logLine`: for messages of
    /// several lines (usage errors, help).
    public static func logLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { logLine(String($0)) }
            .joined(separator: "\n")
    }

    /// `text` in single quotes for a message, cut to its first `limit` Unicode scalars (then `...`)
    /// when longer: a message quotes what was written, but a megabyte cell stays out of it. Controls
    /// are left for the rendering to escape (a JSON consumer gets them exactly). The cut counts
    /// scalars, not characters, so one character built of a million combining marks is cut too.
    public static func quoted(_ text: String, limit: Int = 40) -> String {
        let cut = prefix(text, limit: limit)
        // Invisible characters (a byte-order mark inside a cell, a zero-width space) shown, so that
        // "unknown country 'AUS'" never quotes what looks like a known one.
        guard cut.utf8.contains(where: { $0 >= 0xE1 }),
            cut.unicodeScalars.contains(where: isInvisible)
        else { return "'" + cut + "'" }
        var shown = ""
        for scalar in cut.unicodeScalars {
            if isInvisible(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "'" + shown + "'"
    }

    /// A character that shows nothing and is no control: a byte-order mark (U+FEFF), zero-width spaces
    /// and joiners, word joiners (Unicode's default-ignorable code points, the soft hyphen aside).
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x200B && scalar.properties.isDefaultIgnorableCodePoint && !isBidiControl(scalar)
    }

    /// `text` cut to its first `limit` Unicode scalars, followed by `...` when something was cut.
    public static func prefix(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            end != scalars.endIndex
        else { return text }
        return String(scalars[..<end]) + "..."
    }

    /// Whether `text` may hold a character to escape, from its UTF-8 bytes (a C1 control is 0xC2
    /// followed by 0x80–0x9F; ALM is 0xD8 0x9C; the other bidirectional controls start 0xE2 0x80 or
    /// 0xE2 0x81): the common case, nothing to escape, costs one pass over bytes. True may be a false
    /// alarm for other characters of those two blocks (an en dash is 0xE2 0x80 0x93), never a miss.
    private static func needsEscaping(_ text: String, exceptLineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 {
                if !(exceptLineBreaks && (byte == 0x0A || byte == 0x0D)) { return true }
            } else if byte == 0x7F || (previous == 0xC2 && byte <= 0x9F && byte >= 0x80)
                || (previous == 0xD8 && byte == 0x9C)
                || (beforePrevious == 0xE2 && (previous == 0x80 || previous == 0x81))
            {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// True for C0 controls, DEL, C1 controls and bidirectional controls: the characters escaped.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) || isBidiControl(scalar)
    }

    /// True for the bidirectional controls: ALM (U+061C), LRM and RLM (U+200E, U+200F), the
    /// embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first character of `text` that `escapingControls` would escape, or `nil`: for the readers,
    /// which refuse such a character in a key (a key is shown in every report).
    static func firstControl(in text: String) -> Unicode.Scalar? {
        guard needsEscaping(text, exceptLineBreaks: false) else { return nil }
        return text.unicodeScalars.first(where: isControl)
    }

    /// Why `text` may not be a key, which every report prints as it is, or `nil` when it may: it holds a
    /// control character (`firstControl`), begins with `::` (after any white space or invisible
    /// characters, as the runner skips them) or holds `##[` (what a CI runner reads as a command in a
    /// log line). Described for a message: "the control character \\x1b", "'::' at its
    /// start".
    static func unsafeKeyReason(_ text: String) -> String? {
        if let control = firstControl(in: text) { return "the control character \(shown(control))" }
        if text.utf8.starts(with: "::".utf8) {
            return "'::' at its start, which a CI runner reads as a command"
        }
        // The runner trims all Unicode white space (a no-break space, an ideographic space) before
        // looking for '::'; an ASCII letter or digit first, the usual case, needs no walk.
        if let first = text.utf8.first, first >= 0x80 || first == UInt8(ascii: " "),
            let start = text.unicodeScalars.firstIndex(where: { !isSkippedAtLineStart($0) }),
            text.unicodeScalars[start...].starts(with: "::".unicodeScalars)
        {
            return "'::' after white space at its start, which a CI runner reads as a command"
        }
        if text.utf8.contains(UInt8(ascii: "#")), text.contains("##[") {
            return "'##[', which a CI runner reads as a command"
        }
        return nil
    }

    /// How `scalar` is shown escaped (`\x1b`, `\u{202e}`), or as it is when it needs no escaping.
    static func shown(_ scalar: Unicode.Scalar) -> String {
        isControl(scalar) ? escaped(scalar) : String(scalar)
    }

    /// The escaped form of one control character.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x80 {
            return "\\x" + (hex.count == 1 ? "0" : "") + hex
        }
        return "\\u{" + hex + "}"
    }

    /// What the runner's `TrimStart` passes over before looking for `::`: white space (.NET's
    /// `char.IsWhiteSpace` is Unicode's White_Space) and, to be safe, invisible characters such as a
    /// byte-order mark or a zero-width space.
    private static func isSkippedAtLineStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint
    }

    /// `##[` written `#\x23[`, wherever it occurs (`###[` too).
    private static func neutralisingLegacyCommands(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "#" && index > 0 && scalars[index - 1] == "#" && index + 1 < scalars.count
                && scalars[index + 1] == "["
            {
                result.append(contentsOf: "\\x23".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

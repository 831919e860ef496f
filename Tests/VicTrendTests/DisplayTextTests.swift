import Testing

@testable import VicTrend

@Suite("Display text: controls escaped, no workflow command in a log line")
struct DisplayTextTests {
    @Test("C0 controls and DEL as \\xNN, C1 controls as \\u{NN}, everything else kept")
    func controls() {
        #expect(DisplayText.escapingControls("\u{1B}[31mAUS\u{07}") == "\\x1b[31mAUS\\x07")
        #expect(DisplayText.escapingControls("a\nb\rc\td\u{0}e\u{7F}") == "a\\x0ab\\x0dc\\x09d\\x00e\\x7f")
        #expect(DisplayText.escapingControls("\u{9B}2J\u{85}\u{80}") == "\\u{9b}2J\\u{85}\\u{80}")
        #expect(DisplayText.escapingControls("Côte d’Ivoire ¡ü \u{A0}") == "Côte d’Ivoire ¡ü \u{A0}")
        #expect(DisplayText.escapingControls("50%\r\nok", exceptLineBreaks: true) == "50%\r\nok")
        #expect(DisplayText.escapingControls("\u{1B}\n", exceptLineBreaks: true) == "\\x1b\n")
    }

    @Test("bidirectional controls escaped as \\u{NN}; found first by firstControl; other punctuation kept")
    func bidirectionalControls() {
        // An override would show the file's "21" as "12" on a terminal or in a viewer.
        #expect(DisplayText.escapingControls("A\u{202E}21") == "A\\u{202e}21")
        #expect(
            DisplayText.escapingControls("\u{2066}x\u{2069}\u{200F}\u{061C}\u{202A}")
                == "\\u{2066}x\\u{2069}\\u{200f}\\u{61c}\\u{202a}")
        // Characters beside them in their blocks (en dash, bullet, ellipsis, Arabic letters) stay.
        #expect(DisplayText.escapingControls("2019–2020 • … ؛ ع") == "2019–2020 • … ؛ ع")
        #expect(DisplayText.firstControl(in: "Côte d’Ivoire – 2019") == nil)
        #expect(DisplayText.firstControl(in: "AB\u{202E}C\u{1B}") == "\u{202E}")
        #expect(DisplayText.firstControl(in: "A\u{85}") == "\u{85}")
        #expect(DisplayText.shown("\u{202E}") == "\\u{202e}" && DisplayText.shown("A") == "A")
    }

    @Test("a key may not hold a control, begin with :: or hold ##[")
    func unsafeKeys() {
        #expect(DisplayText.unsafeKeyReason("Côte d’Ivoire") == nil)
        #expect(DisplayText.unsafeKeyReason("a::b # [x]") == nil)
        #expect(DisplayText.unsafeKeyReason("A\u{1B}") == "the control character \\x1b")
        #expect(DisplayText.unsafeKeyReason("::add-mask::2019")?.hasPrefix("'::' at its start") == true)
        #expect(DisplayText.unsafeKeyReason("x ##[error]y")?.hasPrefix("'##['") == true)
        // The runner trims Unicode white space and invisible characters before looking for '::'.
        for space in ["\u{A0}", "\u{2003}", "\u{3000}", " ", "\u{FEFF}", "\u{200B}\u{A0}"] {
            #expect(
                DisplayText.unsafeKeyReason(space + "::error::x")?.hasPrefix("'::' after white space") == true
            )
        }
        #expect(DisplayText.unsafeKeyReason("\u{A0}Åland :: x") == nil)
        #expect(DisplayText.unsafeKeyReason("Ελλάδα") == nil)
        // A message shows what cannot be seen: a byte-order mark or a zero-width space inside a cell.
        #expect(DisplayText.quoted("\u{FEFF}AUS") == "'\\u{feff}AUS'")
        #expect(DisplayText.quoted("A\u{200B}T") == "'A\\u{200b}T'")
        #expect(DisplayText.quoted("Côte d’Ivoire — 東京") == "'Côte d’Ivoire — 東京'")
    }

    @Test("a line that would begin with :: (after white space) gets its first ':' escaped")
    func workflowCommandAtLineStart() {
        #expect(DisplayText.logLine("::add-mask::2019") == "\\x3a:add-mask::2019")
        #expect(DisplayText.logLine("  ::stop-commands::x") == "  \\x3a:stop-commands::x")
        #expect(DisplayText.logLine("\u{A0}\u{3000}::warning::x") == "\u{A0}\u{3000}\\x3a:warning::x")
        #expect(DisplayText.logLine("\u{FEFF}\u{200B}::error::x") == "\u{FEFF}\u{200B}\\x3a:error::x")
        #expect(DisplayText.logLine("a.csv:2:1: error[VT105]: '::x'") == "a.csv:2:1: error[VT105]: '::x'")
        #expect(DisplayText.logLine(":a::b") == ":a::b")
        // A line break cannot start a new line: it is escaped first.
        #expect(DisplayText.logLine("x\n::add-mask::2019") == "x\\x0a::add-mask::2019")
        #expect(DisplayText.logLine("x\r::add-mask::2019") == "x\\x0d::add-mask::2019")
    }

    @Test("the runner's legacy form ##[ is broken up wherever it stands")
    func legacyCommands() {
        #expect(DisplayText.logLine("a ##[add-mask]2019") == "a #\\x23[add-mask]2019")
        #expect(DisplayText.logLine("###[error]x") == "##\\x23[error]x")
        #expect(DisplayText.logLine("##[a]##[b]") == "#\\x23[a]#\\x23[b]")
        #expect(DisplayText.logLine("# [x] ## x #[") == "# [x] ## x #[")
        #expect(DisplayText.inert("::x ##[y]") == "::x #\\x23[y]")
    }

    @Test("several lines keep their line breaks, each made safe")
    func lines() {
        #expect(
            DisplayText.logLines("Error: bad 'x\u{1B}'\n::add-mask::y\nUsage: victrend")
                == "Error: bad 'x\\x1b'\n\\x3a:add-mask::y\nUsage: victrend")
    }

    @Test("made safe, no line holds a control, a command at its start, or ##[", arguments: 0..<200)
    func property(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let pieces = [
            "::", ":", "#", "##[", "[", " ", "\u{A0}", "\u{FEFF}", "\n", "\r", "\u{1B}", "\u{9B}", "\u{7F}",
            "add-mask", "a", "é", "\u{301}", "\\", "%",
        ]
        var text = ""
        for _ in 0..<Int(random.next() % 12) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        let line = DisplayText.logLine(text)
        #expect(!line.unicodeScalars.contains(where: DisplayText.isControl), "\(text.debugDescription)")
        #expect(!line.contains("##["), "\(text.debugDescription)")
        let trimmed = line.unicodeScalars.drop {
            $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
        }
        #expect(!String(trimmed).hasPrefix("::"), "\(text.debugDescription)")
        #expect(DisplayText.logLine(line) == line, "escaping twice changes nothing")
    }

    @Test("quoted text is cut by Unicode scalars, not characters")
    func quoted() {
        #expect(DisplayText.quoted("AUS") == "'AUS'")
        #expect(
            DisplayText.quoted(String(repeating: "x", count: 40)) == "'" + String(repeating: "x", count: 40)
                + "'")
        #expect(
            DisplayText.quoted(String(repeating: "x", count: 41)) == "'" + String(repeating: "x", count: 40)
                + "...'")
        // One character of a base letter and 100,000 combining accents.
        let heavy = "e" + String(repeating: "\u{301}", count: 100_000)
        #expect(heavy.count == 1)
        #expect(DisplayText.quoted(heavy, limit: 5).unicodeScalars.count == 5 + 5)
    }

    @Test("a diagnostic keeps at most maxMessageLength scalars of its message")
    func messageLimit() {
        let huge = Diagnostic(.unknownCountry, at: nil, String(repeating: "x", count: 1 << 20))
        #expect(huge.message.unicodeScalars.count == Diagnostic.maxMessageLength + 3)
        #expect(huge.message.hasSuffix("x..."))
        #expect(Diagnostic(.unknownCountry, at: nil, "short").message == "short")
    }

    @Test("diagnostic text and locations escape the file name and the message")
    func diagnostic() {
        let location = Location(file: "x\n::add-mask::2019.csv", line: 2, column: 1)
        let diagnostic = Diagnostic(.invalidCount, at: location, "the count '\u{1B}]0;owned\u{07}'")
        #expect(
            diagnostic.description
                == "x\\x0a::add-mask::2019.csv:2:1: error[VT103]: the count '\\x1b]0;owned\\x07'")
        let leading = Diagnostic(.invalidCount, at: Location(file: "::warning::x.csv", line: 1), "m")
        #expect(leading.description == "\\x3a:warning::x.csv:1: error[VT103]: m")
    }
}

/// The catalogue entry of one diagnostic code, as `victrend explain VT103` prints it (like
/// `rustc --explain`): what the finding means and what to do, an input that gets the finding and the
/// same input fixed. Every code has one (`DiagnosticCode.explanation`; the entries are in
/// DiagnosticExplanations.swift, and the tests fail for a code without one).
public struct DiagnosticExplanation: Sendable {
    /// An input and the `victrend validate` options it is checked with.
    public struct Example: Sendable {
        /// The data file, `data.csv` (UTF-8 text as shown).
        public var data: String
        /// The options given to `victrend validate` before `data.csv`, e.g. `--members members.csv`.
        public var options: [String]
        /// Other files the options name, as (file name, contents).
        public var files: [(name: String, contents: String)]
        /// A remark on what the text cannot show (an encoding, a row too long to print).
        public var note: String?
        /// True when the data is saved as Latin-1 (Windows-1252) rather than UTF-8.
        public var savedAsLatin1: Bool
        /// False when the shown data stands for a file too large to print (VT006) or a workbook (VT018):
        /// it is not run.
        public var runnable: Bool
        /// What `explain` prints in place of `data` when the data is binary (the first bytes of a
        /// workbook); `nil` prints the data.
        public var shown: String?

        init(
            data: String, options: [String] = [], files: [(String, String)] = [], note: String? = nil,
            savedAsLatin1: Bool = false, runnable: Bool = true, shown: String? = nil
        ) {
            self.data = data
            self.shown = shown
            self.options = options
            self.files = files.map { (name: $0.0, contents: $0.1) }
            self.note = note
            self.savedAsLatin1 = savedAsLatin1
            self.runnable = runnable
        }

        /// The command that checks the example: `victrend validate [options] data.csv`.
        public var command: String {
            (["victrend", "validate"] + options + ["data.csv"]).joined(separator: " ")
        }
    }

    /// The code explained.
    public var code: DiagnosticCode
    /// What the finding means, why it matters and how to fix it (one paragraph).
    public var text: String
    /// An input that gets this finding.
    public var bad: Example
    /// The same input, fixed: checked without this finding and without errors.
    public var fixed: Example

    /// The entry as text: the code, its severity and summary, the explanation wrapped at 100
    /// characters, then both examples with their files indented by four spaces.
    public var rendered: String {
        var lines = [
            "\(code.rawValue) (\(code.defaultSeverity.rawValue)): \(code.summary)", "",
        ]
        lines += Self.wrap(text, width: 100)
        lines += [""] + Self.render(bad, title: "Example that gets \(code.rawValue)")
        lines += [""] + Self.render(fixed, title: "Fixed")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ example: Example, title: String) -> [String] {
        var lines = ["\(title):", ""]
        for (name, contents) in [("data.csv", example.shown ?? example.data)]
            + example.files.map({ ($0.name, $0.contents) })
        {
            lines.append("  \(name)\(name == "data.csv" ? example.note.map { " (\($0))" } ?? "" : ""):")
            let body = contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if body.count > 8 {
                // A long file (VT208's 201 groups): its first rows, how many are left out, its last row.
                lines += body.prefix(3).map { "    " + $0 } + ["    … (\(body.count - 4) more rows)"]
                lines += body.suffix(1).map { "    " + $0 }
            } else {
                lines += body.isEmpty ? ["    (an empty file)"] : body.map { "    " + $0 }
            }
        }
        lines += ["", "  $ \(example.command)"]
        return lines
    }

    /// `text` broken into lines of at most `width` characters at blanks (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension DiagnosticCode {
    /// The code's catalogue entry; `nil` only for a code added without one (the tests then fail).
    public var explanation: DiagnosticExplanation? { DiagnosticExplanation.byCode[self] }
}

extension DiagnosticExplanation {
    /// The catalogue by code, made on first use (only `victrend explain` needs it).
    static let byCode: [DiagnosticCode: DiagnosticExplanation] = Dictionary(
        catalogue.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}

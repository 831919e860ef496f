/// A place in an input file, as editors and compilers count it.
///
/// `line` is the 1-based physical line: every line break counts, including those inside quoted fields,
/// so the number matches what a text editor shows. `column` is 1-based and counts Unicode scalars (not
/// bytes) from the start of that physical line; it is `nil` when the finding concerns a whole row or file.
public struct Location: Sendable, Hashable, CustomStringConvertible {
    /// The input path as the user gave it.
    public var file: String
    /// 1-based physical line.
    public var line: Int
    /// 1-based column in Unicode scalars, or `nil` when no single column applies.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line` without a column: the form editors and CI logs link to. The
    /// file name is as given: what prints it escapes it (`Diagnostic.description`, the step summary).
    public var description: String {
        if let column {
            return "\(file):\(line):\(column)"
        }
        return "\(file):\(line)"
    }
}

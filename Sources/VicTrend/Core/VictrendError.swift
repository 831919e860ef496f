/// Why a run of victrend stopped before it could judge the figures: a file that cannot be read at all,
/// an output that cannot be written, or a request too large for the format asked for. Problems in the
/// content of a file are `Diagnostic`s, never errors. The command-line tool exits with 2 for every case.
public enum VictrendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input (data, groups or members file) could not be read.
    case unreadable(InputError)
    /// An output could not be created, written or moved into place; nothing was left behind.
    case unwritable(OutputError)
    /// The output asked for cannot be made for inputs this large; the text says why and what to do.
    case tooLarge(String)
    /// An output is one of the inputs (the same file, through any link): nothing was read or written.
    case outputIsInput(output: String, input: String)
    /// An input given twice (the same file, through any link or path): it would be read twice, its
    /// rows duplicates of themselves (added up twice with `--sum`). Nothing was read.
    case inputGivenTwice(path: String, first: String)

    public var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .unwritable(let error): return error.description
        case .tooLarge(let reason): return reason
        case .outputIsInput(let output, let input):
            let same = output == input ? "" : " (\(input))"
            return "\(output): is one of the inputs\(same); refusing to write over it"
        case .inputGivenTwice(let path, let first):
            let same = path == first ? "" : " (as \(first))"
            return "\(path): is given twice\(same); each input is read once: give it once"
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures that stop victrend before the content of a file can be judged: the file cannot be read at
/// all. (Problems in the content are `Diagnostic`s, not errors.) The command-line tool exits with 2.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, no permission, ...).
    case cannotOpen(path: String, reason: String)
    /// The path names a directory, not a file.
    case isDirectory(path: String)
    /// Reading failed part-way (an I/O error).
    case readFailed(path: String, reason: String)
    /// No file has this name, and the name holds `*`, `?` or `[`: a shell pattern that matched no file
    /// and was passed on as written (`submissions/*.csv` when there is no such file).
    case unmatchedPattern(path: String)

    /// One line, the path's control characters escaped (`DisplayText.escapingControls`).
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(DisplayText.escapingControls(path)): cannot open: \(reason)"
        case .isDirectory(let path):
            return "\(DisplayText.escapingControls(path)): is a directory; give the path of a CSV file"
        case .readFailed(let path, let reason):
            return "\(DisplayText.escapingControls(path)): read error: \(reason)"
        case .unmatchedPattern(let path):
            return
                "\(DisplayText.escapingControls(path)): no file matches this pattern (the shell passed it on "
                + "as written because nothing matched); check the directory and the file names"
        }
    }

    /// The error for an `open` of `path` that just failed (reads `errno`): `unmatchedPattern` when no
    /// file has the name and it holds a shell pattern character, else `cannotOpen` with the reason.
    static func opening(_ path: String) -> InputError {
        let code = errno
        if code == ENOENT
            && path.utf8.contains(where: {
                $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[")
            })
        {
            return .unmatchedPattern(path: path)
        }
        return .cannotOpen(path: path, reason: systemReason(code))
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .isDirectory(let path), .readFailed(let path, _),
            .unmatchedPattern(let path):
            return path
        }
    }

    /// The C library's text for the current `errno`.
    static func systemReason(_ code: Int32 = errno) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

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
    /// A library the file's format needs is not installed (libzip or libxml2 for .xlsx): the machine's
    /// setup, not the file, is at fault; `reason` says what to install.
    case missingLibrary(path: String, reason: String)
    /// No file has this name, a shell pattern that matches `matches` files: it was quoted, so the shell
    /// passed it on as written (`'submissions/*.csv'`); victrend does not expand patterns.
    case unexpandedPattern(path: String, matches: Int)

    /// One line, the path's control characters escaped (`DisplayText.escapingControls`).
    public var description: String {
        "\(DisplayText.escapingControls(path)): \(problem)"
    }

    /// What is wrong with the file, without its path: `cannot open: No such file or directory`.
    var problem: String {
        switch self {
        case .cannotOpen(_, let reason):
            return "cannot open: \(reason)"
        case .isDirectory:
            return "is a directory; give the path of a CSV file or workbook"
        case .readFailed(_, let reason):
            return "read error: \(reason)"
        case .missingLibrary(_, let reason):
            return reason
        case .unmatchedPattern:
            return
                "no file matches this pattern (the shell passed it on as written because nothing matched); "
                + "check the directory and the file names"
        case .unexpandedPattern(_, let matches):
            return
                "no file has this name; as a pattern it matches \(matches) file\(matches == 1 ? "" : "s"), but "
                + "victrend does not expand patterns, the shell does: leave the pattern unquoted"
        }
    }

    /// The error for an `open` or `stat` of `path` that just failed (reads `errno`): for a name no file
    /// has that holds a shell pattern character, `unexpandedPattern` when it matches files as a pattern
    /// (it was quoted) and `unmatchedPattern` when it matches none; else `cannotOpen` with the reason.
    static func opening(_ path: String) -> InputError {
        let code = errno
        guard code == ENOENT,
            path.utf8.contains(where: {
                $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[")
            })
        else {
            return .cannotOpen(path: path, reason: systemReason(code))
        }
        let matches = patternMatches(path)
        return matches > 0 ? .unexpandedPattern(path: path, matches: matches) : .unmatchedPattern(path: path)
    }

    /// How many files the shell pattern `path` matches (`glob(3)`, no sorting); 0 on any error.
    private static func patternMatches(_ path: String) -> Int {
        var found = glob_t()
        defer { globfree(&found) }
        guard glob(path, GLOB_NOSORT, nil, &found) == 0 else { return 0 }
        return Int(found.gl_pathc)
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .isDirectory(let path), .readFailed(let path, _),
            .unmatchedPattern(let path), .unexpandedPattern(let path, _), .missingLibrary(let path, _):
            return path
        }
    }

    /// The C library's text for the current `errno`.
    static func systemReason(_ code: Int32 = errno) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How CI formats (GitHub annotations, SARIF) name a file: relative to the working directory when the
/// path is absolute and inside it (`/home/runner/work/r/r/submissions/a.csv` run from
/// `/home/runner/work/r/r` is `submissions/a.csv`), since GitHub attaches an annotation or an alert to
/// a file only by its path in the repository, and a CI step runs in the repository's root. Any other
/// path is kept as given: a relative one, or an absolute one outside the working directory.
enum WorkingDirectoryPath {
    /// `path` relative to `directory` (default: the working directory) when it is absolute and inside it.
    static func relative(_ path: String, to directory: String? = current()) -> String {
        guard path.hasPrefix("/"), var directory, directory.hasPrefix("/") else { return path }
        if !directory.hasSuffix("/") { directory += "/" }
        // Bytes, not characters: a directory's name in another Unicode normalisation is another directory.
        guard path.utf8.starts(with: directory.utf8), path.utf8.count > directory.utf8.count else {
            return path
        }
        return String(decoding: path.utf8.dropFirst(directory.utf8.count), as: UTF8.self)
    }

    /// The working directory, or `nil` when it cannot be read.
    static func current() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

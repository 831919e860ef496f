import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input as an input file (the command line's `-`). It is named `<stdin>` in every message,
/// location and provenance (`StandardInput.name` is the path to give the library).
///
/// The first time it is opened, standard input is copied, in 64 KiB chunks, into an unnamed temporary
/// file (Linux `O_TMPFILE` in `$TMPDIR` or /tmp), which every later open reads from its start: the
/// reader, the SHA-256 of the provenance and a second read of an input found out of order all see the
/// same bytes, memory stays as bounded as for a file (the copy is on disk, never in memory), and it is
/// streamed like a regular file. The copy stops at the first chunk holding a NUL byte (which the reader
/// then refuses) and refuses more than 1 GiB (`copyLimit`), so an endless pipe ends in bounded time and
/// disk. A file literally named `<stdin>` is given as `./<stdin>`.
public enum StandardInput {
    /// The name standard input has in paths, messages and reports.
    public static let name = "<stdin>"

    /// The copy's descriptor once made, or the error making it gave.
    private static let copy = Mutex<Result<Int32, InputError>?>(nil)

    /// The path to `open` for the input `path`: itself, or for `<stdin>` a path of the copy of
    /// standard input (made on first use) that opens it afresh at its start.
    static func openablePath(_ path: String) throws(InputError) -> String {
        guard path == name else { return path }
        let result = copy.withLock { copy in
            if let copy { return copy }
            let made = Result { () throws(InputError) -> Int32 in try makeCopy() }
            copy = made
            return made
        }
        return "/proc/self/fd/\(try result.get())"
    }

    /// Copies standard input into an unnamed temporary file; returns its descriptor (kept open).
    private static func makeCopy() throws(InputError) -> Int32 {
        let directory =
            getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var file: TemporaryFile
        do {
            file = try TemporaryFile(
                in: directory.hasSuffix("/") ? directory : directory + "/", base: "stdin", for: name)
        } catch {
            throw .readFailed(path: name, reason: "cannot make a temporary copy in \(directory): \(error)")
        }
        file.discard()  // a named copy (no O_TMPFILE) loses its name: the open descriptor keeps it
        try copy(from: STDIN_FILENO, to: file.descriptor, directory: directory, limit: copyLimit)
        return file.descriptor
    }

    /// The most standard input victrend copies: far above any real panel (10 million rows take
    /// 200 MB), low enough that an endless pipe stops within seconds.
    static let copyLimit = 1 << 30

    /// Copies `input` to `output` in 64 KiB chunks until its end, or until the end of the first chunk
    /// holding a NUL byte: no text input holds one, so the copy then ends where the reader stops with
    /// its diagnostic (NUL, UTF-16, a workbook), and an endless `/dev/zero` costs one chunk. Throws
    /// when more than `limit` bytes arrive.
    static func copy(from input: Int32, to output: Int32, directory: String, limit: Int) throws(InputError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while let base = buffer.baseAddress {
            let count = read(input, base, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: name, reason: InputError.systemReason())
            }
            if count == 0 { break }
            total += count
            if total > limit {
                throw .readFailed(
                    path: name,
                    reason: "it holds more than \(limit >> 20) MiB, more than victrend copies from a pipe; "
                        + "give the data as a file")
            }
            if let failure = AtomicFile.writeAll(
                UnsafeRawBufferPointer(rebasing: buffer[0..<count]), to: output)
            {
                throw .readFailed(
                    path: name, reason: "cannot copy it to \(directory): \(InputError.systemReason(failure))")
            }
            if memchr(base, 0, count) != nil { break }
        }
    }
}

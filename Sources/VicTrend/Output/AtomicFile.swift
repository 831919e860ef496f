#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an output file could not be written. Nothing is left behind in any of these cases.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The temporary file next to the destination could not be created (missing directory, no
    /// permission).
    case cannotCreate(path: String, reason: String)
    /// Writing or flushing failed (disk full, I/O error).
    case writeFailed(path: String, reason: String)
    /// The finished file could not be moved into place.
    case cannotReplace(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "\(path): cannot create output: \(reason)"
        case .writeFailed(let path, let reason): return "\(path): cannot write output: \(reason)"
        case .cannotReplace(let path, let reason): return "\(path): cannot replace output: \(reason)"
        }
    }
}

/// Writes a file so that readers see either the old content or the complete new content, never a
/// part: the text goes to a temporary file in the same directory, is flushed to disk, and is renamed
/// over the destination. On any failure the temporary file is removed.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// The same for bytes.
    public static func write(bytes: [UInt8], to path: String) throws(OutputError) {
        // A device, a pipe or a socket (/dev/stdout, /dev/full) is written in place: renaming a file over
        // it would replace it.
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            guard (status.st_mode & S_IFMT) != S_IFDIR else {
                throw .cannotCreate(path: path, reason: "is a directory")
            }
            try writeInPlace(bytes, to: path)
            return
        }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "./"
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory).\(name).victrend-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, reason: InputError.systemReason())
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: OutputError?
        if let code = writeAll(bytes, to: descriptor) {
            failure = .writeFailed(path: path, reason: InputError.systemReason(code))
        }
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            failure = .writeFailed(path: path, reason: InputError.systemReason())
        }
        // Files are created 0600 by mkstemp; give the usual permissions, minus the umask.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        if close(descriptor) != 0 && failure == nil {
            failure = .writeFailed(path: path, reason: InputError.systemReason())
        }
        if failure == nil && rename(temporary, path) != 0 {
            failure = .cannotReplace(path: path, reason: InputError.systemReason())
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: InputError.systemReason()) }
        var failure: OutputError?
        if let code = writeAll(bytes, to: descriptor) {
            failure = .writeFailed(path: path, reason: InputError.systemReason(code))
        }
        if close(descriptor) != 0 && failure == nil {
            failure = .writeFailed(path: path, reason: InputError.systemReason())
        }
        if let failure { throw failure }
    }

    /// Writes all of `text` to an open descriptor, retrying short writes and interruptions; returns
    /// the `errno` of a failure, or `nil`.
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        writeAll(Array(text.utf8), to: descriptor)
    }

    /// The same for bytes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        return failure
    }
}

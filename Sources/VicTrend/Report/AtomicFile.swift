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
/// over the destination (a `StagedOutput` written in one piece). On any failure the temporary file is
/// removed. A device (`/dev/full`, `/dev/stdout`) is written in place, never replaced.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// The same for bytes.
    public static func write(bytes: [UInt8], to path: String) throws(OutputError) {
        let staged = try StagedOutput(path: path)
        try staged.write(bytes)
        try staged.commit()
    }

    /// Writes all of `text` to an open descriptor, retrying short writes and interruptions; returns
    /// the `errno` of a failure, or `nil`.
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        writeAll(Array(text.utf8), to: descriptor)
    }

    /// The same for bytes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        writeAll(bytes[...], to: descriptor)
    }

    /// The same for a slice of bytes.
    public static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// The same for the bytes `buffer` points to.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An anonymous temporary file that bytes are appended to and later copied out of, whole and in order:
/// where a part of an output waits for what comes before it, with memory that does not grow with it.
/// Made in `$TMPDIR` (else `/tmp`) and unlinked at once, so nothing is left behind whatever happens;
/// closed when released. Used from one thread at a time.
final class SpoolFile {
    private var descriptor: Int32
    /// Where errors say the file is (`temporary file in /tmp`).
    private let displayPath: String
    /// Bytes appended so far.
    private(set) var count = 0

    /// Creates the file in `directory` (by default `$TMPDIR`, else `/tmp`).
    init(directory: String? = nil) throws(OutputError) {
        let directory = directory ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        displayPath = "temporary file in \(directory)"
        var template = Array("\(directory)/victrend-spool-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw .cannotCreate(path: displayPath, reason: InputError.systemReason())
        }
        template.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { _ = unlink(base) }
        }
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(OutputError) {
        if let code = AtomicFile.writeAll(bytes, to: descriptor) {
            throw .writeFailed(path: displayPath, reason: InputError.systemReason(code))
        }
        count += bytes.count
    }

    /// The `count` bytes appended from offset `start` on (`start + count ≤ self.count`).
    func read(from start: Int, count wanted: Int) throws(OutputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: wanted)
        var done = 0
        while done < wanted {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + done }, wanted - done, off_t(start + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got == 0 ? "the file ended early" : InputError.systemReason()
                throw .writeFailed(path: displayPath, reason: reason)
            }
            done += got
        }
        return bytes
    }

    /// Writes everything appended so far to `output`, in order, through a buffer of 1 MiB.
    func copy(to output: StagedOutput) throws(OutputError) {
        try copy(to: output, from: 0, to: count)
    }

    /// Writes the bytes `start..<end` appended so far (`0 ≤ start ≤ end ≤ count`) to `output`, through a
    /// buffer of at most 1 MiB.
    func copy(to output: StagedOutput, from start: Int, to end: Int) throws(OutputError) {
        guard start < end else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: min(1 << 20, end - start), alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while offset < end {
            let wanted = min(buffer.count, end - offset)
            let got = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got == 0 ? "the file ended early" : InputError.systemReason()
                throw .writeFailed(path: displayPath, reason: reason)
            }
            try output.write(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += got
        }
    }
}

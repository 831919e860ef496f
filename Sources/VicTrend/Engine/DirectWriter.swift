#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a new file through direct I/O (`O_DIRECT`) where the file system allows it: whole blocks go
/// from an aligned buffer to the device, without the kernel copying every byte into the page cache
/// first (for the 612 MB trends table of 10M rows that copy took ~1.9 s of a core on the project's
/// machine, more than libcsv's parse of the input). The file is made durable at `commit` anyway, so
/// nothing is lost by not caching it.
///
/// Direct I/O wants aligned addresses, lengths and offsets: bytes are gathered into an aligned buffer
/// and written a whole buffer at a time; the last, partial block is written padded with zeros and the
/// file is then cut to its length. A file system that refuses direct I/O (at the start, or with
/// `EINVAL` on a write) gets ordinary writes from there on: only the speed differs, never the bytes.
final class DirectWriter {
    /// Alignment of addresses, lengths and offsets (covers 512-byte and 4 KiB logical blocks).
    static let blockSize = 4096
    /// Bytes gathered before a write.
    static let bufferSize = 1 << 22

    /// `O_DIRECT`, which Glibc's module leaves out (it is behind `_GNU_SOURCE`); its value differs by
    /// architecture (glibc's `bits/fcntl.h`). 0 where not known: no direct I/O.
    #if os(Linux) && (arch(x86_64) || arch(i386))
        static let directFlag: Int32 = 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
        static let directFlag: Int32 = 0o200000
    #else
        static let directFlag: Int32 = 0
    #endif

    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    /// Bytes in the file so far (written through, not counting the buffer).
    private var length = 0
    /// Whether writes still go around the page cache.
    private(set) var isDirect: Bool
    /// Bytes written the ordinary way since the file was last flushed to disk.
    private var unsynced = 0
    /// How many bytes written the ordinary way go between flushes to disk (write-behind: a large file
    /// goes to disk as it is written, not all at the final `fsync`, and the page cache does not fill
    /// with dirty pages; direct writes need none of it).
    static let syncInterval = 1 << 26

    /// A writer of the empty file open for writing at `descriptor` (which the caller keeps and closes);
    /// with `direct` false, or when the file system refuses, ordinary writes.
    init(descriptor: Int32, direct: Bool = true) {
        self.descriptor = descriptor
        buffer = .allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
        isDirect = false
        if direct {
            #if os(Linux)
                let flags = fcntl(descriptor, F_GETFL)
                isDirect =
                    Self.directFlag != 0 && flags >= 0
                    && fcntl(descriptor, F_SETFL, flags | Self.directFlag) == 0
            #endif
        }
    }

    deinit {
        buffer.deallocate()
    }

    /// Appends `bytes`; the `errno` of a failed write, or `nil`.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count, let source = bytes.baseAddress, let target = buffer.baseAddress {
            let count = min(bytes.count - offset, buffer.count - used)
            (target + used).copyMemory(from: source + offset, byteCount: count)
            used += count
            offset += count
            if used == buffer.count, let failure = flush(count: used) { return failure }
        }
        return nil
    }

    /// Writes what is gathered and leaves the file at its exact length; the `errno` of a failure, or
    /// `nil`.
    func finish() -> Int32? {
        guard used > 0 else { return nil }
        guard isDirect else { return flush(count: used) }
        // The last block padded with zeros (direct writes are whole blocks), then the file cut back.
        let exact = length + used
        let padded = (used + Self.blockSize - 1) / Self.blockSize * Self.blockSize
        if let target = buffer.baseAddress {
            (target + used).initializeMemory(as: UInt8.self, repeating: 0, count: padded - used)
        }
        if let failure = flush(count: padded) { return failure }
        length = exact
        return ftruncate(descriptor, off_t(exact)) == 0 ? nil : errno
    }

    /// Stops going around the page cache (what a file system that refuses direct writes gets).
    func fallBack() {
        guard isDirect else { return }
        isDirect = false
        #if os(Linux)
            let flags = fcntl(descriptor, F_GETFL)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~Self.directFlag) }
        #endif
    }

    /// Writes the buffer's first `count` bytes and empties it.
    private func flush(count: Int) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < count {
            let written = Glibc.write(descriptor, base + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // Refused as a direct write (alignment, or the file system): the same bytes, written
                // the ordinary way.
                if errno == EINVAL && isDirect {
                    fallBack()
                    continue
                }
                return errno
            }
            offset += written
            // A short direct write leaves an unaligned rest: the ordinary way for it.
            if offset % Self.blockSize != 0 { fallBack() }
        }
        length += count
        used = 0
        if !isDirect {
            unsynced += count
            if unsynced >= Self.syncInterval {
                unsynced = 0
                _ = fdatasync(descriptor)
            }
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written in pieces that appears only when complete: the pieces go to a temporary file
/// (`TemporaryFile`: next to the destination, unnamed where the file system allows it; for standard
/// output, memory up to 16 MiB and then an anonymous file in `$TMPDIR`), and `commit` gives it the
/// destination's name (keeping the mode of the file it replaces) or copies it to standard output.
/// `abort` removes it: an error never leaves a partial output. A device given as the destination
/// (`/dev/full`) is written in place, piece by piece.
final class StagedOutput {
    private enum Target {
        case file(path: String)
        case device(path: String)
        case standardOutput(descriptor: Int32)
    }

    private let target: Target
    /// The file a `.file` target is staged in.
    private var temporary: TemporaryFile?
    private var descriptor: Int32
    private var isOpen = true
    /// Standard output is staged in memory up to `memoryLimit` bytes (no file for a small report), then
    /// in an anonymous temporary file; `memory` is `nil` once in the file.
    private var memory: [UInt8]?
    private let memoryLimit: Int

    /// Stages an output for `path`, or for standard output when `path` is `nil`.
    convenience init(path: String?) throws(OutputError) {
        guard let path else {
            self.init(standardOutput: STDOUT_FILENO)
            return
        }
        try self.init(file: path)
    }

    /// Stages an output for the open descriptor `standardOutput`, in memory up to `memoryLimit` bytes.
    init(standardOutput: Int32, memoryLimit: Int = 1 << 24) {
        descriptor = -1
        memory = []
        self.memoryLimit = memoryLimit
        target = .standardOutput(descriptor: standardOutput)
    }

    private init(file path: String) throws(OutputError) {
        memoryLimit = 0
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            guard (status.st_mode & S_IFMT) != S_IFDIR else {
                throw .cannotCreate(path: path, reason: "is a directory")
            }
            descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: InputError.systemReason()) }
            target = .device(path: path)
            return
        }
        // A symbolic link to a file is written through, as `>` writes through it: the file it names is
        // replaced (atomically, beside it), the link stays.
        let written = try Self.linkedFile(path) ?? path
        let directory = written.lastIndex(of: "/").map { String(written[...$0]) } ?? "./"
        let name = written.lastIndex(of: "/").map { String(written[written.index(after: $0)...]) } ?? written
        let temporary = try TemporaryFile(in: directory, base: name, for: path)
        self.temporary = temporary
        descriptor = temporary.descriptor
        target = .file(path: written)
        direct = DirectWriter(descriptor: descriptor)
    }

    deinit {
        abort()
    }

    /// The file the symbolic link `path` leads to, when it is one; `nil` when `path` is no link.
    /// A link that leads nowhere (a missing file, a loop) is refused: writing through it would create a
    /// file where the link points, and replacing it would remove a link someone made.
    private static func linkedFile(_ path: String) throws(OutputError) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return nil }
        guard let resolved = realpath(path, nil) else {
            throw .cannotCreate(
                path: path,
                reason: "is a symbolic link that cannot be followed (\(InputError.systemReason())); remove "
                    + "the link or name the file itself")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws(OutputError) {
        // `Array.withUnsafeBytes` rethrows untyped errors, so the typed one is carried out by hand.
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends the bytes `bytes` points to (they are copied or written before this returns).
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if memory != nil {
            try stageInMemory(bytes)
            return
        }
        if let direct {
            if let code = direct.write(bytes) {
                abort()
                throw .writeFailed(path: displayPath, reason: InputError.systemReason(code))
            }
            return
        }
        if let code = AtomicFile.writeAll(bytes, to: descriptor) {
            abort()
            throw .writeFailed(path: displayPath, reason: InputError.systemReason(code))
        }
    }

    /// A new regular file's bytes go around the page cache where the file system allows it (see
    /// `DirectWriter`); `nil` for other targets.
    private var direct: DirectWriter?

    /// Makes the output appear: renames the file into place, or copies it to standard output.
    func commit() throws(OutputError) {
        try prepare()
        try publish()
    }

    /// Everything but the last step of `commit`: the file is complete and on disk, with its mode, and
    /// only waits for its name (so that several files can be written before any of them appears).
    func prepare() throws(OutputError) {
        guard isOpen, case .file(let path) = target, !isPrepared else { return }
        if let code = direct?.finish() {
            abort()
            throw .writeFailed(path: path, reason: InputError.systemReason(code))
        }
        if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            let reason = InputError.systemReason()
            abort()
            throw .writeFailed(path: path, reason: reason)
        }
        fchmod(descriptor, Self.mode(replacing: path))
        isPrepared = true
    }

    /// Whether `prepare` is done.
    private var isPrepared = false

    /// The last step of `commit`: the prepared file takes the destination's name; standard output gets
    /// the staged bytes.
    func publish() throws(OutputError) {
        guard isOpen else { return }
        try prepare()
        isOpen = false
        defer {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
        switch target {
        case .device:
            return
        case .file(let path):
            try temporary?.publish(as: path)
            temporary = nil
        case .standardOutput(let output):
            if let memory {
                self.memory = nil
                if let code = AtomicFile.writeAll(memory, to: output) {
                    throw .writeFailed(path: "standard output", reason: InputError.systemReason(code))
                }
                return
            }
            try copy(to: output)
        }
    }

    /// The mode of a new file at `path`: that of the regular file it replaces (a 0600 file stays 0600),
    /// else 0666 less the umask.
    private static func mode(replacing path: String) -> mode_t {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG {
            return status.st_mode & 0o7777
        }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Drops everything written; nothing appears.
    func abort() {
        guard isOpen else { return }
        isOpen = false
        memory = nil
        temporary?.discard()
        temporary = nil
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Keeps `bytes` in memory, or moves everything to an anonymous temporary file once it grows past
    /// `memoryLimit`.
    private func stageInMemory(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard var staged = memory else { return }
        memory = nil  // no second reference while appending
        staged.append(contentsOf: bytes)
        guard staged.count > memoryLimit else {
            memory = staged
            return
        }
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        do throws(OutputError) {
            var file = try TemporaryFile(in: directory + "/", base: "victrend-stdout", for: "standard output")
            file.discard()  // an anonymous file: nothing to clean up, whatever happens
            descriptor = file.descriptor
        } catch {
            abort()
            throw error
        }
        if let code = AtomicFile.writeAll(staged, to: descriptor) {
            abort()
            throw .writeFailed(path: "standard output", reason: InputError.systemReason(code))
        }
    }

    private var displayPath: String {
        switch target {
        case .file(let path), .device(let path): return path
        case .standardOutput: return "standard output"
        }
    }

    /// Copies the staged file to `output` (standard output): in the kernel (`sendfile`) when it can, else
    /// through a 1 MiB buffer (a terminal, or a kernel without `sendfile` for that descriptor).
    private func copy(to output: Int32) throws(OutputError) {
        var size = stat()
        guard fstat(descriptor, &size) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw .writeFailed(path: "standard output", reason: InputError.systemReason())
        }
        var remaining = Int(size.st_size)
        while remaining > 0 {
            let sent = sendfile(output, descriptor, nil, min(remaining, 1 << 30))
            if sent > 0 {
                remaining -= sent
                continue
            }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EINVAL || errno == ENOSYS) { break }
            throw .writeFailed(path: "standard output", reason: InputError.systemReason())
        }
        guard remaining > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: "standard output", reason: InputError.systemReason())
            }
            if count == 0 { return }
            if let code = AtomicFile.writeAll(buffer[0..<count], to: output) {
                throw .writeFailed(path: "standard output", reason: InputError.systemReason(code))
            }
        }
    }
}

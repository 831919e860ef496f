#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written in pieces that appears only when complete: the pieces go to a temporary file
/// (next to the destination; for standard output, memory up to 16 MiB and then a file in `$TMPDIR`),
/// and `commit` renames it into place or copies it to standard output. `abort` removes it: an error never leaves a partial output. A
/// device given as the destination (`/dev/full`) is written in place, piece by piece.
final class StagedOutput {
    private enum Target {
        case file(path: String, temporary: String)
        case device(path: String)
        case standardOutput(descriptor: Int32)
    }

    private let target: Target
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
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "./"
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let (descriptor, temporary) = try Self.temporaryFile(in: directory, name: "." + name, for: path)
        self.descriptor = descriptor
        target = .file(path: path, temporary: temporary)
        direct = DirectWriter(descriptor: descriptor)
    }

    deinit {
        abort()
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
        guard isOpen else { return }
        isOpen = false
        defer {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
        switch target {
        case .device:
            return
        case .file(let path, let temporary):
            if let code = direct?.finish() {
                unlink(temporary)
                throw .writeFailed(path: path, reason: InputError.systemReason(code))
            }
            if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
                unlink(temporary)
                throw .writeFailed(path: path, reason: InputError.systemReason())
            }
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
            if rename(temporary, path) != 0 {
                let reason = InputError.systemReason()
                unlink(temporary)
                throw .cannotReplace(path: path, reason: reason)
            }
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

    /// Drops everything written; nothing appears.
    func abort() {
        guard isOpen else { return }
        isOpen = false
        memory = nil
        if case .file(_, let temporary) = target { unlink(temporary) }
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
            let (descriptor, temporary) = try Self.temporaryFile(
                in: directory + "/", name: "victrend-stdout", for: "standard output")
            unlink(temporary)  // an anonymous file: nothing to clean up, whatever happens
            self.descriptor = descriptor
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
        case .file(let path, _), .device(let path): return path
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

    private static func temporaryFile(in directory: String, name: String, for destination: String)
        throws(OutputError) -> (Int32, String)
    {
        var template = Array("\(directory)\(name).victrend-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw .cannotCreate(path: destination, reason: InputError.systemReason())
        }
        return (
            descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
    }
}

import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file being written (open for reading and writing) next to its destination, which gets the destination's name only when it is
/// complete (`publish`). Where the file system allows it the file has no name at all until then
/// (Linux `O_TMPFILE`), so that even a process killed with SIGKILL leaves nothing behind; elsewhere it
/// has a hidden name (`.NAME.victrend-XXXXXX`) that is registered with `TemporaryNames`, which removes
/// every registered name when victrend is stopped by a signal (`Pipeline.removeTemporaryFiles`).
struct TemporaryFile {
    /// The open file, for writing.
    let descriptor: Int32
    /// The hidden name of a named temporary file, or `nil` for an unnamed one.
    private var name: String?
    private var slot: Int?
    private let directory: String
    private let base: String

    /// `O_TMPFILE` (Linux: `__O_TMPFILE | O_DIRECTORY`), which Glibc's module leaves out.
    private static let unnamedFlag: Int32? = {
        #if os(Linux)
            return 0o20000000 | O_DIRECTORY
        #else
            return nil
        #endif
    }()

    /// Creates the file in `directory` (ending with `/`) for a destination named `base` there;
    /// `destination` names it in errors. With `unnamed` false the file is named from the start (tests
    /// of file systems without unnamed files).
    init(in directory: String, base: String, for destination: String, unnamed: Bool = true)
        throws(OutputError)
    {
        self.directory = directory
        self.base = base
        if unnamed, let flag = Self.unnamedFlag {
            let descriptor = open(directory, O_RDWR | O_CLOEXEC | flag, 0o600)
            if descriptor >= 0 {
                self.descriptor = descriptor
                return
            }
        }
        let (descriptor, name) = try Self.namedFile(in: directory, base: base, for: destination)
        self.descriptor = descriptor
        self.name = name
        slot = TemporaryNames.register(name)
    }

    /// Gives the complete file the name `path` (replacing what has it): an unnamed file is linked
    /// under a hidden name first (registered for removal on a signal until renamed), then renamed.
    mutating func publish(as path: String) throws(OutputError) {
        if name == nil {
            try link(for: path)
        }
        guard let name else { return }
        if rename(name, path) != 0 {
            let reason = InputError.systemReason()
            discard()
            throw .cannotReplace(path: path, reason: reason)
        }
        TemporaryNames.unregister(slot)
        self.name = nil
        slot = nil
    }

    /// Removes the file's name, if it has one; closing the descriptor then frees the file.
    mutating func discard() {
        if let name { unlink(name) }
        TemporaryNames.unregister(slot)
        name = nil
        slot = nil
    }

    /// Links the unnamed file under a fresh hidden name.
    private mutating func link(for path: String) throws(OutputError) {
        for attempt in 0..<100 {
            let candidate = "\(directory).\(base).victrend-\(getpid())-\(attempt)"
            let candidateSlot = TemporaryNames.register(candidate)
            if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 {
                name = candidate
                slot = candidateSlot
                return
            }
            let code = errno
            TemporaryNames.unregister(candidateSlot)
            if code != EEXIST {
                throw .cannotReplace(path: path, reason: InputError.systemReason(code))
            }
        }
        throw .cannotReplace(path: path, reason: "no free temporary name")
    }

    /// A new file `directory.base.victrend-XXXXXX` (mode 0600).
    private static func namedFile(in directory: String, base: String, for destination: String)
        throws(OutputError) -> (Int32, String)
    {
        var template = Array("\(directory).\(base).victrend-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let start = buffer.baseAddress else { return -1 }
            return mkstemp(start)
        }
        guard descriptor >= 0 else {
            throw .cannotCreate(path: destination, reason: InputError.systemReason())
        }
        return (
            descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
    }
}

/// The names of temporary files that exist now, kept where a signal handler can remove them: a fixed
/// table of C strings, changed under a lock, read without one by `removeAll` (which only calls
/// `unlink`, safe in a signal handler).
enum TemporaryNames {
    private static let capacity = 256
    /// Bytes a slot holds, its terminating NUL included (`PATH_MAX` on Linux).
    private static let slotBytes = 4096
    /// Each slot's name buffer, allocated on first use and kept (reused, never freed: a signal handler
    /// may be reading it on another thread).
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    /// Whether a slot holds a name to remove on a signal; set only once its name is written whole.
    nonisolated(unsafe) private static let active: UnsafeMutablePointer<Bool> = {
        let active = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        active.initialize(repeating: false, count: capacity)
        return active
    }()
    private static let lock = Mutex(())

    /// Makes the table before any signal handler may read it.
    static func prepare() {
        _ = slots
        _ = active
    }

    /// Registers `name`; returns its slot, or `nil` when the table is full or the name longer than a
    /// path can be (the name is then not removed on a signal).
    static func register(_ name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count < slotBytes else { return nil }
        return lock.withLock { _ in
            for index in 0..<capacity where !active[index] {
                if slots[index] == nil {
                    slots[index] = UnsafeMutablePointer<CChar>.allocate(capacity: slotBytes)
                }
                guard let buffer = slots[index] else { return nil }
                for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
                buffer[bytes.count] = 0
                active[index] = true
                return index
            }
            return nil
        }
    }

    /// Forgets the name in `slot` (the file was renamed or removed); the slot's buffer is kept for the
    /// next name.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock { _ in active[slot] = false }
    }

    /// Removes every registered file. Async-signal-safe: no lock, no allocation.
    static func removeAll() {
        for index in 0..<capacity where active[index] {
            if let name = slots[index] { unlink(name) }
        }
    }
}

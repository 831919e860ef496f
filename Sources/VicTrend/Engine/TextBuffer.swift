/// An output buffer of UTF-8 bytes: the CSV writer's hot path for millions of rows (numbers are written
/// by its `ByteCursor`, with no intermediate `String`).
///
/// The bytes live in memory the buffer owns, reached through a pointer; `write(reserving:_:)` checks the
/// capacity once for a whole row and hands out a `ByteCursor`, with no copy-on-write check anywhere. A
/// class, so that copies share (the writer owns its one). Sendable by hand-over: a filled buffer is passed
/// to the thread that writes it out and no longer touched where it was filled.
final class TextBuffer: @unchecked Sendable {
    private struct Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int
    }

    private let storage: UnsafeMutablePointer<Storage>

    init(capacity: Int = 0) {
        let capacity = max(capacity, 256)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(base: .allocate(capacity: capacity), capacity: capacity))
    }

    deinit {
        storage.pointee.base.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// Calls `body` with the bytes written so far, in place (no copy).
    func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: storage.pointee.base, count: storage.pointee.count))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if storage.pointee.count + extra > storage.pointee.capacity { grow(extra) }
    }

    private func grow(_ extra: Int) {
        let capacity = max(2 * storage.pointee.capacity, storage.pointee.count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: storage.pointee.base, count: storage.pointee.count)
        storage.pointee.base.deallocate()
        storage.pointee.base = larger
        storage.pointee.capacity = capacity
    }

    /// Writes through a cursor into `room` reserved bytes. `body` must write at most `room` bytes; the
    /// precondition only finds out afterwards, so callers reserve with a margin.
    @inline(__always)
    func write(reserving room: Int, _ body: (inout ByteCursor) -> Void) {
        reserve(room)
        let start = storage.pointee.base + storage.pointee.count
        var cursor = ByteCursor(start)
        body(&cursor)
        let written = cursor.position - start
        precondition(written <= room, "wrote \(written) bytes into room for \(room)")
        storage.pointee.count += written
    }

    func append(_ text: String) {
        write(reserving: text.utf8.count) { $0.put(text) }
    }

    func append(byte: UInt8) {
        write(reserving: 1) { $0.put(byte) }
    }

    var text: String {
        String(
            decoding: UnsafeBufferPointer(start: storage.pointee.base, count: storage.pointee.count),
            as: UTF8.self)
    }

    /// Empties the buffer, keeping its memory.
    func removeAll() {
        storage.pointee.count = 0
    }
}

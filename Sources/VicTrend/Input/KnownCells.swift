import CPrefetch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Key cells already read, looked up by their bytes as written: a shuffled file of many series meets
/// each country cell again and again, and finding its key from the raw bytes skips trimming, decoding,
/// a `String` and SipHash (1M shuffled rows of 50,000 keys: ~2,700 instructions a row for the country
/// cell through the `String` dictionary, a few hundred here).
///
/// Only what is safe to reuse is stored: a cell whose resolution was a key with nothing ignored, so a
/// hit has no diagnostic to repeat. Bounded against hostile files: at most `entryLimit` cells and
/// `byteLimit` bytes of them (later cells are simply not stored), and a look-up or an insertion gives
/// up after `probeLimit` slots, so a file crafted to collide costs a few dozen comparisons a row at
/// worst; the hash is seeded at random for each run. A miss is never wrong, only slower.
struct KnownCells {
    static let entryLimit = 1 << 20
    static let byteLimit = 64 << 20
    static let probeLimit = 32

    /// One stored cell: its hash, length and first 16 bytes (zero-padded) beside its key. Bytes past
    /// the 16th are at `arena[rest..<rest + count - 16]`. A cell of more than 8 bytes is compared here
    /// on a hit: a slot and an entry, two cache misses in a table of 500,000 keys (instead of five for
    /// slot, hash, offsets, bytes and key kept apart).
    private struct Entry {
        var hash: UInt64
        var head: (UInt64, UInt64)
        var count: Int32
        var rest: Int32
        var key: String
    }

    /// A place in the open-addressing table (linear probing): empty when `entry` is 0, else the entry's
    /// index + 1; `tag` holds 28 bits of the hash above the cell's length (9 for any length past 8), and
    /// a cell of up to 8 bytes (an ISO code, `C000001`) is here whole, with its key, so that its hit
    /// reads this slot only: one cache miss. 32 bytes; the table is a power of two long and at most
    /// half full (so that runs longer than the probe limit stay rare).
    private struct Slot {
        var tag: UInt32 = 0
        var entry: UInt32 = 0
        var short: UInt64 = 0
        var key = ""
    }

    private var slots: [Slot] = Array(repeating: Slot(), count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var storedBytes = 0
    private let seed: UInt64

    /// An empty table; `seed` is random unless a test fixes it.
    init(seed: UInt64 = .random(in: .min ... .max)) {
        self.seed = seed
    }

    /// The key stored for `cell`'s bytes and the cell's id (see `insert`), or nil.
    func find(_ cell: Slice<UnsafeRawBufferPointer>) -> (key: String, id: Int)? {
        let hash = Self.hash(cell, seed: seed)
        let tag = Self.tag(hash, count: cell.count)
        let head = Self.head(cell)
        let isShort = cell.count <= 8
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probeLimit {
            if slots[slot].entry == 0 { return nil }
            if slots[slot].tag == tag {
                if isShort {
                    if slots[slot].short == head.0 { return (slots[slot].key, Int(slots[slot].entry) - 1) }
                } else {
                    let entry = Int(slots[slot].entry) - 1
                    if matches(entry, cell, head: head) { return (entries[entry].key, entry) }
                }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Starts loading the slot that `find` reads first for cell `column` (0-based) of each of the
    /// next `lines` lines of `bytes` from `offset` (text not parsed yet, split on `delimiter`); returns
    /// the offset past them. A hint: a file of many keys in no order then meets its key cells' slots
    /// in the cache, their misses overlapped instead of one a row. A line whose cell is quoted, or that
    /// has fewer cells, is passed over; the cell is trimmed of the blanks libcsv trims.
    func prefetch(
        lines: Int, of bytes: UnsafeRawBufferPointer, from offset: Int, column: Int, delimiter: UInt8
    ) -> Int {
        guard let base = bytes.baseAddress, !entries.isEmpty else { return bytes.count }
        let count = bytes.count
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            guard let slotBase = slots.baseAddress else { return count }
            var index = offset
            for _ in 0..<lines where index < count {
                // The cell: past `column` delimiters, up to the next delimiter or the line's end.
                var cells = 0
                var start = index
                var end = -1
                while index < count {
                    let byte = base.load(fromByteOffset: index, as: UInt8.self)
                    if byte == delimiter {
                        if cells == column {
                            end = index
                            break
                        }
                        cells += 1
                        start = index + 1
                    } else if byte == Self.lineFeed || byte == Self.carriageReturn || byte == Self.quote {
                        if cells == column && byte != Self.quote { end = index }
                        break
                    }
                    index += 1
                }
                if index == count && cells == column { end = count }
                if end >= 0 {
                    while start < end && Self.isBlank(base.load(fromByteOffset: start, as: UInt8.self)) {
                        start += 1
                    }
                    while end > start && Self.isBlank(base.load(fromByteOffset: end - 1, as: UInt8.self)) {
                        end -= 1
                    }
                    let hash = Self.hash(Slice(base: bytes, bounds: start..<end), seed: seed)
                    // Both lines of a slot that straddles two: a hit reads its key from the second.
                    victrend_prefetch_value(
                        slotBase + (Int(truncatingIfNeeded: hash) & mask), UInt(MemoryLayout<Slot>.size))
                }
                // On to the next line.
                guard let lineFeed = memchr(base + index, Int32(Self.lineFeed), count - index) else {
                    return count
                }
                index = base.distance(to: UnsafeRawPointer(lineFeed)) + 1
            }
            return index
        }
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    /// The blanks libcsv trims from an unquoted cell.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Stores `key` for `cell`'s bytes and returns the cell's id, unless a limit is reached (then
    /// nothing happens: `nil`). Ids are 0, 1, 2… in the order cells are stored, below `entryLimit`; a
    /// table's id stands for one key for good (another table's same id, for any other).
    @discardableResult
    mutating func insert(_ cell: Slice<UnsafeRawBufferPointer>, key: String) -> Int? {
        guard entries.count < Self.entryLimit, storedBytes + cell.count <= Self.byteLimit else { return nil }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(cell, seed: seed)
        guard let slot = freeSlot(for: hash) else { return nil }
        let head = Self.head(cell)
        let rest = arena.count
        if cell.count > 16 { arena.append(contentsOf: cell.dropFirst(16)) }
        storedBytes += cell.count
        entries.append(
            Entry(hash: hash, head: head, count: Int32(cell.count), rest: Int32(rest), key: key))
        place(entries.count - 1, at: slot)
        return entries.count - 1
    }

    /// Fills `slot` for entry `index`.
    private mutating func place(_ index: Int, at slot: Int) {
        let entry = entries[index]
        let isShort = entry.count <= 8
        slots[slot] = Slot(
            tag: Self.tag(entry.hash, count: Int(entry.count)), entry: UInt32(index + 1),
            short: isShort ? entry.head.0 : 0, key: isShort ? entry.key : "")
    }

    /// 28 bits of `hash` (not those that choose the slot) and the length, 9 standing for any past 8.
    private static func tag(_ hash: UInt64, count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 36) << 4 | UInt32(min(count, 9))
    }

    private func freeSlot(for hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probeLimit {
            if slots[slot].entry == 0 { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Doubles the slots and places every entry again (an entry that finds no free slot within the
    /// probe limit is no longer found: a miss, never a wrong key).
    private mutating func grow() {
        slots = Array(repeating: Slot(), count: slots.count * 2)
        for index in entries.indices {
            if let slot = freeSlot(for: entries[index].hash) { place(index, at: slot) }
        }
    }

    /// The first 16 bytes of `cell`, zero-padded.
    private static func head(_ cell: Slice<UnsafeRawBufferPointer>) -> (UInt64, UInt64) {
        var head: (UInt64, UInt64) = (0, 0)
        guard let base = cell.base.baseAddress, !cell.isEmpty else { return head }
        withUnsafeMutableBytes(of: &head) { target in
            if let address = target.baseAddress {
                memcpy(address, base + cell.startIndex, min(16, cell.count))
            }
        }
        return head
    }

    /// Whether entry `entry` holds `cell` (whose first 16 bytes are `head`).
    private func matches(_ entry: Int, _ cell: Slice<UnsafeRawBufferPointer>, head: (UInt64, UInt64)) -> Bool
    {
        let stored = entries[entry]
        guard Int(stored.count) == cell.count, stored.head == head else { return false }
        guard cell.count > 16, let base = cell.base.baseAddress else { return true }
        return arena.withUnsafeBytes { arena in
            guard let arenaBase = arena.baseAddress else { return false }
            return memcmp(arenaBase + Int(stored.rest), base + cell.startIndex + 16, cell.count - 16) == 0
        }
    }

    /// A seeded multiply–xor hash over 8-byte words, finished by MurmurHash3's 64-bit mixer.
    static func hash(_ cell: Slice<UnsafeRawBufferPointer>, seed: UInt64) -> UInt64 {
        var hash = seed ^ (UInt64(cell.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = cell.base.baseAddress else { return mix(hash) }
        let start = base + cell.startIndex
        var offset = 0
        while offset + 8 <= cell.count {
            let word = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        if offset < cell.count {
            var word: UInt64 = 0
            for index in offset..<cell.count {
                word = word << 8 | UInt64(start.load(fromByteOffset: index, as: UInt8.self))
            }
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        }
        return mix(hash)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}

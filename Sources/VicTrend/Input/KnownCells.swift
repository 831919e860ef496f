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

    /// One stored cell: its hash, length and first 16 bytes (zero-padded) beside its key, so that a
    /// hit on a cell of up to 16 bytes reads one slot and one entry (two cache misses in a table of
    /// 500,000 keys, instead of five for slot, hash, offsets, bytes and key kept apart). Bytes past
    /// the 16th are at `arena[rest..<rest + count - 16]`.
    private struct Entry {
        var hash: UInt64
        var head: (UInt64, UInt64)
        var count: Int32
        var rest: Int32
        var key: String
    }

    /// Open addressing, linear probing: 0 is empty, else the entry's index + 1 in the low 32 bits and
    /// the high 32 bits of its hash above them (a slot whose tag differs is passed over without
    /// reading its entry). A power of two long, at most a quarter full (so that runs longer than the
    /// probe limit stay rare).
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var storedBytes = 0
    private let seed: UInt64

    /// An empty table; `seed` is random unless a test fixes it.
    init(seed: UInt64 = .random(in: .min ... .max)) {
        self.seed = seed
    }

    /// The key stored for `cell`'s bytes, or nil.
    func key(for cell: Slice<UnsafeRawBufferPointer>) -> String? {
        let hash = Self.hash(cell, seed: seed)
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probeLimit {
            let value = slots[slot]
            if value == 0 { return nil }
            if value >> 32 == tag {
                let entry = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if matches(entry, cell) { return entries[entry].key }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `key` for `cell`'s bytes, unless a limit is reached (then nothing happens).
    mutating func insert(_ cell: Slice<UnsafeRawBufferPointer>, key: String) {
        guard entries.count < Self.entryLimit, storedBytes + cell.count <= Self.byteLimit else { return }
        if (entries.count + 1) * 4 > slots.count { grow() }
        let hash = Self.hash(cell, seed: seed)
        guard let slot = freeSlot(for: hash) else { return }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entries.count + 1)
        let rest = arena.count
        if cell.count > 16 { arena.append(contentsOf: cell.dropFirst(16)) }
        storedBytes += cell.count
        entries.append(
            Entry(
                hash: hash, head: Self.head(cell), count: Int32(cell.count), rest: Int32(rest), key: key))
    }

    private func freeSlot(for hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probeLimit {
            if slots[slot] == 0 { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Doubles the slots and places every entry again (an entry that finds no free slot within the
    /// probe limit is no longer found: a miss, never a wrong key).
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in entries.indices {
            let hash = entries[index].hash
            if let slot = freeSlot(for: hash) {
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
            }
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

    private func matches(_ entry: Int, _ cell: Slice<UnsafeRawBufferPointer>) -> Bool {
        let stored = entries[entry]
        guard Int(stored.count) == cell.count else { return false }
        let head = Self.head(cell)
        guard stored.head == head else { return false }
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

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

    /// Open addressing, linear probing: 0 is empty, else the entry's index + 1. A power of two long,
    /// at most a quarter full (so that runs longer than the probe limit stay rare).
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    /// Entry i's bytes are `arena[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var arena: [UInt8] = []
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private let seed: UInt64

    /// An empty table; `seed` is random unless a test fixes it.
    init(seed: UInt64 = .random(in: .min ... .max)) {
        self.seed = seed
    }

    /// The key stored for `cell`'s bytes, or nil.
    func key(for cell: Slice<UnsafeRawBufferPointer>) -> String? {
        let hash = Self.hash(cell, seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probeLimit {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash && matches(entry, cell) { return keys[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `key` for `cell`'s bytes, unless a limit is reached (then nothing happens).
    mutating func insert(_ cell: Slice<UnsafeRawBufferPointer>, key: String) {
        guard keys.count < Self.entryLimit, arena.count + cell.count <= Self.byteLimit else { return }
        if (keys.count + 1) * 4 > slots.count { grow() }
        let hash = Self.hash(cell, seed: seed)
        guard let slot = freeSlot(for: hash) else { return }
        slots[slot] = Int32(keys.count + 1)
        arena.append(contentsOf: cell)
        starts.append(arena.count)
        hashes.append(hash)
        keys.append(key)
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
        for entry in hashes.indices {
            if let slot = freeSlot(for: hashes[entry]) { slots[slot] = Int32(entry + 1) }
        }
    }

    private func matches(_ entry: Int, _ cell: Slice<UnsafeRawBufferPointer>) -> Bool {
        let start = starts[entry]
        let count = starts[entry + 1] - start
        guard count == cell.count else { return false }
        guard count > 0, let base = cell.base.baseAddress else { return count == 0 }
        return arena.withUnsafeBytes { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + start, base + cell.startIndex, count) == 0
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

import CPrefetch

/// Finds the index of a series key among many, with one probe of one array in the common case.
///
/// Open addressing with linear probing over slots that hold 32 bits of the key's hash and its index;
/// the key itself is compared in the caller's own list (which the caller reads next anyway). Keys are
/// the same when their `String`s are equal, which is canonical equivalence (`é` written as one scalar
/// or as `e` and a combining accent), and they hash alike by `String`'s own hashing. A dictionary from
/// strings to indices would read three arrays for it (bucket bits, keys, values).
struct KeyTable: Sendable {
    /// Slots: hash bits (high 32) and 1 + index (low 32); 0 is empty.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private var count = 0

    /// The index `keys` gives `key`, or `nil`; `keys(index)` is the key stored at an index.
    func find(_ key: String, hash: Int, keys: (Int) -> String) -> Int? {
        let mask = slots.count - 1
        let tag = UInt64(truncatingIfNeeded: hash) >> 32
        var position = Self.home(tag: tag, mask: mask)
        while true {
            let slot = slots[position]
            if slot == 0 { return nil }
            if slot >> 32 == tag {
                let index = Int(slot & 0xFFFF_FFFF) - 1
                if keys(index) == key { return index }
            }
            position = (position + 1) & mask
        }
    }

    /// Starts loading the slot where the probe for `hash` begins (a hint for a look-up soon to come).
    func prefetch(hash: Int) {
        let position = Self.home(tag: UInt64(truncatingIfNeeded: hash) >> 32, mask: slots.count - 1)
        slots.withUnsafeBufferPointer { victrend_prefetch($0.baseAddress.map { $0 + position }) }
    }

    /// The index in the slot where the probe for `hash` begins, when its hash bits match: most likely
    /// the key's (for loading the key ahead; `find` decides).
    func likelyIndex(hash: Int) -> Int? {
        let slot = slots[Self.home(tag: UInt64(truncatingIfNeeded: hash) >> 32, mask: slots.count - 1)]
        guard slot != 0 && slot >> 32 == UInt64(truncatingIfNeeded: hash) >> 32 else { return nil }
        return Int(slot & 0xFFFF_FFFF) - 1
    }

    /// Records `index` for a key with `hash` that is not in the table.
    mutating func insert(_ index: Int, hash: Int) {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: 0, count: old.count * 2)
            for slot in old where slot != 0 {
                place(slot)
            }
        }
        place((UInt64(truncatingIfNeeded: hash) >> 32) << 32 | UInt64(index + 1))
        count += 1
    }

    /// Puts `slot` at the first free position from its home. Only 32 bits of the hash are stored, so
    /// the home position is taken from them, when growing as when finding.
    private mutating func place(_ slot: UInt64) {
        let mask = slots.count - 1
        var position = Self.home(tag: slot >> 32, mask: mask)
        while slots[position] != 0 {
            position = (position + 1) & mask
        }
        slots[position] = slot
    }

    /// Where the probe for a key with hash bits `tag` starts.
    private static func home(tag: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: tag) & mask
    }
}

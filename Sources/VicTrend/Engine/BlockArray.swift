import CPrefetch

/// An array kept in blocks of 65,536 elements: it grows without copying what it holds, so its memory
/// is its size plus at most one block (an `Array` that doubles keeps up to twice its size, and needs
/// three times while it grows).
struct BlockArray<Element: Sendable>: Sendable {
    private var blocks: [[Element]] = []
    /// Elements held.
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count & 0xFFFF == 0 {
            var block: [Element] = []
            block.reserveCapacity(1 << 16)
            blocks.append(block)
        }
        blocks[count >> 16].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        // Read in place (taking the block out of `blocks` would retain and release it).
        get { blocks.withUnsafeBufferPointer { blocks in blocks[index >> 16][index & 0xFFFF] } }
        set { blocks[index >> 16][index & 0xFFFF] = newValue }
    }

    /// Starts loading element `index`, both cache lines of it when it straddles two (a block's elements
    /// need not start on a line); a hint; an index past the end is ignored.
    func prefetch(_ index: Int) {
        guard index >= 0 && index < count else { return }
        // The block read in place (taking it out of `blocks` would retain and release it).
        blocks.withUnsafeBufferPointer { blocks in
            blocks[index >> 16].withUnsafeBufferPointer { block in
                guard let base = block.baseAddress else { return }
                victrend_prefetch_value(base + (index & 0xFFFF), UInt(max(1, MemoryLayout<Element>.size)))
            }
        }
    }

    mutating func removeAll() {
        blocks.removeAll()
        count = 0
    }
}

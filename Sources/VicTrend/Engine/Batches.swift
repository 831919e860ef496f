/// Cutting a sequence of items into batches of consecutive items.
enum Batches {
    /// Consecutive ranges of items, each holding at least `minimum` of the items' `sizes` (the last may
    /// hold less); an item is never split. Indices count from `start`.
    static func ranges(of sizes: some Sequence<Int>, atLeast minimum: Int, from start: Int = 0) -> [Range<
        Int
    >] {
        var ranges: [Range<Int>] = []
        var first = start
        var index = start
        var size = 0
        for itemSize in sizes {
            index += 1
            size += itemSize
            if size >= minimum {
                ranges.append(first..<index)
                first = index
                size = 0
            }
        }
        if first < index { ranges.append(first..<index) }
        return ranges
    }
}

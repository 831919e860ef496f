import Testing

@testable import VicTrend

@Suite("BlockArray: an array in blocks of 65,536")
struct BlockArrayTests {
    @Test("elements keep their index across block boundaries, can be set, and are all removed")
    func blocks() {
        var array = BlockArray<Int>()
        let count = 3 * 65_536 + 5
        for value in 0..<count { array.append(value * 3) }
        #expect(array.count == count)
        #expect(
            [0, 65_535, 65_536, 131_072, count - 1].map { array[$0] }
                == [0, 65_535, 65_536, 131_072, count - 1].map { $0 * 3 })
        array[65_536] = -1
        #expect(array[65_536] == -1 && array[65_535] == 65_535 * 3 && array[65_537] == 65_537 * 3)
        array.removeAll()
        #expect(array.count == 0)
        array.append(7)
        #expect(array.count == 1 && array[0] == 7)
    }
}

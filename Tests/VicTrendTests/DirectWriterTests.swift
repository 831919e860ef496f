import Foundation
import Testing

@testable import VicTrend

@Suite("DirectWriter: a new file around the page cache, the same bytes as ordinary writes")
struct DirectWriterTests {
    /// Writes `bytes` in pieces of random sizes through a `DirectWriter` (falling back after
    /// `fallBackAfter` pieces, if given) and returns the file's bytes and whether writes went direct.
    private func write(
        _ bytes: [UInt8], direct: Bool, fallBackAfter: Int? = nil, using random: inout SeededGenerator
    ) throws -> (file: [UInt8], wentDirect: Bool) {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("out.csv").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = DirectWriter(descriptor: descriptor, direct: direct)
        let wentDirect = writer.isDirect
        var offset = 0
        var pieces = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, Int.random(in: 1...(1 << 21), using: &random))
            #expect(bytes[offset..<offset + count].withUnsafeBytes { writer.write($0) } == nil)
            offset += count
            pieces += 1
            if pieces == fallBackAfter { writer.fallBack() }
        }
        #expect(writer.finish() == nil)
        return (Array(try Data(contentsOf: URL(fileURLWithPath: path))), wentDirect)
    }

    private let sizes = [
        0, 1, 4095, 4096, 4097, DirectWriter.bufferSize - 1, DirectWriter.bufferSize,
        DirectWriter.bufferSize + 1,
        2 * DirectWriter.bufferSize + 12_345,
    ]

    @Test("any length, any pieces: the file holds exactly the bytes, direct or not")
    func sameBytes() throws {
        var random = SeededGenerator(seed: 5)
        var direct = 0
        for size in sizes {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
            for mode in [true, false] {
                let result = try write(bytes, direct: mode, using: &random)
                #expect(result.file == bytes, "size \(size), direct \(mode)")
                if !mode { #expect(!result.wentDirect) }
                if result.wentDirect { direct += 1 }
            }
        }
        // Where the file system takes direct I/O (ext4 on the project's machines), the direct path was
        // the one exercised.
        #expect(direct == (try directIOWorks() ? sizes.count : 0))
    }

    @Test("falling back to ordinary writes midway (a file system refusing direct I/O) keeps every byte")
    func fallBackMidway() throws {
        var random = SeededGenerator(seed: 9)
        let bytes = (0..<(3 * DirectWriter.bufferSize + 777)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for after in [1, 2, 3] {
            #expect(try write(bytes, direct: true, fallBackAfter: after, using: &random).file == bytes)
        }
    }

    /// Whether the test directory's file system accepts `O_DIRECT` on a new file.
    private func directIOWorks() throws -> Bool {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("probe").path
        let descriptor = open(path, O_WRONLY | O_CREAT | DirectWriter.directFlag, 0o600)
        defer { if descriptor >= 0 { close(descriptor) } }
        return descriptor >= 0 && DirectWriter.directFlag != 0
    }

    @Test("ordinary writes past the write-behind interval (flushed to disk on the way) keep every byte")
    func pastTheSyncInterval() throws {
        var random = SeededGenerator(seed: 13)
        let bytes = (0..<(DirectWriter.syncInterval + 4099)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let result = try write(bytes, direct: false, using: &random)
        #expect(!result.wentDirect)
        #expect(result.file == bytes)
    }

    @Test("a write that fails gives its errno")
    func failure() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("in.csv", "country,year,victims\n")
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = DirectWriter(descriptor: descriptor, direct: false)
        let bytes = [UInt8](repeating: 65, count: 10)
        #expect(bytes.withUnsafeBytes { writer.write($0) } == nil)  // gathered, not yet written
        #expect(writer.finish() == EBADF)
    }
}

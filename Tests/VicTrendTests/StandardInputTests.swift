import Foundation
import Testing

@testable import VicTrend

#if canImport(Glibc)
    import Glibc
#endif

/// The copy of standard input: whole for text, cut after the chunk with the first NUL byte, refused
/// beyond its limit (so that an endless pipe ends).
@Suite("Standard input's copy")
struct StandardInputTests {
    /// Copies `bytes` (from a file) with `limit`: the bytes copied, or the error.
    private func copied(_ bytes: [UInt8], limit: Int) throws -> Result<[UInt8], InputError> {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let source = try fixtures.bytes("in", bytes)
        let target = try fixtures.bytes("out", [])
        let input = open(source, O_RDONLY)
        let output = open(target, O_WRONLY | O_TRUNC)
        defer {
            close(input)
            close(output)
        }
        do {
            try StandardInput.copy(from: input, to: output, directory: "/tmp", limit: limit)
        } catch {
            return .failure(error)
        }
        return .success(Array(try Data(contentsOf: URL(fileURLWithPath: target))))
    }

    @Test("text is copied whole, up to the limit itself")
    func whole() throws {
        let text = Array(repeating: UInt8(ascii: "a"), count: 200_000)
        #expect(try copied(text, limit: 200_000) == .success(text))
    }

    @Test("the copy ends with the 64 KiB chunk that holds the first NUL byte")
    func endsAtNul() throws {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 300_000)
        bytes[70_000] = 0
        #expect(try copied(bytes, limit: 1 << 30) == .success(Array(bytes[0..<131_072])))
    }

    @Test("more than the limit is refused, naming standard input and what to do")
    func refusedBeyondLimit() throws {
        let result = try copied(Array(repeating: UInt8(ascii: "a"), count: 200_001), limit: 200_000)
        guard case .failure(.readFailed(let path, let reason)) = result else {
            Issue.record("copied: \(result)")
            return
        }
        #expect(path == StandardInput.name)
        #expect(reason.hasSuffix("more than victrend copies from a pipe; give the data as a file"))
        #expect(StandardInput.copyLimit == 1 << 30)
    }
}

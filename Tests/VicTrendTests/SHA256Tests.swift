import Testing

@testable import VicTrend

@Suite("SHA-256 for provenance")
struct SHA256Tests {
    private func digest(_ text: String, splitAt split: Int? = nil) -> String {
        var hash = SHA256()
        let bytes = Array(text.utf8)
        if let split, split <= bytes.count {
            hash.update(Array(bytes[..<split]))
            hash.update(Array(bytes[split...]))
        } else {
            hash.update(bytes)
        }
        return hash.finalize()
    }

    @Test("FIPS 180-4 / NIST test vectors")
    func vectors() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(digest(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            digest(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the digest does not depend on how the message is split")
    func splits() {
        let text = String(repeating: "victrend ", count: 30)
        let whole = digest(text)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 200] {
            #expect(digest(text, splitAt: split) == whole, "split at \(split)")
        }
    }

    @Test("files are hashed in chunks")
    func file() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("x.txt", "abc")
        #expect(try SHA256.file(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

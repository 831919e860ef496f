import Foundation
import Testing

@testable import VicTrend

/// `JSONPrettyText`'s layout, escapes and numbers, and `SpoolFile`.
@Suite("JSON text and spool files")
struct JSONPrettyTextTests {
    @Test("layout: two spaces a level, one member or element a line, empty containers closed at once")
    func layout() {
        var text = JSONPrettyText()
        text.beginObject()
        text.member("a", 1 as Int?)
        text.key("b")
        text.beginArray()
        text.string("x")
        text.beginObject()
        text.endObject()
        text.beginArray()
        text.endArray()
        text.null()
        text.endArray()
        text.member("c", "q\"\\\n\r\t\u{1}\u{1f}\u{7f}\u{9b}é😀##[x]#[")
        text.key("d")
        text.beginObject()
        text.member("e", true)
        text.endObject()
        text.endObject()
        let expected = """
            {
              "a": 1,
              "b": [
                "x",
                {},
                [],
                null
              ],
              "c": "q\\"\\\\\\n\\r\\t\\u0001\\u001f\\u007f\\u009bé😀#\\u0023[x]#[",
              "d": {
                "e": true
              }
            }
            """
        #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
    }

    @Test(
        "bidirectional controls are escaped by both JSON writers, each of the eleven, and nothing near them")
    func bidiControls() {
        let controls: [Unicode.Scalar] = [
            "\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
            "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        ]
        for control in controls {
            let text = "a" + String(control) + "b"
            let hex = String(control.value, radix: 16)
            let expected = "\"a\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "b\""
            var pretty = JSONPrettyText()
            pretty.string(text)
            #expect(String(decoding: pretty.bytes, as: UTF8.self) == expected)
            #expect(JSONText.string(text) == expected)
        }
        // Neighbours of the same lead bytes pass as they are: U+061B, U+200D, U+2029, U+202F, U+2065, U+206A,
        // and a lone lead byte's character at the end (U+2010 hyphen).
        let plain = "\u{061B}\u{200D}\u{2029}\u{202F}\u{2065}\u{206A}‐"
        var pretty = JSONPrettyText()
        pretty.string(plain)
        #expect(String(decoding: pretty.bytes, as: UTF8.self) == "\"" + plain + "\"")
        #expect(JSONText.string(plain) == "\"" + plain + "\"")
    }

    @Test("numbers: integral doubles below 10^15 as integers, others in their shortest form, non-finite null")
    func numbers() {
        let cases: [(Double?, String)] = [
            (0.1, "0.1"), (1e-05, "1e-05"), (2.5, "2.5"), (-3, "-3"), (-0.0, "0"),
            (999_999_999_999_999, "999999999999999"),
            (1e15, "1000000000000000.0"), (9_007_199_254_740_994, "9.007199254740994e+15"), (1e16, "1e+16"),
            (0.30000000000000004, "0.30000000000000004"),
            (.nan, "null"), (.infinity, "null"), (-.infinity, "null"), (nil, "null"),
        ]
        for (value, expected) in cases {
            var text = JSONPrettyText()
            text.number(value)
            #expect(String(decoding: text.bytes, as: UTF8.self) == expected, "\(String(describing: value))")
        }
        var text = JSONPrettyText()
        text.beginArray()
        text.integer(Int.min)
        text.integer(Int128(Int.max) * 4)
        text.integer(nil)
        text.endArray()
        #expect(
            String(decoding: text.bytes, as: UTF8.self)
                == "[\n  -9223372036854775808,\n  36893488147419103228,\n  null\n]")
    }

    @Test("elements written apart and spliced: the text inside an open array goes on where it stood")
    func fragments() {
        var elements = JSONPrettyText(insideContainers: 2)
        #expect(elements.innermostIsEmpty)
        elements.beginObject()
        elements.member("k", 1 as Int?)
        elements.endObject()
        let first = elements.takeBytes()
        elements.string("s")
        #expect(!elements.innermostIsEmpty)
        #expect(String(decoding: first, as: UTF8.self) == "\n    {\n      \"k\": 1\n    }")
        #expect(String(decoding: elements.bytes, as: UTF8.self) == ",\n    \"s\"")
    }

    @Test("a spool file gives back what it was given, across its copy buffer's size")
    func spool() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("copy").path
        let spool = try SpoolFile()
        var expected: [UInt8] = []
        for size in [0, 1, 3 << 19, 1 << 20, 5] {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            try spool.append(piece)
            expected += piece
        }
        #expect(spool.count == expected.count)
        let output = try StagedOutput(path: path)
        try spool.copy(to: output)
        try output.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    }
}

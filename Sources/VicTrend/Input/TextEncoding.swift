/// The character encoding of a delimited text file (`--encoding`).
///
/// Excel's "CSV" (not "CSV UTF-8") writes the Windows code page of the machine's locale: Windows-1252
/// in Western Europe. Such a file is decoded to UTF-8 as it is read, byte for byte, so lines stay the
/// physical lines and a column (counted in Unicode scalars) is the byte's position on its line. A file
/// that starts with a UTF-8 byte-order mark is UTF-8 whatever the option says: only UTF-8 writes one.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 (the default); bytes that are not UTF-8 are VT003, whose message suggests `--encoding`.
    case utf8 = "utf-8"
    /// Windows-1252 (Excel's "CSV" in Western Europe): ISO 8859-1 with printable characters such as
    /// `€`, `„` and `Š` in 0x80–0x9F. The five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    /// become the C1 control of the same value, as WHATWG decodes them (never a key: VT130).
    case windows1252 = "windows-1252"
    /// ISO 8859-1: every byte is the Unicode scalar of the same value.
    case latin1 = "latin-1"

    /// The Unicode scalar of `byte` (0x80 or above) in this single-byte encoding.
    func scalar(_ byte: UInt8) -> UInt32 {
        guard self == .windows1252, byte >= 0x80, byte < 0xA0 else { return UInt32(byte) }
        return UInt32(Self.windows1252High[Int(byte) - 0x80])
    }

    /// Windows-1252 0x80–0x9F (the Unicode Consortium's cp1252.txt; undefined bytes map to themselves).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// `text`, read in this single-byte encoding, as it reads in UTF-8 — `Österreich` for `Ã–sterreich` —
    /// when its bytes are UTF-8 holding a character beyond ASCII, which a file's text seldom is by chance;
    /// otherwise `nil` (also for `.utf8`, or a character this encoding cannot have given). For the hint
    /// that a UTF-8 file was read with `--encoding`.
    func asUTF8(_ text: String) -> String? {
        guard self != .utf8, text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return nil }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = (0x80...0xFF).first(where: { self.scalar(UInt8($0)) == scalar.value }) {
                bytes.append(UInt8(byte))
            } else {
                return nil
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Decodes `source` (single-byte text) into `target` as UTF-8 and returns the bytes written.
    /// `target` must hold `3 * source.count` bytes (no scalar of these encodings takes more than three).
    func transcode(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        for byte in source {
            if byte < 0x80 {
                target[written] = byte
                written += 1
                continue
            }
            let scalar = scalar(byte)
            if scalar < 0x800 {
                target[written] = UInt8(0xC0 | (scalar >> 6))
                target[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                written += 2
            } else {
                target[written] = UInt8(0xE0 | (scalar >> 12))
                target[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                target[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                written += 3
            }
        }
        return written
    }
}

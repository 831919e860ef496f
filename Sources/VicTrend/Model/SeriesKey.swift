/// The key of a series: the country, or with `--by` the country and further columns (an agency, a
/// region), joined as `AUT · Vienna`. The country part comes first and decides group membership and
/// the name shown.
public enum SeriesKey {
    /// What joins the parts of a key.
    public static let separator = " · "

    /// Appends the next part to `key` (which starts as the country).
    static func append(_ part: String, to key: inout String) {
        key += separator
        key += part
    }

    /// The country part of `key`.
    public static func country(of key: String) -> String {
        // The separator's bytes, found in the UTF-8 (a key without one is returned as it is).
        let utf8 = key.utf8
        let first = UInt8(ascii: " ")
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: separator.utf8) {
                return String(key[..<found])
            }
            index = utf8.index(after: found)
        }
        return key
    }
}

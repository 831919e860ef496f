/// The key of a series: the country, or with `--by` the country and further columns (an agency, a
/// region), joined as `AUT · Vienna`. The country part comes first and decides group membership and
/// the name shown.
public enum SeriesKey {
    /// What joins the parts of a key.
    public static let separator = " · "

    /// The key of `parts` (the country first).
    public static func make(_ parts: [String]) -> String {
        parts.joined(separator: separator)
    }

    /// The country part of `key`.
    public static func country(of key: String) -> String {
        guard let range = key.firstRange(of: separator) else { return key }
        return String(key[..<range.lowerBound])
    }
}

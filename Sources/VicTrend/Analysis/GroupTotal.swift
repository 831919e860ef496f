/// The total of a group of countries (or of the whole alliance) in one year, with like-for-like growth.
///
/// Growth compares only the countries that reported in both this year and the group's previous
/// reported year, so a country joining or missing a year does not look like growth or decline.
public struct GroupTotal: Sendable, Hashable {
    /// `alliance` for the total of all countries, or the group's name.
    public var group: String
    public var year: Int
    /// Countries of the group reporting this year.
    public var countries: Int
    /// Their total count; `nil` when small-cell suppression withholds it.
    public var victims: Int?
    /// Countries reporting in both this year and the base year.
    public var matchedCountries: Int
    /// Total of the matched countries this year; `nil` when withheld.
    public var matchedVictims: Int?
    /// Matched totals compared: base = the matched countries' total in the base year.
    public var comparison: Comparison

    /// The name of the all-countries total.
    public static let allianceName = "alliance"
}

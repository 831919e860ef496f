/// The participants of the Alliance, each with the year from which its figures are expected.
public struct Members: Sendable, Hashable {
    /// One participant.
    public struct Member: Sendable, Hashable {
        /// The country key, as the data spells it.
        public var country: String
        /// First year a figure is expected: the year after joining (a country that joined in December
        /// 2012 reports from 2013). `nil` when the join date is unknown: every year is expected.
        public var firstExpectedYear: Int?
        /// Where the participant is listed.
        public var location: Location
    }

    /// Participants in file order.
    public private(set) var members: [Member] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// Adds a participant; a country listed twice keeps its first entry.
    public mutating func add(_ member: Member) {
        guard index[member.country] == nil else { return }
        index[member.country] = members.count
        members.append(member)
    }

    /// The participant entry for `country`, if it is one.
    public func member(_ country: String) -> Member? { index[country].map { members[$0] } }
}

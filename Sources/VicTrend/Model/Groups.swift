/// Named sets of countries (e.g. EU and non-EU) whose totals are reported beside the alliance total.
/// A country may belong to several groups.
public struct Groups: Sendable, Hashable {
    /// Group names, in the order they first appear.
    public private(set) var names: [String] = []
    private var members: [String: Set<String>] = [:]

    public init() {}

    /// The most groups a report takes: each is a total in every year, and secondary suppression weighs
    /// every pair of them (a groups file names a handful: EU and non-EU, regions, income groups).
    static let maximumCount = 200

    /// The number of groups.
    var count: Int { names.count }

    /// Whether `group` is one of the groups.
    func has(_ group: String) -> Bool { members[group] != nil }

    /// Puts `country` into `group` (creating the group on first use).
    public mutating func add(country: String, to group: String) {
        if members[group] == nil {
            names.append(group)
            members[group] = []
        }
        members[group]?.insert(country)
    }

    /// The countries of `group` (empty for an unknown group).
    public func members(of group: String) -> Set<String> { members[group] ?? [] }

    /// True when `country` is in at least one group.
    public func contains(_ country: String) -> Bool { members.values.contains { $0.contains(country) } }

    public var isEmpty: Bool { names.isEmpty }
}

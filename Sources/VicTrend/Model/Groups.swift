/// Named sets of countries (e.g. EU and non-EU) whose totals are reported beside the alliance total.
/// A country may belong to several groups.
public struct Groups: Sendable, Hashable {
    /// Group names, in the order they first appear.
    public private(set) var names: [String] = []
    private var members: [String: Set<String>] = [:]

    public init() {}

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

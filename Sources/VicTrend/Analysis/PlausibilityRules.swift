/// Checks that go beyond "is this a valid number": figures that are possible but suspicious. Every
/// finding is a warning (unless `--strict` makes it an error). (A falling running total is an error
/// found by `TrendAnalysis`, which `validate` runs too.)
public struct PlausibilityRules: Sendable {
    /// Thresholds and context.
    public struct Options: Sendable {
        /// A count above `jumpFactor` × the previous year's, or below it ÷ `jumpFactor`, is flagged.
        public var jumpFactor: Int
        /// Changes where both counts are below this are not flagged: small counts vary a lot (2 -> 0 is
        /// not a typo).
        public var jumpMinimum: Int
        /// Years before this are flagged.
        public var earliestYear: Int
        /// Years after this are flagged (the year the check runs in, by default).
        public var currentYear: Int
        /// The participants, when known: non-participants and missing years are flagged.
        public var members: Members?

        public init(
            jumpFactor: Int = 10, jumpMinimum: Int = 10, earliestYear: Int = 2000, currentYear: Int,
            members: Members? = nil
        ) {
            self.jumpFactor = jumpFactor
            self.jumpMinimum = jumpMinimum
            self.earliestYear = earliestYear
            self.currentYear = currentYear
            self.members = members
        }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// All findings for `panel`, series by series in year order, then the participants' missing years.
    public func check(_ panel: Panel) -> [Diagnostic] {
        var checker = Checker(rules: self)
        for series in panel.series { checker.add(series) }
        return checker.findings()
    }

    /// The same checks, series by series, without holding the panel: `findings()` after adding every
    /// series in the panel's order gives what `check` gives.
    public struct Checker: Sendable {
        let rules: PlausibilityRules
        /// The findings so far: the first `limit` kept, the rest counted.
        private var found: DiagnosticLog
        /// The first and last year with an observation, over every series.
        private var years: ClosedRange<Int>?
        /// Years with a figure (or a withheld one) of the participants' keys; the first series wins.
        private var memberYears: [String: Set<Int>] = [:]
        private let memberKeys: Set<String>

        /// A checker that keeps `limit` findings and counts the rest (unlimited by default: `check`).
        public init(rules: PlausibilityRules, limit: Int = .max) {
            self.rules = rules
            found = DiagnosticLog(limit: limit)
            memberKeys = Set(rules.options.members?.members.map(\.country) ?? [])
        }

        /// Checks one series.
        public mutating func add(_ series: Series) {
            let options = rules.options
            if let members = options.members, members.member(series.country) == nil {
                found.add(
                    Diagnostic(
                        .notAParticipant, at: series.observations.first?.location,
                        "\(series.country) is not in the members file; check the country code or the file"))
            }
            var previous: Observation?
            // Withheld years are sorted: each gap takes those inside it, so a series of n figures and w
            // withheld years costs n + w, whatever the years between them.
            let withheldYears = series.withheld.map(\.year)
            var nextWithheld = 0
            for observation in series.observations {
                if observation.year > options.currentYear {
                    found.add(
                        Diagnostic(
                            .futureYear, at: observation.location,
                            "\(observation.year) is in the future (the current year is \(options.currentYear))"
                        ))
                } else if observation.year < options.earliestYear {
                    found.add(
                        Diagnostic(
                            .earlyYear, at: observation.location,
                            "\(observation.year) is before \(options.earliestYear); is the year right?"))
                }
                if let previous {
                    while nextWithheld < withheldYears.count && withheldYears[nextWithheld] <= previous.year {
                        nextWithheld += 1
                    }
                    var end = nextWithheld
                    while end < withheldYears.count && withheldYears[end] < observation.year { end += 1 }
                    found.add(
                        contentsOf: rules.compare(
                            observation, with: previous, factor: options.jumpFactor,
                            withheldYears: withheldYears[nextWithheld..<end]))
                    nextWithheld = end
                }
                previous = observation
            }
            if let first = series.observations.first?.year, let last = series.observations.last?.year {
                years = years.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
            }
            if memberKeys.contains(series.country) && memberYears[series.country] == nil {
                memberYears[series.country] = Set(
                    series.observations.map(\.year) + series.withheld.map(\.year))
            }
        }

        /// Every finding so far, then the participants' missing years (all of them: `check`).
        public func findings() -> [Diagnostic] {
            findingsLog().diagnostics
        }

        /// Every finding so far, then the participants' missing years: kept up to the limit, counted
        /// past it.
        public func findingsLog() -> DiagnosticLog {
            guard let members = rules.options.members else { return found }
            var log = found
            log.add(contentsOf: rules.missingParticipants(members, years: years, reported: memberYears))
            return log
        }
    }

    /// The findings for `observation` after `previous`; `withheldYears` are the (sorted) withheld
    /// years between them, which are not missing.
    private func compare(
        _ observation: Observation, with previous: Observation, factor: Int, withheldYears: ArraySlice<Int>
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let country = observation.country
        var missingRanges: [ClosedRange<Int>] = []
        if observation.year > previous.year + 1 {
            var start = previous.year + 1
            for year in withheldYears {
                if year > start { missingRanges.append(start...(year - 1)) }
                start = year + 1
            }
            if observation.year > start { missingRanges.append(start...(observation.year - 1)) }
        }
        if !missingRanges.isEmpty {
            let missing = Self.yearRanges(of: missingRanges)
            findings.append(
                Diagnostic(
                    .missingYear, at: observation.location,
                    "\(country) has no figure for \(missing) (between \(previous.year) and \(observation.year)); "
                        + "growth is annualised over the gap"))
        }
        guard max(previous.victims, observation.victims) >= options.jumpMinimum else { return findings }
        let (up, upOverflow) = previous.victims.multipliedReportingOverflow(by: factor)
        let (down, downOverflow) = observation.victims.multipliedReportingOverflow(by: factor)
        if previous.victims == 0 {
            // From 0 to at least the minimum: as implausible as a fall from it to 0, which the rule below
            // flags (any count is more than `factor` times 0).
            findings.append(
                Diagnostic(
                    .implausibleChange, at: observation.location,
                    "\(country) jumps from 0 in \(previous.year) to \(observation.victims) in \(observation.year); "
                        + "check for a typo or a "
                        + "change of definition"))
        } else if !upOverflow && observation.victims > up {
            findings.append(
                Diagnostic(
                    .implausibleChange, at: observation.location,
                    "\(country) jumps from \(previous.victims) in \(previous.year) to \(observation.victims) in "
                        + "\(observation.year): "
                        + "more than \(factor) times; check for a typo or a change of definition"))
        } else if !downOverflow && down < previous.victims {
            findings.append(
                Diagnostic(
                    .implausibleChange, at: observation.location,
                    "\(country) drops from \(previous.victims) in \(previous.year) to \(observation.victims) in "
                        + "\(observation.year): "
                        + "less than a \(factor == 10 ? "tenth" : "1/\(factor)"); check for a typo or a change of definition"
                ))
        }
        return findings
    }

    /// Participants without a figure for a year the submission covers (`years`: the first and last
    /// with an observation), from their first expected year; `reported` holds each participant's years.
    private func missingParticipants(
        _ members: Members, years: ClosedRange<Int>?, reported: [String: Set<Int>]
    )
        -> [Diagnostic]
    {
        guard let first = years?.lowerBound, let last = years?.upperBound else { return [] }
        var findings: [Diagnostic] = []
        for member in members.members {
            let from = max(first, member.firstExpectedYear ?? first)
            guard from <= last else { continue }
            let reported = reported[member.country] ?? []
            let missing = (from...last).filter { !reported.contains($0) }
            guard !missing.isEmpty else { continue }
            let list = Self.yearRanges(missing)
            findings.append(
                Diagnostic(
                    .missingParticipant, at: member.location,
                    reported.isEmpty
                        ? "\(member.country) is a participant but has no figure at all (\(list))"
                        : "\(member.country) is a participant but has no figure for \(list)"))
        }
        return findings
    }

    /// `2014, 2016–2018` for [2014, 2016, 2017, 2018].
    static func yearRanges(_ years: [Int]) -> String {
        var ranges: [ClosedRange<Int>] = []
        for year in years {
            if let last = ranges.last, year == last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...year
            } else {
                ranges.append(year...year)
            }
        }
        return yearRanges(of: ranges)
    }

    /// `2014, 2016–2018` for [2014...2014, 2016...2018].
    static func yearRanges(of ranges: [ClosedRange<Int>]) -> String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ")
    }
}

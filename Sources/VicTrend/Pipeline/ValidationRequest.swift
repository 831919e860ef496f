#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `victrend validate` asks the pipeline for: every check a report makes, plus the plausibility
/// rules.
public struct ValidationRequest: Sendable {
    /// The plausibility rules' thresholds; `members` is filled from `membersFile`.
    public var rules: PlausibilityRules.Options
    /// Annual counts or running totals (a falling running total is an error).
    public var series: SeriesKind
    /// The growth a year the 64-bit checks assume (the required counts a report would compute).
    public var targetRate: TargetRate
    /// A groups file to check as `report --groups` would read it.
    public var groupsFile: String?
    /// A CSV of participants: flags non-participants and participants without a figure.
    public var membersFile: String?

    public init(
        rules: PlausibilityRules.Options, series: SeriesKind = .annual,
        targetRate: TargetRate = .allianceGoal, groupsFile: String? = nil, membersFile: String? = nil
    ) {
        self.rules = rules
        self.series = series
        self.targetRate = targetRate
        self.groupsFile = groupsFile
        self.membersFile = membersFile
    }

    /// The rules with their members, and the findings in the groups and members files (in that order).
    func readOtherFiles(countries: CountryMatching) throws(VictrendError) -> (
        rules: PlausibilityRules, log: [Diagnostic]
    ) {
        var options = rules
        var log: [Diagnostic] = []
        do {
            if let groupsFile {
                log += try GroupsReader.read(groupsFile, countries: countries).log.diagnostics
            }
            if let membersFile {
                let found = try MembersReader.read(membersFile, countries: countries)
                // A members file with an error (not CSV, a bad row) is fixed first: checked against it,
                // every country would be "not in the members file" (VT305) before the one finding that
                // matters.
                if !found.log.hasErrors { options.members = found.members }
                log += found.log.diagnostics
            }
        } catch {
            throw .unreadable(error)
        }
        return (PlausibilityRules(options: options), log)
    }
}

extension ValidationRequest {
    /// The inputs a validation reads: each file once — the same file by any path or link is validated
    /// once, so overlapping patterns are harmless — less those that cannot be opened (no such file, a
    /// dangling link, a pattern the shell passed on, a directory, not readable), each of which becomes
    /// an error (VT007) at its path, so that one bad path does not hide the other files' findings.
    /// Standard input is always kept. Checked with `stat` and `access`, never by opening: a named pipe
    /// opened and closed here would lose its writer before the read.
    static func openableInputs(_ inputs: [String]) -> (inputs: [String], unopened: [Diagnostic]) {
        var kept: [String] = []
        var unopened: [Diagnostic] = []
        var seen: Set<FileIdentity> = []
        for path in inputs {
            if path == StandardInput.name {
                kept.append(path)
                continue
            }
            var status = stat()
            let problem: InputError?
            if stat(path, &status) != 0 {
                problem = .opening(path)
            } else if (status.st_mode & S_IFMT) == S_IFDIR {
                problem = .isDirectory(path: path)
            } else if access(path, R_OK) != 0 {
                problem = .opening(path)
            } else {
                problem = nil
            }
            if let problem {
                unopened.append(
                    Diagnostic(.unreadableFile, at: Location(file: path, line: 1), problem.problem))
                continue
            }
            if !seen.insert(FileIdentity(status: status)).inserted { continue }
            kept.append(path)
        }
        return (kept, unopened)
    }
}

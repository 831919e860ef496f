/// victrend's version, printed by `--version` and recorded in SARIF output and report provenance.
public enum VicTrendVersion {
    public static let current = "0.1.0"

    /// The git commit the executable was built from: the 40 hexadecimal digits, followed by
    /// `-modified` when tracked files differed from it, or `unknown` for a plain `swift build` (and a
    /// build from a tarball without `.git`). Written into `BuildCommit.swift` by the release scripts
    /// (`scripts/install`, `scripts/build-static`, `scripts/package`), which put the file back after.
    public static var commit: String { buildCommit }

    /// What `victrend --version` prints: `0.1.0 (commit 0123abcd…)`.
    public static var description: String { "\(current) (commit \(commit))" }
}

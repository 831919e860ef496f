// The commit victrend is built from. Committed as "unknown"; scripts/lib/common.sh (`with_build_commit`)
// writes the commit here for the length of a release build and then restores this file.
extension VicTrendVersion {
    static let buildCommit = "unknown"
}

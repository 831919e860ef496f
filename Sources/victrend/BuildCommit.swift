// The commit victrend is built from. Committed as "unknown"; scripts/lib/common.sh (`with_build_commit`)
// writes the commit here for the length of a release build and then restores this file. It lives in
// the command-line target, not the library, so that a release build recompiles only this small module.

/// The git commit the executable was built from: the 40 hexadecimal digits, followed by `-modified`
/// when tracked files differed from it, or `unknown` for a plain `swift build` (and a build outside
/// victrend's own repository, such as from a tarball without `.git`).
let buildCommit = "unknown"

# Shared by the scripts in scripts/: installs what victrend needs and finds the build.
# shellcheck shell=bash

# Installs Debian's libcsv-dev when its header is missing, and libzip and libxml2 (loaded with dlopen when
# an .xlsx workbook is read; the tests read workbooks) when missing: libzip4 on Debian 12, libzip5 on 13;
# libxml2, or libxml2-16 where it is called so (apt-get update only if the first try fails; sudo only when
# not root).
ensure_libcsv() {
    if [ -f /usr/include/csv.h ] && ldconfig -p | grep -q 'libzip\.so\.[45] ' \
        && ldconfig -p | grep -Eq 'libxml2\.so\.(2|16) '; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "victrend: installing libcsv-dev (the CSV parser victrend is built on), libzip and libxml2 (.xlsx)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y -q libcsv-dev $(workbook_packages) >&2; then
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q libcsv-dev $(workbook_packages) >&2
    fi
}

# The Debian packages of libzip and libxml2 this release has (their names carry the soname).
workbook_packages() {
    local zip=libzip4 xml=libxml2
    has_candidate libzip4 || ! has_candidate libzip5 || zip=libzip5
    has_candidate libxml2 || ! has_candidate libxml2-16 || xml=libxml2-16
    echo "$zip $xml"
}

has_candidate() {
    apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'
}

# Runs "$@" (a build) with Sources/victrend/BuildCommit.swift naming the commit of the working tree
# (`<40 hex>`, `-modified` when tracked files differ from it; `unknown` outside git), then puts the
# committed file back, also when the build fails or is interrupted. Run from the package root.
with_build_commit() {
    local file=Sources/victrend/BuildCommit.swift
    local commit saved status=0
    commit=unknown
    # Only this package's own repository counts: a tarball unpacked inside another repository is not
    # built from that repository's commit. safe.directory: a checkout owned by another user (a CI
    # container's workspace) is still read, for this one command.
    local root
    root="$(pwd -P)"
    git() { command git -c safe.directory="$root" "$@"; }
    if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$root" ]; then
        commit="$(git rev-parse --verify -q HEAD 2>/dev/null || echo unknown)"
    fi
    if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- 2>/dev/null; then
        commit="$commit-modified"
    fi
    saved="$(mktemp)"
    cp -p "$file" "$saved"
    # shellcheck disable=SC2064
    trap "cp -p '$saved' '$file'; rm -f '$saved'" EXIT
    # shellcheck disable=SC2064
    trap "cp -p '$saved' '$file'; rm -f '$saved'; exit 130" INT TERM
    sed -i "s/^let buildCommit = \"[^\"]*\"/let buildCommit = \"$commit\"/" "$file"
    unset -f git
    "$@" || status=$?
    cp -p "$saved" "$file"
    rm -f "$saved"
    trap - EXIT INT TERM
    return "$status"
}

# The version, from Sources/VicTrend/Core/Version.swift.
victrend_version() {
    sed -n 's/.*static let current = "\([^"]*\)".*/\1/p' Sources/VicTrend/Core/Version.swift
}

# Shared by the scripts in scripts/: installs what victrend needs and finds the build.
# shellcheck shell=bash

# Installs Debian's libcsv-dev when its header is missing (apt-get update only if the first try fails;
# sudo only when not root).
ensure_libcsv() {
    if [ -f /usr/include/csv.h ]; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "victrend: installing libcsv-dev (the CSV parser victrend is built on)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y -q libcsv-dev >&2; then
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q libcsv-dev >&2
    fi
}

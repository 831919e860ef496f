# Shared by the scripts in scripts/: installs what victrend needs and finds the build.
# shellcheck shell=bash

# Installs Debian's libcsv-dev when its header is missing, and libzip4 and libxml2 (loaded with dlopen when
# an .xlsx workbook is read; the tests read workbooks) when missing (apt-get update only if the first try
# fails; sudo only when not root).
ensure_libcsv() {
    if [ -f /usr/include/csv.h ] && ldconfig -p | grep -q 'libzip\.so\.[45] ' && ldconfig -p | grep -q 'libxml2\.so\.2 '; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "victrend: installing libcsv-dev (the CSV parser victrend is built on), libzip4 and libxml2 (.xlsx)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y -q libcsv-dev libzip4 libxml2 >&2; then
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q libcsv-dev libzip4 libxml2 >&2
    fi
}

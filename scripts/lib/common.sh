# Shared by the scripts in scripts/: installs what victrend needs and finds the build.
# shellcheck shell=bash

# Installs Debian's libcsv-dev (the CSV parser), libzip-dev and libxml2-dev (the .xlsx container and its
# XML) when a header is missing (apt-get update only if the first try fails; sudo only when not root).
ensure_libcsv() {
    if [ -f /usr/include/csv.h ] && [ -f /usr/include/zip.h ] && [ -f /usr/include/libxml2/libxml/xmlreader.h ]; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    echo "victrend: installing libcsv-dev, libzip-dev and libxml2-dev (the CSV parser and the .xlsx reader)" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y -q libcsv-dev libzip-dev libxml2-dev pkg-config >&2; then
        $sudo apt-get update -q >&2
        $sudo apt-get install -y -q libcsv-dev libzip-dev libxml2-dev pkg-config >&2
    fi
}

#ifndef VICTREND_CLIBCSV_SHIM_H
#define VICTREND_CLIBCSV_SHIM_H

// libcsv 3.x from Debian's libcsv-dev (/usr/include/csv.h).
#include <csv.h>

#endif

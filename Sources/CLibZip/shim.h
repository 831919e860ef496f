// libzip (Debian: libzip-dev): the .xlsx container. /usr/include/zip.h.
#include <zip.h>

// libxml2 (Debian: libxml2-dev): the streaming XML reader for a workbook's parts. The include path
// (/usr/include/libxml2) comes from pkg-config's libxml-2.0.
#include <libxml/xmlreader.h>

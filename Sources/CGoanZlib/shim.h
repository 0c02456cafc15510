// The system zlib (Debian: zlib1g-dev), used only to inflate the blocks of an OSM PBF file.
#include <zlib.h>

/* Stub: exporters. */
#include "scholia/export.h"

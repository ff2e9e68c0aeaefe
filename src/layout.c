/* Stub: layout. */
#include "scholia/layout.h"

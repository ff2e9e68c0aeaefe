/* Stub: Unicode services. */
#include "scholia/text.h"

/* Stub: jump list. */
#include "scholia/nav.h"

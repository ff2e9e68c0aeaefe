/* Stub: search. */
#include "scholia/search.h"

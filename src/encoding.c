/* Stub: encodings. */
#include "scholia/encoding.h"

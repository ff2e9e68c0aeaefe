/* Helpers shared by the files of src/ and by no one else. */
#ifndef SCHOLIA_INTERNAL_H
#define SCHOLIA_INTERNAL_H

#include <stddef.h>

#include "scholia/xmalloc.h"

/* Make room for one more element in a DOC_ARRAY-style (ptr, n, cap) triple. */
#define ARRAY_GROW(ptr, n, cap) do {					\
	if ((n) >= (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 16;				\
		(ptr) = xreallocarray((ptr), (cap), sizeof *(ptr));	\
	}								\
} while (0)

#define ARRAY_PUSH(ptr, n, cap)	(ARRAY_GROW(ptr, n, cap), &(ptr)[(n)++])

#endif

/* Helpers shared by the files of src/ and by no one else. */
#ifndef SCHOLIA_INTERNAL_H
#define SCHOLIA_INTERNAL_H

#include <stddef.h>

#include "scholia/xmalloc.h"

/* Make room for one more element in a (ptr, n, cap) array; returns ptr. */
static inline void *
array_grow(void *ptr, size_t n, size_t *cap, size_t size)
{
	if (n >= *cap) {
		*cap = *cap ? *cap * 2 : 16;
		ptr = xreallocarray(ptr, *cap, size);
	}
	return ptr;
}

/* Append a slot to a (ptr, n, cap) array and evaluate to its address. */
#define ARRAY_PUSH(ptr, n, cap)						\
	((ptr) = array_grow((ptr), (n), &(cap), sizeof *(ptr)), &(ptr)[(n)++])

#endif

/* References in reading order: stepping from a place in the text to the next or previous one. */
#ifndef SCHOLIA_REFS_H
#define SCHOLIA_REFS_H

#include <stddef.h>

struct doc;

/*
 * The reference in the reading flow (doc_in_flow blocks) nearest after
 * (forward) or before a place, given as block and doc text offset; a
 * reference starting exactly there does not count. Reading order is block
 * order, then offset. Returns its index in doc->refs, or -1.
 */
int	refs_next(const struct doc *, int block, size_t off, int forward);

#endif

/* Private to the outline pass: line classification shared by its files. */
#ifndef SCHOLIA_OUTLINE_INTERNAL_H
#define SCHOLIA_OUTLINE_INTERNAL_H

#include <stddef.h>

#include "scholia/buf.h"

#define OUTLINE_MAX_HAN		50	/* characters of a CJK heading line */
#define OUTLINE_MAX_LATIN	120

struct doc;

/* Bytes of literal lit at s, 0 if s does not start with it. */
size_t	outline_lit(const char *, size_t, const char *);
/*
 * Whether a block has the shape of a heading line: a paragraph alone on
 * its line, short, not a sentence. If it has, its plain text is left in
 * out.
 */
int	outline_para_shape(const struct doc *, int, struct buf *);

#endif

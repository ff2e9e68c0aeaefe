/* Private to src/: one doc of consecutive parts of a source, from a doc per part. */
#ifndef SCHOLIA_DOC_JOIN_H
#define SCHOLIA_DOC_JOIN_H

#include <stddef.h>

struct doc;

/*
 * Append doc b (of the part of the source after a's) to a: b's text, aux,
 * blocks, spans, tables, cells, notes, refs, headings, keywords and
 * articles go to the end of a's, their offsets and indexes moved past a's,
 * their source lines by lines. b is left empty, to be freed; its source
 * is not touched. Large arrays are copied a step at a time and their
 * copied pages given back, so the join needs little memory more.
 */
void	doc_append_doc(struct doc *a, struct doc *b, int lines);

#endif

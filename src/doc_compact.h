/* Private to src/: squeeze out the text and spans recovery left behind. */
#ifndef SCHOLIA_DOC_COMPACT_H
#define SCHOLIA_DOC_COMPACT_H

struct doc;

/*
 * Recovery copies what it joins or rewrites to the end of the text and the
 * spans, leaving the old copies unused. Keep only text some block or cell
 * shows and spans some block or cell lists, in order, and give the rest
 * back. Offsets and span indexes in blocks, cells, spans and refs follow;
 * what any of them reads stays the same.
 */
void	doc_compact(struct doc *);

#endif

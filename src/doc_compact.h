/* Private to src/: doc surgery for memory: compaction, long paragraphs cut. */
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

/*
 * A paragraph of more than a megabyte (a book on one line) is cut into
 * pieces of about 64 KB at sentence ends: each pass and the layout then
 * hold one piece at a time. Pieces after the first are BLOCK_TIGHT and on
 * the same source lines; references follow their markers. Run after the
 * parse, before recovery. With last set, the last paragraph is cut too,
 * whatever its length (it is the start of a long one cut short).
 */
void	doc_split_long(struct doc *, int last);

#endif

/* Carrying a reading place from one doc of a file to another (head or tail to full). */
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/load.h"

static int	 load_map_same(const struct doc *, int, const struct doc *,
		    size_t);
static int	 load_map_equal(const struct doc *, int, const struct doc *,
		    int);
static int	 load_map_nth(const struct doc *, int, const struct doc *,
		    size_t, int);
static int	 load_map_find(const struct doc *, int, size_t,
		    const struct doc *, size_t, size_t *);
static int	 load_map_ends_alike(const struct doc *, const struct doc *);
static int	 load_map_scan(const struct doc *, size_t, size_t,
		    const struct doc *, size_t, int, int, size_t *);

int
load_map(const struct doc *from, int block, size_t off, const struct doc *to,
    int *to_block, size_t *to_off)
{
	const struct block	*a, *b;
	size_t			 i;
	int			 line, same;

	if (block < 0 || (size_t)block >= from->nblocks)
		return -1;
	a = &from->blocks[block];
	line = a->line;
	for (i = 0; i < to->nblocks; i++) {
		b = &to->blocks[i];
		if (b->line >= line && doc_in_flow(to, (int)i))
			break;
	}
	if (i == to->nblocks)
		return -1;
	/* several blocks start on that line: the one that is the same */
	if ((same = load_map_same(from, block, to, i)) >= 0)
		i = (size_t)same;
	else if ((same = load_map_find(from, block, off, to, i,
	    to_off)) >= 0) {
		*to_block = same;
		return 0;
	}
	b = &to->blocks[i];
	*to_block = (int)i;
	*to_off = b->text_off;
	if (b->line == line && b->text_len == a->text_len &&
	    off >= a->text_off && off <= a->text_off + a->text_len &&
	    memcmp(doc_text(to, b->text_off), doc_text(from, a->text_off),
	    a->text_len) == 0)
		*to_off = b->text_off + (off - a->text_off);
	return 0;
}

/* The two blocks read the same and start on the same line. */
static int
load_map_equal(const struct doc *from, int fb, const struct doc *to, int tb)
{
	const struct block	*a = &from->blocks[fb], *b = &to->blocks[tb];

	return a->line == b->line && a->text_len == b->text_len &&
	    memcmp(doc_text(to, b->text_off), doc_text(from, a->text_off),
	    a->text_len) == 0;
}

/*
 * A file of one long line (or a line of many blocks) has every block on
 * the same line: the block of to that is block's n-th of its line counted
 * from the start (a head) or from the end (a tail), when it reads the
 * same. first is to's first flow block on or after the line. Returns -1
 * when neither is found.
 */
static int
load_map_same(const struct doc *from, int block, const struct doc *to,
    size_t first)
{
	int	line = from->blocks[block].line, tail, i;

	if ((size_t)block + 1 < from->nblocks &&
	    from->blocks[block + 1].line != line && (block == 0 ||
	    from->blocks[block - 1].line != line))
		return -1;	/* alone on its line: the usual case */
	/* a tail ends as the whole text does: count from the end first */
	tail = load_map_ends_alike(from, to);
	if ((i = load_map_nth(from, block, to, first, !tail)) >= 0)
		return i;
	return load_map_nth(from, block, to, first, tail);
}

/*
 * The flow block of to on block's line that has as many such blocks
 * before it (forward) or after it as block has in from, if it reads the
 * same; else -1.
 */
static int
load_map_nth(const struct doc *from, int block, const struct doc *to,
    size_t first, int forward)
{
	int	line = from->blocks[block].line, i, n, k = 0, step;

	step = forward ? 1 : -1;
	for (i = block - step; i >= 0 && (size_t)i < from->nblocks; i -= step)
		if (from->blocks[i].line == line && doc_in_flow(from, i))
			k++;
	i = forward ? (int)first : (int)to->nblocks - 1;
	for (n = 0; i >= (int)first && (size_t)i < to->nblocks; i += step) {
		if (to->blocks[i].line != line) {
			if (forward)
				break;
			continue;
		}
		if (!doc_in_flow(to, i))
			continue;
		if (n++ == k)
			return load_map_equal(from, block, to, i) ? i : -1;
	}
	return -1;
}

/*
 * A line cut into blocks by length (one long line) is cut elsewhere in a
 * part than in the whole: the text at the place is sought among to's
 * blocks of that line, the first time from the start for a head, the last
 * from the end for a tail, no further than the part's own length away.
 * The text after the place, else the text before it (a block's end may
 * cut the first in to). Returns the block and sets *to_off, or -1.
 */
static int
load_map_find(const struct doc *from, int block, size_t off,
    const struct doc *to, size_t first, size_t *to_off)
{
	const struct block	*a = &from->blocks[block];
	size_t			 at, n, end = a->text_off + a->text_len;
	int			 line = a->line, tail, i;

	if (block > 0 && from->blocks[block - 1].line != line &&
	    (size_t)block + 1 < from->nblocks &&
	    from->blocks[block + 1].line != line)
		return -1;
	if (off < a->text_off || off >= end)
		off = a->text_off;
	tail = load_map_ends_alike(from, to);
	/* after the place */
	at = off;
	n = end - at < 64 ? end - at : 64;
	if (n >= 8 && (i = load_map_scan(from, at, n, to, first, line, tail,
	    to_off)) >= 0)
		return i;
	/* before it, up to and with its first byte */
	at = off + 1 - a->text_off < 64 ? a->text_off : off + 1 - 64;
	n = off + 1 - at;
	if (n >= 8 && (i = load_map_scan(from, at, n, to, first, line, tail,
	    to_off)) >= 0) {
		*to_off += off - at;
		return i;
	}
	return -1;
}

/* The n bytes of from's text at at, in one of to's blocks on line. */
static int
load_map_scan(const struct doc *from, size_t at, size_t n,
    const struct doc *to, size_t first, int line, int tail, size_t *to_off)
{
	const struct block	*b;
	const char		*t = doc_text(from, at), *p, *hit, *last;
	size_t			 seen = 0, most = from->text.len + (1 << 20);
	int			 i, step = tail ? -1 : 1;

	i = tail ? (int)to->nblocks - 1 : (int)first;
	for (; i >= (int)first && (size_t)i < to->nblocks && seen < most;
	    i += step) {
		b = &to->blocks[i];
		if (b->line != line) {
			if (!tail)
				break;
			continue;
		}
		if (!doc_in_flow(to, i) || b->text_len < n)
			continue;
		seen += b->text_len;
		p = doc_text(to, b->text_off);
		if ((hit = memmem(p, b->text_len, t, n)) == NULL)
			continue;
		while (tail && (last = memmem(hit + 1, b->text_len -
		    (size_t)(hit + 1 - p), t, n)) != NULL)
			hit = last;
		*to_off = b->text_off + (size_t)(hit - p);
		return i;
	}
	return -1;
}

/* The two docs end with the same text: from is the end of the file. */
static int
load_map_ends_alike(const struct doc *from, const struct doc *to)
{
	const struct block	*a, *b;
	size_t			 n;

	if (from->nblocks == 0 || to->nblocks == 0)
		return 0;
	a = &from->blocks[from->nblocks - 1];
	b = &to->blocks[to->nblocks - 1];
	n = a->text_len < b->text_len ? a->text_len : b->text_len;
	if (n > 64)
		n = 64;
	return n > 0 && memcmp(doc_text(from, a->text_off + a->text_len - n),
	    doc_text(to, b->text_off + b->text_len - n), n) == 0;
}

/* Paragraphs of megabytes (a whole book on one line) become pieces that a pass can hold. */
#include <stdlib.h>
#include <string.h>

#include "doc_compact.h"
#include "internal.h"
#include "scholia/doc.h"

#define SPLIT_OVER	((size_t)1 << 20)	/* longer paragraphs are cut */
#define SPLIT_PIECE	((size_t)64 << 10)	/* into pieces about this long */
#define SPLIT_LOOK	((size_t)16 << 10)	/* how far to look for an end */

static int	split_due(const struct doc *, size_t, int);
static size_t	split_next(const struct doc *, const struct block *, size_t,
		    size_t *);
static int	split_in_ref(const struct doc *, const struct block *, size_t,
		    size_t *);

/*
 * Whether a cut at text offset off falls inside a reference marker; spans
 * before the cursor end before the piece and are not looked at.
 */
static int
split_in_ref(const struct doc *d, const struct block *b, size_t off,
    size_t *cur)
{
	const struct span	*sp;
	size_t			 i;

	for (i = *cur; i < b->span_count; i++) {
		sp = &d->spans[b->span_first + i];
		if (sp->off >= off)
			break;
		if ((sp->flags & SPAN_REF) && sp->off + sp->len > off)
			return 1;
	}
	return 0;
}

/*
 * Where the piece starting at from ends: after the first sentence end (and
 * the blank after it) past SPLIT_PIECE, else at the first blank, else at a
 * character boundary; never inside a reference marker, never leaving less
 * than a piece behind. Returns the block's end when no cut is due.
 */
static size_t
split_next(const struct doc *d, const struct block *b, size_t from,
    size_t *cur)
{
	const unsigned char	*s = (const unsigned char *)d->text.data;
	size_t			 end = b->text_off + b->text_len, i, lim, blank;

	if (end - from < 2 * SPLIT_PIECE)
		return end;
	while (*cur < b->span_count && d->spans[b->span_first + *cur].off +
	    d->spans[b->span_first + *cur].len <= from)
		(*cur)++;
	i = from + SPLIT_PIECE;
	lim = i + SPLIT_LOOK < end - SPLIT_PIECE ? i + SPLIT_LOOK :
	    end - SPLIT_PIECE;
	blank = 0;
	for (; i < lim; i++) {
		if (s[i] == ' ' && blank == 0)
			blank = i + 1;
		/* 。！？ and . ! ? before a blank */
		if ((i + 3 <= lim && ((s[i] == 0xe3 && s[i + 1] == 0x80 &&
		    s[i + 2] == 0x82) || (s[i] == 0xef && s[i + 1] == 0xbc &&
		    (s[i + 2] == 0x81 || s[i + 2] == 0x9f))) &&
		    !split_in_ref(d, b, i + 3, cur)) ||
		    ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    i + 1 < lim && s[i + 1] == ' ' &&
		    !split_in_ref(d, b, i + 2, cur)))
			return s[i] < 0x80 ? i + 2 : i + 3;
	}
	if (blank != 0 && !split_in_ref(d, b, blank, cur))
		return blank;
	for (i = from + SPLIT_PIECE; i < end; i++)
		if ((s[i] & 0xc0) != 0x80 && !split_in_ref(d, b, i, cur))
			return i;
	return end;
}

/* Whether block i is to be cut. */
static int
split_due(const struct doc *d, size_t i, int last)
{
	const struct block	*b = &d->blocks[i];

	if (b->type != BLOCK_PARA)
		return 0;
	return b->text_len > SPLIT_OVER || (last && i + 1 == d->nblocks);
}

void
doc_split_long(struct doc *d, int last)
{
	struct block	*nb = NULL, *b, *p;
	struct span	*sp;
	size_t		 nnb = 0, cap = 0, i, k, from, to, first, count, cur;
	int		*newi;
	int		 any = 0;

	for (i = 0; i < d->nblocks && !any; i++)
		any = split_due(d, i, last);
	if (!any)
		return;
	newi = xcalloc(d->nblocks + 1, sizeof *newi);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		newi[i] = (int)nnb;
		if (!split_due(d, i, last)) {
			*ARRAY_PUSH(nb, nnb, cap) = *b;
			continue;
		}
		first = b->span_first;
		count = b->span_count;
		cur = 0;
		for (from = b->text_off; from < b->text_off + b->text_len;
		    from = to) {
			to = split_next(d, b, from, &cur);
			p = ARRAY_PUSH(nb, nnb, cap);
			*p = *b;
			p->text_off = from;
			p->text_len = (uint32_t)(to - from);
			if (from != b->text_off) {
				/* a continuation: no spacer, no list marker */
				p->flags = (b->flags | BLOCK_TIGHT) &
				    ~(BLOCK_LISTITEM | BLOCK_PAGEBREAK);
				p->marker[0] = '\0';
			}
			/* its spans, cut at the piece's ends, go at the end */
			p->span_first = (uint32_t)d->nspans;
			p->span_count = 0;
			for (k = 0; k < count; k++) {
				struct span s = d->spans[first + k];

				if (s.off + s.len <= from || s.off >= to)
					continue;
				if (s.off < from) {
					s.len -= (uint32_t)(from - s.off);
					s.off = (uint32_t)from;
				}
				if (s.off + s.len > to)
					s.len = (uint32_t)(to - s.off);
				sp = ARRAY_PUSH(d->spans, d->nspans,
				    d->cap_spans);
				*sp = s;
				p->span_count++;
			}
		}
	}
	newi[d->nblocks] = (int)nnb;
	/* references go to the piece holding their marker */
	for (i = 0; i < d->nrefs; i++) {
		struct ref *r = &d->refs[i];

		if (r->block < 0 || (size_t)r->block >= d->nblocks)
			continue;
		k = (size_t)newi[r->block];
		while (k + 1 < (size_t)newi[r->block + 1] &&
		    nb[k + 1].text_off <= r->text_off)
			k++;
		r->block = (int)k;
	}
	free(newi);
	free(d->blocks);
	d->blocks = nb;
	d->nblocks = nnb;
	d->cap_blocks = cap;
	doc_compact(d);
}

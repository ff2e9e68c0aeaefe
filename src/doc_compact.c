/* Compaction after recovery: the text and spans nothing shows any more go back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc_compact.h"
#include "internal.h"
#include "scholia/doc.h"

/* A stretch of text in use: [start, end) moves to at (texts < 4 GiB). */
struct compact_seg {
	uint32_t	start;
	uint32_t	end;
	uint32_t	at;
};

static int	compact_cmp(const void *, const void *);
static size_t	compact_map(const struct compact_seg *, size_t, size_t);
static size_t	compact_text(struct doc *, struct compact_seg **);
static size_t	compact_rank(const uint64_t *, const uint32_t *, size_t);
static void	compact_spans(struct doc *);

static int
compact_cmp(const void *a, const void *b)
{
	const struct compact_seg	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/*
 * Where offset off is after the move: inside a stretch it moves with it;
 * in a gap (an empty block sits there) it goes to the end of the stretch
 * before, so that the order of all offsets is kept.
 */
static size_t
compact_map(const struct compact_seg *seg, size_t n, size_t off)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (seg[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	seg = &seg[lo - 1];
	if (off <= seg->end)
		return seg->at + (off - seg->start);
	return seg->at + (seg->end - seg->start);
}

/* Merge the text blocks and cells show into stretches; move them down. */
static size_t
compact_text(struct doc *d, struct compact_seg **out)
{
	struct compact_seg	*seg;
	size_t			 n = 0, k, i, at = 0;

	seg = xreallocarray(NULL, d->nblocks + d->ncells + 1, sizeof *seg);
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].text_len == 0)
			continue;
		seg[n].start = (uint32_t)d->blocks[i].text_off;
		seg[n++].end = (uint32_t)(d->blocks[i].text_off +
		    d->blocks[i].text_len);
	}
	for (i = 0; i < d->ncells; i++) {
		if (d->cells[i].text_len == 0)
			continue;
		seg[n].start = (uint32_t)d->cells[i].text_off;
		seg[n++].end = (uint32_t)(d->cells[i].text_off +
		    d->cells[i].text_len);
	}
	qsort(seg, n, sizeof *seg, compact_cmp);
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && seg[i].start <= seg[k - 1].end) {
			if (seg[i].end > seg[k - 1].end)
				seg[k - 1].end = seg[i].end;
		} else
			seg[k++] = seg[i];
	}
	/* targets only go down, and in order: memmove never loses text */
	for (i = 0; i < k; i++) {
		seg[i].at = (uint32_t)at;
		if (at != seg[i].start)
			memmove(d->text.data + at, d->text.data + seg[i].start,
			    seg[i].end - seg[i].start);
		at += seg[i].end - seg[i].start;
	}
	*out = seg;
	return k;
}

/* Kept spans before span i: whole words of the bitmap, then bits. */
static size_t
compact_rank(const uint64_t *bits, const uint32_t *before, size_t i)
{
	uint64_t	w = bits[i / 64] & ((UINT64_C(1) << (i % 64)) - 1);

	return before[i / 64] + (size_t)__builtin_popcountll(w);
}

/*
 * Keep the spans blocks and cells list, in order. A bitmap and counts per
 * 64 spans: little memory while the doc is at its largest, and the spans
 * given back before the text needs its list of stretches.
 */
static void
compact_spans(struct doc *d)
{
	uint64_t	*bits;
	uint32_t	*before;
	size_t		 i, j, k = 0, nw = d->nspans / 64 + 1;

	bits = xcalloc(nw, sizeof *bits);
	before = xcalloc(nw, sizeof *before);
	for (i = 0; i < d->nblocks; i++)
		for (j = 0; j < d->blocks[i].span_count; j++) {
			k = d->blocks[i].span_first + j;
			bits[k / 64] |= UINT64_C(1) << (k % 64);
		}
	for (i = 0; i < d->ncells; i++)
		for (j = 0; j < d->cells[i].span_count; j++) {
			k = d->cells[i].span_first + j;
			bits[k / 64] |= UINT64_C(1) << (k % 64);
		}
	for (i = 0, k = 0; i < nw; i++) {
		before[i] = (uint32_t)k;
		k += (size_t)__builtin_popcountll(bits[i]);
	}
	for (i = 0, k = 0; i < d->nspans; i++) {
		if (!(bits[i / 64] & (UINT64_C(1) << (i % 64))))
			continue;
		d->spans[k++] = d->spans[i];
	}
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].span_first < d->nspans)
			d->blocks[i].span_first = (uint32_t)compact_rank(bits,
			    before, d->blocks[i].span_first);
		else
			d->blocks[i].span_first = (uint32_t)k;
	for (i = 0; i < d->ncells; i++)
		if (d->cells[i].span_first < d->nspans)
			d->cells[i].span_first = (uint32_t)compact_rank(bits,
			    before, d->cells[i].span_first);
		else
			d->cells[i].span_first = (uint32_t)k;
	free(bits);
	free(before);
	d->nspans = k;
	d->cap_spans = k > 0 ? k : 1;
	d->spans = xreallocarray(d->spans, d->cap_spans, sizeof *d->spans);
}

void
doc_compact(struct doc *d)
{
	struct compact_seg	*seg;
	size_t			 nseg, len, i;

	if (d->text.data == NULL || d->text.len >= UINT32_MAX)
		return;
	compact_spans(d);
	nseg = compact_text(d, &seg);
	len = nseg > 0 ? (size_t)seg[nseg - 1].at + seg[nseg - 1].end -
	    seg[nseg - 1].start : 0;
	for (i = 0; i < d->nblocks; i++)
		d->blocks[i].text_off = compact_map(seg, nseg,
		    d->blocks[i].text_off);
	for (i = 0; i < d->ncells; i++)
		d->cells[i].text_off = compact_map(seg, nseg,
		    d->cells[i].text_off);
	for (i = 0; i < d->nrefs; i++)
		d->refs[i].text_off = compact_map(seg, nseg,
		    d->refs[i].text_off);
	for (i = 0; i < d->nspans; i++)
		d->spans[i].off = (uint32_t)compact_map(seg, nseg,
		    d->spans[i].off);
	free(seg);
	d->text.len = len;
	d->text.data = xrealloc(d->text.data, len + 1);
	d->text.data[len] = '\0';
	d->text.cap = len + 1;
}

/* Compaction after recovery: the text and spans nothing shows any more go back. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc_compact.h"
#include "internal.h"
#include "scholia/doc.h"

#define COMPACT_TWO	((size_t)8 << 20)	/* text moved on a thread */

/* A stretch of text in use: [start, end) moves to at (texts < 4 GiB). */
struct compact_seg {
	uint32_t	start;
	uint32_t	end;
	uint32_t	at;
};

/* The text to move: its stretches, on a thread of their own. */
struct compact_job {
	char			*text;
	struct compact_seg	*seg;
	size_t			 nseg;
};

static int	compact_cmp(const void *, const void *);
static void	*compact_move(void *);
static size_t	compact_map(const struct compact_seg *, size_t, size_t,
		    size_t *);
static void	compact_merge(struct compact_seg *, size_t,
		    const struct compact_seg *, size_t);
static void	compact_sort(struct compact_seg *, size_t);
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
 * before, so that the order of all offsets is kept. *hint is the stretch
 * found last: offsets asked in order find theirs there or just after.
 */
static size_t
compact_map(const struct compact_seg *seg, size_t n, size_t off,
    size_t *hint)
{
	size_t	lo = 0, hi = n, mid, h = *hint;

	if (h < n && seg[h].start <= off && (h + 1 == n ||
	    seg[h + 1].start > off))
		lo = h + 1;
	else if (h + 1 < n && seg[h + 1].start <= off && (h + 2 == n ||
	    seg[h + 2].start > off))
		lo = h + 2;
	else {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (seg[mid].start <= off)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	if (lo == 0)
		return 0;
	*hint = lo - 1;
	seg = &seg[lo - 1];
	if (off <= seg->end)
		return seg->at + (off - seg->start);
	return seg->at + (seg->end - seg->start);
}

/*
 * Merge the sorted src (nb) into the sorted dst (na, room for na + nb)
 * from the back: nothing of dst is overwritten before it is read.
 */
static void
compact_merge(struct compact_seg *dst, size_t na,
    const struct compact_seg *src, size_t nb)
{
	size_t	w = na + nb;

	while (nb > 0) {
		if (na > 0 && compact_cmp(&dst[na - 1], &src[nb - 1]) > 0)
			dst[--w] = dst[--na];
		else
			dst[--w] = src[--nb];
	}
}

/*
 * Sort stretches that are mostly in order already: blocks in reading
 * order, interleaved with the text of the joined ones, copied to the end
 * in the same order. Each stretch goes on the end of one of two runs kept
 * in order (the one ending higher, if both can take it); the few that
 * neither can are sorted alone; the three are merged.
 */
static void
compact_sort(struct compact_seg *seg, size_t n)
{
	struct compact_seg	*two, *late;
	size_t			 i, k = 0, nt = 0, nl = 0;
	int			 a, b;

	for (i = 1; i < n; i++)
		if (compact_cmp(&seg[i - 1], &seg[i]) > 0)
			break;
	if (i >= n)
		return;
	two = xreallocarray(NULL, n, sizeof *two);
	late = xreallocarray(NULL, n, sizeof *late);
	for (i = 0; i < n; i++) {
		a = k == 0 || compact_cmp(&seg[k - 1], &seg[i]) <= 0;
		b = nt == 0 || compact_cmp(&two[nt - 1], &seg[i]) <= 0;
		if (a && b && k > 0 && nt > 0 &&
		    compact_cmp(&seg[k - 1], &two[nt - 1]) < 0)
			a = 0;
		if (a)
			seg[k++] = seg[i];
		else if (b)
			two[nt++] = seg[i];
		else
			late[nl++] = seg[i];
	}
	qsort(late, nl, sizeof *late, compact_cmp);
	compact_merge(two, nt, late, nl);
	compact_merge(seg, k, two, nt + nl);
	free(two);
	free(late);
}

/* Merge the text blocks and cells show into stretches, and say where to. */
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
	compact_sort(seg, n);
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && seg[i].start <= seg[k - 1].end) {
			if (seg[i].end > seg[k - 1].end)
				seg[k - 1].end = seg[i].end;
		} else
			seg[k++] = seg[i];
	}
	for (i = 0; i < k; i++) {
		seg[i].at = (uint32_t)at;
		at += seg[i].end - seg[i].start;
	}
	*out = seg;
	return k;
}

/* Move the stretches of text down: targets only go down, and in order. */
static void *
compact_move(void *arg)
{
	struct compact_job	*j = arg;
	size_t			 i;

	for (i = 0; i < j->nseg; i++)
		if (j->seg[i].at != j->seg[i].start)
			memmove(j->text + j->seg[i].at, j->text +
			    j->seg[i].start, j->seg[i].end - j->seg[i].start);
	return NULL;
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

/*
 * The text moves on a thread of its own while the spans are kept and the
 * offsets follow (a large doc): neither reads the text.
 */
void
doc_compact(struct doc *d)
{
	struct compact_job	 j;
	pthread_t		 t;
	size_t			 len, i, h;
	int			 threaded = 0;

	if (d->text.data == NULL || d->text.len >= UINT32_MAX)
		return;
	j.text = d->text.data;
	j.nseg = compact_text(d, &j.seg);
	len = j.nseg > 0 ? (size_t)j.seg[j.nseg - 1].at +
	    j.seg[j.nseg - 1].end - j.seg[j.nseg - 1].start : 0;
	if (d->text.len >= COMPACT_TWO)
		threaded = pthread_create(&t, NULL, compact_move, &j) == 0;
	if (!threaded)
		compact_move(&j);
	compact_spans(d);
	for (i = 0, h = 0; i < d->nblocks; i++)
		d->blocks[i].text_off = compact_map(j.seg, j.nseg,
		    d->blocks[i].text_off, &h);
	for (i = 0, h = 0; i < d->ncells; i++)
		d->cells[i].text_off = compact_map(j.seg, j.nseg,
		    d->cells[i].text_off, &h);
	for (i = 0, h = 0; i < d->nrefs; i++)
		d->refs[i].text_off = compact_map(j.seg, j.nseg,
		    d->refs[i].text_off, &h);
	for (i = 0, h = 0; i < d->nspans; i++)
		d->spans[i].off = (uint32_t)compact_map(j.seg, j.nseg,
		    d->spans[i].off, &h);
	if (threaded)
		pthread_join(t, NULL);
	free(j.seg);
	d->text.len = len;
	d->text.data = xrealloc(d->text.data, len + 1);
	d->text.data[len] = '\0';
	d->text.cap = len + 1;
}

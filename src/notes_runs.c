/* Runs of notes (the notes of one page) and the lookup of a label in them. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "notes_internal.h"
#include "scholia/doc.h"
#include "scholia/text.h"

static void	notes_norm(const char *, char *, size_t);
static int	notes_is_skip(const struct doc *, int);
static struct notes_slot *notes_slot(struct notes_ctx *, int, const char *);
static void	notes_index(struct notes_ctx *, int, int);

/*
 * Labels compare as written, except that full-width digits are digits; a
 * circled ① is not the [1] of a bibliography.
 */
static void
notes_norm(const char *l, char *out, size_t size)
{
	uint32_t	c;
	size_t		i, k, o = 0, n = strlen(l);

	for (i = 0; i < n && o + 5 < size; i += k) {
		if ((unsigned char)l[i] < 0x80) {
			out[o++] = l[i];
			k = 1;
			continue;
		}
		k = text_next(l + i, n - i, &c);
		if (c >= 0xff10 && c <= 0xff19)
			out[o++] = (char)('0' + (c - 0xff10));
		else {
			memcpy(out + o, l + i, k);
			o += k;
		}
	}
	out[o] = '\0';
}

/* Labels equal once full-width digits are read as digits. */
int
notes_same(const char *a, const char *b)
{
	char	x[80], y[80];

	notes_norm(a, x, sizeof x);
	notes_norm(b, y, sizeof y);
	return strcmp(x, y) == 0;
}

/* Blocks that do not separate two notes of one page: hidden, rules. */
static int
notes_is_skip(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];

	return (b->flags & BLOCK_HIDDEN) || b->type == BLOCK_HR;
}

/*
 * The slot for (run, label): its note, or the empty slot to fill. A run's
 * labels probe from near four times its first note's index, so that runs
 * looked up in order read the table in order.
 */
static struct notes_slot *
notes_slot(struct notes_ctx *c, int run, const char *label)
{
	char		 key[80], other[80];
	uint32_t	 h = 2166136261u;
	size_t		 i, mask = c->nslots - 1;
	const char	*p;

	notes_norm(label, key, sizeof key);
	for (p = key; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h ^= (uint32_t)(run + 1) * 2654435761u;
	i = run < 0 ? h : (size_t)c->runs[run].first * 4 + (h & 7);
	for (i &= mask;; i = (i + 1) & mask) {
		struct notes_slot *sl = &c->slots[i];

		if (sl->note < 0) {
			sl->hash = h;	/* for the note put here */
			return sl;
		}
		if (sl->run != run || sl->hash != h)
			continue;
		notes_norm(c->d->notes[sl->note].label, other, sizeof other);
		if (strcmp(key, other) == 0)
			return sl;
	}
}

/* Index note ni under run (the first note of a label wins). */
static void
notes_index(struct notes_ctx *c, int run, int ni)
{
	struct notes_slot	*sl;

	sl = notes_slot(c, run, c->d->notes[ni].label);
	if (sl->note < 0) {
		sl->run = run;
		sl->note = ni;
	}
}

/*
 * Group notes into runs (one page each: a label seen again starts the
 * next page) and index them. The notes are in the order of their blocks,
 * and a run ends at the first block between two notes that is no skip.
 */
void
notes_runs(struct notes_ctx *c)
{
	struct doc		*d = c->d;
	struct notes_run	*r = NULL;
	struct notes_slot	*sl;
	size_t			 i;
	int			 bi, j, prev = -1, open = 0;

	free(c->slots);
	for (c->nslots = 16; c->nslots < 4 * d->nnotes; c->nslots *= 2)
		;
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	for (i = 0; i < c->nslots; i++)
		c->slots[i].note = -1;
	for (i = 0; i < d->nnotes; i++) {
		if ((bi = d->notes[i].block) < 0)
			continue;
		for (j = prev + 1; open && j < bi; j++)
			if (!notes_is_skip(d, j))
				open = 0;
		prev = bi;
		/* its slot in the open run, unless the label is there */
		sl = open ? notes_slot(c, (int)c->nruns - 1,
		    d->notes[i].label) : NULL;
		if (sl != NULL && sl->note >= 0)
			sl = NULL;
		if (sl == NULL) {
			r = ARRAY_PUSH(c->runs, c->nruns, c->cap_runs);
			r->first = (int)i;
			r->block = bi;
			open = 1;
			sl = notes_slot(c, (int)c->nruns - 1,
			    d->notes[i].label);
		}
		r->last = (int)i;
		if (sl->note < 0) {
			sl->run = (int)c->nruns - 1;
			sl->note = (int)i;
		}
	}
	c->named = 0;
	c->hint = 0;
}

/*
 * The first run whose first note is after block bi, or -1: the run found
 * last, or its next (blocks are mostly asked in order), else a search.
 */
int
notes_run_after(struct notes_ctx *c, int bi)
{
	size_t	lo = 0, hi = c->nruns, mid;

	for (mid = c->hint; mid <= c->hint + 1 && mid < c->nruns; mid++)
		if (c->runs[mid].block > bi &&
		    (mid == 0 || c->runs[mid - 1].block <= bi))
			return (int)(c->hint = mid);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->runs[mid].block <= bi)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == c->nruns)
		return -1;
	c->hint = lo;
	return (int)lo;
}

/* The note with this label in the first run after block bi, or -1. */
int
notes_find(struct notes_ctx *c, int bi, const char *label)
{
	int	ri;

	if (bi < 0 || (size_t)bi >= c->d->nblocks)
		return -1;
	ri = notes_run_after(c, bi);
	if (ri < 0)
		return -1;
	return notes_slot(c, ri, label)->note;
}

/*
 * A [^name] reference: the note of that name, wherever it is. All notes
 * are indexed under run -1 at the first such reference (the first of a
 * label wins).
 */
int
notes_named(struct notes_ctx *c, const char *label)
{
	size_t	i;

	if (!c->named) {
		for (i = 0; i < c->d->nnotes; i++)
			if (c->d->notes[i].block >= 0)
				notes_index(c, -1, (int)i);
		c->named = 1;
	}
	return notes_slot(c, -1, label)->note;
}

/* Footnote recovery: note paragraphs leave the flow, references link to the notes of their page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "notes_internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/marker.h"
#include "scholia/notes.h"
#include "scholia/outline.h"
#include "scholia/source.h"
#include "source_map.h"

static int	notes_head(const struct doc *, int, char *, size_t);
static int	notes_enumeration(const struct doc *, int, const char *);
static void	notes_norm(const char *, char *, size_t);
static int	notes_value(const char *);
static int	notes_has_ref(const struct doc *, int);
static int	notes_tight_line(const struct doc *, int, int);
static int	notes_is_skip(const struct doc *, int);
static void	notes_continuations(struct doc *);
static int	notes_continues(struct doc *, int, int);
static void	notes_runs(struct notes_ctx *);
static int	notes_named(struct notes_ctx *, const char *);
static int	notes_src_indent(const struct doc *, int);
static struct notes_slot *notes_slot(struct notes_ctx *, int, const char *);
static void	notes_index(struct notes_ctx *, int, int);
static void	notes_heads_map(void *, size_t, size_t);
static void	notes_promote_map(void *, size_t, size_t);

/* A note found by the first look: its block, and where its label is. */
struct notes_found {
	int		 block;
	int		 ref;		/* the reference taken for its head,
					   or -1: the label is in the pool */
	size_t		 label;		/* in the pool of its half */
};

/* The first look at every block, on two threads. */
struct notes_map {
	struct doc		*d;
	char			*drop;		/* references dropped */
	struct notes_found	*found[2];	/* by each half, in order */
	size_t			 nfound[2];
	size_t			 cap_found[2];
	struct buf		 pool[2];	/* labels found by each half */
	char			*kind;		/* promote map: NOTES_PROMOTE,
						   NOTES_UNLABEL */
};

#define NOTES_PROMOTE	1	/* may hold markers to promote */
#define NOTES_UNLABEL	2	/* a note label heads a block that is no
				   note */

/*
 * The label of a note-definition paragraph: the parser's SPAN_NOTELABEL
 * head, or a head in the display text. Returns 0 if bi is no note.
 */
static int
notes_head(const struct doc *d, int bi, char *label, size_t size)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	const char		*s;
	size_t			 n, k;
	uint32_t		 c;

	if (b->type != BLOCK_PARA || b->span_count == 0)
		return 0;
	sp = &d->spans[b->span_first];
	if (sp->flags & SPAN_NOTELABEL) {
		n = sp->len;
		s = recover_trim(doc_text(d, sp->off), &n);
		if (n > 0 && s[0] == '^') {
			s++;
			n--;
		}
		if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
			s++;
			n -= 2;
		}
		if (n > 0 && s[0] == '^') {
			s++;
			n--;
		}
		if (n >= 2 && s[0] == '\\') {
			s++;
			n--;
		}
		if (n == 0 || n >= size)
			return 0;
		memcpy(label, s, n);
		label[n] = '\0';
		return !notes_enumeration(d, bi, label);
	}
	if (sp->flags & (SPAN_REF | SPAN_CODE))
		return 0;
	/* a head the parser left as text: ①, [1], "* " */
	s = doc_text(d, b->text_off);
	n = b->text_len;
	k = text_next(s, n, &c);
	if (marker_circled_value(c) && k < n) {
		snprintf(label, size, "%.*s", (int)k, s);
		return !notes_enumeration(d, bi, label);
	}
	if (n > 3 && s[0] == '[') {
		for (k = 1; k < n && k < 5 && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k > 1 && k < n && s[k] == ']') {
			snprintf(label, size, "%.*s", (int)(k - 1), s + 1);
			return 1;
		}
	}
	if (n > 2 && s[0] == '*' && s[1] == ' ') {
		snprintf(label, size, "*");
		return 1;
	}
	return 0;
}

/*
 * A paragraph opening "①…" that goes on to "②…" enumerates points of
 * the body; a note does not count on inside itself.
 */
static int
notes_enumeration(const struct doc *d, int bi, const char *label)
{
	const struct block	*b = &d->blocks[bi];
	const char		*s = doc_text(d, b->text_off);
	size_t			 i, l, n = b->text_len;
	uint32_t		 c;
	int			 v;

	text_next(label, strlen(label), &c);
	if ((v = marker_circled_value(c)) == 0)
		return 0;
	l = text_next(s, n, &c);	/* skip the head itself */
	for (i = l; i < n; i += l) {
		l = text_next(s + i, n - i, &c);
		if (marker_circled_value(c) == v + 1)
			return 1;
	}
	return 0;
}

/* The number of a label: ② is 2, "12" is 12; -2 for other labels. */
static int
notes_value(const char *label)
{
	uint32_t	c;
	size_t		n = strlen(label);
	int		v;

	if (text_next(label, n, &c) == n &&
	    (v = marker_circled_value(c)) != 0)
		return v;
	if (n > 0 && n < 5 && strspn(label, "0123456789") == n)
		return atoi(label);
	return -2;
}

/* Whether a block holds a reference marker (body text does, notes rarely). */
static int
notes_has_ref(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];
	size_t			 i;

	for (i = 0; i < b->span_count; i++)
		if (d->spans[b->span_first + i].flags &
		    (SPAN_REF | SPAN_MAYBEREF))
			return 1;
	return 0;
}

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
 * Paragraphs that continue a note: Pandoc's indented paragraphs, and a
 * line of a wrapped note caught between two notes numbered in sequence
 * (body text between two pages' notes is followed by a note ① again).
 * Only the paragraphs right after a note (or after those joined to it)
 * are read: the notes are in the order of their blocks.
 */
static void
notes_continuations(struct doc *d)
{
	size_t	k;
	int	p, i;

	for (k = 0; k < d->nnotes; k++) {
		p = d->notes[k].block;
		if (p < 0 || (d->blocks[p].flags & BLOCK_HIDDEN))
			continue;
		/* the source read for indentation goes back as we pass */
		source_release_line(d->source, d->blocks[p].line);
		for (i = p + 1; i < (int)d->nblocks; i++) {
			struct block *b = &d->blocks[i];

			if (b->flags & BLOCK_HIDDEN)
				continue;
			if (b->type != BLOCK_PARA ||
			    (b->flags & BLOCK_LISTITEM) ||
			    !notes_continues(d, p, i))
				break;
			recover_join(d, p, i);
		}
	}
}

/* Whether paragraph bi, next in the flow after note block p, goes on it. */
static int
notes_continues(struct doc *d, int p, int bi)
{
	const struct block	*b = &d->blocks[bi];
	int			 next, j;

	if (d->markdown && b->quote_depth == 0) {
		if (b->indent > d->blocks[p].indent)
			return 1;
		source_release_line(d->source, b->line);
		if (notes_src_indent(d, bi) >= 4)
			return 1;
	}
	if (recover_nchars_over(doc_text(d, b->text_off), b->text_len,
	    199) || notes_has_ref(d, bi))
		return 0;
	if (notes_tight_line(d, p, bi))
		return 1;
	next = -1;
	for (j = bi + 1; j < (int)d->nblocks; j++)
		if (!(d->blocks[j].flags & BLOCK_HIDDEN)) {
			next = j;
			break;
		}
	return next >= 0 && d->blocks[next].type == BLOCK_NOTE &&
	    notes_value(d->notes[d->blocks[next].note].label) ==
	    notes_value(d->notes[d->blocks[p].note].label) + 1 &&
	    !recover_block_ends_sentence(d, p);
}

/*
 * A line of a wrapped note: on the very next source line, in a text whose
 * paragraphs (and this note) are set apart by blank lines.
 */
static int
notes_tight_line(const struct doc *d, int note, int bi)
{
	const struct block	*n = &d->blocks[note], *b = &d->blocks[bi];
	int			 before;

	if (d->source == NULL || b->line != n->end_line + 1)
		return 0;
	for (before = note - 1; before >= 0; before--)
		if (!(d->blocks[before].flags & BLOCK_HIDDEN))
			break;
	return before >= 0 && n->line > d->blocks[before].end_line + 1;
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
static void
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
static int
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

/* Columns of indentation of a block's first source line. */
static int
notes_src_indent(const struct doc *d, int bi)
{
	const struct source	*src = d->source;
	const char		*p, *e;
	int			 col = 0;

	if (src == NULL || d->blocks[bi].line < 1 ||
	    (size_t)d->blocks[bi].line > src->nlines)
		return 0;
	p = src->text + src->lines[d->blocks[bi].line - 1];
	e = src->text + src->len;
	for (; p < e && (*p == ' ' || *p == '\t'); p++)
		col += *p == '\t' ? 4 - col % 4 : 1;
	return col;
}

/*
 * Which blocks are notes, for blocks from to to, in the list of the half:
 * a head of their own (the label in the half's pool), or a reference
 * marker taken for one (the reference, marked dropped, its span made the
 * label).
 */
static void
notes_heads_map(void *arg, size_t from, size_t to)
{
	struct notes_map	*m = arg;
	struct doc		*d = m->d;
	int			 h = from == 0 ? 0 : 1;
	struct buf		*pool = &m->pool[h];
	struct notes_found	*f;
	char			 label[64];
	size_t			 i;
	int			 ref;

	for (i = from; i < to; i++) {
		struct block *b = &d->blocks[i];

		if (b->flags & (BLOCK_HIDDEN | BLOCK_LISTITEM) ||
		    b->quote_depth > 0)
			continue;
		ref = b->span_count > 0 ? d->spans[b->span_first].ref : -1;
		if (notes_head(d, (int)i, label, sizeof label)) {
			f = ARRAY_PUSH(m->found[h], m->nfound[h],
			    m->cap_found[h]);
			f->block = (int)i;
			f->ref = -1;
			f->label = pool->len;
			buf_append(pool, label, strlen(label) + 1);
		} else if (notes_ref_head(d, (int)i, label, sizeof label,
		    m->drop)) {
			f = ARRAY_PUSH(m->found[h], m->nfound[h],
			    m->cap_found[h]);
			f->block = (int)i;
			f->ref = ref;
		}
	}
}

/*
 * For the blocks in from to to, whether notes_maybe may find anything in
 * them and whether a note label heads one that is no note.
 */
static void
notes_promote_map(void *arg, size_t from, size_t to)
{
	struct notes_map	*m = arg;
	const struct doc	*d = m->d;
	const struct block	*b;
	size_t			 i;

	for (i = from; i < to; i++) {
		b = &d->blocks[i];
		m->kind[i] = doc_in_flow(d, (int)i) &&
		    notes_may_promote(d, (int)i) ? NOTES_PROMOTE : 0;
		if (b->type != BLOCK_NOTE && b->span_count > 0 &&
		    (d->spans[b->span_first].flags & SPAN_NOTELABEL))
			m->kind[i] |= NOTES_UNLABEL;
	}
}

/* Find the notes, then link every reference to the note of its page. */
void
notes_recover(struct doc *d)
{
	struct notes_ctx	 c;
	struct notes_map	 m;
	struct notes_found	*f;
	struct block		*b;
	char			 label[64], *drop;
	size_t			 i, h, nrefs;
	int			 ni, dropped = 0;

	memset(&c, 0, sizeof c);
	c.d = d;
	drop = xcalloc(d->nrefs + 1, 1);
	memset(&m, 0, sizeof m);
	m.d = d;
	m.drop = drop;
	recover_par(d->nblocks, notes_heads_map, &m);
	for (h = 0; h < 2; h++) {
		for (i = 0; i < m.nfound[h]; i++) {
			f = &m.found[h][i];
			if (f->ref < 0)
				doc_add_note(d, m.pool[h].data + f->label,
				    d->blocks[f->block].line, f->block);
			else {
				snprintf(label, sizeof label, "%s",
				    d->refs[f->ref].label);
				doc_add_note(d, label, d->blocks[f->block].line,
				    f->block);
				dropped = 1;
			}
		}
		free(m.found[h]);
		buf_free(&m.pool[h]);
	}
	if (dropped)
		recover_drop_refs(d, drop);
	free(drop);
	notes_continuations(d);
	notes_runs(&c);
	if (notes_digit_notes(&c)) {
		free(c.runs);
		free(c.slots);
		c.slots = NULL;
		c.runs = NULL;
		c.nruns = c.cap_runs = 0;
		notes_runs(&c);
	}
	nrefs = d->nrefs;
	for (i = 0; i < nrefs; i++) {
		struct ref *r = &d->refs[i];

		if (r->note >= 0)
			continue;
		if (r->named)
			ni = notes_named(&c, r->label);
		else
			ni = notes_find(&c, r->block, r->label);
		if (ni >= 0)
			doc_link_ref(d, (int)i, ni);
	}
	/*
	 * The blocks that may hold markers to promote, and those a note label
	 * heads that are no note (the label is text), found at once: the
	 * others are not read again.
	 */
	m.kind = xcalloc(d->nblocks + 1, 1);
	recover_par(d->nblocks, notes_promote_map, &m);
	for (i = 0; i < d->nblocks; i++) {
		if (m.kind[i] == 0)
			continue;
		/* the source read for markers goes back as we pass */
		source_release_line(d->source, d->blocks[i].line);
		if (m.kind[i] & NOTES_PROMOTE)
			notes_maybe(&c, (int)i);
		b = &d->blocks[i];
		if (b->type != BLOCK_NOTE && b->span_count > 0)
			d->spans[b->span_first].flags &= ~SPAN_NOTELABEL;
	}
	if (d->nblocks > 0)
		source_release_line(d->source, d->blocks[d->nblocks - 1].line);
	free(m.kind);
	free(c.runs);
	free(c.slots);
}

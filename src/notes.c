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
static void	notes_runs(struct notes_ctx *);
static int	notes_named(struct notes_ctx *, const char *);
static int	notes_src_indent(const struct doc *, int);
static struct notes_slot *notes_slot(struct notes_ctx *, int, const char *);
static void	notes_index(struct notes_ctx *, int, int);
static void	notes_heads_map(void *, size_t, size_t);
static void	notes_promote_map(void *, size_t, size_t);

/* The first look at every block, on two threads. */
struct notes_map {
	struct doc	*d;
	char		*drop;		/* references dropped */
	char		*kind;		/* per block: 1 or 3 a note, 2 a ref
					   head */
	int		*ref;		/* kind 1, 3: its label in pool[0],
					   pool[1]; kind 2: the reference */
	struct buf	 pool[2];	/* labels found by each half */
};

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
 */
static void
notes_continuations(struct doc *d)
{
	size_t	i;
	int	prev, next, j;

	for (i = 1; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		/* source lines read for indentation go back as we pass */
		source_release_line(d->source, b->line);
		if (b->type != BLOCK_PARA || (b->flags & BLOCK_HIDDEN) ||
		    (b->flags & BLOCK_LISTITEM))
			continue;
		prev = -1;
		for (j = (int)i - 1; j >= 0; j--)
			if (!(d->blocks[j].flags & BLOCK_HIDDEN)) {
				prev = j;
				break;
			}
		if (prev < 0 || d->blocks[prev].type != BLOCK_NOTE)
			continue;
		next = -1;
		for (j = (int)i + 1; j < (int)d->nblocks; j++)
			if (!(d->blocks[j].flags & BLOCK_HIDDEN)) {
				next = j;
				break;
			}
		if (d->markdown && b->quote_depth == 0 &&
		    (b->indent > d->blocks[prev].indent ||
		    notes_src_indent(d, (int)i) >= 4)) {
			recover_join(d, prev, (int)i);
			continue;
		}
		if (recover_nchars_over(doc_text(d, b->text_off), b->text_len,
		    199) || notes_has_ref(d, (int)i))
			continue;
		if (notes_tight_line(d, prev, (int)i))
			recover_join(d, prev, (int)i);
		else if (next >= 0 && d->blocks[next].type == BLOCK_NOTE &&
		    notes_value(d->notes[d->blocks[next].note].label) ==
		    notes_value(d->notes[d->blocks[prev].note].label) + 1 &&
		    !recover_block_ends_sentence(d, prev))
			recover_join(d, prev, (int)i);
	}
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
 * next page), index them, and find the run after each block.
 */
static void
notes_runs(struct notes_ctx *c)
{
	struct doc		*d = c->d;
	struct notes_run	*r = NULL;
	size_t			 i;
	int			 j, open = 0, next;

	free(c->slots);
	for (c->nslots = 16; c->nslots < 4 * d->nnotes; c->nslots *= 2)
		;
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	for (i = 0; i < c->nslots; i++)
		c->slots[i].note = -1;
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_NOTE) {
			if (!notes_is_skip(d, (int)i))
				open = 0;
			continue;
		}
		if (open && notes_slot(c, (int)c->nruns - 1,
		    d->notes[b->note].label)->note >= 0)
			open = 0;
		if (!open) {
			r = ARRAY_PUSH(c->runs, c->nruns, c->cap_runs);
			r->first = b->note;
			open = 1;
		}
		r->last = b->note;
		notes_index(c, (int)c->nruns - 1, b->note);
		notes_index(c, -1, b->note);
	}
	c->run_after = xcalloc(d->nblocks + 1, sizeof *c->run_after);
	next = -1;
	j = (int)c->nruns - 1;
	for (i = d->nblocks; i-- > 0;) {
		c->run_after[i] = next;
		if (d->blocks[i].type == BLOCK_NOTE && j >= 0 &&
		    c->runs[j].first == d->blocks[i].note) {
			next = j;
			j--;
		}
	}
}

/* The note with this label in the first run after block bi, or -1. */
int
notes_find(struct notes_ctx *c, int bi, const char *label)
{
	int	ri;

	if (bi < 0 || (size_t)bi >= c->d->nblocks)
		return -1;
	ri = c->run_after[bi];
	if (ri < 0)
		return -1;
	return notes_slot(c, ri, label)->note;
}

/* A [^name] reference: the note of that name, wherever it is. */
static int
notes_named(struct notes_ctx *c, const char *label)
{
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
 * Which blocks are notes, for blocks from to to: a head of their own
 * (kind 1 or 3 as the half, the label in the half's pool), or a reference
 * marker taken for one (kind 2: the reference, which was m->ref, is
 * marked dropped and its span made the label).
 */
static void
notes_heads_map(void *arg, size_t from, size_t to)
{
	struct notes_map	*m = arg;
	struct doc		*d = m->d;
	struct buf		*pool = &m->pool[from == 0 ? 0 : 1];
	char			 label[64];
	size_t			 i;
	int			 ref;

	for (i = from; i < to; i++) {
		struct block *b = &d->blocks[i];

		if (b->flags & (BLOCK_HIDDEN | BLOCK_LISTITEM) ||
		    b->quote_depth > 0)
			continue;
		if (notes_head(d, (int)i, label, sizeof label)) {
			/* its label kept in the pool of this half */
			m->kind[i] = from == 0 ? 1 : 3;
			m->ref[i] = (int)pool->len;
			buf_append(pool, label, strlen(label) + 1);
			continue;
		}
		ref = b->span_count > 0 ? d->spans[b->span_first].ref : -1;
		if (notes_ref_head(d, (int)i, label, sizeof label, m->drop)) {
			m->kind[i] = 2;
			m->ref[i] = ref;
		}
	}
}

/* notes_may_promote of the blocks in the flow from to to. */
static void
notes_promote_map(void *arg, size_t from, size_t to)
{
	struct notes_map	*m = arg;
	size_t			 i;

	for (i = from; i < to; i++)
		m->kind[i] = doc_in_flow(m->d, (int)i) &&
		    notes_may_promote(m->d, (int)i);
}

/* Find the notes, then link every reference to the note of its page. */
void
notes_recover(struct doc *d)
{
	struct notes_ctx	 c;
	struct notes_map	 m;
	char			 label[64], *drop;
	size_t			 i, nrefs;
	int			 ni, dropped = 0;

	memset(&c, 0, sizeof c);
	c.d = d;
	drop = xcalloc(d->nrefs + 1, 1);
	memset(&m, 0, sizeof m);
	m.d = d;
	m.drop = drop;
	m.kind = xcalloc(d->nblocks + 1, 1);
	m.ref = xcalloc(d->nblocks + 1, sizeof *m.ref);
	recover_par(d->nblocks, notes_heads_map, &m);
	for (i = 0; i < d->nblocks; i++) {
		if (m.kind[i] == 1 || m.kind[i] == 3)
			doc_add_note(d, m.pool[m.kind[i] == 3].data + m.ref[i],
			    d->blocks[i].line, (int)i);
		else if (m.kind[i] == 2) {
			snprintf(label, sizeof label, "%s",
			    d->refs[m.ref[i]].label);
			doc_add_note(d, label, d->blocks[i].line, (int)i);
			dropped = 1;
		}
	}
	free(m.kind);
	free(m.ref);
	buf_free(&m.pool[0]);
	buf_free(&m.pool[1]);
	if (dropped)
		recover_drop_refs(d, drop);
	free(drop);
	notes_continuations(d);
	notes_runs(&c);
	if (notes_digit_notes(&c)) {
		free(c.runs);
		free(c.run_after);
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
	/* the blocks that may hold markers to promote, found at once */
	m.kind = xcalloc(d->nblocks + 1, 1);
	recover_par(d->nblocks, notes_promote_map, &m);
	for (i = 0; i < d->nblocks; i++) {
		if (m.kind[i])
			notes_maybe(&c, (int)i);
		/* the source read for markers goes back as we pass */
		source_release_line(d->source, d->blocks[i].line);
	}
	/* a note label at the head of a paragraph that is no note is text */
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_NOTE && b->span_count > 0)
			d->spans[b->span_first].flags &= ~SPAN_NOTELABEL;
	}
	free(m.kind);
	free(c.runs);
	free(c.run_after);
	free(c.slots);
}

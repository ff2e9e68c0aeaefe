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
static int	notes_value(const char *);
static int	notes_has_ref(const struct doc *, int);
static int	notes_tight_line(const struct doc *, int, int);
static void	notes_continuations(struct doc *);
static int	notes_continues(struct doc *, int, int);
static void	notes_heads_map(void *, size_t, size_t);
static void	notes_promote_map(void *, size_t, size_t);

/* The first look at every block, on two threads. */
struct notes_map {
	struct doc	*d;
	char		*drop;		/* references dropped */
	char		*kind;		/* per block: 1 or 3 a note, 2 a ref
					   head; then NOTES_PROMOTE,
					   NOTES_UNLABEL */
	int		*ref;		/* kind 1, 3: its label in pool[0],
					   pool[1]; kind 2: the reference */
	struct buf	 pool[2];	/* labels found by each half */
};

#define NOTES_AHEAD	8	/* blocks whose text is fetched ahead */
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
		/* circled numbers lie in U+2460..U+32BF: ask of those only */
		if (c >= 0x2460 && c <= 0x32bf &&
		    marker_circled_value(c) == v + 1)
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
		/*
		 * the blocks of a note ahead, then the spans of the paragraph
		 * after a nearer one (its block already fetched): no cache
		 * holds them
		 */
		if (k + NOTES_AHEAD < d->nnotes &&
		    (p = d->notes[k + NOTES_AHEAD].block) >= 0)
			__builtin_prefetch(&d->blocks[p + 1]);
		if (k + NOTES_AHEAD / 2 < d->nnotes &&
		    (p = d->notes[k + NOTES_AHEAD / 2].block) >= 0 &&
		    (size_t)p + 1 < d->nblocks)
			__builtin_prefetch(&d->spans[d->blocks[p + 1].span_first]);
		p = d->notes[k].block;
		if (p < 0 || (d->blocks[p].flags & BLOCK_HIDDEN))
			continue;
		/* the pass tells where it is in the source */
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
		/* the parser noted its first line's indentation */
		if (b->indent > d->blocks[p].indent || b->src_indent >= 4)
			return 1;
	}
	/* the spans first: they are fewer bytes to read than the text */
	if (notes_has_ref(d, bi) || recover_nchars_over(doc_text(d,
	    b->text_off), b->text_len, 199))
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

		/* text and spans no cache holds: ask for them early */
		if (i + NOTES_AHEAD < to) {
			__builtin_prefetch(doc_text(d,
			    b[NOTES_AHEAD].text_off));
			__builtin_prefetch(&d->spans[b[NOTES_AHEAD].span_first]);
		}
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
	struct block		*b;
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

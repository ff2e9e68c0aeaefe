/* Footnote recovery: note paragraphs leave the flow, references link to the notes of their page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/marker.h"
#include "scholia/notes.h"
#include "scholia/source.h"

/* A run of consecutive note paragraphs: the notes of one page. */
struct notes_run {
	int	first;		/* first note index */
	int	last;		/* inclusive */
};

struct notes_ctx {
	struct doc		*d;
	struct notes_run	*runs;
	size_t			 nruns;
	size_t			 cap_runs;
	int			*run_after;	/* per block: first run after it */
};

static int	notes_head(const struct doc *, int, char *, size_t);
static void	notes_norm(const char *, char *, size_t);
static int	notes_same(const char *, const char *);
static int	notes_is_skip(const struct doc *, int);
static void	notes_continuations(struct doc *);
static void	notes_runs(struct notes_ctx *);
static int	notes_find(struct notes_ctx *, int, const char *);
static int	notes_named(struct doc *, int, const char *);
static void	notes_maybe(struct notes_ctx *, int);
static int	notes_ref_line(const struct doc *, int, size_t);

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
		return 1;
	}
	if (sp->flags & (SPAN_REF | SPAN_CODE))
		return 0;
	/* a head the parser left as text: ①, [1], "* " */
	s = doc_text(d, b->text_off);
	n = b->text_len;
	k = recover_decode(s, n, &c);
	if (marker_circled_value(c) && k < n) {
		snprintf(label, size, "%.*s", (int)k, s);
		return 1;
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

/* Labels compare by value: "①" and "1" are the same note number. */
static void
notes_norm(const char *l, char *out, size_t size)
{
	uint32_t	c;
	size_t		k, n = strlen(l);
	int		v;

	k = recover_decode(l, n, &c);
	if (k == n && (v = marker_circled_value(c)) != 0) {
		snprintf(out, size, "%d", v);
		return;
	}
	snprintf(out, size, "%s", l);
}

static int
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
 * line of a wrapped note caught between two notes.
 */
static void
notes_continuations(struct doc *d)
{
	size_t	i;
	int	prev, next, j;

	for (i = 1; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

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
		if (b->indent > d->blocks[prev].indent && b->quote_depth == 0 &&
		    d->markdown) {
			recover_join(d, prev, (int)i);
			continue;
		}
		if (next >= 0 && d->blocks[next].type == BLOCK_NOTE &&
		    !recover_block_ends_sentence(d, prev) &&
		    recover_nchars(doc_text(d, b->text_off), b->text_len) < 200)
			recover_join(d, prev, (int)i);
	}
}

/* Group notes into runs (one page each) and index the run after each block. */
static void
notes_runs(struct notes_ctx *c)
{
	struct doc		*d = c->d;
	struct notes_run	*r = NULL;
	size_t			 i;
	int			 j, open = 0, next;

	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_NOTE) {
			if (!notes_is_skip(d, (int)i))
				open = 0;
			continue;
		}
		if (open && r != NULL) {
			for (j = r->first; j <= r->last; j++)
				if (notes_same(d->notes[j].label,
				    d->notes[b->note].label))
					open = 0;
		}
		if (!open) {
			r = ARRAY_PUSH(c->runs, c->nruns, c->cap_runs);
			r->first = b->note;
			open = 1;
		}
		r->last = b->note;
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
static int
notes_find(struct notes_ctx *c, int bi, const char *label)
{
	struct notes_run	*r;
	int			 ri, j;

	if (bi < 0 || (size_t)bi >= c->d->nblocks)
		return -1;
	ri = c->run_after[bi];
	if (ri < 0)
		return -1;
	r = &c->runs[ri];
	for (j = r->first; j <= r->last; j++)
		if (notes_same(c->d->notes[j].label, label))
			return j;
	return -1;
}

/* A [^name] reference: the first note so named after it, else before. */
static int
notes_named(struct doc *d, int bi, const char *label)
{
	size_t	i;
	int	before = -1;

	for (i = 0; i < d->nnotes; i++) {
		if (strcmp(d->notes[i].label, label) != 0)
			continue;
		if (d->notes[i].block > bi)
			return (int)i;
		if (before < 0)
			before = (int)i;
	}
	return before;
}

/* Source line of the k-th occurrence of text at off within block bi. */
static int
notes_ref_line(const struct doc *d, int bi, size_t off)
{
	const struct block	*b = &d->blocks[bi];
	const struct source	*src = d->source;
	const char		*s, *e, *p, *needle;
	size_t			 nl, k = 0;
	uint32_t		 ch;
	int			 line;

	if (src == NULL || b->line < 1 || (size_t)b->line > src->nlines)
		return b->line;
	needle = doc_text(d, off);
	nl = recover_decode(needle, d->text.len - off, &ch);
	for (p = doc_text(d, b->text_off); p < needle; p++)
		if (memcmp(p, needle, nl) == 0)
			k++;
	s = src->text + src->lines[b->line - 1];
	e = (size_t)b->end_line < src->nlines ?
	    src->text + src->lines[b->end_line] : src->text + src->len;
	line = b->line;
	for (p = s; p + nl <= e; p++) {
		if (*p == '\n')
			line++;
		if (memcmp(p, needle, nl) == 0) {
			if (k == 0)
				return line;
			k--;
		}
	}
	return b->line;
}

/* Promote bare circled numbers of block bi whose page has their note. */
static void
notes_maybe(struct notes_ctx *c, int bi)
{
	struct doc	*d = c->d;
	struct block	*b = &d->blocks[bi];
	struct span	 sp, *np;
	struct ref	*r;
	size_t		 i, first, count, off, end, l;
	uint32_t	 ch;
	char		 label[16];
	int		 any = 0, ni;

	first = b->span_first;
	count = b->span_count;
	for (i = 0; i < count; i++)
		if (d->spans[first + i].flags & SPAN_MAYBEREF)
			any = 1;
	if (!any)
		return;
	b->span_first = d->nspans;
	for (i = 0; i < count; i++) {
		sp = d->spans[first + i];
		if (!(sp.flags & SPAN_MAYBEREF)) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			continue;
		}
		sp.flags &= ~SPAN_MAYBEREF;
		for (off = sp.off, end = sp.off + sp.len; off < end; off += l) {
			l = recover_decode(doc_text(d, off), end - off, &ch);
			snprintf(label, sizeof label, "%.*s", (int)l,
			    doc_text(d, off));
			ni = marker_circled_value(ch) ?
			    notes_find(c, bi, label) : -1;
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			np->off = off;
			np->len = l;
			if (ni < 0)
				continue;
			np->flags |= SPAN_REF;
			np->ref = (int)d->nrefs;
			r = ARRAY_PUSH(d->refs, d->nrefs, d->cap_refs);
			memset(r, 0, sizeof *r);
			r->label = xstrdup(label);
			r->block = bi;
			r->text_off = off;
			r->text_len = l;
			r->line = notes_ref_line(d, bi, off);
			r->note = -1;
			doc_link_ref(d, (int)(d->nrefs - 1), ni);
		}
	}
	b = &d->blocks[bi];
	b->span_count = d->nspans - b->span_first;
}

/* Find the notes, then link every reference to the note of its page. */
void
notes_recover(struct doc *d)
{
	struct notes_ctx	 c;
	char			 label[64];
	size_t			 i, nrefs;
	int			 ni;

	memset(&c, 0, sizeof c);
	c.d = d;
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->flags & (BLOCK_HIDDEN | BLOCK_LISTITEM) ||
		    b->quote_depth > 0)
			continue;
		if (notes_head(d, (int)i, label, sizeof label))
			doc_add_note(d, label, b->line, (int)i);
	}
	notes_continuations(d);
	notes_runs(&c);
	nrefs = d->nrefs;
	for (i = 0; i < nrefs; i++) {
		struct ref *r = &d->refs[i];

		if (r->note >= 0)
			continue;
		if (r->named)
			ni = notes_named(d, r->block, r->label);
		else
			ni = notes_find(&c, r->block, r->label);
		if (ni >= 0)
			doc_link_ref(d, (int)i, ni);
	}
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type != BLOCK_NOTE)
			notes_maybe(&c, (int)i);
	/* a note label at the head of a paragraph that is no note is text */
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];

		if (b->type != BLOCK_NOTE && b->span_count > 0)
			d->spans[b->span_first].flags &= ~SPAN_NOTELABEL;
	}
	free(c.runs);
	free(c.run_after);
}

/* Notes and references the parser could not mark: bare circled numbers, numbered and reference-headed notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "notes_internal.h"
#include "recover.h"
#include "scholia/doc.h"
#include "scholia/marker.h"
#include "scholia/outline.h"
#include "scholia/source.h"

/* A walk over a block's display text and its source together. */
struct notes_cursor {
	const char		*disp;
	const char		*start;		/* of the source text */
	const char		*src;		/* NULL: no source */
	const char		*end;
	int			 line;
	size_t			 first;		/* the block's old spans */
	size_t			 nspans;
	size_t			 si;		/* span holding disp */
};

static size_t	notes_token(const char *, size_t, char *, size_t);
static int	notes_cursor_line(const struct doc *, struct notes_cursor *,
		    size_t);
static int	notes_in_ref(const struct doc *, struct notes_cursor *,
		    const char *);
static int	notes_plain_span(const struct span *);
static int	notes_digit_head(const struct doc *, int, char *, size_t);

/* Numbered paragraphs found at once, for notes_digit_notes. */
struct notes_dmap {
	const struct doc	*d;
	char			*head;		/* per block: notes_digit_head */
	size_t			*next;		/* first such block from here */
};

static void	notes_digit_map(void *, size_t, size_t);
static void	notes_digit_index(const struct doc *, struct notes_dmap *);
static size_t	notes_digit_len(const struct doc *, int);
static size_t	notes_digit_next(const struct doc *, struct notes_dmap *,
		    size_t, size_t);

#define NOTES_DIGIT_NEAR	256	/* blocks read before the index is made */

/*
 * Length of a token that may be a reference at p: a circled number, or a
 * bracketed number "[12]". Label written to label.
 */
static size_t
notes_token(const char *p, size_t n, char *label, size_t size)
{
	uint32_t	ch;
	size_t		l, k;

	if (n == 0)
		return 0;
	if (p[0] == '[') {
		for (k = 1; k < n && k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k == 1 || k >= n || p[k] != ']' || p[1] == '0')
			return 0;
		snprintf(label, size, "%.*s", (int)(k - 1), p + 1);
		return k + 1;
	}
	if ((unsigned char)p[0] < 0xe0)
		return 0;
	l = text_next(p, n, &ch);
	if (!marker_circled_value(ch))
		return 0;
	snprintf(label, size, "%.*s", (int)l, p);
	return l;
}

/*
 * Source line of the token at display offset off. Display text and source
 * hold the same candidate tokens in the same order (markers written with a
 * caret or inside <sup> are references already and are not counted), so
 * one cursor walks both forward, once per block.
 */
static int
notes_cursor_line(const struct doc *d, struct notes_cursor *cur, size_t off)
{
	const char	*target = doc_text(d, off);
	char		 lab[16];
	size_t		 l, m = 0;

	if (cur->src == NULL)
		return cur->line;
	while (cur->disp < target) {
		l = notes_token(cur->disp, (size_t)(target - cur->disp), lab,
		    sizeof lab);
		if (l > 0 && !notes_in_ref(d, cur, cur->disp))
			m++;
		cur->disp += l > 0 ? l : 1;
	}
	cur->disp = target + notes_token(target, d->text.len - off, lab,
	    sizeof lab);
	while (cur->src < cur->end) {
		l = notes_token(cur->src, (size_t)(cur->end - cur->src), lab,
		    sizeof lab);
		if (l > 0 && cur->src > cur->start && (cur->src[-1] == '^' ||
		    cur->src[-1] == '{' || cur->src[-1] == '>'))
			cur->src += l;		/* a marked reference */
		else if (l > 0) {
			cur->src += l;
			if (m-- == 0)
				return cur->line;
		} else {
			if (*cur->src == '\n')
				cur->line++;
			cur->src++;
		}
	}
	cur->src = NULL;	/* lost step: keep the last line */
	return cur->line;
}

/* Whether display position p lies in a reference span (p only grows). */
static int
notes_in_ref(const struct doc *d, struct notes_cursor *cur, const char *p)
{
	size_t			 off = (size_t)(p - d->text.data);
	const struct span	*sp;

	while (cur->si < cur->nspans) {
		sp = &d->spans[cur->first + cur->si];
		if (off < sp->off + sp->len)
			return off >= sp->off && (sp->flags & SPAN_REF);
		cur->si++;
	}
	return 0;
}

/* Whether a span's text may hold references the parser left as text. */
static int
notes_plain_span(const struct span *sp)
{
	return !(sp->flags & (SPAN_REF | SPAN_CODE | SPAN_LINK | SPAN_URL |
	    SPAN_NOTELABEL));
}

/* Whether block bi has a bare circled number or a "[" in plain text. */
int
notes_may_promote(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];
	const struct span	*sp;
	size_t			 i;

	for (i = 0; i < b->span_count; i++) {
		sp = &d->spans[b->span_first + i];
		if (sp->flags & SPAN_MAYBEREF)
			return 1;
		if (notes_plain_span(sp) &&
		    memchr(doc_text(d, sp->off), '[', sp->len) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Promote bare circled numbers and bracketed numbers "[1]" of block bi to
 * references when the first notes after it have their label; the rest
 * stays text.
 */
void
notes_maybe(struct notes_ctx *c, int bi)
{
	struct doc	*d = c->d;
	struct block	*b = &d->blocks[bi];
	struct span	 sp, *np;
	struct ref	*r;
	size_t		 i, first, count, off, end, l, plain;
	char		 label[16];
	int		 ni;
	unsigned char	 lead;
	struct notes_cursor cur;

	first = b->span_first;
	count = b->span_count;
	if (!notes_may_promote(d, bi))
		return;
	memset(&cur, 0, sizeof cur);
	cur.first = first;
	cur.nspans = count;
	cur.disp = doc_text(d, b->text_off);
	cur.line = b->line;
	if (d->source != NULL && b->line >= 1 &&
	    (size_t)b->line <= d->source->nlines) {
		cur.start = d->source->text;
		cur.src = d->source->text + d->source->lines[b->line - 1];
		cur.end = (size_t)b->end_line < d->source->nlines ?
		    d->source->text + d->source->lines[b->end_line] :
		    d->source->text + d->source->len;
	}
	b->span_first = d->nspans;
	for (i = 0; i < count; i++) {
		sp = d->spans[first + i];
		if (!(sp.flags & SPAN_MAYBEREF) && !notes_plain_span(&sp)) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			continue;
		}
		sp.flags &= ~SPAN_MAYBEREF;
		plain = sp.off;		/* start of text not yet emitted */
		for (off = sp.off, end = sp.off + sp.len; off < end; off += l) {
			/* a token opens with "[" or the lead of ① ㉑ ㊱ */
			lead = (unsigned char)d->text.data[off];
			if (lead != '[' && lead != 0xe2 && lead != 0xe3) {
				l = 1;
				continue;
			}
			l = notes_token(doc_text(d, off), end - off, label,
			    sizeof label);
			if (l == 0) {
				l = 1;
				continue;
			}
			ni = notes_find(c, bi, label);
			if (ni < 0)
				continue;
			if (off > plain) {
				np = ARRAY_PUSH(d->spans, d->nspans,
				    d->cap_spans);
				*np = sp;
				np->off = plain;
				np->len = off - plain;
			}
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			np->off = off;
			np->len = l;
			np->flags |= SPAN_REF;
			np->ref = (int)d->nrefs;
			plain = off + l;
			r = ARRAY_PUSH(d->refs, d->nrefs, d->cap_refs);
			memset(r, 0, sizeof *r);
			r->label = xstrdup(label);
			r->block = bi;
			r->text_off = off;
			r->text_len = l;
			r->line = notes_cursor_line(d, &cur, off);
			r->note = -1;
			doc_link_ref(d, (int)(d->nrefs - 1), ni);
		}
		if (end > plain) {
			np = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
			*np = sp;
			np->off = plain;
			np->len = end - plain;
		}
	}
	b = &d->blocks[bi];
	b->span_count = d->nspans - b->span_first;
}

/*
 * A paragraph opening with a reference marker and a blank ("<sup>1</sup>
 * Smith", "¹ Smith") is a note whose head the parser took for a
 * reference: the marker becomes its label and the reference is dropped.
 */
int
notes_ref_head(struct doc *d, int bi, char *label, size_t size, char *drop)
{
	struct block	*b = &d->blocks[bi];
	struct span	*sp, *nx;
	uint32_t	 c;
	size_t		 i;

	if (b->type != BLOCK_PARA || b->span_count < 2)
		return 0;
	sp = &d->spans[b->span_first];
	nx = sp + 1;
	if (!(sp->flags & SPAN_REF) || sp->ref < 0 || sp->off != b->text_off)
		return 0;
	text_next(doc_text(d, nx->off), nx->len, &c);
	if (!recover_is_space(c))
		return 0;
	for (i = 1; i < b->span_count; i++)
		if (d->spans[b->span_first + i].flags & SPAN_REF)
			return 0;	/* body text cut before its marker */
	snprintf(label, size, "%s", d->refs[sp->ref].label);
	drop[sp->ref] = 1;
	sp->flags = (sp->flags & ~SPAN_REF) | SPAN_NOTELABEL;
	sp->ref = -1;
	return 1;
}


/*
 * The label of a paragraph or ordered list item that starts with a plain
 * number ("1 Smith", "1. Smith"), as some converters leave footnotes.
 */
static int
notes_digit_head(const struct doc *d, int bi, char *label, size_t size)
{
	const struct block	*b = &d->blocks[bi];
	const char		*s = doc_text(d, b->text_off);
	size_t			 n = b->text_len, k;

	if (b->type != BLOCK_PARA || (b->flags & BLOCK_HIDDEN) ||
	    b->quote_depth > 0 || b->list_depth > 1)
		return 0;
	if (b->flags & BLOCK_LISTITEM) {
		for (k = 0; b->marker[k] >= '0' && b->marker[k] <= '9'; k++)
			;
		if (k == 0 || k > 3 || (b->marker[k] != '.' &&
		    b->marker[k] != ')'))
			return 0;
		snprintf(label, size, "%.*s", (int)k, b->marker);
		return 1;
	}
	for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k == 0 || k > 3 || k + 1 >= n)
		return 0;
	if (s[k] != ' ' && s[k] != '.' && s[k] != ')' &&
	    memcmp(s + k, "、", k + 3 <= n ? 3 : 0) != 0 &&
	    memcmp(s + k, "．", k + 3 <= n ? 3 : 0) != 0)
		return 0;
	if (outline_block_kind(d, bi) != OUTLINE_NONE)
		return 0;
	snprintf(label, size, "%.*s", (int)k, s);
	return 1;
}

/* Bytes of a numbered note's head: "1. " of "1. Smith". */
static size_t
notes_digit_len(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];
	const char		*s = doc_text(d, b->text_off);
	size_t			 n = b->text_len, k = 0, l;
	uint32_t		 c;

	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k < n && (s[k] == '.' || s[k] == ')'))
		k++;
	else if (k + 3 <= n && (memcmp(s + k, "、", 3) == 0 ||
	    memcmp(s + k, "．", 3) == 0))
		k += 3;
	while (k < n && (l = text_next(s + k, n - k, &c)) > 0 &&
	    recover_is_space(c))
		k += l;
	return k;
}

/* Which blocks from to to open with a plain number (a map). */
static void
notes_digit_map(void *arg, size_t from, size_t to)
{
	struct notes_dmap	*dm = arg;
	char			 label[64];
	size_t			 i;

	for (i = from; i < to; i++)
		dm->head[i] = (char)notes_digit_head(dm->d, (int)i, label,
		    sizeof label);
}

/*
 * The numbered paragraphs, and for each block the first of them at or
 * after it: the search after each reference is then one look.
 */
static void
notes_digit_index(const struct doc *d, struct notes_dmap *dm)
{
	size_t	i;

	dm->d = d;
	dm->head = xcalloc(d->nblocks + 1, 1);
	dm->next = xreallocarray(NULL, d->nblocks + 2, sizeof *dm->next);
	recover_par(d->nblocks, notes_digit_map, dm);
	dm->next[d->nblocks] = dm->next[d->nblocks + 1] = d->nblocks;
	for (i = d->nblocks; i-- > 0;)
		dm->next[i] = dm->head[i] ? i : dm->next[i + 1];
}

/*
 * The first numbered paragraph at or after block from, or limit when none
 * is before it: the blocks near are read, a longer way is looked up in the
 * index of them all, made the first time one is needed.
 */
static size_t
notes_digit_next(const struct doc *d, struct notes_dmap *dm, size_t from,
    size_t limit)
{
	char	label[64];
	size_t	j;

	if (dm->next == NULL) {
		for (j = from; j < limit && j < from + NOTES_DIGIT_NEAR; j++)
			if (notes_digit_head(d, (int)j, label, sizeof label))
				return j;
		if (j >= limit)
			return limit;
		notes_digit_index(d, dm);
	}
	return dm->next[from] < limit ? dm->next[from] : limit;
}

/*
 * Numbered paragraphs become notes when a reference with no note of its
 * own finds its number among the first such paragraphs after it (and
 * before the next real notes). Returns whether any were added.
 */
int
notes_digit_notes(struct notes_ctx *c)
{
	struct doc	*d = c->d;
	struct notes_dmap dm = { 0 };
	char		*mark, label[64], **labels;
	size_t		 i, j, limit, start;
	int		 any = 0, hit, k;

	mark = xcalloc(d->nblocks + 1, 1);
	for (i = 0; i < d->nrefs; i++) {
		struct ref *r = &d->refs[i];

		if (r->named || r->block < 0 || r->label[0] < '0' ||
		    r->label[0] > '9' || notes_find(c, r->block, r->label) >= 0)
			continue;
		k = notes_run_after(c, r->block);
		limit = k < 0 ? d->nblocks : (size_t)c->runs[k].block;
		start = notes_digit_next(d, &dm, (size_t)r->block + 1, limit);
		if (start >= limit)
			continue;
		hit = 0;
		for (j = start; j < limit; j++) {
			if (d->blocks[j].flags & BLOCK_HIDDEN)
				continue;
			if ((dm.head != NULL && !dm.head[j]) ||
			    !notes_digit_head(d, (int)j, label, sizeof label))
				break;
			if (strcmp(label, r->label) == 0)
				hit = 1;
		}
		if (!hit)
			continue;
		for (j = start; j < limit; j++) {
			if (d->blocks[j].flags & BLOCK_HIDDEN)
				continue;
			if (!notes_digit_head(d, (int)j, label, sizeof label))
				break;
			mark[j] = 1;
			any = 1;
		}
	}
	if (any) {
		/* renumber every note in reading order */
		labels = xcalloc(d->nblocks + 1, sizeof *labels);
		for (i = 0; i < d->nnotes; i++) {
			if (d->notes[i].block >= 0)
				labels[d->notes[i].block] = d->notes[i].label;
			else
				free(d->notes[i].label);
			free(d->notes[i].refs);
		}
		d->nnotes = 0;
		for (i = 0; i < d->nblocks; i++) {
			if (mark[i] && notes_digit_head(d, (int)i, label,
			    sizeof label)) {
				if (!(d->blocks[i].flags & BLOCK_LISTITEM))
					recover_split_head(d, (int)i,
					    notes_digit_len(d, (int)i),
					    SPAN_NOTELABEL);
				else {
					/* the list marker was its label */
					char head[80];

					snprintf(head, sizeof head, "%s ",
					    d->blocks[i].marker);
					recover_prepend(d, (int)i, head,
					    SPAN_NOTELABEL);
				}
				d->blocks[i].flags &= ~BLOCK_LISTITEM;
				d->blocks[i].marker[0] = '\0';
				doc_add_note(d, label, d->blocks[i].line,
				    (int)i);
			} else if (labels[i] != NULL) {
				doc_add_note(d, labels[i], d->blocks[i].line,
				    (int)i);
				free(labels[i]);
			}
		}
		free(labels);
	}
	free(mark);
	free(dm.head);
	free(dm.next);
	return any;
}

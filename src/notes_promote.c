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
	const char	*disp;
	const char	*src;		/* NULL: no source, use the line */
	const char	*end;
	int		 line;
};

static int	notes_cursor_line(const struct doc *, struct notes_cursor *,
		    size_t);
static int	notes_digit_head(const struct doc *, int, char *, size_t);
static size_t	notes_digit_len(const struct doc *, int);

/*
 * Source line of the circled number at display offset off. The display
 * text and the source hold the same circled numbers in the same order, so
 * one cursor walks both forward, once per block.
 */
static int
notes_cursor_line(const struct doc *d, struct notes_cursor *cur, size_t off)
{
	const char	*target = doc_text(d, off), *p;
	size_t		 l, m = 0;
	uint32_t	 ch;

	if (cur->src == NULL)
		return cur->line;
	for (p = cur->disp; p < target; p += l) {
		l = recover_decode(p, (size_t)(target - p), &ch);
		if (marker_circled_value(ch))
			m++;
	}
	l = recover_decode(target, d->text.len - off, &ch);
	cur->disp = target + l;
	while (cur->src < cur->end) {
		l = recover_decode(cur->src, (size_t)(cur->end - cur->src),
		    &ch);
		cur->src += l;
		if (ch == '\n')
			cur->line++;
		else if (marker_circled_value(ch) && m-- == 0)
			return cur->line;
	}
	cur->src = NULL;	/* lost step: keep the last line */
	return cur->line;
}

/* Promote bare circled numbers of block bi whose page has their note. */
void
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
	struct notes_cursor cur;

	first = b->span_first;
	count = b->span_count;
	for (i = 0; i < count; i++)
		if (d->spans[first + i].flags & SPAN_MAYBEREF)
			any = 1;
	if (!any)
		return;
	cur.disp = doc_text(d, b->text_off);
	cur.line = b->line;
	cur.src = cur.end = NULL;
	if (d->source != NULL && b->line >= 1 &&
	    (size_t)b->line <= d->source->nlines) {
		cur.src = d->source->text + d->source->lines[b->line - 1];
		cur.end = (size_t)b->end_line < d->source->nlines ?
		    d->source->text + d->source->lines[b->end_line] :
		    d->source->text + d->source->len;
	}
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
			r->line = notes_cursor_line(d, &cur, off);
			r->note = -1;
			doc_link_ref(d, (int)(d->nrefs - 1), ni);
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
	int		 prev;

	if (b->type != BLOCK_PARA || b->span_count < 2)
		return 0;
	sp = &d->spans[b->span_first];
	nx = sp + 1;
	if (!(sp->flags & SPAN_REF) || sp->ref < 0 || sp->off != b->text_off)
		return 0;
	recover_decode(doc_text(d, nx->off), nx->len, &c);
	for (prev = bi - 1; prev >= 0; prev--)
		if (!(d->blocks[prev].flags & BLOCK_HIDDEN))
			break;
	if (!recover_is_space(c) &&
	    (prev < 0 || d->blocks[prev].type != BLOCK_NOTE))
		return 0;
	snprintf(label, size, "%s", d->refs[sp->ref].label);
	drop[sp->ref] = 1;
	sp->flags = (sp->flags & ~SPAN_REF) | SPAN_NOTELABEL;
	sp->ref = -1;
	return 1;
}

/* Remove the references marked in drop, renumbering the rest. */
void
notes_drop_refs(struct doc *d, const char *drop)
{
	int	*map;
	size_t	 i, k = 0;

	map = xcalloc(d->nrefs + 1, sizeof *map);
	for (i = 0; i < d->nrefs; i++) {
		if (drop[i]) {
			free(d->refs[i].label);
			map[i] = -1;
			continue;
		}
		map[i] = (int)k;
		d->refs[k++] = d->refs[i];
	}
	for (i = 0; i < d->nspans; i++)
		if (d->spans[i].ref >= 0 && (size_t)d->spans[i].ref < d->nrefs)
			d->spans[i].ref = map[d->spans[i].ref];
	d->nrefs = k;
	free(map);
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
	while (k < n && (l = recover_decode(s + k, n - k, &c)) > 0 &&
	    recover_is_space(c))
		k += l;
	return k;
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
	char		*mark, label[64], **labels;
	size_t		 i, j, limit, start;
	int		 any = 0, hit, k;

	mark = xcalloc(d->nblocks + 1, 1);
	for (i = 0; i < d->nrefs; i++) {
		struct ref *r = &d->refs[i];

		if (r->named || r->block < 0 || r->label[0] < '0' ||
		    r->label[0] > '9' || notes_find(c, r->block, r->label) >= 0)
			continue;
		k = c->run_after[r->block];
		limit = k < 0 ? d->nblocks :
		    (size_t)d->notes[c->runs[k].first].block;
		for (start = (size_t)r->block + 1; start < limit; start++)
			if (notes_digit_head(d, (int)start, label,
			    sizeof label))
				break;
		if (start >= limit)
			continue;
		hit = 0;
		for (j = start; j < limit; j++) {
			if (d->blocks[j].flags & BLOCK_HIDDEN)
				continue;
			if (!notes_digit_head(d, (int)j, label, sizeof label))
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
				doc_add_note(d, label, d->blocks[i].line, (int)i);
			} else if (labels[i] != NULL) {
				doc_add_note(d, labels[i], d->blocks[i].line,
				    (int)i);
				free(labels[i]);
			}
		}
		free(labels);
	}
	free(mark);
	return any;
}

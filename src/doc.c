/* The document model: construction by the parsers, records, accessors. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "scholia/doc.h"
#include "scholia/source.h"

struct doc *
doc_new(const struct source *src)
{
	struct doc	*d = xcalloc(1, sizeof *d);

	d->source = src;
	d->open_block = -1;
	d->open_cell = -1;
	buf_grow(&d->text, 0);
	return d;
}

void
doc_free(struct doc *d)
{
	size_t	i;
	int	j;

	if (d == NULL)
		return;
	for (i = 0; i < d->ntables; i++)
		free(d->tables[i].align);
	for (i = 0; i < d->nnotes; i++) {
		free(d->notes[i].label);
		free(d->notes[i].refs);
	}
	for (i = 0; i < d->nrefs; i++)
		free(d->refs[i].label);
	for (i = 0; i < d->nheadings; i++)
		free(d->headings[i].title);
	for (i = 0; i < d->nkeywords; i++) {
		for (j = 0; j < d->keywords[i].nwords; j++)
			free(d->keywords[i].words[j]);
		free(d->keywords[i].words);
	}
	for (i = 0; i < d->narticles; i++)
		free(d->articles[i].title);
	free(d->blocks);
	free(d->spans);
	free(d->tables);
	free(d->cells);
	free(d->notes);
	free(d->refs);
	free(d->headings);
	free(d->keywords);
	free(d->articles);
	buf_free(&d->text);
	buf_free(&d->aux);
	source_free(d->owned);
	free(d);
}

int
doc_begin_block(struct doc *d, enum block_type type, int line)
{
	struct block	*b;

	if (d->open_block != -1)
		doc_end_block(d, line);
	b = ARRAY_PUSH(d->blocks, d->nblocks, d->cap_blocks);
	memset(b, 0, sizeof *b);
	b->type = type;
	b->line = b->end_line = line;
	b->text_off = d->text.len;
	b->span_first = d->nspans;
	b->table = b->note = b->heading = b->article = -1;
	b->entry_of = -1;
	d->open_block = (int)(d->nblocks - 1);
	return d->open_block;
}

/* The text range and span range being appended to: a cell or a block. */
static void
doc_target(struct doc *d, uint32_t **text_len, uint32_t **span_first,
    uint32_t **span_count, size_t *text_off)
{
	if (d->open_cell != -1) {
		struct table_cell *c = &d->cells[d->open_cell];

		*text_len = &c->text_len;
		*span_first = &c->span_first;
		*span_count = &c->span_count;
		*text_off = c->text_off;
	} else {
		struct block *b;

		if (d->open_block == -1)
			fatal("doc_append: no open block");
		b = &d->blocks[d->open_block];
		*text_len = &b->text_len;
		*span_first = &b->span_first;
		*span_count = &b->span_count;
		*text_off = b->text_off;
	}
}

static struct span *
doc_push_span(struct doc *d, const char *s, size_t n, unsigned flags, int ref)
{
	uint32_t	*text_len, *span_first, *span_count;
	size_t		 text_off;
	struct span	*sp;

	doc_target(d, &text_len, &span_first, &span_count, &text_off);
	if (ref == -1 && *span_count > 0) {
		sp = &d->spans[*span_first + *span_count - 1];
		if (sp->flags == flags && sp->ref == -1 && sp->aux_len == 0 &&
		    sp->off + sp->len == d->text.len) {
			buf_append(&d->text, s, n);
			sp->len += n;
			*text_len += n;
			return sp;
		}
	}
	sp = ARRAY_PUSH(d->spans, d->nspans, d->cap_spans);
	sp->off = d->text.len;
	sp->len = n;
	sp->flags = flags;
	sp->ref = ref;
	sp->aux_off = sp->aux_len = 0;
	buf_append(&d->text, s, n);
	(*span_count)++;
	*text_len += n;
	return sp;
}

void
doc_append(struct doc *d, const char *s, size_t n, unsigned flags)
{
	if (n == 0)
		return;
	doc_push_span(d, s, n, flags, -1);
}

int
doc_append_ref(struct doc *d, const char *text, size_t n, const char *label,
    int line, unsigned flags)
{
	struct ref	*r;
	struct span	*sp;
	int		 idx = (int)d->nrefs;

	r = ARRAY_PUSH(d->refs, d->nrefs, d->cap_refs);
	memset(r, 0, sizeof *r);
	r->label = xstrdup(label);
	r->line = line;
	r->block = d->open_block;
	r->note = -1;
	sp = doc_push_span(d, text, n, flags | SPAN_REF, idx);
	r->text_off = sp->off;
	r->text_len = n;
	return idx;
}

void
doc_set_link(struct doc *d, size_t first_span, const char *url, size_t n)
{
	size_t	i, off = d->aux.len;

	buf_append(&d->aux, url, n);
	buf_putc(&d->aux, '\0');
	for (i = first_span; i < d->nspans; i++) {
		d->spans[i].flags |= SPAN_LINK;
		d->spans[i].aux_off = (uint32_t)off;
		d->spans[i].aux_len = (uint32_t)n;
	}
}

void
doc_end_block(struct doc *d, int end_line)
{
	struct block	*b;

	if (d->open_block == -1)
		return;
	if (d->open_cell != -1)
		doc_end_cell(d);
	b = &d->blocks[d->open_block];
	if (end_line > b->end_line)
		b->end_line = end_line;
	d->open_block = -1;
}

int
doc_begin_table(struct doc *d, int line, int ncols, int nrows,
    int header_rows, const char *align)
{
	struct table	*t;
	size_t		 i, ncells;
	int		 bi;

	if (ncols < 1)
		ncols = 1;
	if (nrows < 1)
		nrows = 1;
	bi = doc_begin_block(d, BLOCK_TABLE, line);
	t = ARRAY_PUSH(d->tables, d->ntables, d->cap_tables);
	t->nrows = nrows;
	t->ncols = ncols;
	t->header_rows = header_rows;
	t->align = xmalloc((size_t)ncols + 1);
	for (i = 0; i < (size_t)ncols; i++)
		t->align[i] = (align != NULL && align[i] != '\0') ?
		    align[i] : 'l';
	t->align[ncols] = '\0';
	t->cell_first = d->ncells;
	ncells = (size_t)nrows * (size_t)ncols;
	for (i = 0; i < ncells; i++) {
		struct table_cell *c;

		c = ARRAY_PUSH(d->cells, d->ncells, d->cap_cells);
		memset(c, 0, sizeof *c);
		c->text_off = d->text.len;
		c->span_first = d->nspans;
	}
	d->blocks[bi].table = (int)(d->ntables - 1);
	return bi;
}

void
doc_begin_cell(struct doc *d, int row, int col)
{
	struct block		*b;
	struct table		*t;
	struct table_cell	*c;

	if (d->open_block == -1 || d->blocks[d->open_block].table == -1)
		fatal("doc_begin_cell: no open table");
	if (d->open_cell != -1)
		doc_end_cell(d);
	b = &d->blocks[d->open_block];
	t = &d->tables[b->table];
	if (row < 0 || row >= t->nrows || col < 0 || col >= t->ncols)
		return;		/* a ragged row: extra cells are dropped */
	d->open_cell = (int)(t->cell_first + (size_t)row * (size_t)t->ncols +
	    (size_t)col);
	c = &d->cells[d->open_cell];
	c->text_off = d->text.len;
	c->text_len = 0;
	c->span_first = d->nspans;
	c->span_count = 0;
}

void
doc_end_cell(struct doc *d)
{
	d->open_cell = -1;
}

const struct table_cell *
doc_cell(const struct doc *d, const struct table *t, int row, int col)
{
	return &d->cells[t->cell_first + (size_t)row * (size_t)t->ncols +
	    (size_t)col];
}

void
doc_block_plain(const struct doc *d, int bi, struct buf *out)
{
	const struct block	*b = &d->blocks[bi];

	buf_append(out, d->text.data + b->text_off, b->text_len);
}

int
doc_in_flow(const struct doc *d, int bi)
{
	const struct block	*b = &d->blocks[bi];

	return !(b->flags & BLOCK_HIDDEN) && b->type != BLOCK_NOTE;
}

int
doc_add_note(struct doc *d, const char *label, int line, int block)
{
	struct note	*n;

	n = ARRAY_PUSH(d->notes, d->nnotes, d->cap_notes);
	memset(n, 0, sizeof *n);
	n->label = xstrdup(label);
	n->line = line;
	n->block = block;
	n->article = -1;
	if (block >= 0) {
		d->blocks[block].type = BLOCK_NOTE;
		d->blocks[block].note = (int)(d->nnotes - 1);
	}
	return (int)(d->nnotes - 1);
}

int
doc_add_heading(struct doc *d, int level, int line, int block,
    const char *title)
{
	struct heading	*h;

	h = ARRAY_PUSH(d->headings, d->nheadings, d->cap_headings);
	h->level = level;
	h->line = line;
	h->block = block;
	h->title = xstrdup(title);
	h->article = -1;
	if (block >= 0) {
		d->blocks[block].type = BLOCK_HEADING;
		d->blocks[block].level = level;
		d->blocks[block].heading = (int)(d->nheadings - 1);
	}
	return (int)(d->nheadings - 1);
}

int
doc_add_keywords(struct doc *d, int line, int block, char **words,
    int nwords)
{
	struct keywords	*k;

	k = ARRAY_PUSH(d->keywords, d->nkeywords, d->cap_keywords);
	k->line = line;
	k->block = block;
	k->words = words;
	k->nwords = nwords;
	return (int)(d->nkeywords - 1);
}

int
doc_add_article(struct doc *d, const char *title, int line, int first_block)
{
	struct article	*a;

	a = ARRAY_PUSH(d->articles, d->narticles, d->cap_articles);
	a->title = xstrdup(title);
	a->line = line;
	a->first_block = first_block;
	a->last_block = first_block;
	a->heading = -1;
	return (int)(d->narticles - 1);
}

void
doc_link_ref(struct doc *d, int ri, int ni)
{
	struct note	*n;

	d->refs[ri].note = ni;
	if (ni < 0)
		return;
	n = &d->notes[ni];
	/* Room doubles at each power of two: one note may have 10^5 refs. */
	if ((n->nrefs & (n->nrefs - 1)) == 0)
		n->refs = xreallocarray(n->refs, n->nrefs > 0 ?
		    (size_t)n->nrefs * 2 : 1, sizeof *n->refs);
	n->refs[n->nrefs++] = ri;
}

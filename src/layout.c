/* Layout: display lines per block, wrapped lazily and cached; the flow. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/text.h"

#define PAGE_SHIFT	8	/* cache directory pages of 256 blocks */
#define PAGE_SIZE	(1 << PAGE_SHIFT)
#define MIN_TEXT	8	/* indentation leaves at least this much text */
#define HR_MAX		40

struct layout {
	const struct doc	 *doc;
	int			  width;
	int			  tab;
	int			  first_flow;	/* -2 until known, -1 none */
	struct lblock		***pages;	/* per block, made on use */
	unsigned short		 *inpage;	/* blocks cached per page */
	size_t			  npages;
	size_t			  cached;
};

#define LARGE		((size_t)64 << 10)	/* text of a block built in pieces */

/*
 * Where the pieces of a block go: to fn (layout_block_stream), or gathered
 * into one lblock whose runs and text stay in the pieces, so that a large
 * block never sits in the builder and in its copy at once.
 */
struct stream {
	int		  block;
	void		(*fn)(const struct layout_line *, int, void *);
	void		 *arg;
	struct lblock	 *gather;
	size_t		  cap_lines;
	size_t		  cap_pieces;
};

static struct lblock	*layout_wrap(struct layout *, int, struct stream *);
static void		 layout_sink(struct lb *, void *);
static void		 layout_prefix(const struct layout *,
			    const struct block *, struct prefix *);
static int		 layout_note_hang(const struct doc *,
			    const struct block *);
static int		 layout_first_flow(struct layout *);
static int		 layout_count(struct layout *, int);
static int		 layout_next(struct layout *, int, int);

struct layout *
layout_new(const struct doc *d, const struct layout_opts *opts)
{
	struct layout	*l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->width = opts != NULL && opts->width > 0 ? opts->width : 80;
	l->tab = opts != NULL && opts->tab > 0 ? opts->tab : 8;
	if (l->tab > 16)
		l->tab = 16;
	l->first_flow = -2;
	return l;
}

void
layout_free(struct layout *l)
{
	size_t	i, j;

	if (l == NULL)
		return;
	for (i = 0; i < l->npages; i++) {
		if (l->pages[i] == NULL)
			continue;
		for (j = 0; j < PAGE_SIZE; j++)
			lblock_free(l->pages[i][j]);
		free(l->pages[i]);
	}
	free(l->pages);
	free(l->inpage);
	free(l);
}

int
layout_width(const struct layout *l)
{
	return l->width;
}

const struct doc *
layout_doc(const struct layout *l)
{
	return l->doc;
}

size_t
layout_cached(const struct layout *l)
{
	return l->cached;
}

void
layout_forget(struct layout *l, int bi)
{
	struct lblock	**page;

	if (bi < 0 || (size_t)(bi >> PAGE_SHIFT) >= l->npages)
		return;
	page = l->pages[bi >> PAGE_SHIFT];
	if (page == NULL || page[bi & (PAGE_SIZE - 1)] == NULL)
		return;
	lblock_free(page[bi & (PAGE_SIZE - 1)]);
	page[bi & (PAGE_SIZE - 1)] = NULL;
	l->cached--;
	/* an empty page goes too: a dump forgets every block it wrote */
	if (--l->inpage[bi >> PAGE_SHIFT] == 0) {
		free(page);
		l->pages[bi >> PAGE_SHIFT] = NULL;
	}
}

const struct layout_line *
layout_block(struct layout *l, int bi, int *nlines)
{
	struct lblock	**page, *blk;
	size_t		  pi;

	*nlines = 0;
	if (bi < 0 || (size_t)bi >= l->doc->nblocks)
		return NULL;
	pi = (size_t)bi >> PAGE_SHIFT;
	if (l->pages == NULL) {
		l->npages = (l->doc->nblocks + PAGE_SIZE - 1) >> PAGE_SHIFT;
		l->pages = xcalloc(l->npages, sizeof *l->pages);
		l->inpage = xcalloc(l->npages, sizeof *l->inpage);
	}
	if (l->pages[pi] == NULL)
		l->pages[pi] = xcalloc(PAGE_SIZE, sizeof *l->pages[pi]);
	page = l->pages[pi];
	if ((blk = page[bi & (PAGE_SIZE - 1)]) == NULL) {
		blk = layout_wrap(l, bi, NULL);
		page[bi & (PAGE_SIZE - 1)] = blk;
		l->cached++;
		l->inpage[pi]++;
	}
	*nlines = blk->nlines;
	return blk->lines;
}

void
layout_block_stream(struct layout *l, int bi,
    void (*fn)(const struct layout_line *, int, void *), void *arg)
{
	struct lblock	**page, *blk;
	struct stream	  s;

	if (bi < 0 || (size_t)bi >= l->doc->nblocks)
		return;
	page = l->pages != NULL ? l->pages[bi >> PAGE_SHIFT] : NULL;
	if (page != NULL && (blk = page[bi & (PAGE_SIZE - 1)]) != NULL) {
		if (blk->nlines > 0)
			fn(blk->lines, blk->nlines, arg);
		return;
	}
	memset(&s, 0, sizeof s);
	s.block = bi;
	s.fn = fn;
	s.arg = arg;
	layout_wrap(l, bi, &s);
}

/* The lines a builder holds: passed on, or added to the gathered block. */
static void
layout_sink(struct lb *lb, void *arg)
{
	struct stream		*s = arg;
	struct lblock		*g = s->gather;
	struct layout_line	*lines;
	void			*mem;
	size_t			 i, n = lb->nlines;

	if (n == 0)
		return;
	if (g != NULL) {
		if ((size_t)g->nlines + n > s->cap_lines) {
			s->cap_lines = 2 * s->cap_lines > g->nlines + n ?
			    2 * s->cap_lines : g->nlines + n;
			g->lines = xreallocarray(g->lines, s->cap_lines,
			    sizeof *g->lines);
		}
		lines = g->lines + g->nlines;
	} else
		lines = xreallocarray(NULL, n, sizeof *lines);
	mem = lb_take(lb, lines);
	for (i = 0; i < n; i++)
		lines[i].block = s->block;
	if (g != NULL) {
		*ARRAY_PUSH(g->pieces, g->npieces, s->cap_pieces) = mem;
		g->nlines += (int)n;
		return;
	}
	s->fn(lines, (int)n, s->arg);
	free(lines);
	free(mem);
}

/* Container indentation, quote bars, list marker and note hang of a block. */
static void
layout_prefix(const struct layout *l, const struct block *b,
    struct prefix *p)
{
	int	budget, over, cut, mcols;

	memset(p, 0, sizeof *p);
	/* block->indent counts 2 columns per enclosing quote and list. */
	p->quotes = b->quote_depth > 0 ? b->quote_depth : 0;
	p->indent = b->indent - 2 * p->quotes;	/* bars replace those */
	if (p->indent < 0)
		p->indent = 0;
	if (b->list_depth > 0 || (b->flags & BLOCK_LISTITEM)) {
		/* the innermost list's columns hold the marker */
		p->indent = p->indent > 2 ? p->indent - 2 : 0;
		p->lead = 2;
	}
	if ((b->flags & BLOCK_LISTITEM) && b->marker[0] != '\0') {
		p->marker = b->marker;
		mcols = (int)text_width(b->marker, strnlen(b->marker,
		    sizeof b->marker));
		if (mcols + 1 > p->lead)
			p->lead = mcols + 1;
	}
	if (b->type == BLOCK_NOTE)
		p->hang = layout_note_hang(l->doc, b);

	/* Shrink indentation first, then hang, marker and bars. */
	budget = l->width - (l->width < MIN_TEXT ? l->width : MIN_TEXT);
	over = lb_prefix_cols(p, 0) - budget;
	if (over > 0) {
		cut = over < p->indent ? over : p->indent;
		p->indent -= cut;
		over -= cut;
	}
	if (over > 0) {
		cut = over < p->hang ? over : p->hang;
		p->hang -= cut;
		over -= cut;
	}
	if (over > 0) {
		cut = over < p->lead ? over : p->lead;
		p->lead -= cut;
		over -= cut;
	}
	if (over > 0) {
		cut = (over + lb_bar_cols() - 1) / lb_bar_cols();
		p->quotes -= cut < p->quotes ? cut : p->quotes;
	}
}

/* Columns of the label at the head of a note and the spaces after it. */
static int
layout_note_hang(const struct doc *d, const struct block *b)
{
	const struct span	*sp;
	const char		*s;
	size_t			 n, end;

	if (b->span_count == 0)
		return 0;
	sp = &d->spans[b->span_first];
	if (!(sp->flags & SPAN_NOTELABEL) || sp->off != b->text_off)
		return 0;
	s = d->text.data + b->text_off;
	end = sp->len;
	while (end < b->text_len && s[end] == ' ')
		end++;
	n = text_width(s, end);
	if (end == sp->len)
		n++;	/* the label is followed directly by text */
	return (int)n;
}

/*
 * Wrap one block into its lines; with s, all of them go to s->fn and NULL
 * is returned. A large block is gathered from pieces.
 */
static struct lblock *
layout_wrap(struct layout *l, int bi, struct stream *s)
{
	const struct doc	*d = l->doc;
	const struct block	*b = &d->blocks[bi];
	struct lb		 lb;
	struct prefix		 p;
	struct wrap_src		 src;
	struct lblock		*blk;
	struct stream		 g;
	unsigned		 style = 0;
	int			 i, n, spacer = 0;

	lb_init(&lb);
	if (s == NULL && (b->type == BLOCK_TABLE || b->text_len >= LARGE)) {
		memset(&g, 0, sizeof g);
		g.block = bi;
		g.gather = xcalloc(1, sizeof *g.gather);
		s = &g;
	}
	if (s != NULL) {
		lb.sink = layout_sink;
		lb.sink_arg = s;
	}
	if (!(b->flags & BLOCK_TIGHT) && bi != layout_first_flow(l)) {
		spacer = 1;
		lb_line(&lb, LINE_BLANK, b->text_off);
	}
	layout_prefix(l, b, &p);
	src.off = b->text_off;
	src.len = b->text_len;
	src.span_first = b->span_first;
	src.span_count = b->span_count;
	switch (b->type) {
	case BLOCK_HEADING:
		style = STYLE_HEADING;
		break;
	case BLOCK_NOTE:
		style = STYLE_NOTE;
		break;
	case BLOCK_META:
		style = STYLE_META;
		break;
	default:
		break;
	}
	switch (b->type) {
	case BLOCK_HR:
		n = l->width - lb_prefix_cols(&p, 1);
		if (n > HR_MAX)
			n = HR_MAX;
		lb_line(&lb, LINE_FIRST, b->text_off);
		lb_prefix(&lb, &p, 1);
		lb_rule(&lb, "─", n);
		break;
	case BLOCK_TABLE:
		if (b->table >= 0 && (size_t)b->table < d->ntables)
			layout_table(d, b, l->width, l->tab, &p, &lb);
		break;
	default:
		wrap_text(d, &src, l->width, l->tab, b->type == BLOCK_CODE,
		    style, &p, &lb);
		break;
	}
	if ((size_t)spacer == lb_count(&lb))
		lb.nlines = 0;	/* nothing to show: no spacer either */
	if (s != NULL) {
		layout_sink(&lb, s);
		lb_free(&lb);
		return s->gather;
	}
	blk = lb_finish(&lb);
	for (i = 0; i < blk->nlines; i++)
		blk->lines[i].block = bi;
	return blk;
}

/* The first block of the flow with something to show. */
static int
layout_first_flow(struct layout *l)
{
	const struct doc	*d = l->doc;
	size_t			 i;

	if (l->first_flow != -2)
		return l->first_flow;
	l->first_flow = -1;
	for (i = 0; i < d->nblocks; i++) {
		if (!doc_in_flow(d, (int)i))
			continue;
		if (d->blocks[i].text_len > 0 ||
		    d->blocks[i].type == BLOCK_HR ||
		    d->blocks[i].type == BLOCK_TABLE) {
			l->first_flow = (int)i;
			break;
		}
	}
	return l->first_flow;
}

/* Lines of a block, wrapping it if needed. */
static int
layout_count(struct layout *l, int bi)
{
	int	n;

	layout_block(l, bi, &n);
	return n;
}

/* The next (dir 1) or previous (dir -1) flow block with lines, or -1. */
static int
layout_next(struct layout *l, int bi, int dir)
{
	const struct doc	*d = l->doc;

	for (bi += dir; bi >= 0 && (size_t)bi < d->nblocks; bi += dir) {
		if (doc_in_flow(d, bi) && layout_count(l, bi) > 0)
			return bi;
	}
	return -1;
}

int
layout_first(struct layout *l, struct layout_pos *pos)
{
	int	bi = layout_next(l, -1, 1);

	if (bi == -1)
		return 0;
	pos->block = bi;
	pos->line = 0;
	return 1;
}

int
layout_last(struct layout *l, struct layout_pos *pos)
{
	int	bi = layout_next(l, (int)l->doc->nblocks, -1);

	if (bi == -1)
		return 0;
	pos->block = bi;
	pos->line = layout_count(l, bi) - 1;
	return 1;
}

int
layout_forward(struct layout *l, struct layout_pos *pos, int n)
{
	int	moved = 0, nl, step, bi;

	nl = layout_count(l, pos->block);
	if (pos->line >= nl)
		pos->line = nl > 0 ? nl - 1 : 0;
	while (moved < n) {
		if (pos->line + 1 < nl) {
			step = nl - 1 - pos->line;
			if (step > n - moved)
				step = n - moved;
			pos->line += step;
			moved += step;
			continue;
		}
		if ((bi = layout_next(l, pos->block, 1)) == -1)
			break;
		pos->block = bi;
		pos->line = 0;
		nl = layout_count(l, bi);
		moved++;
	}
	return moved;
}

int
layout_back(struct layout *l, struct layout_pos *pos, int n)
{
	int	moved = 0, nl, step, bi;

	nl = layout_count(l, pos->block);
	if (pos->line >= nl)
		pos->line = nl > 0 ? nl - 1 : 0;
	if (pos->line < 0)
		pos->line = 0;
	while (moved < n) {
		if (pos->line > 0) {
			step = pos->line < n - moved ? pos->line : n - moved;
			pos->line -= step;
			moved += step;
			continue;
		}
		if ((bi = layout_next(l, pos->block, -1)) == -1)
			break;
		pos->block = bi;
		pos->line = layout_count(l, bi) - 1;
		moved++;
	}
	return moved;
}

const struct layout_line *
layout_line_at(struct layout *l, struct layout_pos pos)
{
	const struct layout_line	*lines;
	int				 n;

	lines = layout_block(l, pos.block, &n);
	if (lines == NULL || pos.line < 0 || pos.line >= n)
		return NULL;
	return &lines[pos.line];
}

int
layout_line_of(struct layout *l, int bi, size_t off)
{
	const struct layout_line	*lines;
	int				 n, i, last = -1;

	lines = layout_block(l, bi, &n);
	for (i = 0; i < n; i++) {
		if (lines[i].flags & LINE_BLANK ||
		    lines[i].doc_end <= lines[i].doc_off)
			continue;
		if (off < lines[i].doc_end)
			return off >= lines[i].doc_off || last == -1 ? i : last;
		last = i;
	}
	return last != -1 ? last : (n > 0 ? n - 1 : 0);
}

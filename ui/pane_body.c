/* The body pane: the document's reading flow laid out to the pane width. */
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/load.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define BODY_MARKS	64	/* search hits drawn on one line */

struct body {
	struct layout		*lay;
	struct pane_view	 view;
	int			 max_width;	/* 0: the pane's width */
	int			 sel;		/* selected reference, or -1 */
	int			 last_line;	/* of the source, 0: not known */
};

static void	body_layout(struct pane *);
static void	body_paint(struct pane *);
static int	body_key(struct pane *, enum action);
static void	body_resize(struct pane *);
static void	body_free(struct pane *);
static void	body_reset(struct pane *);
static int	body_line_blocks(const struct doc *, int, int *);
static int	body_head(struct pane *);
static int	body_file_lines(struct pane *);
static int	body_pos_of(struct body *, struct nav_pos,
		    struct layout_pos *);

const struct pane_ops pane_body_ops = {
	.name = "body",
	.layout = body_layout,
	.paint = body_paint,
	.key = body_key,
	.resize = body_resize,
	.reset = body_reset,
	.free = body_free,
};

void *
pane_body_data(int max_width)
{
	struct body	*b;

	b = xcalloc(1, sizeof *b);
	b->max_width = max_width > 0 ? max_width : 0;
	b->sel = -1;
	return b;
}

/* Wrap again for the pane's width, keeping the same text at the top. */
static void
body_layout(struct pane *p)
{
	struct body		*b = p->data;
	struct layout_opts	 opts = { 0 };

	if (!pane_shown(p))
		return;
	opts.width = p->r.w > 1 ? p->r.w - 1 : 1;	/* a right margin */
	if (b->max_width > 0 && opts.width > b->max_width)
		opts.width = b->max_width;
	layout_free(b->lay);
	b->lay = layout_new(p->app->doc, &opts);
	pane_view_set(&b->view, b->lay, p->r.h);
}

/* Only the height changed, or nothing: the wrap stays, the page refills. */
static void
body_resize(struct pane *p)
{
	struct body	*b = p->data;

	if (b->lay != NULL)
		pane_view_set(&b->view, b->lay, p->r.h);
}

static void
body_paint(struct pane *p)
{
	static const char		 empty[] = "(empty document)";
	struct body			*b = p->data;
	struct draw_mark		 marks[BODY_MARKS];
	const struct layout_line	*l;
	struct layout_pos		 pos;
	int				 row, nm;

	draw_erase(p->win);
	if (b->lay == NULL)
		return;
	if (b->view.empty) {
		draw_text(p->win, 0, 0, p->r.w, empty, sizeof empty - 1,
		    A_DIM);
		return;
	}
	pos = b->view.top;
	for (row = 0; row < p->r.h; row++) {
		l = layout_line_at(b->lay, pos);
		nm = 0;
		if (l != NULL && l->doc_off != LAYOUT_NO_OFF)
			nm = find_marks(p->app, l->block, l->doc_off,
			    l->doc_end, marks, BODY_MARKS);
		draw_line_marked(p->win, row, 0, p->r.w, l, marks, nm, b->sel);
		if (layout_forward(b->lay, &pos, 1) == 0)
			break;
	}
}

static int
body_key(struct pane *p, enum action a)
{
	struct body	*b = p->data;
	int		 page = p->r.h > 1 ? p->r.h : 1;
	int		 half = p->r.h > 1 ? p->r.h / 2 : 1;

	if (b->lay == NULL)
		return 0;
	switch (a) {
	case ACT_LINE_DOWN:
		return pane_view_scroll(&b->view, 1);
	case ACT_LINE_UP:
		return pane_view_scroll(&b->view, -1);
	case ACT_PAGE_DOWN:
		return pane_view_scroll(&b->view, page);
	case ACT_PAGE_UP:
		return pane_view_scroll(&b->view, -page);
	case ACT_HALF_DOWN:
		return pane_view_scroll(&b->view, half);
	case ACT_HALF_UP:
		return pane_view_scroll(&b->view, -half);
	case ACT_TOP:
		return pane_view_top(&b->view);
	case ACT_BOTTOM:
		return pane_view_bottom(&b->view);
	default:
		return 0;
	}
}

/* A new doc: nothing of the old layout, selection or place is kept. */
static void
body_reset(struct pane *p)
{
	struct body	*b = p->data;

	layout_free(b->lay);
	b->lay = NULL;
	b->sel = -1;
	b->last_line = 0;
	memset(&b->view, 0, sizeof b->view);
}

static void
body_free(struct pane *p)
{
	struct body	*b = p->data;

	layout_free(b->lay);
	free(b);
}

/* The last source line of the document (healing may reorder doc text). */
int
pane_body_last_line(const struct doc *d)
{
	size_t	i;
	int	max = 0;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].end_line > max)
			max = d->blocks[i].end_line;
	}
	return max > 0 ? max : 1;
}

/* The blocks starting on block's line: their count, and the first. */
static int
body_line_blocks(const struct doc *d, int block, int *first)
{
	int	line = d->blocks[block].line, i = block, n;

	while (i > 0 && d->blocks[i - 1].line == line)
		i--;
	*first = i;
	for (n = 0; (size_t)i < d->nblocks && d->blocks[i].line == line; i++)
		n++;
	return n;
}

/* The beginning of a file still loading is shown. */
static int
body_head(struct pane *p)
{
	struct app	*app = p->app;

	return app->job != NULL && app->head != NULL && app->doc == app->head;
}

/*
 * The last source line of the file: for the beginning of a file still
 * loading, that of its end once the lines before it are counted (-1 until
 * then), so that the percentage is of the whole file.
 */
static int
body_file_lines(struct pane *p)
{
	struct app		*app = p->app;
	const struct doc	*t;
	int			 exact;

	if (!body_head(p))
		return pane_body_last_line(app->doc);
	if (app->tail != NULL)
		return app->tail_exact ? pane_body_last_line(app->tail) : -1;
	/* an end not shown yet: its lines settled here, not waited for */
	if ((t = load_job_tail_early(app->job, &exact)) == NULL)
		return -1;
	if (!exact && !load_job_tail_settle(app->job, 0))
		return -1;
	return pane_body_last_line(t);
}

/* The doc's source lines were shifted (an end of file settled). */
void
pane_body_relined(struct pane *p)
{
	struct body	*b = p->data;

	b->last_line = 0;
}

/*
 * Where the reader is: the source line of the top block and how far
 * through the file the bottom of the screen is, by source line (doc text
 * is not in reading order once healing has rejoined paragraphs). Returns 0
 * with no text.
 */
int
pane_body_where(struct pane *p, int *line, int *percent)
{
	struct body			*b = p->data;
	const struct doc		*d = p->app->doc;
	const struct block		*bk;
	const struct layout_line	*l;
	struct layout_pos		 pos;
	int				 n, at, nb, first;

	if (b->lay == NULL || b->view.empty)
		return 0;
	*line = d->blocks[b->view.top.block].line;
	if (b->last_line <= 0)
		b->last_line = body_file_lines(p);
	if (b->last_line < 0) {
		*percent = -1;	/* the file's lines are not counted yet */
		return 1;
	}
	if (pane_view_at_end(&b->view) && !body_head(p)) {
		*percent = 100;
		return 1;
	}
	pane_view_bottom_pos(&b->view, &pos);
	bk = &d->blocks[pos.block];
	at = bk->line;
	l = layout_block(b->lay, pos.block, &n);
	if (l != NULL && n > 1 && bk->end_line > bk->line)
		at += (bk->end_line - bk->line) * (pos.line + 1) / n;
	*percent = (int)((long)at * 100 / b->last_line);
	/* one line cut into blocks (a file of one long line): by block */
	if ((nb = body_line_blocks(d, pos.block, &first)) > 1)
		*percent = (int)(((long)(bk->line - 1) * nb * n +
		    (long)(pos.block - first) * n + pos.line + 1) * 100 /
		    ((long)b->last_line * nb * n));
	if (*percent >= 100)
		*percent = 99;
	return 1;
}

/*
 * The text at the top: its block and first doc offset; LAYOUT_NO_OFF when
 * the top is the blank line before the block, so going back there shows
 * exactly the same rows.
 */
struct nav_pos
pane_body_pos(struct pane *p)
{
	struct body			*b = p->data;
	const struct layout_line	*l;
	struct nav_pos			 pos = { -1, 0 };

	if (b->lay == NULL || b->view.empty)
		return pos;
	pos.block = b->view.top.block;
	pos.off = p->app->doc->blocks[pos.block].text_off;
	l = layout_line_at(b->lay, b->view.top);
	if (l != NULL && (l->flags & LINE_BLANK) && b->view.top.line == 0)
		pos.off = LAYOUT_NO_OFF;
	else if (l != NULL && l->doc_off != LAYOUT_NO_OFF)
		pos.off = l->doc_off;
	return pos;
}

/* The top as a text position: a blank top line counts as its block's start. */
struct nav_pos
pane_body_text_pos(struct pane *p)
{
	struct nav_pos	pos = pane_body_pos(p);

	if (pos.block >= 0 && pos.off == LAYOUT_NO_OFF)
		pos.off = p->app->doc->blocks[pos.block].text_off;
	return pos;
}

/* The display line showing a doc position; 0 when it is not in the flow. */
static int
body_pos_of(struct body *b, struct nav_pos np, struct layout_pos *lp)
{
	const struct doc		*d = layout_doc(b->lay);
	const struct layout_line	*lines;
	int				 n, line;

	if (np.block < 0 || (size_t)np.block >= d->nblocks ||
	    !doc_in_flow(d, np.block))
		return 0;
	lines = layout_block(b->lay, np.block, &n);
	if (lines == NULL || n <= 0)
		return 0;
	if (np.off == LAYOUT_NO_OFF) {
		/* the blank line before the block, as pane_body_pos said */
		lp->block = np.block;
		lp->line = 0;
		return 1;
	}
	line = layout_line_of(b->lay, np.block, np.off);
	if (line < 0)
		line = 0;
	if (line >= n)
		line = n - 1;
	if ((lines[line].flags & LINE_BLANK) && line + 1 < n)
		line++;
	lp->block = np.block;
	lp->line = line;
	return 1;
}

/*
 * Show a doc position: at the top (a jump), or, when it is off screen, a
 * third of the way down so what leads to it shows too.
 */
int
pane_body_goto(struct pane *p, struct nav_pos np, int how)
{
	struct body		*b = p->data;
	struct layout_pos	 lp;

	if (b->lay == NULL || b->view.empty || !body_pos_of(b, np, &lp))
		return 0;
	if (how == BODY_VISIBLE) {
		if (pane_view_row_of(&b->view, lp) >= 0)
			return RE_PAINT | RE_STATUS;
		pane_view_show(&b->view, lp, b->view.rows / 3);
	} else
		pane_view_show(&b->view, lp, 0);
	return RE_PAINT | RE_STATUS;
}

/* The references on screen, each once, in order, with the row it is on. */
int
pane_body_refs(struct pane *p, int *refs, int *rows, int max)
{
	struct body			*b = p->data;
	const struct layout_line	*l;
	struct layout_pos		 pos;
	int				 row, i, n = 0;

	if (b->lay == NULL || b->view.empty)
		return 0;
	pos = b->view.top;
	for (row = 0; row < b->view.rows && n < max; row++) {
		l = layout_line_at(b->lay, pos);
		for (i = 0; l != NULL && i < l->nruns && n < max; i++) {
			if (l->runs[i].ref < 0)
				continue;
			if (n > 0 && refs[n - 1] == l->runs[i].ref)
				continue;
			refs[n] = l->runs[i].ref;
			rows[n] = row;
			n++;
		}
		if (layout_forward(b->lay, &pos, 1) == 0)
			break;
	}
	return n;
}

int
pane_body_sel(struct pane *p)
{
	struct body	*b = p->data;

	return b->sel;
}

/* Select a reference (-1: none) and bring it on screen. */
int
pane_body_select(struct pane *p, int ref)
{
	struct body		*b = p->data;
	const struct doc	*d = p->app->doc;
	struct nav_pos		 np;

	b->sel = -1;
	if (ref < 0 || (size_t)ref >= d->nrefs)
		return RE_PAINT;
	b->sel = ref;
	np.block = d->refs[ref].block;
	np.off = d->refs[ref].text_off;
	return pane_body_goto(p, np, BODY_VISIBLE) | RE_PAINT;
}

/* The reference drawn at a cell, for a mouse click. */
int
pane_body_ref_at(struct pane *p, int row, int col)
{
	struct body			*b = p->data;
	const struct layout_line	*l;
	struct layout_pos		 pos;
	int				 i, c = 0;

	if (b->lay == NULL || b->view.empty || row < 0 || row >= b->view.rows)
		return -1;
	pos = b->view.top;
	if (row > 0 && layout_forward(b->lay, &pos, row) < row)
		return -1;
	l = layout_line_at(b->lay, pos);
	for (i = 0; l != NULL && i < l->nruns; i++) {
		if (col >= c && col < c + l->runs[i].cols)
			return l->runs[i].ref;
		c += l->runs[i].cols;
	}
	return -1;
}

/*
 * The block being read: the one a third of the way down the screen, or
 * the last one shown when the end is on screen (a heading in the upper
 * part of the screen is where the reader is). -1 when empty.
 */
int
pane_body_reading(struct pane *p)
{
	struct body		*b = p->data;
	struct layout_pos	 pos;

	if (b->lay == NULL || b->view.empty)
		return -1;
	if (pane_view_at_end(&b->view)) {
		pane_view_bottom_pos(&b->view, &pos);
		return pos.block;
	}
	pos = b->view.top;
	layout_forward(b->lay, &pos, b->view.rows / 3);
	return pos.block;
}

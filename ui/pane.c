/* Panes: a window, a rectangle and an ops vtable; viewports over a layout anchored to text. */
#include <stdlib.h>
#include <string.h>

#include "scholia/layout.h"
#include "scholia/xmalloc.h"

#include "ui.h"

static void	pane_view_anchor(struct pane_view *);
static void	pane_view_clamp(struct pane_view *);
static void	pane_view_restore(struct pane_view *);

struct pane *
pane_new(const struct pane_ops *ops, struct app *app, void *data)
{
	struct pane	*p;

	p = xcalloc(1, sizeof *p);
	p->ops = ops;
	p->app = app;
	p->data = data;
	return p;
}

void
pane_free(struct pane *p)
{
	if (p == NULL)
		return;
	if (p->ops->free != NULL)
		p->ops->free(p);
	if (p->win != NULL)
		delwin(p->win);
	free(p);
}

int
pane_shown(const struct pane *p)
{
	return p != NULL && p->win != NULL;
}

/*
 * Move a pane to its rectangle, making a new window when the size changed
 * (an empty rectangle hides it). A width change means the text must be
 * wrapped again: RE_LAYOUT.
 */
int
pane_place(struct pane *p, const struct rect *r)
{
	int	old_w = p->win != NULL ? p->r.w : -1, bits = RE_PAINT;

	if (p->win != NULL && memcmp(&p->r, r, sizeof *r) == 0)
		return 0;
	if (p->win != NULL)
		delwin(p->win);
	p->win = NULL;
	p->r = *r;
	if (r->w <= 0 || r->h <= 0)
		return 0;
	p->win = newwin(r->h, r->w, r->y, r->x);
	if (p->win == NULL)
		return 0;
	if (r->w != old_w)
		bits |= RE_LAYOUT;
	if (p->ops->resize != NULL)
		p->ops->resize(p);
	return bits;
}

/* Paint a shown pane into its window and queue it for the next doupdate. */
void
pane_paint(struct pane *p)
{
	if (!pane_shown(p))
		return;
	if (p->ops->paint != NULL)
		p->ops->paint(p);
	draw_commit(p->win);
}

/* Remember the text at the top so a new layout can find it again. */
static void
pane_view_anchor(struct pane_view *v)
{
	const struct layout_line	*l;

	v->anchored = 0;
	if (v->empty)
		return;
	l = layout_line_at(v->lay, v->top);
	if (l == NULL)
		return;
	v->anchored = 1;
	v->anchor_block = v->top.block;
	v->anchor_line = v->top.line;
	if ((l->flags & LINE_BLANK) || l->doc_off == LAYOUT_NO_OFF)
		v->anchor_off = LAYOUT_NO_OFF;
	else
		v->anchor_off = l->doc_off;
}

/* Find the anchored text in a new layout. */
static void
pane_view_restore(struct pane_view *v)
{
	int	n, line;

	if (!v->anchored)
		return;
	if (layout_block(v->lay, v->anchor_block, &n) == NULL || n <= 0)
		return;
	if (v->anchor_off != LAYOUT_NO_OFF)
		line = layout_line_of(v->lay, v->anchor_block, v->anchor_off);
	else
		line = v->anchor_line;
	if (line < 0)
		line = 0;
	if (line >= n)
		line = n - 1;
	v->top.block = v->anchor_block;
	v->top.line = line;
}

/* Keep the last page full: the top never goes past the last screenful. */
static void
pane_view_clamp(struct pane_view *v)
{
	struct layout_pos	pos;
	int			moved;

	if (v->empty || v->rows <= 0)
		return;
	pos = v->top;
	moved = layout_forward(v->lay, &pos, v->rows - 1);
	if (moved < v->rows - 1)
		layout_back(v->lay, &v->top, v->rows - 1 - moved);
}

/*
 * Show a (new) layout in rows lines. With an anchor, the same text stays at
 * the top; the anchor itself is kept, so resizing back and forth returns to
 * exactly the same place.
 */
void
pane_view_set(struct pane_view *v, struct layout *lay, int rows)
{
	v->lay = lay;
	v->rows = rows > 0 ? rows : 0;
	v->empty = !layout_first(lay, &v->top);
	if (v->empty)
		return;
	pane_view_restore(v);
	pane_view_clamp(v);
}

/* Scroll by n lines (negative: back); RE_PAINT if the view moved. */
int
pane_view_scroll(struct pane_view *v, int n)
{
	struct layout_pos	old = v->top;

	if (v->empty || n == 0)
		return 0;
	if (n > 0)
		layout_forward(v->lay, &v->top, n);
	else
		layout_back(v->lay, &v->top, -n);
	pane_view_clamp(v);
	if (old.block == v->top.block && old.line == v->top.line)
		return 0;
	pane_view_anchor(v);
	return RE_PAINT | RE_STATUS;
}

int
pane_view_top(struct pane_view *v)
{
	if (v->empty)
		return 0;
	layout_first(v->lay, &v->top);
	pane_view_anchor(v);
	return RE_PAINT | RE_STATUS;
}

int
pane_view_bottom(struct pane_view *v)
{
	if (v->empty)
		return 0;
	layout_last(v->lay, &v->top);
	if (v->rows > 1)
		layout_back(v->lay, &v->top, v->rows - 1);
	pane_view_anchor(v);
	return RE_PAINT | RE_STATUS;
}

/* The position of the last line on screen; returns 0 when empty. */
int
pane_view_bottom_pos(struct pane_view *v, struct layout_pos *pos)
{
	if (v->empty)
		return 0;
	*pos = v->top;
	if (v->rows > 1)
		layout_forward(v->lay, pos, v->rows - 1);
	return 1;
}

/* Whether the last line of the document is on screen. */
int
pane_view_at_end(struct pane_view *v)
{
	struct layout_pos	pos;

	if (!pane_view_bottom_pos(v, &pos))
		return 1;
	return layout_forward(v->lay, &pos, 1) == 0;
}

/*
 * Put pos context lines below the top (fewer near the start), the last
 * page kept full; the new top is anchored.
 */
void
pane_view_show(struct pane_view *v, struct layout_pos pos, int context)
{
	if (v->empty)
		return;
	v->top = pos;
	if (context > 0)
		layout_back(v->lay, &v->top, context);
	pane_view_clamp(v);
	pane_view_anchor(v);
}

/* The screen row showing pos, or -1 when it is off screen. */
int
pane_view_row_of(struct pane_view *v, struct layout_pos pos)
{
	struct layout_pos	p;
	int			row;

	if (v->empty)
		return -1;
	p = v->top;
	for (row = 0; row < v->rows; row++) {
		if (p.block == pos.block && p.line == pos.line)
			return row;
		if (layout_forward(v->lay, &p, 1) == 0)
			break;
	}
	return -1;
}

/* The body pane: the document's reading flow laid out to the pane width. */
#include <stdlib.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/xmalloc.h"

#include "ui.h"

struct body {
	struct layout		*lay;
	struct pane_view	 view;
	int			 max_width;	/* 0: the pane's width */
};

static void	body_layout(struct pane *);
static void	body_paint(struct pane *);
static int	body_key(struct pane *, enum action);
static void	body_resize(struct pane *);
static void	body_free(struct pane *);

const struct pane_ops pane_body_ops = {
	.name = "body",
	.layout = body_layout,
	.paint = body_paint,
	.key = body_key,
	.resize = body_resize,
	.free = body_free,
};

void *
pane_body_data(int max_width)
{
	struct body	*b;

	b = xcalloc(1, sizeof *b);
	b->max_width = max_width > 0 ? max_width : 0;
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
	static const char	 empty[] = "(empty document)";
	struct body		*b = p->data;
	struct layout_pos	 pos;
	int			 row;

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
		draw_line(p->win, row, 0, p->r.w, layout_line_at(b->lay, pos));
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

static void
body_free(struct pane *p)
{
	struct body	*b = p->data;

	layout_free(b->lay);
	free(b);
}

/*
 * Where the reader is: the source line of the top block and how far
 * through the text the bottom of the screen is. Returns 0 with no text.
 */
int
pane_body_where(struct pane *p, int *line, int *percent)
{
	struct body			*b = p->data;
	const struct doc		*d = p->app->doc;
	const struct layout_line	*l;
	struct layout_pos		 pos;
	size_t				 end;

	if (b->lay == NULL || b->view.empty)
		return 0;
	*line = d->blocks[b->view.top.block].line;
	if (pane_view_at_end(&b->view) || d->text.len == 0) {
		*percent = 100;
		return 1;
	}
	pane_view_bottom_pos(&b->view, &pos);
	l = layout_line_at(b->lay, pos);
	end = l != NULL && l->doc_end != LAYOUT_NO_OFF ? l->doc_end : 0;
	if (end > d->text.len)
		end = d->text.len;
	*percent = (int)(end * 100 / d->text.len);
	if (*percent >= 100)
		*percent = 99;
	return 1;
}

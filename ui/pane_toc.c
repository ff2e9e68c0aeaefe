/* The outline pane: headings indented by level, the section being read marked, folding and jumps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define TOC_LEVELS	9

struct toc {
	int	 depth;		/* deepest level shown */
	int	 maxlev;	/* deepest level in the doc */
	int	*vis;		/* headings shown, in order */
	int	 nvis;
	int	 cur;		/* cursor: index in vis */
	int	 top;		/* first index shown */
	int	 moved;		/* the cursor was moved by hand */
};

static void	toc_paint(struct pane *);
static int	toc_key(struct pane *, enum action);
static void	toc_free(struct pane *);
static void	toc_reset(struct pane *);
static void	toc_build(struct pane *);
static int	toc_reading(struct pane *);
static void	toc_keep(struct pane *);

const struct pane_ops pane_toc_ops = {
	.name = "outline",
	.paint = toc_paint,
	.key = toc_key,
	.reset = toc_reset,
	.free = toc_free,
};

void *
pane_toc_data(void)
{
	struct toc	*t;

	t = xcalloc(1, sizeof *t);
	t->depth = TOC_LEVELS;
	t->maxlev = -1;
	return t;
}

static void
toc_free(struct pane *p)
{
	struct toc	*t = p->data;

	free(t->vis);
	free(t);
}

/* A new doc: its headings are counted and listed again. */
static void
toc_reset(struct pane *p)
{
	struct toc	*t = p->data;

	free(t->vis);
	t->vis = NULL;
	t->nvis = 0;
	t->maxlev = -1;
	t->depth = TOC_LEVELS;
	t->cur = t->top = 0;
}

/* The last heading in the flow at or before a block: the section read. */
int
pane_toc_current(const struct doc *d, int block)
{
	size_t	i;
	int	best = -1, b;

	for (i = 0; i < d->nheadings; i++) {
		b = d->headings[i].block;
		if (b < 0 || b > block || !doc_in_flow(d, b))
			continue;
		if (best < 0 || b >= d->headings[best].block)
			best = (int)i;
	}
	return best;
}

/* The headings shown at the fold depth. */
static void
toc_build(struct pane *p)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	size_t			 i;
	int			 b;

	if (t->vis == NULL)
		t->vis = xcalloc(d->nheadings + 1, sizeof *t->vis);
	t->nvis = 0;
	if (t->maxlev < 0) {
		t->maxlev = 1;
		for (i = 0; i < d->nheadings; i++) {
			if (d->headings[i].level > t->maxlev)
				t->maxlev = d->headings[i].level;
		}
		if (t->depth > t->maxlev)
			t->depth = t->maxlev;
	}
	for (i = 0; i < d->nheadings; i++) {
		b = d->headings[i].block;
		if (b < 0 || !doc_in_flow(d, b) ||
		    d->headings[i].level > t->depth)
			continue;
		t->vis[t->nvis++] = (int)i;
	}
	if (t->cur >= t->nvis)
		t->cur = t->nvis > 0 ? t->nvis - 1 : 0;
}

/* The shown entry of the section being read (or what folds it), or -1. */
static int
toc_reading(struct pane *p)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	int			 at = pane_body_reading(p->app->body);
	int			 i, best = -1;

	for (i = 0; i < t->nvis; i++) {
		if (d->headings[t->vis[i]].block <= at)
			best = i;
	}
	return best;
}

/* Keep the cursor on screen. */
static void
toc_keep(struct pane *p)
{
	struct toc	*t = p->data;
	int		 rows = p->r.h - 1;

	if (rows < 1)
		rows = 1;
	if (t->cur < t->top)
		t->top = t->cur;
	if (t->cur >= t->top + rows)
		t->top = t->cur - rows + 1;
	if (t->top < 0)
		t->top = 0;
}

static void
toc_paint(struct pane *p)
{
	static const char	 mark[] = "\xe2\x96\xb6";	/* ▶ */
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	const struct heading	*h;
	struct buf		 b = { 0 };
	char			 title[64];
	int			 row, i, reading, w = p->r.w - 1, x, focused;
	attr_t			 a;

	focused = p->app->focus == p;
	toc_build(p);
	reading = toc_reading(p);
	if (!focused && reading >= 0)
		t->cur = reading;
	toc_keep(p);
	draw_erase(p->win);
	if (t->depth < t->maxlev)
		snprintf(title, sizeof title, " Outline: %d levels ",
		    t->depth);
	else
		snprintf(title, sizeof title, " Outline ");
	draw_title(p->win, 0, w, title, focused);
	draw_vrule(p->win, w, 0, p->r.h);
	if (t->nvis == 0 && p->r.h > 1)
		draw_text(p->win, 1, 2, w - 2, "(no headings)", 13, A_DIM);
	for (row = 1; row < p->r.h; row++) {
		i = t->top + row - 1;
		if (i >= t->nvis)
			break;
		h = &d->headings[t->vis[i]];
		x = 2 + 2 * (h->level > 1 ? h->level - 1 : 0);
		if (x > w / 2)
			x = w / 2;
		a = h->level <= 1 ? A_BOLD : A_NORMAL;
		if (i == t->cur && focused)
			a |= A_REVERSE;
		if (i == reading) {
			a |= A_BOLD;
			draw_text(p->win, row, 0, 1, mark, sizeof mark - 1,
			    A_BOLD);
		}
		buf_reset(&b);
		if (h->title != NULL)
			status_sanitise(h->title, strlen(h->title), &b);
		draw_text(p->win, row, x, w - x, b.data != NULL ? b.data : "",
		    b.len, a);
	}
	buf_free(&b);
}

static int
toc_key(struct pane *p, enum action a)
{
	struct toc	*t = p->data;
	int		 rows = p->r.h > 2 ? p->r.h - 1 : 1;

	toc_build(p);
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_REF_NEXT:
		t->cur++;
		break;
	case ACT_LINE_UP:
	case ACT_REF_PREV:
		t->cur--;
		break;
	case ACT_PAGE_DOWN:
		t->cur += rows;
		break;
	case ACT_PAGE_UP:
		t->cur -= rows;
		break;
	case ACT_HALF_DOWN:
		t->cur += rows / 2;
		break;
	case ACT_HALF_UP:
		t->cur -= rows / 2;
		break;
	case ACT_TOP:
		t->cur = 0;
		break;
	case ACT_BOTTOM:
		t->cur = t->nvis - 1;
		break;
	case ACT_FOLD:
		if (t->depth > 1)
			t->depth--;
		t->moved = 0;
		return RE_PAINT;
	case ACT_UNFOLD:
		if (t->depth < t->maxlev)
			t->depth++;
		t->moved = 0;
		return RE_PAINT;
	case ACT_ENTER:
		if (t->cur < 0 || t->cur >= t->nvis)
			return 0;
		t->moved = 0;
		return jump_heading(p->app, t->vis[t->cur]);
	default:
		return 0;
	}
	if (t->cur >= t->nvis)
		t->cur = t->nvis - 1;
	if (t->cur < 0)
		t->cur = 0;
	t->moved = 1;
	return RE_PAINT;
}

/* The heading painted on a row, for a mouse click. */
int
pane_toc_heading_at(struct pane *p, int row)
{
	struct toc	*t = p->data;
	int		 i = t->top + row - 1;

	toc_build(p);
	if (row < 1 || i < 0 || i >= t->nvis)
		return -1;
	return t->vis[i];
}

/* The outline pane: headings indented by level, the section being read marked, folding and jumps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define TOC_LEVELS	9

/* Per-entry folding, over the fold depth. */
#define TOC_DEFAULT	0	/* subentries shown down to the depth */
#define TOC_FOLDED	1	/* subentries hidden */
#define TOC_OPEN	2	/* subentries shown whatever the depth */

struct toc {
	int	 depth;		/* deepest level shown */
	int	 maxlev;	/* deepest level in the doc */
	int	*vis;		/* headings shown, in order */
	int	 nvis;
	int	*stack;		/* toc_build: the entries above one */
	unsigned char *fold;	/* TOC_* per heading */
	unsigned char *kids;	/* per heading: it has subentries */
	unsigned char *shown;	/* per heading: it is listed */
	int	 cur;		/* cursor: index in vis */
	int	 top;		/* first index shown */
	int	 moved;		/* the cursor was moved by hand */
	int	 depth_set;	/* the depth was chosen with - or + */
	int	*keep_line;	/* folds kept for a new doc: source lines */
	unsigned char *keep_fold;	/* and their TOC_* */
	size_t	 nkeep;
};

static void	toc_paint(struct pane *);
static int	toc_key(struct pane *, enum action);
static void	toc_free(struct pane *);
static void	toc_reset(struct pane *);
static void	toc_build(struct pane *);
static int	toc_reading(struct pane *);
static void	toc_keep(struct pane *);
static int	toc_open(struct pane *, int);
static int	toc_fold_entry(struct pane *, int unfold);
static void	toc_keep_folds(struct pane *);
static void	toc_take_folds(struct pane *);

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
	free(t->stack);
	free(t->fold);
	free(t->kids);
	free(t->shown);
	free(t->keep_line);
	free(t->keep_fold);
	free(t);
}

/*
 * The folds of single entries, by the source line of their heading: the
 * head, the end and the full doc of a loading file share those lines.
 */
static void
toc_keep_folds(struct pane *p)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	size_t			 i;

	t->nkeep = 0;
	if (t->fold == NULL)
		return;
	for (i = 0; i < d->nheadings; i++) {
		if (t->fold[i] == TOC_DEFAULT)
			continue;
		t->keep_line = xreallocarray(t->keep_line, t->nkeep + 1,
		    sizeof *t->keep_line);
		t->keep_fold = xreallocarray(t->keep_fold, t->nkeep + 1, 1);
		t->keep_line[t->nkeep] = d->headings[i].line;
		t->keep_fold[t->nkeep++] = t->fold[i];
	}
}

/* The kept folds on the headings of a new doc at the same lines. */
static void
toc_take_folds(struct pane *p)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	size_t			 i, k;

	/* a few folds by hand: no order of the headings is assumed */
	for (i = 0; i < d->nheadings && t->nkeep > 0; i++) {
		for (k = 0; k < t->nkeep; k++) {
			if (t->keep_line[k] == d->headings[i].line)
				t->fold[i] = t->keep_fold[k];
		}
	}
	t->nkeep = 0;
}

/*
 * A new doc of the same file (loading): its headings are counted and listed
 * again, keeping the folds and a depth chosen by hand.
 */
static void
toc_reset(struct pane *p)
{
	struct toc	*t = p->data;

	toc_keep_folds(p);
	free(t->vis);
	free(t->stack);
	free(t->fold);
	free(t->kids);
	free(t->shown);
	t->vis = t->stack = NULL;
	t->fold = t->kids = t->shown = NULL;
	t->nvis = 0;
	t->maxlev = -1;
	if (!t->depth_set)
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

/*
 * The headings shown: an entry is listed when every entry above it is and
 * lets it show, by its own fold or else by the fold depth. Top entries
 * (the articles of an issue, a paper's title) are always listed.
 */
static void
toc_build(struct pane *p)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	size_t			 i;
	int			 b, sp = 0, up, lev;

	if (t->vis == NULL) {
		t->vis = xcalloc(d->nheadings + 1, sizeof *t->vis);
		t->stack = xcalloc(d->nheadings + 1, sizeof *t->stack);
		t->fold = xcalloc(d->nheadings + 1, 1);
		t->kids = xcalloc(d->nheadings + 1, 1);
		t->shown = xcalloc(d->nheadings + 1, 1);
		toc_take_folds(p);
	}
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
		t->kids[i] = t->shown[i] = 0;
		b = d->headings[i].block;
		if (b < 0 || !doc_in_flow(d, b))
			continue;
		lev = d->headings[i].level;
		while (sp > 0 && d->headings[t->stack[sp - 1]].level >= lev)
			sp--;
		if (sp == 0)
			t->shown[i] = 1;
		else {
			up = t->stack[sp - 1];
			t->kids[up] = 1;
			t->shown[i] = t->shown[up] &&
			    (t->fold[up] == TOC_OPEN ||
			    (t->fold[up] == TOC_DEFAULT && lev <= t->depth));
		}
		t->stack[sp++] = (int)i;
		if (t->shown[i])
			t->vis[t->nvis++] = (int)i;
	}
	if (t->cur >= t->nvis)
		t->cur = t->nvis > 0 ? t->nvis - 1 : 0;
}

/* Whether the entry at index i of the list shows its subentries. */
static int
toc_open(struct pane *p, int i)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;

	return i + 1 < t->nvis && d->headings[t->vis[i + 1]].level >
	    d->headings[t->vis[i]].level;
}

/*
 * Left and Right on an entry, as in a file tree: Left folds an open entry
 * or else goes to the entry above it; Right unfolds a folded one or else
 * goes to its first subentry. Unfocused, the entry is the section being
 * read, and Left there folds the entry above it.
 */
static int
toc_fold_entry(struct pane *p, int unfold)
{
	struct toc		*t = p->data;
	const struct doc	*d = p->app->doc;
	int			 h, i, open;

	if (t->cur < 0 || t->cur >= t->nvis)
		return 0;
	h = t->vis[t->cur];
	open = toc_open(p, t->cur);
	if (!unfold && open)
		t->fold[h] = TOC_FOLDED;
	else if (!unfold) {
		for (i = t->cur - 1; i >= 0; i--) {
			if (d->headings[t->vis[i]].level <
			    d->headings[h].level)
				break;
		}
		if (i < 0)
			return 0;
		t->cur = i;
		if (p->app->focus != p)
			t->fold[t->vis[i]] = TOC_FOLDED;
	} else if (t->kids[h] && !open)
		t->fold[h] = TOC_OPEN;
	else if (open)
		t->cur++;
	else
		return 0;
	t->moved = 1;
	return RE_PAINT;
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
		/* subentries folded away */
		if (t->kids[t->vis[i]] && !toc_open(p, i))
			draw_text(p->win, row, x - 1, 1, "+", 1, A_DIM);
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
	case ACT_UNFOLD:
		/* by level: the folds of single entries are undone */
		if (a == ACT_FOLD && t->depth > 1)
			t->depth--;
		if (a == ACT_UNFOLD && t->depth < t->maxlev)
			t->depth++;
		memset(t->fold, TOC_DEFAULT, p->app->doc->nheadings + 1);
		t->depth_set = 1;
		t->moved = 0;
		return RE_PAINT;
	case ACT_FOLD_ENTRY:
	case ACT_UNFOLD_ENTRY:
		return toc_fold_entry(p, a == ACT_UNFOLD_ENTRY);
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

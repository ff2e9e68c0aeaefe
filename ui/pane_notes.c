/* The notes pane: the notes of the references on screen (or all notes), beside or below the body. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define NOTES_SCREEN_REFS 256	/* references looked at on one screen */
#define NOTES_MARKS	32

struct notes {
	struct layout	*lay;
	int		 all;		/* every note, not those on screen */
	int		*list;		/* following: notes on screen, in order */
	int		*want;		/* and the body row of their reference */
	int		 nlist;
	int		 item;		/* top: index in the list */
	int		 line;		/* and line of that note */
	int		 sel;		/* selected note, or -1 */
	int		 pin;		/* note to bring into view, or -1 */
	int		*rowmap;	/* note painted on each row, or -1 */
	int		 nrows;
	int		*start;		/* beside the body: row of each note */
	int		 nstart;
};

static void	notes_layout(struct pane *);
static void	notes_paint(struct pane *);
static int	notes_key(struct pane *, enum action);
static void	notes_free(struct pane *);
static void	notes_reset(struct pane *);
static int	notes_count(struct pane *);
static int	notes_at(struct pane *, int);
static int	notes_index(struct pane *, int);
static const struct layout_line *notes_lines(struct pane *, int, int *);
static int	notes_forward(struct pane *, int *, int *, int);
static int	notes_back(struct pane *, int *, int *, int);
static void	notes_follow(struct pane *);
static int	notes_rows(struct pane *);
static int	notes_visible(struct pane *, int);
static void	notes_clamp(struct pane *);
static void	notes_draw_line(struct pane *, int, int, int,
		    const struct layout_line *, int);
static int	notes_highlight(struct pane *);
static int	notes_paint_level(struct pane *);
static int	notes_x(struct pane *);

const struct pane_ops pane_notes_ops = {
	.name = "notes",
	.layout = notes_layout,
	.paint = notes_paint,
	.key = notes_key,
	.reset = notes_reset,
	.free = notes_free,
};

void *
pane_notes_data(void)
{
	struct notes	*ns;

	ns = xcalloc(1, sizeof *ns);
	ns->sel = -1;
	ns->pin = -1;
	return ns;
}

/* Column where note text starts: after the rule (side) and the gutter. */
static int
notes_x(struct pane *p)
{
	return p->app->geo.notes_side ? 3 : 2;
}

static void
notes_layout(struct pane *p)
{
	struct notes		*ns = p->data;
	struct layout_opts	 opts = { 0 };

	if (!pane_shown(p))
		return;
	opts.width = p->r.w - notes_x(p) - 1;
	if (opts.width < 1)
		opts.width = 1;
	layout_free(ns->lay);
	ns->lay = layout_new(p->app->doc, &opts);
}

static void
notes_free(struct pane *p)
{
	struct notes	*ns = p->data;

	layout_free(ns->lay);
	free(ns->list);
	free(ns->want);
	free(ns->rowmap);
	free(ns->start);
	free(ns);
}

/* A new doc: no layout, list, place or selection from the old one. */
static void
notes_reset(struct pane *p)
{
	struct notes	*ns = p->data;

	layout_free(ns->lay);
	ns->lay = NULL;
	ns->nlist = 0;
	ns->item = ns->line = 0;
	ns->sel = ns->pin = -1;
}

static int
notes_count(struct pane *p)
{
	struct notes	*ns = p->data;

	return ns->all ? (int)p->app->doc->nnotes : ns->nlist;
}

/* The note shown as item i. */
static int
notes_at(struct pane *p, int i)
{
	struct notes	*ns = p->data;

	return ns->all ? i : ns->list[i];
}

/* The item showing a note, or -1. */
static int
notes_index(struct pane *p, int note)
{
	struct notes	*ns = p->data;
	int		 i;

	if (note < 0)
		return -1;
	if (ns->all)
		return note < (int)p->app->doc->nnotes ? note : -1;
	for (i = 0; i < ns->nlist; i++) {
		if (ns->list[i] == note)
			return i;
	}
	return -1;
}

/* The text lines of item i, leading spacers left out. */
static const struct layout_line *
notes_lines(struct pane *p, int i, int *n)
{
	struct notes			*ns = p->data;
	const struct doc		*d = p->app->doc;
	const struct layout_line	*l;
	int				 b = d->notes[notes_at(p, i)].block;

	*n = 0;
	if (b < 0 || (size_t)b >= d->nblocks)
		return NULL;
	l = layout_block(ns->lay, b, n);
	while (l != NULL && *n > 0 && (l->flags & LINE_BLANK)) {
		l++;
		(*n)--;
	}
	return l;
}

/* Move (item, line) forward by up to k lines; returns lines moved. */
static int
notes_forward(struct pane *p, int *item, int *line, int k)
{
	int	moved = 0, n, count = notes_count(p);

	while (moved < k && *item < count) {
		notes_lines(p, *item, &n);
		if (*line + 1 < n) {
			(*line)++;
			moved++;
			continue;
		}
		if (*item + 1 >= count)
			break;
		(*item)++;
		*line = 0;
		moved++;
	}
	return moved;
}

static int
notes_back(struct pane *p, int *item, int *line, int k)
{
	int	moved = 0, n;

	while (moved < k) {
		if (*line > 0) {
			(*line)--;
			moved++;
			continue;
		}
		if (*item == 0)
			break;
		(*item)--;
		notes_lines(p, *item, &n);
		*line = n > 0 ? n - 1 : 0;
		moved++;
	}
	return moved;
}

/* Rows for note text: all but the title row. */
static int
notes_rows(struct pane *p)
{
	return p->r.h > 1 ? p->r.h - 1 : 0;
}

/* Keep the last page full. */
static void
notes_clamp(struct pane *p)
{
	struct notes	*ns = p->data;
	int		 item = ns->item, line = ns->line, rows = notes_rows(p);
	int		 moved;

	if (notes_count(p) == 0) {
		ns->item = ns->line = 0;
		return;
	}
	if (ns->item >= notes_count(p)) {
		ns->item = notes_count(p) - 1;
		ns->line = 0;
	}
	moved = notes_forward(p, &item, &line, rows - 1);
	if (moved < rows - 1)
		notes_back(p, &ns->item, &ns->line, rows - 1 - moved);
}

/* Whether the first line of item i is on screen. */
static int
notes_visible(struct pane *p, int i)
{
	struct notes	*ns = p->data;
	int		 item = ns->item, line = ns->line, row;

	for (row = 0; row < notes_rows(p); row++) {
		if (item == i && line == 0)
			return 1;
		if (item > i || notes_forward(p, &item, &line, 1) == 0)
			break;
	}
	return 0;
}

/*
 * Following: the notes of the references on screen, in order, each once;
 * a new set starts at its top.
 */
static void
notes_follow(struct pane *p)
{
	struct notes		*ns = p->data;
	const struct doc	*d = p->app->doc;
	int			 refs[NOTES_SCREEN_REFS], rows[NOTES_SCREEN_REFS];
	int			 n, i, k, note, changed = 0, count = 0, lim;

	n = pane_body_refs(p->app->body, refs, rows, NOTES_SCREEN_REFS);
	if (ns->list == NULL) {
		ns->list = xcalloc(NOTES_SCREEN_REFS, sizeof *ns->list);
		ns->want = xcalloc(NOTES_SCREEN_REFS, sizeof *ns->want);
	}
	/* a band cut to its title follows the rows it would leave the body */
	lim = p->app->notes_title > 0 ? p->app->notes_title : INT_MAX;
	for (i = 0; i < n; i++) {
		note = d->refs[refs[i]].note;
		if (note < 0 || rows[i] >= lim)
			continue;
		for (k = 0; k < count && ns->list[k] != note; k++)
			;
		if (k < count)
			continue;
		if (count >= ns->nlist || ns->list[count] != note)
			changed = 1;
		ns->list[count] = note;
		ns->want[count] = rows[i];
		count++;
	}
	if (count != ns->nlist)
		changed = 1;
	ns->nlist = count;
	if (changed) {
		ns->item = 0;
		ns->line = 0;
	}
}

/* The note drawn highlighted: the selection where the focus is. */
static int
notes_highlight(struct pane *p)
{
	struct notes		*ns = p->data;
	const struct doc	*d = p->app->doc;
	int			 ref;

	if (p->app->focus == p)
		return ns->sel;
	ref = pane_body_sel(p->app->body);
	if (ref >= 0)
		return d->refs[ref].note;
	return ns->sel;
}

/* One line of a note at a row, the gutter marking the highlighted note. */
static void
notes_draw_line(struct pane *p, int row, int note, int hl,
    const struct layout_line *l, int first)
{
	struct notes		*ns = p->data;
	struct draw_mark	 marks[NOTES_MARKS];
	int			 x = notes_x(p), nm = 0;
	static const char	 bar[] = "\xe2\x96\x8c";	/* ▌ */

	draw_blank(p->win, row, x - 2 > 0 ? x - 2 : 0, 2, A_NORMAL);
	if (note == hl)
		draw_text(p->win, row, x - 2, 1, bar, sizeof bar - 1,
		    A_BOLD | (first ? A_NORMAL : A_DIM));
	if (l->doc_off != LAYOUT_NO_OFF)
		nm = find_marks(p->app, l->block, l->doc_off, l->doc_end,
		    marks, NOTES_MARKS);
	draw_line_marked(p->win, row, x, p->r.w - x, l, marks, nm, -1);
	if (row < ns->nrows)
		ns->rowmap[row] = note;
}

/*
 * Beside the body, following: each note level with its reference, or as
 * near as the notes below it allow (they are pulled up from the bottom);
 * returns 0 (paint packed) when they do not all fit.
 */
static int
notes_paint_level(struct pane *p)
{
	struct notes			*ns = p->data;
	const struct layout_line	*l;
	int				 i, k, n, row = 1, end, hl;

	if (ns->all || ns->item != 0 || ns->line != 0 || ns->nlist == 0)
		return 0;
	if (ns->nstart < ns->nlist) {
		ns->start = xreallocarray(ns->start, (size_t)ns->nlist,
		    sizeof *ns->start);
		ns->nstart = ns->nlist;
	}
	for (i = 0; i < ns->nlist; i++) {
		notes_lines(p, i, &n);
		ns->start[i] = ns->want[i] > row ? ns->want[i] : row;
		row = ns->start[i] + n;
	}
	end = p->r.h;
	for (i = ns->nlist - 1; i >= 0; i--) {
		notes_lines(p, i, &n);
		if (ns->start[i] + n > end)
			ns->start[i] = end - n;
		end = ns->start[i];
	}
	if (ns->start[0] < 1)
		return 0;
	hl = notes_highlight(p);
	for (i = 0; i < ns->nlist; i++) {
		l = notes_lines(p, i, &n);
		for (k = 0; k < n; k++)
			notes_draw_line(p, ns->start[i] + k, ns->list[i], hl,
			    &l[k], k == 0);
	}
	return 1;
}

static void
notes_paint(struct pane *p)
{
	struct notes			*ns = p->data;
	const struct doc		*d = p->app->doc;
	const struct layout_line	*l;
	char				 title[80];
	int				 row, item, line, n, hl, i;

	draw_erase(p->win);
	if (ns->lay == NULL)
		return;
	if (!ns->all)
		notes_follow(p);
	if (ns->pin >= 0 && (i = notes_index(p, ns->pin)) >= 0 &&
	    !notes_visible(p, i)) {
		ns->item = i;
		ns->line = 0;
	}
	ns->pin = -1;
	notes_clamp(p);
	if (ns->nrows < p->r.h) {
		ns->rowmap = xreallocarray(ns->rowmap, (size_t)p->r.h,
		    sizeof *ns->rowmap);
		ns->nrows = p->r.h;
	}
	for (row = 0; row < ns->nrows; row++)
		ns->rowmap[row] = -1;

	/* a part of a file still loading has only some of the notes */
	if (ns->all && p->app->job != NULL && (d == p->app->head ||
	    d == p->app->tail))
		snprintf(title, sizeof title, " Notes: %zu read so far "
		    "(= follows) ", d->nnotes);
	else if (ns->all)
		snprintf(title, sizeof title, " Notes: all %zu (= follows) ",
		    d->nnotes);
	else
		snprintf(title, sizeof title, " Notes: %d on screen "
		    "(= shows all) ", ns->nlist);
	draw_title(p->win, 0, p->r.w, title, p->app->focus == p);
	if (p->app->geo.notes_side)
		draw_vrule(p->win, 0, 1, p->r.h - 1);
	if (p->app->geo.notes_side && notes_paint_level(p))
		return;
	if (notes_count(p) == 0) {
		static const char none[] = "(no notes on screen)";

		if (p->r.h > 1)
			draw_text(p->win, 1, notes_x(p), p->r.w - notes_x(p),
			    ns->all ? "(no notes)" : none,
			    ns->all ? 10 : sizeof none - 1, A_DIM);
		return;
	}
	hl = notes_highlight(p);
	item = ns->item;
	line = ns->line;
	for (row = 1; row < p->r.h; row++) {
		l = notes_lines(p, item, &n);
		if (l != NULL && line < n)
			notes_draw_line(p, row, notes_at(p, item), hl, &l[line],
			    line == 0);
		if (notes_forward(p, &item, &line, 1) == 0)
			break;
	}
}

/* Keys when the notes pane has the focus. */
static int
notes_key(struct pane *p, enum action a)
{
	struct notes	*ns = p->data;
	int		 rows = notes_rows(p), i, n;

	if (ns->lay == NULL)
		return 0;
	if (!ns->all)
		notes_follow(p);
	n = notes_count(p);
	switch (a) {
	case ACT_LINE_DOWN:
		notes_forward(p, &ns->item, &ns->line, 1);
		break;
	case ACT_LINE_UP:
		notes_back(p, &ns->item, &ns->line, 1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		notes_forward(p, &ns->item, &ns->line,
		    a == ACT_PAGE_DOWN ? rows : rows / 2 + 1);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		notes_back(p, &ns->item, &ns->line,
		    a == ACT_PAGE_UP ? rows : rows / 2 + 1);
		break;
	case ACT_TOP:
		ns->item = ns->line = 0;
		break;
	case ACT_BOTTOM:
		ns->item = n > 0 ? n - 1 : 0;
		ns->line = 0;
		notes_forward(p, &ns->item, &ns->line, 1 << 20);
		break;
	case ACT_REF_NEXT:
	case ACT_REF_PREV:
		if (n == 0)
			return 0;
		i = notes_index(p, ns->sel);
		if (i < 0)
			i = a == ACT_REF_NEXT ? ns->item : n - 1;
		else if (a == ACT_REF_NEXT && i + 1 < n)
			i++;
		else if (a == ACT_REF_PREV && i > 0)
			i--;
		ns->sel = notes_at(p, i);
		ns->pin = ns->sel;
		return RE_PAINT | RE_STATUS;
	case ACT_ENTER:
		if (ns->sel < 0 || notes_index(p, ns->sel) < 0) {
			if (n == 0)
				return 0;
			ns->sel = notes_at(p, ns->item);
		}
		return jump_note_to_ref(p->app, ns->sel);
	default:
		return 0;
	}
	notes_clamp(p);
	return RE_PAINT;
}

int
pane_notes_sel(struct pane *p)
{
	struct notes	*ns = p->data;

	return ns->sel;
}

/* Select a note and bring it into view at the next paint. */
int
pane_notes_show(struct pane *p, int note)
{
	struct notes	*ns = p->data;

	ns->sel = note;
	ns->pin = note;
	return RE_PAINT;
}

int
pane_notes_all(struct pane *p)
{
	struct notes	*ns = p->data;

	return ns->all;
}

void
pane_notes_set_all(struct pane *p, int all)
{
	struct notes	*ns = p->data;

	if (ns->all == !!all)
		return;
	ns->all = !!all;
	ns->item = ns->line = 0;
	ns->nlist = 0;
	if (ns->sel >= 0)
		ns->pin = ns->sel;
}

/* The note painted on a row of the pane, for a mouse click. */
int
pane_notes_note_at(struct pane *p, int row)
{
	struct notes	*ns = p->data;

	if (row < 0 || row >= ns->nrows || ns->rowmap == NULL)
		return -1;
	return ns->rowmap[row];
}

/*
 * Following with no note for the references in the body's first rows:
 * the band below the body can give those rows to it. Only the first rows
 * count, so that the rows the body gains cannot bring a note that takes
 * them back.
 */
int
pane_notes_none(struct pane *p, int rows)
{
	struct notes		*ns = p->data;
	const struct doc	*d = p->app->doc;
	int			 refs[NOTES_SCREEN_REFS], at[NOTES_SCREEN_REFS];
	int			 n, i;

	if (ns->all)
		return 0;
	n = pane_body_refs(p->app->body, refs, at, NOTES_SCREEN_REFS);
	for (i = 0; i < n && at[i] < rows; i++) {
		if (d->refs[refs[i]].note >= 0)
			return 0;
	}
	return 1;
}

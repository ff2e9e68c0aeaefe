/* The help pane: the key table, written from keys.c, shown over the body. */
#include <stdlib.h>
#include <string.h>

#include "scholia/buf.h"
#include "scholia/xmalloc.h"

#include "ui.h"

#define HELP_KEYS_COLS	28	/* column where the descriptions start */

struct help {
	int	top;		/* first line shown */
	int	nlines;		/* title, blank, one per action, footer */
};

static void	help_paint(struct pane *);
static int	help_key(struct pane *, enum action);
static void	help_free(struct pane *);
static void	help_scroll(struct pane *, int);

const struct pane_ops pane_help_ops = {
	.name = "help",
	.paint = help_paint,
	.key = help_key,
	.free = help_free,
};

static const char help_title[] = "scholia keys";
static const char help_footer[] = "Press q or h to return to the text.";

void *
pane_help_data(void)
{
	struct help	*h;

	h = xcalloc(1, sizeof *h);
	h->nlines = 2 + (ACT__COUNT - 1) + 2;
	return h;
}

/* Row i of the help text: keys on the left, what they do on the right. */
static void
help_paint(struct pane *p)
{
	struct help	*h = p->data;
	struct buf	 names = { 0 };
	const char	*text;
	int		 row, i, a, w;

	draw_erase(p->win);
	for (row = 0; row < p->r.h; row++) {
		i = h->top + row;
		if (i >= h->nlines)
			break;
		if (i == 0) {
			draw_text(p->win, row, 1, p->r.w - 1, help_title,
			    strlen(help_title), A_BOLD);
			continue;
		}
		if (i == h->nlines - 1) {
			draw_text(p->win, row, 1, p->r.w - 1, help_footer,
			    strlen(help_footer), A_DIM);
			continue;
		}
		a = i - 1;
		if (a <= ACT_NONE || a >= ACT__COUNT)
			continue;
		buf_reset(&names);
		keys_names((enum action)a, &names);
		w = draw_text(p->win, row, 2, p->r.w - 2, names.data,
		    names.len, A_BOLD);
		text = keys_help((enum action)a);
		if (w + 2 < HELP_KEYS_COLS)
			w = HELP_KEYS_COLS;
		else
			w += 4;
		draw_text(p->win, row, w, p->r.w - w, text, strlen(text),
		    A_NORMAL);
	}
	buf_free(&names);
}

static void
help_scroll(struct pane *p, int n)
{
	struct help	*h = p->data;
	int		 max = h->nlines - p->r.h;

	h->top += n;
	if (h->top > max)
		h->top = max;
	if (h->top < 0)
		h->top = 0;
}

static int
help_key(struct pane *p, enum action a)
{
	switch (a) {
	case ACT_LINE_DOWN:
		help_scroll(p, 1);
		break;
	case ACT_LINE_UP:
		help_scroll(p, -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
	case ACT_BOTTOM:
		help_scroll(p, p->r.h);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
	case ACT_TOP:
		help_scroll(p, -p->r.h);
		break;
	default:
		return 0;
	}
	return RE_PAINT;
}

static void
help_free(struct pane *p)
{
	free(p->data);
}

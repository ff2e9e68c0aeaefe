/* Pane geometry: terminal size and wanted panes to rectangles, no curses calls. */
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define OUTLINE_MIN	16	/* narrower than this the outline is useless */
#define OUTLINE_MAX	36
#define BODY_MIN_COLS	40	/* the outline only takes what the body spares */
#define BODY_MIN_ROWS	3
#define NOTES_MIN	2
#define NOTES_MAX	12
#define SIDE_MIN	30	/* a narrower notes column is no use */
#define SIDE_MAX	64

static void	arrange_set(struct rect *, int, int, int, int);
static void	arrange_print_rect(char *, size_t, const char *,
		    const struct rect *);

static void
arrange_set(struct rect *r, int y, int x, int h, int w)
{
	r->y = y;
	r->x = x;
	r->h = h;
	r->w = w;
}

/*
 * The status line takes the last row; the outline a left column when the
 * body keeps BODY_MIN_COLS; the notes a column on the right on terminals
 * ARRANGE_SIDE_COLS wide, else a band under the body when the body keeps
 * BODY_MIN_ROWS (only its title line with ARRANGE_NOTES_TITLE, the band
 * having nothing to show). Below ARRANGE_MIN_* only a "too small" note is shown, so
 * that no pane ever has to cope with a degenerate size.
 */
void
arrange_compute(int cols, int rows, unsigned want, struct arrange *a)
{
	int	bx = 0, bw, bh, ow, nh, nw;

	memset(a, 0, sizeof *a);
	if (cols < ARRANGE_MIN_COLS || rows < ARRANGE_MIN_ROWS) {
		a->too_small = 1;
		return;
	}
	arrange_set(&a->status, rows - 1, 0, 1, cols);
	bw = cols;
	bh = rows - 1;

	if (want & ARRANGE_OUTLINE) {
		ow = cols / 4;
		if (ow > OUTLINE_MAX)
			ow = OUTLINE_MAX;
		if (ow >= OUTLINE_MIN && cols - ow >= BODY_MIN_COLS) {
			arrange_set(&a->outline, 0, 0, bh, ow);
			bx = ow;
			bw = cols - ow;
		}
	}
	if ((want & ARRANGE_NOTES) && cols >= ARRANGE_SIDE_COLS) {
		nw = bw / 3;
		if (nw > SIDE_MAX)
			nw = SIDE_MAX;
		if (nw >= SIDE_MIN && bw - nw >= BODY_MIN_COLS) {
			arrange_set(&a->notes, 0, bx + bw - nw, bh, nw);
			bw -= nw;
			a->notes_side = 1;
			want &= ~ARRANGE_NOTES;
		}
	}
	if (want & ARRANGE_NOTES) {
		nh = bh / 3;
		if (nh > NOTES_MAX)
			nh = NOTES_MAX;
		if (nh < NOTES_MIN)
			nh = NOTES_MIN;
		/* nothing to show: the body takes all but the title */
		if (want & ARRANGE_NOTES_TITLE)
			nh = 1;
		if (bh - nh >= BODY_MIN_ROWS) {
			arrange_set(&a->notes, bh - nh, bx, nh, bw);
			bh -= nh;
		}
	}
	arrange_set(&a->body, 0, bx, bh, bw);
}

/* Append one shown rectangle to s. */
static void
arrange_print_rect(char *s, size_t n, const char *name, const struct rect *r)
{
	size_t	len = strlen(s);

	if (r->w == 0 || r->h == 0 || len >= n)
		return;
	snprintf(s + len, n - len, "%s%s %d,%d %dx%d", len != 0 ? "; " : "",
	    name, r->x, r->y, r->w, r->h);
}

/* Serialise the geometry so tests compare one string, as neomutt does. */
void
arrange_print(const struct arrange *a, char *s, size_t n)
{
	if (n == 0)
		return;
	*s = '\0';
	if (a->too_small) {
		snprintf(s, n, "too small");
		return;
	}
	arrange_print_rect(s, n, "outline", &a->outline);
	arrange_print_rect(s, n, "body", &a->body);
	arrange_print_rect(s, n, "notes", &a->notes);
	arrange_print_rect(s, n, "status", &a->status);
}

/* Tables: an aligned grid in display columns, shrunk and wrapped to fit. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "scholia/doc.h"
#include "scholia/text.h"

#define RULE_MAX	40
#define ROW_PIECE	1024	/* lines of each cell joined at a time */
#define WORD_MAX	6	/* a column's least width, at most */

/* The cells of one table row, wrapped side by side a piece at a time. */
struct trow {
	struct lb	 *cells;
	struct wrapper	**wr;
	int		 *done;
};

static void	table_measure(const struct doc *, const struct table *, int,
		    int, int *, int *, int *);
static void	table_widths(const struct doc *, const struct table *, int,
		    int, int *);
static void	table_row(const struct doc *, const struct table *, int,
		    const int *, int, const struct prefix *, struct trow *,
		    struct lb *);
static void	table_emit(const struct table *, const int *,
		    const struct prefix *, const struct trow *, size_t,
		    struct lb *);
static void	table_rule(const struct table *, const int *,
		    const struct prefix *, struct lb *);
static void	table_stacked(const struct doc *, const struct table *, int,
		    int, const struct prefix *, struct lb *);
static void	table_src(const struct doc *, const struct table *, int, int,
		    struct wrap_src *);
static void	table_copy(struct lb *, const struct lb *,
		    const struct lb_line *);
static int	table_sep_cols(void);
static long	table_shrink(int, int *, const int *, long);

static const struct prefix no_prefix;

/* Columns of the " │ " between two cells. */
static int
table_sep_cols(void)
{
	return (int)text_width(" │ ", strlen(" │ "));
}

/* Copy the runs of a cell line onto the open grid line. */
static void
table_copy(struct lb *lb, const struct lb *cell, const struct lb_line *cl)
{
	const struct lb_run	*run;
	const char		*text;
	size_t			 j;

	if (cl->nruns == 0)
		return;		/* an empty cell may have no text buffer */
	text = cell->text.data + cl->toff;
	for (j = 0; j < cl->nruns; j++) {
		run = &cell->runs[cl->rfirst + j];
		lb_put(lb, text + run->r.off, run->r.len, run->r.cols,
		    run->r.style, run->r.ref, run->r.doc_off, run->dlen,
		    run->verbatim);
	}
}

static void
table_src(const struct doc *d, const struct table *t, int r, int c,
    struct wrap_src *src)
{
	const struct table_cell	*cell = doc_cell(d, t, r, c);

	src->off = cell->text_off;
	src->len = cell->text_len;
	src->span_first = cell->span_first;
	src->span_count = cell->span_count;
}

/*
 * Take over columns off the widest columns, one at a time, the leftmost of
 * the widest first, none below its min: done a level at a time, so the cost
 * does not grow with the widths. Returns the columns taken.
 */
static long
table_shrink(int ncols, int *w, const int *min, long over)
{
	long	taken = 0, span, q, r;
	int	c, top, floor, ntop;

	while (taken < over) {
		/* the widest columns that can shrink, and how far together */
		top = -1;
		for (c = 0; c < ncols; c++)
			if (w[c] > min[c] && w[c] > top)
				top = w[c];
		if (top == -1)
			break;
		floor = 0;
		ntop = 0;
		for (c = 0; c < ncols; c++) {
			if (w[c] == top && w[c] > min[c]) {
				ntop++;
				if (min[c] > floor)
					floor = min[c];
			} else if (w[c] > min[c] && w[c] > floor)
				floor = w[c];
		}
		span = (long)ntop * (top - floor);
		if (span <= over - taken) {
			for (c = 0; c < ncols; c++)
				if (w[c] == top && w[c] > min[c])
					w[c] = floor;
			taken += span;
			continue;
		}
		q = (over - taken) / ntop;
		r = (over - taken) % ntop;
		for (c = 0; c < ncols; c++) {
			if (w[c] != top || w[c] <= min[c])
				continue;
			w[c] = (int)(top - q - (r > 0 ? 1 : 0));
			if (r > 0)
				r--;
		}
		taken = over;
	}
	return taken;
}

/*
 * Widths and least widths of the columns. With cap > 0 a column is at most
 * cap wide, and a long cell may be measured only until a line of cap
 * columns, its least width then unknown: WORD_MAX, flagged in part.
 */
static void
table_measure(const struct doc *d, const struct table *t, int tab, int cap,
    int *w, int *min, int *part)
{
	struct wrap_src	 src;
	int		 r, c, widest, word;

	for (c = 0; c < t->ncols; c++) {
		w[c] = 1;
		min[c] = 1;
		part[c] = 0;
		for (r = 0; r < t->nrows; r++) {
			table_src(d, t, r, c, &src);
			wrap_measure(d, &src, tab, cap, &widest, &word);
			if (widest > w[c])
				w[c] = widest;
			if (word < 0)
				part[c] = 1;
			else if (word > min[c])
				min[c] = word;
		}
		if (cap > 0 && w[c] > cap)
			w[c] = cap;
		if (min[c] > WORD_MAX || part[c])
			min[c] = WORD_MAX;
		if (min[c] < 2)
			min[c] = 2;
		if (min[c] > w[c])
			min[c] = w[c];
	}
}

/*
 * Column widths from content; shrink the widest first when over avail.
 * Shrinking takes a column wider than avail down to avail before anything
 * else, so cap = avail + 1 changes nothing, and a column measured in part
 * that ends wider than WORD_MAX never met its least width: the same
 * widths as a full measure, which is done only when that fails.
 */
static void
table_widths(const struct doc *d, const struct table *t, int avail, int tab,
    int *w)
{
	long	 total;
	int	*min, *part, c, pass, cap, redo;

	min = xcalloc((size_t)t->ncols, sizeof *min);
	part = xcalloc((size_t)t->ncols, sizeof *part);
	cap = (avail > WORD_MAX ? avail : WORD_MAX) + 1;
	total = 0;
	for (pass = 0; pass < 2; pass++) {
		table_measure(d, t, tab, pass == 0 ? cap : 0, w, min, part);
		total = table_sep_cols() * (t->ncols - 1);
		for (c = 0; c < t->ncols; c++)
			total += w[c];
		if (total > avail)
			total -= table_shrink(t->ncols, w, min, total - avail);
		for (c = 0, redo = 0; c < t->ncols; c++)
			if (part[c] && w[c] <= WORD_MAX)
				redo = 1;
		if (!redo)
			break;
	}
	free(part);
	free(min);
	if (total > avail)
		w[0] = -1;	/* no grid fits */
}

/*
 * Row r: its cells wrapped to their column widths and joined line by line,
 * ROW_PIECE lines at a time, so that a huge cell never sits whole.
 */
static void
table_row(const struct doc *d, const struct table *t, int r, const int *w,
    int tab, const struct prefix *p, struct trow *row, struct lb *lb)
{
	struct wrap_src	src;
	unsigned	style = r < t->header_rows ? SPAN_STRONG : 0;
	size_t		n, emitted = 0;
	int		c, all;

	for (c = 0; c < t->ncols; c++) {
		lb_init(&row->cells[c]);
		table_src(d, t, r, c, &src);
		row->wr[c] = wrap_start(d, &src, w[c], tab, 0, style,
		    &no_prefix, &row->cells[c]);
		row->done[c] = 0;
	}
	do {
		all = 1;
		n = (size_t)-1;
		for (c = 0; c < t->ncols; c++) {
			if (!row->done[c])
				row->done[c] = wrap_step(row->wr[c], ROW_PIECE);
			if (!row->done[c]) {
				all = 0;
				if (row->cells[c].nlines < n)
					n = row->cells[c].nlines;
			}
		}
		if (all) {
			/* the rest, and a row shows one line at least */
			n = emitted == 0 ? 1 : 0;
			for (c = 0; c < t->ncols; c++)
				if (row->cells[c].nlines > n)
					n = row->cells[c].nlines;
		}
		table_emit(t, w, p, row, n, lb);
		for (c = 0; c < t->ncols; c++)
			lb_drop(&row->cells[c], n);
		emitted += n;
	} while (!all);
	for (c = 0; c < t->ncols; c++) {
		wrap_stop(row->wr[c]);
		lb_free(&row->cells[c]);
	}
}

/* Join the first n lines of the cells, aligned, with bars between. */
static void
table_emit(const struct table *t, const int *w, const struct prefix *p,
    const struct trow *row, size_t n, struct lb *lb)
{
	const struct lb_line	*cl;
	size_t			 k;
	int			 c, left, right, first;

	for (k = 0; k < n; k++) {
		first = lb_count(lb) == 0 || (lb_count(lb) == 1 &&
		    lb->lines[0].flags & LINE_BLANK);
		lb_line(lb, first ? LINE_FIRST : 0, LAYOUT_NO_OFF);
		lb_prefix(lb, p, first);
		for (c = 0; c < t->ncols; c++) {
			cl = k < row->cells[c].nlines ?
			    &row->cells[c].lines[k] : NULL;
			left = w[c] - (cl != NULL ? cl->cols : 0);
			right = 0;
			if (t->align[c] == 'c') {
				right = left - left / 2;
				left /= 2;
			} else if (t->align[c] != 'r') {
				right = left;
				left = 0;
			}
			if (c == t->ncols - 1) {
				right = 0;
				if (cl == NULL)
					left = 0;
			}
			lb_decor(lb, " ", left);
			if (cl != NULL)
				table_copy(lb, &row->cells[c], cl);
			lb_decor(lb, " ", right);
			if (c < t->ncols - 1)
				lb_decor(lb, " │ ", 1);
		}
		if (lb->lines[lb->nlines - 1].doc_off == LAYOUT_NO_OFF)
			lb->lines[lb->nlines - 1].doc_off =
			    lb->lines[lb->nlines - 1].doc_end = 0;
	}
}

/* The line under the header: ─ across each column, ┼ at the bars. */
static void
table_rule(const struct table *t, const int *w, const struct prefix *p,
    struct lb *lb)
{
	int	c, side;

	/* the cross sits under the bar whatever the ambiguous width */
	side = table_sep_cols() - (int)text_width("┼", strlen("┼"));
	lb_line(lb, 0, 0);
	lb_prefix(lb, p, 0);
	for (c = 0; c < t->ncols; c++) {
		lb_rule(lb, "─", w[c]);
		if (c < t->ncols - 1) {
			lb_rule(lb, "─", side / 2);
			lb_decor(lb, "┼", 1);
			lb_rule(lb, "─", side - side / 2);
		}
	}
}

/* Too narrow for a grid: each cell as its own lines, a rule after each row. */
static void
table_stacked(const struct doc *d, const struct table *t, int width, int tab,
    const struct prefix *p, struct lb *lb)
{
	struct wrap_src	src;
	int		r, c, n;

	n = width - lb_prefix_cols(p, 0);
	if (n > RULE_MAX)
		n = RULE_MAX;
	if (n < 1)
		n = 1;
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			table_src(d, t, r, c, &src);
			/* only the grid's first line is its block's first */
			lb->strip = r > 0 || c > 0 ? LINE_FIRST : 0;
			wrap_text(d, &src, width, tab, 0,
			    r < t->header_rows ? SPAN_STRONG : 0, p, lb);
			lb->strip = 0;
		}
		if (r < t->nrows - 1) {
			lb_line(lb, 0, 0);
			lb_prefix(lb, p, 0);
			lb_rule(lb, "─", n);
		}
	}
}

void
layout_table(const struct doc *d, const struct block *b, int width, int tab,
    const struct prefix *p, struct lb *lb)
{
	const struct table	*t = &d->tables[b->table];
	struct trow		 row;
	int			*w, avail, r, pc;

	if (t->ncols < 1 || t->nrows < 1)
		return;
	avail = width - lb_prefix_cols(p, 1);
	if ((pc = width - lb_prefix_cols(p, 0)) < avail)
		avail = pc;
	w = xcalloc((size_t)t->ncols, sizeof *w);
	table_widths(d, t, avail, tab, w);
	if (w[0] == -1) {
		table_stacked(d, t, width, tab, p, lb);
		free(w);
		return;
	}
	row.cells = xcalloc((size_t)t->ncols, sizeof *row.cells);
	row.wr = xcalloc((size_t)t->ncols, sizeof *row.wr);
	row.done = xcalloc((size_t)t->ncols, sizeof *row.done);
	for (r = 0; r < t->nrows; r++) {
		table_row(d, t, r, w, tab, p, &row, lb);
		if (r == t->header_rows - 1 && r < t->nrows - 1)
			table_rule(t, w, p, lb);
	}
	free(row.cells);
	free(row.wr);
	free(row.done);
	free(w);
}

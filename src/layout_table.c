/* Tables: an aligned grid in display columns, shrunk and wrapped to fit. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layout_priv.h"
#include "scholia/doc.h"
#include "scholia/text.h"

#define RULE_MAX	40

/* The lines of one table row, cell by cell, before they are joined. */
struct trow {
	struct lb	*cells;
	int		 height;
};

static void	table_widths(const struct doc *, const struct table *, int,
		    int, int *);
static void	table_row(const struct doc *, const struct table *, int,
		    const int *, int, struct trow *);
static void	table_emit_row(const struct table *, const int *,
		    const struct prefix *, struct trow *, struct lb *);
static void	table_rule(const struct table *, const int *,
		    const struct prefix *, struct lb *);
static void	table_stacked(const struct doc *, const struct table *, int,
		    int, const struct prefix *, struct lb *);
static void	table_src(const struct doc *, const struct table *, int, int,
		    struct wrap_src *);
static void	table_copy(struct lb *, const struct lb *,
		    const struct lb_line *);
static int	table_sep_cols(void);

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

/* Column widths from content; shrink the widest first when over avail. */
static void
table_widths(const struct doc *d, const struct table *t, int avail, int tab,
    int *w)
{
	struct wrap_src	 src;
	int		*min, r, c, widest, word, total, best;

	min = xcalloc((size_t)t->ncols, sizeof *min);
	for (c = 0; c < t->ncols; c++) {
		w[c] = 1;
		min[c] = 1;
		for (r = 0; r < t->nrows; r++) {
			table_src(d, t, r, c, &src);
			wrap_measure(d, &src, tab, &widest, &word);
			if (widest > w[c])
				w[c] = widest;
			if (word > min[c])
				min[c] = word;
		}
		if (min[c] > 6)
			min[c] = 6;
		if (min[c] < 2)
			min[c] = 2;
		if (min[c] > w[c])
			min[c] = w[c];
	}
	total = table_sep_cols() * (t->ncols - 1);
	for (c = 0; c < t->ncols; c++)
		total += w[c];
	while (total > avail) {
		best = -1;
		for (c = 0; c < t->ncols; c++)
			if (w[c] > min[c] && (best == -1 || w[c] > w[best]))
				best = c;
		if (best == -1)
			break;
		w[best]--;
		total--;
	}
	free(min);
	if (total > avail)
		w[0] = -1;	/* no grid fits */
}

/* Wrap each cell of row r to its column width. */
static void
table_row(const struct doc *d, const struct table *t, int r, const int *w,
    int tab, struct trow *row)
{
	struct wrap_src	src;
	unsigned	style = r < t->header_rows ? SPAN_STRONG : 0;
	int		c;

	row->height = 1;
	for (c = 0; c < t->ncols; c++) {
		lb_init(&row->cells[c]);
		table_src(d, t, r, c, &src);
		wrap_text(d, &src, w[c], tab, 0, style, &no_prefix,
		    &row->cells[c]);
		if ((int)row->cells[c].nlines > row->height)
			row->height = (int)row->cells[c].nlines;
	}
}

/* Join the cells of a row line by line, aligned, with bars between. */
static void
table_emit_row(const struct table *t, const int *w, const struct prefix *p,
    struct trow *row, struct lb *lb)
{
	const struct lb_line	*cl;
	int			 k, c, left, right, first;

	for (k = 0; k < row->height; k++) {
		first = lb->nlines == 0 ||
		    (lb->nlines == 1 && lb->lines[0].flags & LINE_BLANK);
		lb_line(lb, first ? LINE_FIRST : 0, LAYOUT_NO_OFF);
		lb_prefix(lb, p, first);
		for (c = 0; c < t->ncols; c++) {
			cl = k < (int)row->cells[c].nlines ?
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
	for (c = 0; c < t->ncols; c++)
		lb_free(&row->cells[c]);
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
	size_t		k;
	int		r, c, n;

	n = width - lb_prefix_cols(p, 0);
	if (n > RULE_MAX)
		n = RULE_MAX;
	if (n < 1)
		n = 1;
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			table_src(d, t, r, c, &src);
			k = lb->nlines;
			wrap_text(d, &src, width, tab, 0,
			    r < t->header_rows ? SPAN_STRONG : 0, p, lb);
			/* only the grid's first line is its block's first */
			for (; k < lb->nlines; k++)
				if (r > 0 || c > 0)
					lb->lines[k].flags &= ~LINE_FIRST;
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
	for (r = 0; r < t->nrows; r++) {
		table_row(d, t, r, w, tab, &row);
		table_emit_row(t, w, p, &row, lb);
		if (r == t->header_rows - 1 && r < t->nrows - 1)
			table_rule(t, w, p, lb);
	}
	free(row.cells);
	free(w);
}

/* Tests of the geometry: panes to rectangles, and viewports that keep their text; no curses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/layout.h"
#include "scholia/load.h"

#include "ui.h"

static const char	*geo(int, int, unsigned);
static int		 inside(const struct rect *, int, int);
static int		 overlap(const struct rect *, const struct rect *);
static void		 check_tiles(int, int, unsigned);
static struct doc	*view_doc(void);
static struct layout	*view_layout(struct doc *, int);

static char	geo_text[256];

static const char *
geo(int cols, int rows, unsigned want)
{
	struct arrange	a;

	arrange_compute(cols, rows, want, &a);
	arrange_print(&a, geo_text, sizeof geo_text);
	return geo_text;
}

static int
inside(const struct rect *r, int cols, int rows)
{
	if (r->w == 0 || r->h == 0)
		return 1;
	return r->x >= 0 && r->y >= 0 && r->w > 0 && r->h > 0 &&
	    r->x + r->w <= cols && r->y + r->h <= rows;
}

static int
overlap(const struct rect *a, const struct rect *b)
{
	if (a->w == 0 || a->h == 0 || b->w == 0 || b->h == 0)
		return 0;
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Shown panes stay inside the screen, never overlap, and cover all of it. */
static void
check_tiles(int cols, int rows, unsigned want)
{
	struct arrange	 a;
	struct rect	*r[4];
	long		 area = 0;
	int		 i, j;

	arrange_compute(cols, rows, want, &a);
	if (a.too_small) {
		assert_true(cols < ARRANGE_MIN_COLS || rows < ARRANGE_MIN_ROWS);
		assert_int_equal(a.body.w * a.body.h, 0);
		return;
	}
	r[0] = &a.body;
	r[1] = &a.notes;
	r[2] = &a.outline;
	r[3] = &a.status;
	assert_true(a.body.w >= ARRANGE_MIN_COLS);
	assert_true(a.body.h >= 3);
	for (i = 0; i < 4; i++) {
		assert_true(inside(r[i], cols, rows));
		area += (long)r[i]->w * r[i]->h;
		for (j = i + 1; j < 4; j++)
			assert_false(overlap(r[i], r[j]));
	}
	assert_int_equal(area, (long)cols * rows);
}

static void
test_body_only(void **state)
{
	(void)state;
	assert_string_equal(geo(80, 24, 0), "body 0,0 80x23; status 0,23 80x1");
	assert_string_equal(geo(20, 6, 0), "body 0,0 20x5; status 0,5 20x1");
	assert_string_equal(geo(300, 100, 0),
	    "body 0,0 300x99; status 0,99 300x1");
}

static void
test_all_panes(void **state)
{
	(void)state;
	assert_string_equal(geo(80, 24, ARRANGE_NOTES | ARRANGE_OUTLINE),
	    "outline 0,0 20x23; body 20,0 60x16; notes 20,16 60x7; "
	    "status 0,23 80x1");
	/* the outline is capped, the notes too */
	assert_string_equal(geo(139, 60, ARRANGE_NOTES | ARRANGE_OUTLINE),
	    "outline 0,0 34x59; body 34,0 105x47; notes 34,47 105x12; "
	    "status 0,59 139x1");
}

/* Notes with nothing to show: the band below is its title line only. */
static void
test_notes_title(void **state)
{
	(void)state;
	assert_string_equal(geo(80, 24, ARRANGE_NOTES | ARRANGE_NOTES_TITLE),
	    "body 0,0 80x22; notes 0,22 80x1; status 0,23 80x1");
	assert_string_equal(geo(80, 24, ARRANGE_NOTES | ARRANGE_OUTLINE |
	    ARRANGE_NOTES_TITLE),
	    "outline 0,0 20x23; body 20,0 60x22; notes 20,22 60x1; "
	    "status 0,23 80x1");
	/* a column beside the body keeps its height; no notes, no title */
	assert_string_equal(geo(200, 50, ARRANGE_NOTES | ARRANGE_NOTES_TITLE),
	    "body 0,0 136x49; notes 136,0 64x49; status 0,49 200x1");
	assert_string_equal(geo(80, 24, ARRANGE_NOTES_TITLE),
	    "body 0,0 80x23; status 0,23 80x1");
}

/* From ARRANGE_SIDE_COLS on, the notes are a column right of the body. */
static void
test_notes_side(void **state)
{
	struct arrange	a;

	(void)state;
	assert_string_equal(geo(200, 60, ARRANGE_NOTES | ARRANGE_OUTLINE),
	    "outline 0,0 36x59; body 36,0 110x59; notes 146,0 54x59; "
	    "status 0,59 200x1");
	assert_string_equal(geo(140, 40, ARRANGE_NOTES),
	    "body 0,0 94x39; notes 94,0 46x39; status 0,39 140x1");
	assert_string_equal(geo(200, 50, ARRANGE_NOTES),
	    "body 0,0 136x49; notes 136,0 64x49; status 0,49 200x1");
	arrange_compute(200, 50, ARRANGE_NOTES, &a);
	assert_int_equal(a.notes_side, 1);
	arrange_compute(139, 50, ARRANGE_NOTES, &a);
	assert_int_equal(a.notes_side, 0);
	arrange_compute(200, 50, 0, &a);
	assert_int_equal(a.notes_side, 0);
}

static void
test_degrades(void **state)
{
	(void)state;
	/* too narrow for an outline beside a 40-column body */
	assert_string_equal(geo(55, 24, ARRANGE_OUTLINE),
	    "body 0,0 55x23; status 0,23 55x1");
	assert_string_equal(geo(64, 24, ARRANGE_OUTLINE),
	    "outline 0,0 16x23; body 16,0 48x23; status 0,23 64x1");
	/* notes shrink to two rows, then go */
	assert_string_equal(geo(20, 6, ARRANGE_NOTES),
	    "body 0,0 20x3; notes 0,3 20x2; status 0,5 20x1");
	assert_string_equal(geo(40, 7, ARRANGE_NOTES),
	    "body 0,0 40x4; notes 0,4 40x2; status 0,6 40x1");
}

static void
test_too_small(void **state)
{
	struct arrange	a;

	(void)state;
	assert_string_equal(geo(19, 24, 0), "too small");
	assert_string_equal(geo(80, 5, ARRANGE_NOTES), "too small");
	assert_string_equal(geo(1, 1, ARRANGE_NOTES | ARRANGE_OUTLINE),
	    "too small");
	assert_string_equal(geo(0, 0, 0), "too small");
	assert_string_equal(geo(-3, 10, 0), "too small");
	arrange_compute(1, 1, 0, &a);
	assert_int_equal(a.too_small, 1);
	assert_int_equal(a.status.w, 0);
}

static void
test_tiling_everywhere(void **state)
{
	int		cols, rows;
	unsigned	want;

	(void)state;
	for (cols = 0; cols <= 130; cols++) {
		for (rows = 0; rows <= 40; rows++) {
			for (want = 0; want < 4; want++)
				check_tiles(cols, rows, want);
		}
	}
}

/* A document of our own: paragraphs of mixed Chinese and English. */
static struct doc *
view_doc(void)
{
	struct buf	 b = { 0 };
	struct doc	*d = NULL;
	char		*cause = NULL;
	int		 i, j;

	for (i = 0; i < 12; i++) {
		buf_printf(&b, "Paragraph %d ", i);
		for (j = 0; j < 8; j++)
			buf_printf(&b, "第%d段第%d句，中文与 English "
			    "words 混排。", i, j);
		buf_puts(&b, "\n\n");
	}
	assert_int_equal(load_memory("view.md", b.data, b.len, NULL, &d,
	    &cause), 0);
	assert_non_null(d);
	buf_free(&b);
	return d;
}

static struct layout *
view_layout(struct doc *d, int width)
{
	struct layout_opts	o = { width, 0 };

	return layout_new(d, &o);
}

/*
 * The text at the top survives a new wrap width: the new top line shows
 * the doc offset the old one started with, and going back to the old width
 * gives exactly the old top line.
 */
static void
test_view_keeps_text(void **state)
{
	struct doc			*d = view_doc();
	struct layout			*l80, *l30, *l80b;
	const struct layout_line	*line;
	struct pane_view		 v = { 0 };
	struct layout_pos		 old;
	size_t				 off;
	int				 i;

	(void)state;
	l80 = view_layout(d, 80);
	pane_view_set(&v, l80, 10);
	assert_false(v.empty);
	/* move until the top is a line of text well into the document */
	for (i = 0; i < 40; i++) {
		pane_view_scroll(&v, 1);
		line = layout_line_at(l80, v.top);
		if (i > 12 && !(line->flags & LINE_BLANK) &&
		    !(line->flags & LINE_FIRST))
			break;
	}
	line = layout_line_at(l80, v.top);
	assert_false(line->flags & LINE_BLANK);
	off = line->doc_off;
	old = v.top;

	l30 = view_layout(d, 30);
	pane_view_set(&v, l30, 10);
	line = layout_line_at(l30, v.top);
	assert_int_equal(v.top.block, old.block);
	assert_true(line->doc_off <= off);
	assert_true(off < line->doc_end);
	assert_true(line->cols <= 30);

	l80b = view_layout(d, 80);
	pane_view_set(&v, l80b, 10);
	assert_int_equal(v.top.block, old.block);
	assert_int_equal(v.top.line, old.line);

	layout_free(l80);
	layout_free(l30);
	layout_free(l80b);
	doc_free(d);
}

/* The last page stays full: no scrolling past the end; back to the start. */
static void
test_view_ends(void **state)
{
	struct doc		*d = view_doc();
	struct layout		*l = view_layout(d, 40);
	struct pane_view	 v = { 0 };
	struct layout_pos	 first, bottom, end;

	(void)state;
	pane_view_set(&v, l, 10);
	assert_int_equal(layout_first(l, &first), 1);
	assert_false(pane_view_at_end(&v));
	assert_int_equal(pane_view_scroll(&v, -1), 0);

	pane_view_bottom(&v);
	assert_true(pane_view_at_end(&v));
	assert_int_equal(pane_view_bottom_pos(&v, &bottom), 1);
	layout_last(l, &end);
	assert_int_equal(bottom.block, end.block);
	assert_int_equal(bottom.line, end.line);
	assert_int_equal(pane_view_scroll(&v, 1), 0);
	assert_int_equal(pane_view_scroll(&v, 1000), 0);

	assert_true(pane_view_scroll(&v, -1) & RE_PAINT);
	assert_false(pane_view_at_end(&v));
	pane_view_scroll(&v, 100000);
	assert_true(pane_view_at_end(&v));
	/* a taller view over the same layout still ends on the last line */
	pane_view_set(&v, l, 20);
	assert_true(pane_view_at_end(&v));
	pane_view_bottom_pos(&v, &bottom);
	assert_int_equal(bottom.block, end.block);
	assert_int_equal(bottom.line, end.line);

	pane_view_scroll(&v, -100000);
	assert_int_equal(v.top.block, first.block);
	assert_int_equal(v.top.line, first.line);
	pane_view_bottom(&v);
	pane_view_top(&v);
	assert_int_equal(v.top.block, first.block);
	assert_int_equal(v.top.line, first.line);
	layout_free(l);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_only),
		cmocka_unit_test(test_all_panes),
		cmocka_unit_test(test_notes_side),
		cmocka_unit_test(test_notes_title),
		cmocka_unit_test(test_degrades),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_tiling_everywhere),
		cmocka_unit_test(test_view_keeps_text),
		cmocka_unit_test(test_view_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

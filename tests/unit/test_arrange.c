/* Tests of the pane geometry: sizes and wanted panes to rectangles, without curses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "ui.h"

static const char	*geo(int, int, unsigned);
static void		 check_tiles(int, int, unsigned);

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
	assert_string_equal(geo(200, 60, ARRANGE_NOTES | ARRANGE_OUTLINE),
	    "outline 0,0 36x59; body 36,0 164x47; notes 36,47 164x12; "
	    "status 0,59 200x1");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_only),
		cmocka_unit_test(test_all_panes),
		cmocka_unit_test(test_degrades),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_tiling_everywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests of mouse routing: which pane and cell an event lands on, and which gesture it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "ui.h"

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(mouse_kind_of(BUTTON1_PRESSED), MOUSE_CLICK);
	assert_int_equal(mouse_kind_of(BUTTON1_CLICKED), MOUSE_CLICK);
	assert_int_equal(mouse_kind_of(BUTTON4_PRESSED), MOUSE_WHEEL_UP);
	assert_int_equal(mouse_kind_of(BUTTON5_PRESSED), MOUSE_WHEEL_DOWN);
	assert_int_equal(mouse_kind_of(BUTTON1_RELEASED), MOUSE_NONE);
	assert_int_equal(mouse_kind_of(BUTTON3_PRESSED), MOUSE_NONE);
	assert_int_equal(mouse_kind_of(0), MOUSE_NONE);
}

/* 80x24 with every pane: outline 20 wide, notes 7 rows under the body. */
static void
test_route_all_panes(void **state)
{
	struct arrange		a;
	struct mouse_hit	h;

	(void)state;
	arrange_compute(80, 24, ARRANGE_NOTES | ARRANGE_OUTLINE, &a);
	mouse_route(&a, 0, 0, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_OUTLINE);
	assert_int_equal(h.row, 0);
	mouse_route(&a, 5, 19, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_OUTLINE);
	assert_int_equal(h.row, 5);
	assert_int_equal(h.col, 19);
	/* the body's cells are relative to the body */
	mouse_route(&a, 5, 20, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_BODY);
	assert_int_equal(h.row, 5);
	assert_int_equal(h.col, 0);
	mouse_route(&a, 15, 79, MOUSE_WHEEL_DOWN, &h);
	assert_int_equal(h.pane, MPANE_BODY);
	assert_int_equal(h.kind, MOUSE_WHEEL_DOWN);
	assert_int_equal(h.col, 59);
	mouse_route(&a, 16, 30, MOUSE_WHEEL_UP, &h);
	assert_int_equal(h.pane, MPANE_NOTES);
	assert_int_equal(h.row, 0);
	assert_int_equal(h.col, 10);
	mouse_route(&a, 23, 3, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_STATUS);
}

/* Wide: the notes are the right-hand column. */
static void
test_route_side_notes(void **state)
{
	struct arrange		a;
	struct mouse_hit	h;

	(void)state;
	arrange_compute(200, 50, ARRANGE_NOTES, &a);
	mouse_route(&a, 10, 135, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_BODY);
	assert_int_equal(h.col, 135);
	mouse_route(&a, 10, 136, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_NOTES);
	assert_int_equal(h.row, 10);
	assert_int_equal(h.col, 0);
}

/* Nothing is hit outside the screen, when too small, or with no gesture. */
static void
test_route_misses(void **state)
{
	struct arrange		a;
	struct mouse_hit	h;

	(void)state;
	arrange_compute(80, 24, 0, &a);
	mouse_route(&a, 24, 0, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_NONE);
	mouse_route(&a, -1, 5, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_NONE);
	mouse_route(&a, 3, 80, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_NONE);
	mouse_route(&a, 3, 3, MOUSE_NONE, &h);
	assert_int_equal(h.pane, MPANE_NONE);
	arrange_compute(10, 3, ARRANGE_NOTES, &a);
	mouse_route(&a, 0, 0, MOUSE_CLICK, &h);
	assert_int_equal(h.pane, MPANE_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_route_all_panes),
		cmocka_unit_test(test_route_side_notes),
		cmocka_unit_test(test_route_misses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

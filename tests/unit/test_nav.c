/* Unit tests for the jump list (src/nav.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "scholia/nav.h"

static struct nav_pos
P(int block, size_t off)
{
	struct nav_pos	p = { block, off };

	return p;
}

static void
assert_pos(struct nav_pos p, int block, size_t off)
{
	assert_int_equal(p.block, block);
	assert_int_equal(p.off, off);
}

static void
test_empty(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out = P(7, 7);

	(void)state;
	assert_int_equal(nav_depth(n), 0);
	assert_int_equal(nav_back(n, P(1, 0), &out), 0);
	assert_int_equal(nav_forward(n, P(1, 0), &out), 0);
	assert_pos(out, 7, 7);
	nav_free(n);
	nav_free(NULL);
}

/* Three jumps: back three levels, then forward to where we were. */
static void
test_many_levels(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out;

	(void)state;
	nav_push(n, P(0, 0));		/* jump 0,0 -> 5,10 */
	nav_push(n, P(5, 10));		/* jump 5,10 -> 9,3 */
	nav_push(n, P(9, 3));		/* jump 9,3 -> 20,0 */
	assert_int_equal(nav_depth(n), 3);

	assert_int_equal(nav_back(n, P(20, 0), &out), 1);
	assert_pos(out, 9, 3);
	assert_int_equal(nav_back(n, out, &out), 1);
	assert_pos(out, 5, 10);
	assert_int_equal(nav_back(n, out, &out), 1);
	assert_pos(out, 0, 0);
	assert_int_equal(nav_depth(n), 0);
	assert_int_equal(nav_back(n, out, &out), 0);

	assert_int_equal(nav_forward(n, out, &out), 1);
	assert_pos(out, 5, 10);
	assert_int_equal(nav_forward(n, out, &out), 1);
	assert_pos(out, 9, 3);
	assert_int_equal(nav_forward(n, out, &out), 1);
	assert_pos(out, 20, 0);
	assert_int_equal(nav_forward(n, out, &out), 0);
	assert_int_equal(nav_depth(n), 3);
	nav_free(n);
}

/* Back saves where the reader is when stepping, not where the jump landed. */
static void
test_back_saves_current(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out;

	(void)state;
	nav_push(n, P(1, 1));
	/* The reader scrolled on after landing; back saves that place. */
	assert_int_equal(nav_back(n, P(3, 42), &out), 1);
	assert_pos(out, 1, 1);
	assert_int_equal(nav_forward(n, P(1, 5), &out), 1);
	assert_pos(out, 3, 42);
	/* Back again returns to the scrolled place saved by forward. */
	assert_int_equal(nav_back(n, out, &out), 1);
	assert_pos(out, 1, 5);
	nav_free(n);
}

/* A new jump after going back drops the forward history. */
static void
test_push_drops_forward(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out;

	(void)state;
	nav_push(n, P(1, 0));
	nav_push(n, P(2, 0));
	assert_int_equal(nav_back(n, P(3, 0), &out), 1);
	assert_pos(out, 2, 0);
	nav_push(n, P(2, 4));
	assert_int_equal(nav_forward(n, P(8, 0), &out), 0);
	assert_int_equal(nav_depth(n), 2);
	assert_int_equal(nav_back(n, P(8, 0), &out), 1);
	assert_pos(out, 2, 4);
	assert_int_equal(nav_back(n, out, &out), 1);
	assert_pos(out, 1, 0);
	nav_free(n);
}

/* Pushing the same place twice in a row records it once. */
static void
test_push_duplicate(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out;

	(void)state;
	nav_push(n, P(4, 2));
	nav_push(n, P(4, 2));
	assert_int_equal(nav_depth(n), 1);
	nav_push(n, P(4, 3));
	assert_int_equal(nav_depth(n), 2);
	assert_int_equal(nav_back(n, P(6, 0), &out), 1);
	assert_pos(out, 4, 3);
	nav_free(n);
}

/* Deep histories grow past the first allocation. */
static void
test_deep(void **state)
{
	struct nav	*n = nav_new();
	struct nav_pos	 out = P(1000, 0);
	int		 i;

	(void)state;
	for (i = 0; i < 1000; i++)
		nav_push(n, P(i, (size_t)i * 2));
	assert_int_equal(nav_depth(n), 1000);
	for (i = 999; i >= 0; i--) {
		assert_int_equal(nav_back(n, out, &out), 1);
		assert_pos(out, i, (size_t)i * 2);
	}
	assert_int_equal(nav_back(n, out, &out), 0);
	for (i = 1; i < 1000; i++) {
		assert_int_equal(nav_forward(n, out, &out), 1);
		assert_pos(out, i, (size_t)i * 2);
	}
	assert_int_equal(nav_forward(n, out, &out), 1);
	assert_pos(out, 1000, 0);
	nav_free(n);
}

/* Doubles odd blocks, drops even ones. */
static int
test_map_fn(struct nav_pos *p, void *arg)
{
	int	*calls = arg;

	(*calls)++;
	if (p->block % 2 == 0)
		return -1;
	p->block *= 10;
	p->off += 1;
	return 0;
}

/* nav_map: every entry back and forward, mapped or dropped, old list kept. */
static void
test_map(void **state)
{
	struct nav	*n = nav_new(), *m;
	struct nav_pos	 out;
	int		 calls = 0;

	(void)state;
	nav_push(n, P(1, 0));
	nav_push(n, P(2, 0));
	nav_push(n, P(3, 0));
	nav_push(n, P(5, 0));
	/* back: 1 2; forward (next first): 7, then 4 */
	assert_true(nav_back(n, P(4, 4), &out));
	assert_pos(out, 5, 0);
	assert_true(nav_back(n, P(7, 7), &out));
	assert_pos(out, 3, 0);
	m = nav_map(n, test_map_fn, &calls);
	assert_int_equal(calls, 4);
	assert_int_equal(nav_depth(m), 1);
	assert_int_equal(nav_depth(n), 2);
	assert_true(nav_forward(m, P(0, 0), &out));
	assert_pos(out, 70, 8);
	assert_false(nav_forward(m, P(0, 1), &out));
	assert_true(nav_back(m, P(0, 1), &out));
	assert_pos(out, 0, 0);
	assert_true(nav_back(m, P(0, 2), &out));
	assert_pos(out, 10, 1);
	assert_false(nav_back(m, P(0, 3), &out));
	/* the old list is as it was */
	assert_true(nav_forward(n, P(3, 0), &out));
	assert_pos(out, 7, 7);
	assert_true(nav_forward(n, P(7, 7), &out));
	assert_pos(out, 4, 4);
	nav_free(m);
	m = nav_map(n, test_map_fn, &calls);
	nav_free(m);
	nav_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_many_levels),
		cmocka_unit_test(test_back_saves_current),
		cmocka_unit_test(test_push_drops_forward),
		cmocka_unit_test(test_push_duplicate),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

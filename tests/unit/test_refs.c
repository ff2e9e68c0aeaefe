/* Unit tests for stepping through references in reading order (src/refs.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/refs.h"

static const char paper[] =
    "# Title\n"
    "\n"
    "First[^a] and second[^b] in one paragraph.\n"
    "\n"
    "Third[^a] alone.\n"
    "\n"
    "[^a]: Note a.\n"
    "\n"
    "[^b]: Note b.\n";

static struct doc *
load(void)
{
	struct doc	*d = NULL;
	char		*cause = NULL;

	assert_int_equal(load_memory("refs.md", paper, sizeof paper - 1, NULL,
	    &d, &cause), 0);
	assert_non_null(d);
	return d;
}

/* Forward from the start visits every reference in the text, in order. */
static void
test_forward(void **state)
{
	struct doc	*d = load();
	int		 r, n = 0, prev = -1;
	const char	*labels[] = { "a", "b", "a" };

	(void)state;
	r = refs_next(d, 0, 0, 1);
	while (r >= 0) {
		assert_true(n < 3);
		assert_true(doc_in_flow(d, d->refs[r].block));
		assert_string_equal(d->refs[r].label, labels[n]);
		if (prev >= 0)
			assert_true(d->refs[r].block > d->refs[prev].block ||
			    (d->refs[r].block == d->refs[prev].block &&
			    d->refs[r].text_off > d->refs[prev].text_off));
		prev = r;
		n++;
		r = refs_next(d, d->refs[r].block, d->refs[r].text_off, 1);
	}
	assert_int_equal(n, 3);
	doc_free(d);
}

/* Backward from the last reaches the first, and stops there. */
static void
test_backward(void **state)
{
	struct doc	*d = load();
	int		 first, second, third;

	(void)state;
	first = refs_next(d, 0, 0, 1);
	second = refs_next(d, d->refs[first].block, d->refs[first].text_off, 1);
	third = refs_next(d, d->refs[second].block, d->refs[second].text_off,
	    1);
	assert_true(first >= 0 && second >= 0 && third >= 0);
	assert_int_equal(refs_next(d, d->refs[third].block,
	    d->refs[third].text_off, 0), second);
	assert_int_equal(refs_next(d, d->refs[second].block,
	    d->refs[second].text_off, 0), first);
	assert_int_equal(refs_next(d, d->refs[first].block,
	    d->refs[first].text_off, 0), -1);
	assert_int_equal(refs_next(d, d->refs[third].block,
	    d->refs[third].text_off, 1), -1);
	/* from just inside the first marker: the next is the second */
	assert_int_equal(refs_next(d, d->refs[first].block,
	    d->refs[first].text_off + 1, 1), second);
	/* from past the end of the text: the last one backward */
	assert_int_equal(refs_next(d, (int)d->nblocks, 0, 0), third);
	doc_free(d);
}

/* A doc without references has no next or previous one. */
static void
test_none(void **state)
{
	static const char	 text[] = "Plain text, no notes.\n";
	struct doc		*d = NULL;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(load_memory("none.md", text, sizeof text - 1, NULL,
	    &d, &cause), 0);
	assert_int_equal(refs_next(d, 0, 0, 1), -1);
	assert_int_equal(refs_next(d, 0, 0, 0), -1);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward),
		cmocka_unit_test(test_backward),
		cmocka_unit_test(test_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for the source indentation the Markdown parser keeps per block. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "parse_test_util.h"
#include "scholia/parse.h"

/* Blocks whose first source line is indented say by how many columns. */
static void
test_src_indent(void **state)
{
	struct doc	*d;

	(void)state;
	d = ptu_parse("para\n\n- item\n\n    second para\n\n"
	    "  two spaces\n", parse_md);
	assert_int_equal(d->nblocks, 4);
	assert_int_equal(d->blocks[0].src_indent, 0);
	assert_int_equal(d->blocks[1].src_indent, 0);	/* "- item" */
	assert_int_equal(d->blocks[2].src_indent, 4);
	assert_string_equal(ptu_block(d, 2), "second para");
	assert_int_equal(d->blocks[3].src_indent, 2);
	ptu_done(d);
	/* a tab goes to the next stop of 4, after two spaces too */
	d = ptu_parse("- a\n\n  \tb\n", parse_md);
	assert_int_equal(d->nblocks, 2);
	assert_int_equal(d->blocks[1].src_indent, 4);
	ptu_done(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_src_indent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests of the early tail of a progressive load: shown before its lines are counted, then settled to the file's lines, CRs counted as the source counts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_test_util.h"
#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/load.h"

static char	*tail_file(size_t, const char *, size_t *);
static int	 tail_find(const struct doc *, const struct doc *, size_t);
static void	 tail_check(const char *);

/*
 * Numbered paragraphs of two lines each, line ends eol in the middle of
 * the file and LF elsewhere: the head and the end (the tail) have none of
 * eol's CRs, the lines before the tail do.
 */
static char *
tail_file(size_t size, const char *eol, size_t *n)
{
	struct buf	b = { 0 };
	int		i = 0;
	const char	*e;

	while (b.len < size) {
		e = b.len > size * 2 / 5 && b.len < size * 3 / 5 ? eol : "\n";
		buf_printf(&b, "Paragraph %d opens on this line,%s", i, e);
		buf_printf(&b, "and it ends on the next one.%s%s", e, e);
		i++;
	}
	buf_printf(&b, "The last paragraph %d.\n", i);
	*n = b.len;
	return buf_steal(&b);
}

/* The block of full reading as block i of part does, or -1. */
static int
tail_find(const struct doc *part, const struct doc *full, size_t i)
{
	const struct block	*x = &part->blocks[i], *y;
	size_t			 j;

	for (j = full->nblocks; j-- > 0; ) {
		y = &full->blocks[j];
		if (y->text_len == x->text_len && memcmp(doc_text(full,
		    y->text_off), doc_text(part, x->text_off),
		    x->text_len) == 0)
			return (int)j;
	}
	return -1;
}

/*
 * The tail comes before its lines are known; once settled, every block
 * has the line of the same block of the full doc, which load_map needs.
 */
static void
tail_check(const char *eol)
{
	struct load_job		*job;
	const struct doc	*tail, *again;
	struct doc		*full;
	char			*p, *path, *cause = NULL;
	size_t			 n, i;
	int			 exact, j, settled;

	p = tail_file(8 * LOAD_HEAD_BYTES, eol, &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	assert_non_null(load_job_head(job));
	tail = load_job_tail_early(job, &exact);
	assert_non_null(tail);
	assert_true(tail->nblocks > 100);
	settled = load_job_tail_settle(job, 1);
	/* settled now, or already when it was handed over: never twice */
	assert_true(settled == !exact);
	assert_int_equal(load_job_tail_settle(job, 1), 0);
	again = load_job_tail_early(job, &exact);
	assert_ptr_equal(again, tail);
	assert_int_equal(exact, 1);
	assert_ptr_equal(load_job_tail(job), tail);
	assert_int_equal(load_file(path, NULL, &full, &cause), 0);
	for (i = 1; i < tail->nblocks; i += 7) {
		j = tail_find(tail, full, i);
		assert_true(j >= 0);
		assert_int_equal(tail->blocks[i].line, full->blocks[j].line);
		assert_int_equal(tail->blocks[i].end_line,
		    full->blocks[j].end_line);
	}
	assert_int_equal(tail->blocks[tail->nblocks - 1].end_line,
	    full->blocks[full->nblocks - 1].end_line);
	doc_free(full);
	load_job_free(job);
	unlink(path);
	free(path);
	free(p);
}

static void
test_tail_lf(void **state)
{
	(void)state;
	tail_check("\n");
}

/* CRLF before the tail: one line end each, as the source reads them. */
static void
test_tail_crlf(void **state)
{
	(void)state;
	tail_check("\r\n");
}

/* Lone CRs before the tail: each a line end. */
static void
test_tail_cr(void **state)
{
	(void)state;
	tail_check("\r");
}

/* No head (a small file): no tail either, early or not. */
static void
test_tail_none(void **state)
{
	struct load_job	*job;
	struct doc	*d;
	char		*p, *path, *cause = NULL;
	size_t		 n;
	int		 exact = 1;

	(void)state;
	p = tail_file(LOAD_HEAD_BYTES, "\n", &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	assert_null(load_job_head(job));
	assert_null(load_job_tail_early(job, &exact));
	assert_int_equal(exact, 0);
	assert_int_equal(load_job_tail_settle(job, 1), 0);
	assert_int_equal(load_job_finish(job, &d, &cause), 0);
	doc_free(d);
	load_job_free(job);
	unlink(path);
	free(path);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tail_lf),
		cmocka_unit_test(test_tail_crlf),
		cmocka_unit_test(test_tail_cr),
		cmocka_unit_test(test_tail_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

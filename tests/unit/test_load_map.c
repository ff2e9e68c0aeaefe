/* Tests of load_map on a file of one long line, whose head and end are cut into blocks elsewhere than the whole text is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core_test_util.h"
#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/load.h"

static char	*map_file(size_t, size_t *);
static void	 map_check(const struct doc *, const struct doc *, int, int);

/* Numbered sentences on one line, no line end but the last. */
static char *
map_file(size_t size, size_t *n)
{
	struct buf	b = { 0 };
	int		i = 0;

	while (b.len < size)
		buf_printf(&b, "Sentence %d of the one long line goes on. ", i++);
	buf_printf(&b, "The end %d.\n", i);
	*n = b.len;
	return buf_steal(&b);
}

/*
 * A place inside block i of part maps to the same text in full, in the
 * last blocks for the end of the file (tail set), the first for a head.
 */
static void
map_check(const struct doc *part, const struct doc *full, int i, int tail)
{
	const struct block	*a = &part->blocks[i];
	size_t			 off, to_off;
	int			 to;

	assert_true(a->text_len > 200);
	off = a->text_off + a->text_len / 2;
	assert_int_equal(load_map(part, i, off, full, &to, &to_off), 0);
	assert_true(to >= 0 && (size_t)to < full->nblocks);
	assert_true(to_off >= full->blocks[to].text_off &&
	    to_off < full->blocks[to].text_off + full->blocks[to].text_len);
	assert_memory_equal(doc_text(full, to_off), doc_text(part, off), 48);
	if (tail)
		assert_true((size_t)to + 8 >= full->nblocks);
	else
		assert_true(to < 8);
}

static void
test_map_one_line(void **state)
{
	struct load_job		*job;
	const struct doc	*head, *tail;
	struct doc		*full;
	char			*p, *path, *cause = NULL;
	size_t			 n;
	int			 exact;

	(void)state;
	p = map_file(24 * LOAD_HEAD_BYTES, &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	head = load_job_head(job);
	assert_non_null(head);
	tail = load_job_tail_early(job, &exact);
	assert_non_null(tail);
	load_job_tail_settle(job, 1);
	assert_int_equal(load_file(path, NULL, &full, &cause), 0);
	/* every block is on line 1 */
	assert_int_equal(full->blocks[full->nblocks - 1].line, 1);
	assert_true(full->nblocks > 8);
	map_check(tail, full, (int)tail->nblocks - 1, 1);
	map_check(head, full, 0, 0);
	map_check(head, full, (int)head->nblocks - 1, 0);
	doc_free(full);
	load_job_free(job);
	unlink(path);
	free(path);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_one_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

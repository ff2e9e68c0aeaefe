/* Unit tests for progressive loading: head and tail docs agree with the full doc. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core_test_util.h"

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/load.h"
#include "scholia/source.h"

static char	*test_corpus_file(size_t, size_t *);
static int	 test_same_block(const struct doc *, int, const struct doc *,
		    int);
static int	 test_compare_part(const struct doc *, const struct doc *,
		    int, int);
static void	 test_head_matches_full(void **);
static void	 test_tail_matches_full(void **);
static void	 test_finish_is_load_file(void **);
static void	 test_small_has_no_head(void **);
static void	 test_missing_file(void **);
static void	 test_one_line(void **);
static void	 test_once_keeps_output(void **);

/* The corpus papers one after another (as the benchmark does), min bytes. */
static char *
test_corpus_file(size_t min, size_t *n)
{
	static const char *const names[] = {
		"000_00de59a97d2e8414.txt", "001_fd6d2281a506ce26.txt",
		"002_3eb26aec672eccd6.txt", "003_a796eb0e20fb7cc6.txt",
		"004_f368d1273f3871b0.txt",
	};
	char	 path[1024], *out = NULL, *p;
	size_t	 len = 0, k, r;
	FILE	*fp;
	long	 sz;

	while (len < min) {
		for (k = 0; k < sizeof names / sizeof names[0]; k++) {
			snprintf(path, sizeof path, "%s/%s", CORPUS_DIR,
			    names[k]);
			fp = fopen(path, "rb");
			assert_non_null(fp);
			fseek(fp, 0, SEEK_END);
			sz = ftell(fp);
			fseek(fp, 0, SEEK_SET);
			out = realloc(out, len + (size_t)sz + 3);
			assert_non_null(out);
			r = fread(out + len, 1, (size_t)sz, fp);
			fclose(fp);
			assert_int_equal(r, (size_t)sz);
			p = out + len;
			while (r > 0 && p[r - 1] == '\n')
				r--;
			memcpy(p + r, "\n\n", 2);
			len += r + 2;
		}
	}
	out[len] = '\0';
	*n = len;
	return out;
}

/* Same text, styles, kind, lines and references (by label and line). */
static int
test_same_block(const struct doc *a, int ai, const struct doc *b, int bi)
{
	const struct block	*x = &a->blocks[ai], *y = &b->blocks[bi];
	const struct span	*sx, *sy;
	size_t			 k;

	if (x->type != y->type || x->line != y->line ||
	    x->end_line != y->end_line || x->text_len != y->text_len ||
	    (x->flags & BLOCK_HIDDEN) != (y->flags & BLOCK_HIDDEN) ||
	    x->indent != y->indent || x->span_count != y->span_count ||
	    strcmp(x->marker, y->marker) != 0 ||
	    memcmp(doc_text(a, x->text_off), doc_text(b, y->text_off),
	    x->text_len) != 0)
		return 0;
	for (k = 0; k < x->span_count; k++) {
		sx = &a->spans[x->span_first + k];
		sy = &b->spans[y->span_first + k];
		if (sx->len != sy->len || sx->flags != sy->flags ||
		    sx->off - x->text_off != sy->off - y->text_off ||
		    (sx->ref < 0) != (sy->ref < 0))
			return 0;
		if (sx->ref < 0)
			continue;
		if (strcmp(a->refs[sx->ref].label, b->refs[sy->ref].label) !=
		    0 || a->refs[sx->ref].line != b->refs[sy->ref].line)
			return 0;
		/* a link the part knows is the link the full doc has */
		if (a->refs[sx->ref].note >= 0 && (b->refs[sy->ref].note < 0 ||
		    a->notes[a->refs[sx->ref].note].line !=
		    b->notes[b->refs[sy->ref].note].line))
			return 0;
	}
	return 1;
}

/*
 * Every block of part whose lines lie in [from, to] is a block of full,
 * the same. Returns how many were compared.
 */
static int
test_compare_part(const struct doc *part, const struct doc *full, int from,
    int to)
{
	size_t	i, j = 0;
	int	n = 0;

	for (i = 0; i < part->nblocks; i++) {
		const struct block *x = &part->blocks[i];

		if (x->line < from || x->end_line > to)
			continue;
		while (j < full->nblocks && full->blocks[j].line < x->line)
			j++;
		while (j < full->nblocks && full->blocks[j].line == x->line &&
		    !test_same_block(part, (int)i, full, (int)j))
			j++;
		if (j >= full->nblocks || full->blocks[j].line != x->line) {
			fprintf(stderr, "block %zu (line %d) differs: %.*s\n",
			    i, x->line, (int)(x->text_len < 80 ?
			    x->text_len : 80), doc_text(part, x->text_off));
			fail();
		}
		n++;
	}
	return n;
}

static void
test_head_matches_full(void **state)
{
	struct load_job		*job;
	const struct doc	*head;
	struct doc		*full, *done;
	char			*p, *path, *cause = NULL;
	size_t			 n, a, b;
	int			 last, tb;
	size_t			 toff;

	(void)state;
	p = test_corpus_file(6 * LOAD_HEAD_BYTES, &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	head = load_job_head(job);
	assert_non_null(head);
	assert_true(head->nblocks > 100);
	assert_int_equal(load_file(path, NULL, &full, &cause), 0);
	/* up to the last note block of the head: no note crosses the cut */
	last = 0;
	for (a = 0; a < head->nblocks; a++)
		if (head->blocks[a].type == BLOCK_NOTE)
			last = head->blocks[a].end_line;
	assert_true(last > 0);
	assert_true(test_compare_part(head, full, 1, last) > 100);
	/* a place in the head is the same text in the full doc */
	b = head->nblocks / 2;
	while (!doc_in_flow(head, (int)b))
		b++;
	assert_int_equal(load_map(head, (int)b, head->blocks[b].text_off + 3,
	    full, &tb, &toff), 0);
	assert_int_equal(full->blocks[tb].line, head->blocks[b].line);
	assert_int_equal(toff, full->blocks[tb].text_off + 3);
	assert_int_equal(load_job_finish(job, &done, &cause), 0);
	doc_free(done);
	load_job_free(job);
	doc_free(full);
	unlink(path);
	free(path);
	free(p);
}

static void
test_tail_matches_full(void **state)
{
	struct load_job		*job;
	const struct doc	*tail;
	struct doc		*full;
	char			*p, *path, *cause = NULL;
	size_t			 n, a;
	int			 first;

	(void)state;
	p = test_corpus_file(6 * LOAD_HEAD_BYTES, &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	tail = load_job_tail(job);
	assert_non_null(tail);
	assert_true(tail->nblocks > 50);
	assert_int_equal(load_file(path, NULL, &full, &cause), 0);
	assert_int_equal(tail->blocks[tail->nblocks - 1].end_line,
	    full->blocks[full->nblocks - 1].end_line);
	/* from the first note block of the tail on: its notes are all there */
	first = 0;
	for (a = 0; a < tail->nblocks && first == 0; a++)
		if (tail->blocks[a].type == BLOCK_NOTE)
			first = tail->blocks[a].line;
	assert_true(first > 0);
	assert_true(test_compare_part(tail, full, first + 1, INT32_MAX) > 50);
	load_job_free(job);
	doc_free(full);
	unlink(path);
	free(path);
	free(p);
}

/* The full doc of a job is what load_file makes; progress only grows. */
static void
test_finish_is_load_file(void **state)
{
	struct load_job	*job;
	struct doc	*a, *b;
	char		*p, *path, *cause = NULL, *ja, *jb;
	size_t		 n, na, nb, done, total, prev = 0;

	(void)state;
	p = test_corpus_file(6 * LOAD_HEAD_BYTES, &n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	while (!load_job_ready(job)) {
		load_job_progress(job, &done, &total);
		assert_true(done >= prev);
		assert_true(done <= total);
		prev = done;
		usleep(200);
	}
	load_job_progress(job, &done, &total);
	assert_true(total > 0);
	assert_int_equal(done, total);
	assert_int_equal(load_job_finish(job, &a, &cause), 0);
	load_job_free(job);
	assert_int_equal(load_file(path, NULL, &b, &cause), 0);
	ja = ctu_export_json(a, &na);
	jb = ctu_export_json(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(ja, jb, na);
	free(ja);
	free(jb);
	doc_free(a);
	doc_free(b);
	unlink(path);
	free(path);
	free(p);
}

static void
test_small_has_no_head(void **state)
{
	struct load_job	*job;
	struct doc	*d;
	char		*path, *cause = NULL;
	const char	*s = "# Title\n\nA paragraph.\n";

	(void)state;
	path = ctu_write_temp(s, strlen(s));
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	assert_null(load_job_head(job));
	assert_null(load_job_tail(job));
	assert_int_equal(load_job_finish(job, &d, &cause), 0);
	assert_true(d->nblocks >= 2);
	doc_free(d);
	load_job_free(job);
	unlink(path);
	free(path);
}

static void
test_missing_file(void **state)
{
	struct load_job	*job;
	struct doc	*d;
	char		*cause = NULL;

	(void)state;
	assert_int_equal(load_begin("/nonexistent/x.md", NULL, &job, &cause),
	    0);
	assert_null(load_job_head(job));
	assert_int_equal(load_job_finish(job, &d, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "/nonexistent/x.md"));
	free(cause);
	load_job_free(job);
}

/* A book on one line: the head is its first pieces, the same as the full doc's. */
static void
test_one_line(void **state)
{
	static const char	 sent[] = "这是一个很长的句子，没有换行。"
	    "And a Latin sentence follows. ";
	struct load_job		*job;
	const struct doc	*head, *tail;
	struct doc		*full;
	char			*p, *path, *cause = NULL;
	size_t			 n = 0, cap = 5 << 20, len = sizeof sent - 1, i;

	(void)state;
	p = malloc(cap + 2);
	assert_non_null(p);
	while (n + len <= cap) {
		memcpy(p + n, sent, len);
		n += len;
	}
	p[n++] = '\n';
	path = ctu_write_temp(p, n);
	assert_int_equal(load_begin(path, NULL, &job, &cause), 0);
	head = load_job_head(job);
	assert_non_null(head);
	assert_true(head->nblocks >= 2);
	assert_int_equal(load_file(path, NULL, &full, &cause), 0);
	assert_true(full->nblocks > head->nblocks);
	/* all pieces of the head but its last are pieces of the full doc */
	for (i = 0; i + 1 < head->nblocks; i++)
		assert_true(test_same_block(head, (int)i, full, (int)i));
	tail = load_job_tail(job);
	assert_non_null(tail);
	assert_int_equal(tail->blocks[0].line, 1);
	load_job_free(job);
	doc_free(full);
	unlink(path);
	free(path);
	free(p);
}

/*
 * A doc loaded to be printed once keeps the text recovery left unused
 * (healing joins copy paragraphs), and prints the same.
 */
static void
test_once_keeps_output(void **state)
{
	struct load_opts	 once = { 0 };
	struct doc		*a, *b;
	char			*p, *path, *cause = NULL, *oa, *ob;
	size_t			 n, na, nb;

	(void)state;
	p = test_corpus_file(9 << 20, &n);	/* parsed in two parts */
	path = ctu_write_temp(p, n);
	once.once = 1;
	assert_int_equal(load_file(path, &once, &a, &cause), 0);
	assert_int_equal(load_file(path, NULL, &b, &cause), 0);
	assert_true(a->text.len > b->text.len);
	oa = ctu_export_json(a, &na);
	ob = ctu_export_json(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(oa, ob, na);
	free(oa);
	free(ob);
	oa = ctu_export_dump(a, 80, &na);
	ob = ctu_export_dump(b, 80, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(oa, ob, na);
	free(oa);
	free(ob);
	doc_free(a);
	doc_free(b);
	unlink(path);
	free(path);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_head_matches_full),
		cmocka_unit_test(test_tail_matches_full),
		cmocka_unit_test(test_finish_is_load_file),
		cmocka_unit_test(test_small_has_no_head),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_once_keeps_output),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

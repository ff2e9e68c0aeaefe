/* Tests of the jump list carried from the head and end of a loading file to its full doc. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/nav.h"

#include "ui.h"

struct parts {
	char			 path[64];
	struct load_job		*job;
	const struct doc	*head;
	const struct doc	*tail;
	struct doc		*full;
};

static void	test_parts(struct parts *);
static void	test_parts_free(struct parts *);
static int	test_para(const struct doc *, int from, const struct doc *);
static void	test_same_text(const struct doc *, struct nav_pos,
		    const struct doc *, struct nav_pos);
static void	test_carry(void **);
static void	test_carry_dropped(void **);

/* A file of the corpus papers one after another, well past a head. */
static void
test_parts(struct parts *p)
{
	static const char *const names[] = {
		"000_00de59a97d2e8414.txt", "002_3eb26aec672eccd6.txt",
		"004_f368d1273f3871b0.txt",
	};
	char	 path[1024], buf[65536], *cause = NULL;
	size_t	 total = 0, k, r;
	FILE	*in, *out;
	int	 fd;

	snprintf(p->path, sizeof p->path, "/tmp/scholia-loadingXXXXXX");
	fd = mkstemp(p->path);
	assert_true(fd >= 0);
	out = fdopen(fd, "wb");
	assert_non_null(out);
	while (total < 8 * LOAD_HEAD_BYTES) {
		for (k = 0; k < sizeof names / sizeof names[0]; k++) {
			snprintf(path, sizeof path, "%s/%s", CORPUS_DIR,
			    names[k]);
			in = fopen(path, "rb");
			assert_non_null(in);
			while ((r = fread(buf, 1, sizeof buf, in)) > 0) {
				assert_int_equal(fwrite(buf, 1, r, out), r);
				total += r;
			}
			fclose(in);
		}
	}
	assert_int_equal(fclose(out), 0);
	assert_int_equal(load_begin(p->path, NULL, &p->job, &cause), 0);
	p->head = load_job_head(p->job);
	assert_non_null(p->head);
	p->tail = load_job_tail(p->job);
	assert_non_null(p->tail);
	assert_int_equal(load_job_finish(p->job, &p->full, &cause), 0);
}

static void
test_parts_free(struct parts *p)
{
	doc_free(p->full);
	load_job_free(p->job);
	unlink(p->path);
}

/*
 * A paragraph in the flow from a block on, long enough to point inside,
 * that the full doc reads the same on the same line (healing may join a
 * paragraph of a part to the one before it in the full doc).
 */
static int
test_para(const struct doc *d, int from, const struct doc *full)
{
	const struct block	*a, *b;
	size_t			 i, off;
	int			 to;

	for (i = (size_t)from; i < d->nblocks; i++) {
		a = &d->blocks[i];
		if (a->type != BLOCK_PARA || !doc_in_flow(d, (int)i) ||
		    a->text_len <= 40 ||
		    load_map(d, (int)i, a->text_off, full, &to, &off) != 0)
			continue;
		b = &full->blocks[to];
		if (b->line == a->line && b->text_len == a->text_len &&
		    memcmp(doc_text(d, a->text_off), doc_text(full, b->text_off),
		    a->text_len) == 0)
			return (int)i;
	}
	fail_msg("no paragraph after block %d", from);
	return -1;
}

/* Both places are the same text of the same source line. */
static void
test_same_text(const struct doc *a, struct nav_pos pa, const struct doc *b,
    struct nav_pos pb)
{
	assert_true(pb.block >= 0 && (size_t)pb.block < b->nblocks);
	assert_int_equal(a->blocks[pa.block].line, b->blocks[pb.block].line);
	assert_int_equal(pa.off - a->blocks[pa.block].text_off,
	    pb.off - b->blocks[pb.block].text_off);
	assert_memory_equal(doc_text(a, pa.off), doc_text(b, pb.off), 12);
}

/*
 * Places in the head and in the end (numbered after the head's blocks),
 * back and forward, come out at the same text of the full doc, in order.
 */
static void
test_carry(void **state)
{
	struct parts	 p;
	struct nav	*old, *nav;
	struct nav_pos	 h1, t1, t2, h2, out, e;
	int		 nh;

	(void)state;
	test_parts(&p);
	nh = (int)p.head->nblocks;
	h1.block = test_para(p.head, 10, p.full);
	h1.off = p.head->blocks[h1.block].text_off + 9;
	h2.block = test_para(p.head, h1.block + 1, p.full);
	h2.off = LAYOUT_NO_OFF;
	t1.block = test_para(p.tail, (int)p.tail->nblocks / 3, p.full);
	t1.off = p.tail->blocks[t1.block].text_off + 15;
	t2.block = test_para(p.tail, t1.block + 1, p.full);
	t2.off = p.tail->blocks[t2.block].text_off + 6;

	/* back: h1, t1; forward (next first): t2, then h2 */
	old = nav_new();
	nav_push(old, h1);
	e = t1;
	e.block += nh;
	nav_push(old, e);
	nav_push(old, h2);
	e = t2;
	e.block += nh;
	nav_push(old, e);
	assert_true(nav_back(old, h2, &out));	/* forward: h2 */
	e = t2;
	e.block += nh;
	assert_true(nav_back(old, e, &out));	/* forward: h2, t2 */

	nav = loading_carry_jumps(old, p.head, p.tail, p.full);
	nav_free(old);
	assert_int_equal(nav_depth(nav), 2);
	assert_true(nav_forward(nav, h1, &out));
	test_same_text(p.tail, t2, p.full, out);
	assert_true(nav_forward(nav, h1, &out));
	assert_int_equal(out.off, LAYOUT_NO_OFF);
	assert_int_equal(p.full->blocks[out.block].line,
	    p.head->blocks[h2.block].line);
	assert_false(nav_forward(nav, h1, &out));
	/* back over the two steps just taken, then the carried back list */
	assert_true(nav_back(nav, h1, &out));
	assert_true(nav_back(nav, h1, &out));
	assert_true(nav_back(nav, h1, &out));
	test_same_text(p.tail, t1, p.full, out);
	assert_true(nav_back(nav, h1, &out));
	test_same_text(p.head, h1, p.full, out);
	assert_false(nav_back(nav, h1, &out));
	nav_free(nav);
	test_parts_free(&p);
}

/* Entries in neither part are dropped; an empty list stays empty. */
static void
test_carry_dropped(void **state)
{
	struct parts	 p;
	struct nav	*old, *nav;
	struct nav_pos	 bad, h, out;

	(void)state;
	test_parts(&p);
	bad.block = (int)(p.head->nblocks + p.tail->nblocks) + 3;
	bad.off = 0;
	old = nav_new();
	nav = loading_carry_jumps(old, p.head, p.tail, p.full);
	assert_int_equal(nav_depth(nav), 0);
	assert_false(nav_forward(nav, bad, &out));
	nav_free(nav);
	h.block = test_para(p.head, 0, p.full);
	h.off = p.head->blocks[h.block].text_off;
	nav_push(old, h);
	nav_push(old, bad);
	nav = loading_carry_jumps(old, p.head, NULL, p.full);
	assert_int_equal(nav_depth(nav), 1);
	assert_true(nav_back(nav, bad, &out));
	test_same_text(p.head, h, p.full, out);
	nav_free(nav);
	nav_free(old);
	test_parts_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carry),
		cmocka_unit_test(test_carry_dropped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

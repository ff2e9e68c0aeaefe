/* Tests of the incremental search: scanned a slice at a time from the reading place, the next hit first, the count right once all is scanned. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/search.h"

#define NBLOCKS	40

/* Blocks holding the word (twice in block 25, once in Chinese in 31). */
static int
has_hit(int i)
{
	return i == 3 || i == 12 || i == 25 || i == 31;
}

static struct doc *
mkdoc(void)
{
	struct doc	*d = doc_new(NULL);
	char		 s[128];
	int		 i;

	for (i = 0; i < NBLOCKS; i++) {
		if (i == 25)
			snprintf(s, sizeof s, "Block %d: tiger, TIGER.", i);
		else if (i == 31)
			snprintf(s, sizeof s, "\xe4\xb8\xad\xe5\x9c\x8b "
			    "\xef\xbd\x94\xef\xbd\x89\xef\xbd\x87\xef\xbd\x85"
			    "\xef\xbd\x92 %d", i);	/* full-width tiger */
		else if (has_hit(i))
			snprintf(s, sizeof s, "Block %d with a tiger.", i);
		else
			snprintf(s, sizeof s, "Block %d, plain text.", i);
		doc_begin_block(d, BLOCK_PARA, i + 1);
		doc_append(d, s, strlen(s), 0);
		doc_end_block(d, i + 1);
	}
	return d;
}

/* Seek a slice at a time (one block each) until answered. */
static long
seek_slowly(struct search *s, int block, size_t off, int fw, int *slices)
{
	long	r;

	*slices = 0;
	while ((r = search_seek(s, block, off, fw, 1)) == SEARCH_MORE)
		(*slices)++;
	return r;
}

/* Started mid-document, the hit after the place comes first, unscanned rest. */
static void
test_next_first(void **state)
{
	struct doc			*d = mkdoc();
	struct search_index		*ix = search_index_new(d);
	struct search			*s;
	const struct search_match	*m;
	long				 r;
	int				 slices;

	(void)state;
	s = search_new_at(ix, "tiger", 5, 14);
	assert_int_equal(search_known(s), 0);
	r = seek_slowly(s, 14, d->blocks[14].text_off, 1, &slices);
	assert_true(r >= 0);
	m = search_match_at(s, (size_t)r);
	assert_int_equal(m->block, 25);
	assert_memory_equal(doc_text(d, m->off), "tiger", 5);
	/* blocks 14..25 only: neither the start nor the end scanned */
	assert_false(search_done(s));
	assert_true(slices >= 10 && slices <= 12);
	assert_int_equal(search_known(s), 2);
	/* backward from the same place: block 12 */
	r = search_seek(s, 14, d->blocks[14].text_off, 0, SIZE_MAX);
	m = search_match_at(s, (size_t)r);
	assert_int_equal(m->block, 12);
	search_free(s);
	search_index_free(ix);
	doc_free(d);
}

/* Slice by slice, the count and every match end as the whole scan's. */
static void
test_count_when_done(void **state)
{
	struct doc			*d = mkdoc();
	struct search_index		*ix = search_index_new(d);
	struct search			*s, *all;
	const struct search_match	*a, *b;
	size_t				 i, first = 0;
	long				 r;
	int				 start, slices, fw;

	(void)state;
	all = search_new(d, "tiger", 5);
	assert_int_equal(search_count(all), 5);
	for (start = 0; start < NBLOCKS; start += 7) {
		for (fw = 0; fw <= 1; fw++) {
			s = search_new_at(ix, "tiger", 5, start);
			r = seek_slowly(s, start, d->blocks[start].text_off,
			    fw, &slices);
			assert_true(r >= 0);
			/* the same hit as the whole scan gives */
			a = search_match_at(s, (size_t)r);
			b = search_match_at(all, (size_t)search_next(all,
			    start, d->blocks[start].text_off, fw));
			assert_int_equal(a->block, b->block);
			assert_int_equal(a->off, b->off);
			while (!search_more(s, 1, fw))
				assert_true(search_known(s) <= 5);
			assert_int_equal(search_known(s), 5);
			assert_int_equal(search_count(s), 5);
			for (i = 0; i < 5; i++) {
				a = search_match_at(s, i);
				b = search_match_at(all, i);
				assert_int_equal(a->block, b->block);
				assert_int_equal(a->off, b->off);
				assert_int_equal(a->len, b->len);
			}
			search_block(s, 25, &first, &i);
			assert_int_equal(first, 2);
			assert_int_equal(i, 2);
			search_free(s);
		}
	}
	search_free(all);
	search_index_free(ix);
	doc_free(d);
}

/* Past the last hit the search goes round, once the start is scanned too. */
static void
test_wrap(void **state)
{
	struct doc			*d = mkdoc();
	struct search_index		*ix = search_index_new(d);
	struct search			*s;
	const struct search_match	*m;
	long				 r;
	int				 slices;

	(void)state;
	s = search_new_at(ix, "tiger", 5, 35);
	r = seek_slowly(s, 35, d->blocks[35].text_off, 1, &slices);
	m = search_match_at(s, (size_t)r);
	assert_int_equal(m->block, 3);
	assert_int_equal(r, 0);
	search_free(s);
	s = search_new_at(ix, "tiger", 5, 1);
	r = seek_slowly(s, 1, d->blocks[1].text_off, 0, &slices);
	m = search_match_at(s, (size_t)r);
	assert_int_equal(m->block, 31);
	/* none at all: -1 only once everything is scanned */
	search_free(s);
	s = search_new_at(ix, "lion", 4, 20);
	assert_int_equal(search_seek(s, 20, 0, 1, 1), SEARCH_MORE);
	r = seek_slowly(s, 20, 0, 1, &slices);
	assert_int_equal(r, -1);
	assert_true(search_done(s));
	assert_int_equal(search_count(s), 0);
	search_free(s);
	search_index_free(ix);
	doc_free(d);
}

/* A block not scanned yet still shows its hits; indexes follow the scan. */
static void
test_block_matches(void **state)
{
	struct doc			*d = mkdoc();
	struct search_index		*ix = search_index_new(d);
	struct search			*s;
	const struct search_match	*m, *hit;
	size_t				 n;
	long				 r;

	(void)state;
	s = search_new_at(ix, "tiger", 5, 20);
	n = search_block_matches(s, 25, &m);
	assert_int_equal(n, 2);
	assert_true(m[0].off < m[1].off);
	assert_int_equal(search_block_matches(s, 31, &m), 1);
	assert_int_equal(search_block_matches(s, 30, &m), 0);
	assert_int_equal(search_known(s), 0);
	r = search_next(s, 20, d->blocks[20].text_off, 1);
	assert_int_equal(r, 0);		/* nothing before it scanned yet */
	hit = search_match_at(s, 0);
	assert_int_equal(hit->block, 25);
	/* the start scanned: the same hit is now the third */
	search_more(s, SIZE_MAX, 0);
	assert_int_equal(search_next(s, 20, d->blocks[20].text_off, 1), 2);
	assert_int_equal(search_match_at(s, 2)->block, 25);
	assert_int_equal(search_block_matches(s, 25, &m), 2);
	search_free(s);
	search_index_free(ix);
	doc_free(d);
}

/*
 * Two searches over one index, the second created before the first scans:
 * the variants the first learns (國 in block 31) must count for the
 * second too, whose own scan then finds every stretch already scanned (the
 * keyword index counts its words so, one after another).
 */
static void
test_shared_index(void **state)
{
	struct doc		*d = mkdoc();
	struct search_index	*ix = search_index_new(d);
	struct search		*a, *b;

	(void)state;
	b = search_new_at(ix, "\xe5\x9b\xbd", 3, 0);	/* 国 */
	a = search_new_at(ix, "block", 5, 0);
	assert_int_equal(search_count(a), NBLOCKS - 1);
	assert_int_equal(search_count(b), 1);
	search_free(a);
	search_free(b);
	search_index_free(ix);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_first),
		cmocka_unit_test(test_count_when_done),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_block_matches),
		cmocka_unit_test(test_shared_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests of searching while the fold tables are built on their thread: ASCII queries find what they find after, others wait. */
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

#define NQ	(sizeof queries / sizeof queries[0])

/* Paragraphs where folding matters: ligatures, full-width, Han, marks. */
static const char *const paras[] = {
	"A File, a \xef\xac\x81le and a \xef\xbc\xa6\xef\xbc\xa9\xef\xbc\xac"
	    "\xef\xbc\xa5 (full width).",
	"\xe5\x9c\x8b\xe5\xae\xb6 file \xe5\x9b\xbd\xe5\xae\xb6 FILE "
	    "\xe3\x88\xa0 (1) \xe2\x91\xa0 caf\xc3\xa9 cafe\xcc\x81.",
	"Plain text with no fold at all: file, files, profile.",
	"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xe1\x84\x80\xe1\x85\xa1 "
	    "\xef\xbd\xb6\xef\xbe\x9e ascii SCHOLIA end.",
};

static const char *const queries[] = {
	"file", "File", "FILE", "1", "(", ")", "cafe", "e", "fi", "scholia",
	"SCHOLIA", "a", " ",
	/* not ASCII: these wait for the tables */
	"\xe5\x9b\xbd", "\xe5\x9c\x8b\xe5\xae\xb6", "\xef\xac\x81",
};

static struct doc *
mkdoc(void)
{
	struct doc	*d = doc_new(NULL);
	size_t		 i;

	for (i = 0; i < sizeof paras / sizeof paras[0]; i++) {
		doc_begin_block(d, BLOCK_PARA, (int)(2 * i + 1));
		doc_append(d, paras[i], strlen(paras[i]), 0);
		doc_end_block(d, (int)(2 * i + 1));
	}
	return d;
}

/* Two searches found the same ranges. */
static void
assert_same(struct search *a, struct search *b, const char *q)
{
	const struct search_match	*x, *y;
	size_t				 i;

	if (search_count(a) != search_count(b))
		fail_msg("%s: %zu matches, then %zu", q, search_count(a),
		    search_count(b));
	for (i = 0; i < search_count(a); i++) {
		x = search_match_at(a, i);
		y = search_match_at(b, i);
		assert_int_equal(x->block, y->block);
		assert_int_equal(x->off, y->off);
		assert_int_equal(x->len, y->len);
	}
}

/*
 * Searches started as the tables start being built (the ASCII ones then
 * fold without them), through a shared index and alone, against the same
 * searches once they are built.
 */
static void
test_warm_same(void **state)
{
	struct doc		*d = mkdoc();
	struct search_index	*ix = search_index_new(d), *ix2;
	struct search		*early[NQ], *alone[NQ], *late;
	size_t			 i;

	(void)state;
	search_warm();
	for (i = 0; i < NQ; i++) {
		early[i] = search_new_indexed(ix, queries[i],
		    strlen(queries[i]));
		alone[i] = search_new(d, queries[i], strlen(queries[i]));
	}
	search_warm_done();
	ix2 = search_index_new(d);
	for (i = 0; i < NQ; i++) {
		late = search_new_indexed(ix2, queries[i], strlen(queries[i]));
		assert_same(early[i], late, queries[i]);
		assert_same(alone[i], late, queries[i]);
		search_free(late);
		search_free(early[i]);
		search_free(alone[i]);
	}
	/* the shared index searched early serves later searches right */
	for (i = 0; i < NQ; i++) {
		early[i] = search_new_indexed(ix, queries[i],
		    strlen(queries[i]));
		late = search_new_indexed(ix2, queries[i], strlen(queries[i]));
		assert_same(early[i], late, queries[i]);
		search_free(late);
		search_free(early[i]);
	}
	search_index_free(ix);
	search_index_free(ix2);
	doc_free(d);
}

/* What the folds find here, so that the test above compares something. */
static void
test_warm_counts(void **state)
{
	struct doc	*d = mkdoc();
	struct search	*s;

	(void)state;
	s = search_new(d, "file", 4);
	/* File, ﬁle, ＦＩＬＥ, file, FILE, file, files, profile */
	assert_int_equal(search_count(s), 8);
	search_free(s);
	s = search_new(d, "\xe5\x9b\xbd", 3);	/* 国 finds 國 too */
	assert_int_equal(search_count(s), 2);
	search_free(s);
	s = search_new(d, "cafe", 4);	/* accents stay: no café is a cafe */
	assert_int_equal(search_count(s), 0);
	search_free(s);
	search_warm_done();
	search_warm();	/* once only */
	search_warm_done();
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warm_same),
		cmocka_unit_test(test_warm_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for search (src/search.c): folding, exact ranges, order, wrap. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/load.h"
#include "scholia/search.h"

/* A doc with one paragraph per string (NULL ends the list). */
static struct doc *
mkdoc(const char *first, ...)
{
	struct doc	*d = doc_new(NULL);
	const char	*s;
	va_list		 ap;
	int		 line = 1;

	va_start(ap, first);
	for (s = first; s != NULL; s = va_arg(ap, const char *)) {
		doc_begin_block(d, BLOCK_PARA, line);
		doc_append(d, s, strlen(s), 0);
		doc_end_block(d, line);
		line += 2;
	}
	va_end(ap);
	return d;
}

static struct search *
find(const struct doc *d, const char *q)
{
	return search_new(d, q, strlen(q));
}

/* Match i is in block b and shows exactly the text want. */
static void
assert_match(const struct doc *d, struct search *s, size_t i, int b,
    const char *want)
{
	const struct search_match	*m = search_match_at(s, i);

	assert_non_null(m);
	assert_int_equal(m->block, b);
	assert_int_equal(m->len, strlen(want));
	assert_memory_equal(doc_text(d, m->off), want, m->len);
	assert_true(m->off >= d->blocks[b].text_off ||
	    d->blocks[b].type == BLOCK_TABLE);
}

static void
test_smart_case(void **state)
{
	struct doc	*d = mkdoc("The cat sat. the CAT ran.", "Cathedral",
			    NULL);
	struct search	*s;

	(void)state;
	s = find(d, "cat");
	assert_int_equal(search_case_sensitive(s), 0);
	assert_int_equal(search_count(s), 3);
	assert_match(d, s, 0, 0, "cat");
	assert_match(d, s, 1, 0, "CAT");
	assert_match(d, s, 2, 1, "Cat");
	assert_int_equal(search_match_at(s, 0)->off, 4);
	assert_null(search_match_at(s, 3));
	search_free(s);

	s = find(d, "Cat");
	assert_int_equal(search_case_sensitive(s), 1);
	assert_int_equal(search_count(s), 1);
	assert_match(d, s, 0, 1, "Cat");
	search_free(s);

	s = find(d, "dog");
	assert_int_equal(search_count(s), 0);
	assert_int_equal(search_next(s, 0, 0, 1), -1);
	search_free(s);
	doc_free(d);
}

/* Pure ASCII blocks take a shortcut; mixed blocks must give the same answers. */
static void
test_ascii_and_mixed_agree(void **state)
{
	struct doc	*d = mkdoc("Big DATA, data and Data.",
			    "大数据 Big DATA, data and Data.", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "data");
	assert_int_equal(search_count(s), 6);
	assert_match(d, s, 0, 0, "DATA");
	assert_match(d, s, 2, 0, "Data");
	assert_match(d, s, 3, 1, "DATA");
	assert_match(d, s, 5, 1, "Data");
	assert_int_equal(search_match_at(s, 3)->off - d->blocks[1].text_off,
	    strlen("大数据 Big "));
	search_free(s);

	s = find(d, "DATA");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "DATA");
	assert_match(d, s, 1, 1, "DATA");
	search_free(s);

	s = find(d, "a, d");
	assert_int_equal(search_count(s), 2);
	search_free(s);
	doc_free(d);
}

static void
test_cjk_exact_ranges(void **state)
{
	struct doc	*d = mkdoc("美国优先：特朗普的“美国优先”政策。",
			    "没有匹配", "美国", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "美国优先");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "美国优先");
	assert_match(d, s, 1, 0, "美国优先");
	assert_int_equal(search_match_at(s, 0)->off, d->blocks[0].text_off);
	assert_int_equal(search_match_at(s, 1)->off - d->blocks[0].text_off,
	    strlen("美国优先：特朗普的“"));
	search_free(s);

	s = find(d, "美国");
	assert_int_equal(search_count(s), 3);
	assert_match(d, s, 2, 2, "美国");
	search_free(s);
	doc_free(d);
}

/* A match never crosses a block boundary; it may not be cut by one either. */
static void
test_block_boundary(void **state)
{
	struct doc	*d = mkdoc("alpha be", "ta gamma", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "beta");
	assert_int_equal(search_count(s), 0);
	search_free(s);
	s = find(d, "a");
	assert_int_equal(search_count(s), 5);
	search_free(s);
	doc_free(d);
}

static void
test_hidden_and_table(void **state)
{
	struct doc	*d = doc_new(NULL);
	struct search	*s;
	size_t		 first, n;
	int		 hidden, table;

	(void)state;
	doc_begin_block(d, BLOCK_HEADING, 1);
	doc_append(d, "Results", 7, 0);
	doc_end_block(d, 1);
	hidden = doc_begin_block(d, BLOCK_PARA, 3);
	doc_append(d, "page 12 results", 15, 0);
	doc_end_block(d, 3);
	d->blocks[hidden].flags |= BLOCK_HIDDEN;
	table = doc_begin_table(d, 5, 2, 2, 1, "lr");
	doc_begin_cell(d, 0, 0);
	doc_append(d, "Name", 4, 0);
	doc_begin_cell(d, 0, 1);
	doc_append(d, "Results", 7, 0);
	doc_begin_cell(d, 1, 0);
	doc_append(d, "结果", 6, 0);
	doc_begin_cell(d, 1, 1);
	doc_append(d, "good results", 12, 0);
	doc_end_block(d, 7);
	doc_begin_block(d, BLOCK_NOTE, 9);
	doc_append(d, "① See the results.", strlen("① See the results."), 0);
	doc_end_block(d, 9);

	s = find(d, "results");
	assert_int_equal(search_count(s), 4);
	assert_match(d, s, 0, 0, "Results");
	assert_match(d, s, 1, table, "Results");
	assert_match(d, s, 2, table, "results");
	assert_match(d, s, 3, 3, "results");
	search_block(s, hidden, &first, &n);
	assert_int_equal(n, 0);
	search_block(s, table, &first, &n);
	assert_int_equal(first, 1);
	assert_int_equal(n, 2);
	/* A match never spans two cells. */
	search_free(s);
	s = find(d, "results结果");
	assert_int_equal(search_count(s), 0);
	search_free(s);
	s = find(d, "结果");
	assert_int_equal(search_count(s), 1);
	assert_match(d, s, 0, table, "结果");
	search_free(s);
	doc_free(d);
}

static void
test_next_wraps(void **state)
{
	struct doc	*d = mkdoc("x one", "nothing", "one two one", NULL);
	struct search	*s;
	size_t		 first, n;
	size_t		 b2 = d->blocks[2].text_off;

	(void)state;
	s = find(d, "one");
	assert_int_equal(search_count(s), 3);
	assert_int_equal(search_next(s, 0, d->blocks[0].text_off, 1), 0);
	assert_int_equal(search_next(s, 0, d->blocks[0].text_off + 2, 1), 0);
	assert_int_equal(search_next(s, 0, d->blocks[0].text_off + 3, 1), 1);
	assert_int_equal(search_next(s, 1, d->blocks[1].text_off, 1), 1);
	assert_int_equal(search_next(s, 2, b2 + 1, 1), 2);
	assert_int_equal(search_next(s, 2, b2 + 9, 1), 0);	/* wraps */
	assert_int_equal(search_next(s, 2, b2 + 9, 0), 2);
	assert_int_equal(search_next(s, 2, b2 + 8, 0), 1);
	assert_int_equal(search_next(s, 1, d->blocks[1].text_off, 0), 0);
	assert_int_equal(search_next(s, 0, d->blocks[0].text_off, 0), 2);
	search_block(s, 2, &first, &n);
	assert_int_equal(first, 1);
	assert_int_equal(n, 2);
	search_block(s, 1, &first, &n);
	assert_int_equal(n, 0);
	search_free(s);
	doc_free(d);
}

/* Matches do not overlap; empty queries find nothing; bad bytes do no harm. */
static void
test_edges(void **state)
{
	struct doc	*d = mkdoc("aaaa", "ab\xff\xfe" "ab", "中\xe4文ab", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "aa");
	assert_int_equal(search_count(s), 2);
	search_free(s);
	s = find(d, "");
	assert_int_equal(search_count(s), 0);
	search_free(s);
	s = find(d, "ab");
	assert_int_equal(search_count(s), 3);
	assert_int_equal(search_match_at(s, 1)->off,
	    d->blocks[1].text_off + 4);
	assert_match(d, s, 2, 2, "ab");
	search_free(s);
	doc_free(d);
}

/* Full-width forms match half-width ones (NFKC), both ways. */
static void
test_fullwidth(void **state)
{
	struct doc	*d = mkdoc("型号ＡＢＣ１２３（试）", "model abc123 (试)",
			    "ABC123", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "abc123");
	assert_int_equal(search_count(s), 3);
	assert_match(d, s, 0, 0, "ＡＢＣ１２３");
	assert_match(d, s, 1, 1, "abc123");
	assert_match(d, s, 2, 2, "ABC123");
	search_free(s);

	s = find(d, "(试)");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "（试）");
	assert_match(d, s, 1, 1, "(试)");
	search_free(s);

	/* Upper case in the query, full-width or not: case-sensitive. */
	s = find(d, "ＡＢＣ");
	assert_int_equal(search_case_sensitive(s), 1);
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "ＡＢＣ");
	assert_match(d, s, 1, 2, "ABC");
	search_free(s);

	s = find(d, "ｂｃ１");
	assert_int_equal(search_case_sensitive(s), 0);
	assert_int_equal(search_count(s), 3);
	assert_match(d, s, 0, 0, "ＢＣ１");
	search_free(s);
	doc_free(d);
}

/* Combining marks fold with their base; a match covers whole characters. */
static void
test_combining(void **state)
{
	struct doc	*d = mkdoc("un cafe\xcc\x81 noir", "un café noir", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "café");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "cafe\xcc\x81");
	assert_match(d, s, 1, 1, "café");
	search_free(s);
	s = find(d, "cafe\xcc\x81");
	assert_int_equal(search_count(s), 2);
	search_free(s);
	s = find(d, "CAFÉ");
	assert_int_equal(search_count(s), 0);
	search_free(s);
	s = find(d, "caf");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "caf");
	search_free(s);
	doc_free(d);
}

/* Simplified and traditional Chinese match each other (OpenCC builds). */
static void
test_chinese_scripts(void **state)
{
	struct doc	*d = mkdoc("中國的經濟發展", "中国的经济发展", NULL);
	struct search	*s;

	(void)state;
	s = find(d, "经济发展");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 0, 0, "經濟發展");
	assert_match(d, s, 1, 1, "经济发展");
	search_free(s);
	s = find(d, "中國");
	assert_int_equal(search_count(s), 2);
	assert_match(d, s, 1, 1, "中国");
	search_free(s);
	doc_free(d);
}

/* Searches through a shared index agree with fresh ones, in any order. */
static void
test_index_agrees(void **state)
{
	static const char *queries[] = { "中国", "abc", "ABC", "（", "(",
	    "cafe", "café", "國", "，", "e", "E", "数据ａ", "x" };
	struct doc		*d = mkdoc("美国，中国。ＡＢＣ（1）", "abc (1) 中國",
				    "un cafe\xcc\x81, Café", "plain text only",
				    "数据Ａ数据ａ", "bad \xff bytes 中\xe4国", NULL);
	struct search_index	*ix = search_index_new(d);
	struct search		*a, *b;
	size_t			 i, k, round;

	(void)state;
	for (round = 0; round < 2; round++) {
		for (i = 0; i < sizeof queries / sizeof *queries; i++) {
			a = search_new_indexed(ix, queries[i],
			    strlen(queries[i]));
			b = find(d, queries[i]);
			assert_int_equal(search_count(a), search_count(b));
			for (k = 0; k < search_count(a); k++) {
				assert_int_equal(search_match_at(a, k)->off,
				    search_match_at(b, k)->off);
				assert_int_equal(search_match_at(a, k)->len,
				    search_match_at(b, k)->len);
			}
			search_free(a);
			search_free(b);
		}
	}
	/* Plain CJK next to full-width punctuation that cannot matter. */
	a = search_new_indexed(ix, "中国", strlen("中国"));
	assert_true(search_count(a) >= 1);
	assert_match(d, a, 0, 0, "中国");
	search_free(a);
	search_index_free(ix);
	search_index_free(NULL);
	doc_free(d);
}

/* Non-overlapping occurrences of needle in a file, counted the plain way. */
static size_t
count_bytes(const char *path, const char *needle)
{
	FILE	*f;
	char	*data, *p;
	long	 n;
	size_t	 count = 0, nl = strlen(needle);

	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	for (p = data; (p = strstr(p, needle)) != NULL; p += nl)
		count++;
	free(data);
	return count;
}

static void
corpus_count(const char *file, const char *word)
{
	char		 path[4096];
	struct doc	*d;
	struct search	*s;
	char		*cause = NULL;
	size_t		 i, want;

	snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, file);
	if (load_file(path, NULL, &d, &cause) != 0)
		fail_msg("load %s: %s", path, cause != NULL ? cause : "?");
	if (d->nblocks == 0) {
		doc_free(d);
		skip();		/* the parsers have not landed yet */
	}
	want = count_bytes(path, word);
	assert_true(want > 0);
	s = find(d, word);
	assert_int_equal(search_count(s), want);
	for (i = 0; i < search_count(s); i++)
		assert_memory_equal(doc_text(d, search_match_at(s, i)->off),
		    word, strlen(word));
	search_free(s);
	doc_free(d);
}

static void
test_corpus(void **state)
{
	(void)state;
	corpus_count("002_3eb26aec672eccd6.txt", "乌克兰");
	corpus_count("000_00de59a97d2e8414.txt", "特朗普");
	corpus_count("000_00de59a97d2e8414.txt", "Trump");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smart_case),
		cmocka_unit_test(test_ascii_and_mixed_agree),
		cmocka_unit_test(test_cjk_exact_ranges),
		cmocka_unit_test(test_block_boundary),
		cmocka_unit_test(test_hidden_and_table),
		cmocka_unit_test(test_next_wraps),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_fullwidth),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_chinese_scripts),
		cmocka_unit_test(test_index_agrees),
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

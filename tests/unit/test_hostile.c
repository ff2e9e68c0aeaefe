/* Hostile inputs through the core: each bug found by fuzzing or tests/pathological. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <malloc.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/layout.h"
#include "scholia/load.h"
#include "scholia/source.h"

static double	 th_seconds(void);
static char	*th_repeat(const char *, size_t, const char *, const char *);
static struct doc *th_load(const char *, size_t, enum load_format);
static int	 th_has_span(const struct doc *, unsigned, const char *);
static size_t	 th_lay_out(const struct doc *, int);

static double
th_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* head + n copies of unit + tail, NUL-terminated. */
static char *
th_repeat(const char *unit, size_t n, const char *head, const char *tail)
{
	size_t	 ul = strlen(unit), hl = strlen(head), tl = strlen(tail), i;
	char	*s = malloc(hl + n * ul + tl + 1), *p = s;

	memcpy(p, head, hl);
	p += hl;
	for (i = 0; i < n; i++, p += ul)
		memcpy(p, unit, ul);
	memcpy(p, tail, tl + 1);
	return s;
}

static struct doc *
th_load(const char *s, size_t n, enum load_format fmt)
{
	struct load_opts	 o = { 0 };
	struct doc		*d = NULL;
	char			*cause = NULL;

	o.format = fmt;
	if (load_memory("hostile", s, n, &o, &d, &cause) != 0)
		fail_msg("load: %s", cause);
	return d;
}

/* Whether some span with all of flags shows exactly text. */
static int
th_has_span(const struct doc *d, unsigned flags, const char *text)
{
	size_t	i, n = strlen(text);

	for (i = 0; i < d->nspans; i++)
		if ((d->spans[i].flags & flags) == flags &&
		    d->spans[i].len == n &&
		    memcmp(doc_text(d, d->spans[i].off), text, n) == 0)
			return 1;
	return 0;
}

/* Every line at width w, checked like fuzz_load does; returns the count. */
static size_t
th_lay_out(const struct doc *d, int w)
{
	struct layout_opts		 lo = { 0 };
	struct layout			*l;
	struct layout_pos		 pos;
	const struct layout_line	*line;
	size_t				 n = 0, i;

	lo.width = w;
	l = layout_new(d, &lo);
	if (layout_first(l, &pos)) {
		do {
			line = layout_line_at(l, pos);
			assert_true(line->cols <= w);
			for (i = 0; i < line->len; i++)
				assert_true((unsigned char)line->text[i] >=
				    0x20 && line->text[i] != 0x7f);
			n++;
		} while (layout_forward(l, &pos, 1) == 1);
	}
	layout_free(l);
	return n;
}

/*
 * A long run of asterisks used to be rescanned from each of its bytes
 * (quadratic: 10^5 stars took minutes); emphasis after it still works.
 */
static void
test_star_runs(void **state)
{
	char		*s = th_repeat("*", 200000, "", "x and *a* **b**\n");
	struct doc	*d;
	double		 t0 = th_seconds();

	(void)state;
	d = th_load(s, strlen(s), LOAD_TEXT);
	assert_true(th_seconds() - t0 < 5.0);
	assert_true(th_has_span(d, SPAN_EMPH, "a"));
	assert_true(th_has_span(d, SPAN_STRONG, "b"));
	doc_free(d);
	free(s);
	s = th_repeat("*", 100000, "", "x\n");
	t0 = th_seconds();
	d = th_load(s, strlen(s), LOAD_MARKDOWN);
	assert_true(th_seconds() - t0 < 5.0);
	doc_free(d);
	free(s);
}

/* JSON is printed to terminals too: bidi controls go out escaped. */
static void
test_json_bidi(void **state)
{
	const char	*in = "# T\xe2\x80\xae\xe2\x81\xa6x\n\n"
			    "a\xe2\x80\xae" "b \xc2\x9b c\xe2\x80\x8f" "d\n";
	struct doc	*d;
	char		*out = NULL;
	size_t		 n = 0;
	FILE		*fp;

	(void)state;
	d = th_load(in, strlen(in), LOAD_MARKDOWN);
	fp = open_memstream(&out, &n);
	assert_int_equal(export_json(d, fp), 0);
	fclose(fp);
	assert_null(strstr(out, "\xe2\x80\xae"));
	assert_null(strstr(out, "\xe2\x81\xa6"));
	assert_null(strstr(out, "\xe2\x80\x8f"));
	assert_null(strstr(out, "\xc2\x9b"));
	assert_non_null(strstr(out, "T\\u202e\\u2066x"));
	free(out);
	doc_free(d);
}

/*
 * Empty table cells have no text buffer: laying them out did arithmetic on
 * a null pointer (UBSan, found by fuzz_load).
 */
static void
test_empty_cells(void **state)
{
	const char	*in = "| a | |\n|---|---|\n| | b |\n|  |  |\n\n"
			    "|||\n|-|-|\n|||\n";
	struct doc	*d;
	int		 w;

	(void)state;
	d = th_load(in, strlen(in), LOAD_MARKDOWN);
	assert_true(d->ntables >= 1);
	for (w = 1; w <= 30; w++)
		assert_true(th_lay_out(d, w) > 0);
	doc_free(d);
}

/*
 * A file that is only a BOM converts to nothing, through a buffer that was
 * allocated but never written: its text was not NUL-terminated (found by
 * fuzz_encoding). M_PERTURB makes fresh memory garbage every time.
 */
static void
test_bom_only(void **state)
{
	struct source	*s;
	struct buf	 b = { 0 };
	char		*cause = NULL;

	(void)state;
	mallopt(M_PERTURB, 0x41);
	buf_grow(&b, 10);
	assert_int_equal(b.data[0], '\0');
	buf_free(&b);
	assert_int_equal(source_from_memory("bom", "\xef\xbb\xbf", 3, NULL,
	    &s, &cause), 0);
	assert_int_equal(s->len, 0);
	assert_int_equal(s->text[0], '\0');
	source_free(s);
	mallopt(M_PERTURB, 0);
}

/* An empty link target reaches us as (NULL, 0) from md4c (fuzz_load). */
static void
test_empty_href(void **state)
{
	const char	*in = "[x]() and [y](<>)\n";
	struct doc	*d;

	(void)state;
	d = th_load(in, strlen(in), LOAD_MARKDOWN);
	assert_true(th_has_span(d, SPAN_LINK, "x"));
	assert_true(th_has_span(d, SPAN_LINK, "y"));
	assert_true(th_lay_out(d, 5) > 0);
	doc_free(d);
}

/*
 * One note, 10^5 references: its list of references grew one element at a
 * time, quadratic copying where realloc cannot grow in place (ASan: 10 s).
 */
static void
test_many_refs_one_note(void **state)
{
	struct doc	*d;
	int		 i, ni, ri;

	(void)state;
	d = th_load("x\n", 2, LOAD_TEXT);
	ni = doc_add_note(d, "1", 1, 0);
	doc_begin_block(d, BLOCK_PARA, 2);
	for (i = 0; i < 100000; i++) {
		ri = doc_append_ref(d, "1", 1, "1", 2, 0);
		doc_link_ref(d, ri, ni);
	}
	doc_end_block(d, 2);
	assert_int_equal(d->notes[ni].nrefs, 100000);
	for (i = 0; i < 100000; i++)
		assert_int_equal(d->notes[ni].refs[i],
		    (int)d->nrefs - 100000 + i);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_runs),
		cmocka_unit_test(test_json_bidi),
		cmocka_unit_test(test_empty_cells),
		cmocka_unit_test(test_bom_only),
		cmocka_unit_test(test_empty_href),
		cmocka_unit_test(test_many_refs_one_note),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

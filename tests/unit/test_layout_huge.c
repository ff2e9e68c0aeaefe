/* Layout of huge blocks: streamed in pieces, table rows joined in pieces. */
#include "layout_test_util.h"

#include "layout_priv.h"
#include "scholia/buf.h"

/* What the stream callback saw. */
struct seen {
	struct buf	 out;
	int		 calls;
	int		 most;
};

static void	put_lines(struct buf *, const struct layout_line *, int);
static void	collect(const struct layout_line *, int, void *);
static void	append_n(struct doc *, const char *, int, unsigned);
static struct doc *mixed_doc(void);

/* Everything about some lines, as text, to compare two layouts. */
static void
put_lines(struct buf *b, const struct layout_line *lines, int n)
{
	const struct layout_run	*r;
	int			 i, j;

	for (i = 0; i < n; i++) {
		buf_printf(b, "%d %x %d %zu %zu [", lines[i].block,
		    lines[i].flags, lines[i].cols, lines[i].doc_off,
		    lines[i].doc_end);
		buf_append(b, lines[i].text, lines[i].len);
		buf_puts(b, "]");
		for (j = 0; j < lines[i].nruns; j++) {
			r = &lines[i].runs[j];
			buf_printf(b, " %zu+%zu/%d/%x/%d/%zu", r->off, r->len,
			    r->cols, r->style, r->ref, r->doc_off);
		}
		buf_putc(b, '\n');
	}
}

static void
collect(const struct layout_line *lines, int n, void *arg)
{
	struct seen	*s = arg;

	assert_true(n > 0);
	s->calls++;
	if (n > s->most)
		s->most = n;
	put_lines(&s->out, lines, n);
}

/* s, n times, in one span of flags. */
static void
append_n(struct doc *d, const char *s, int n, unsigned flags)
{
	struct buf	b = { 0 };
	int		i;

	for (i = 0; i < n; i++)
		buf_puts(&b, s);
	doc_append(d, b.data, b.len, flags);
	buf_free(&b);
}

/* Blocks of every kind, some far longer than a piece at a narrow width. */
static struct doc *
mixed_doc(void)
{
	struct doc	*d = doc_new(NULL);
	int		 b, r, c;

	b = doc_begin_block(d, BLOCK_PARA, 1);
	append_n(d, "word 中文，", 5000, 0);
	append_n(d, "strong ", 500, SPAN_STRONG);
	append_n(d, "\t\x01x", 300, 0);
	doc_end_block(d, 1);
	b = doc_begin_block(d, BLOCK_PARA, 2);
	d->blocks[b].flags |= BLOCK_LISTITEM;
	d->blocks[b].list_depth = 2;
	d->blocks[b].quote_depth = 1;
	d->blocks[b].indent = 6;
	strcpy(d->blocks[b].marker, "12.");
	append_n(d, "x", 9000, 0);
	doc_end_block(d, 2);
	doc_begin_block(d, BLOCK_CODE, 3);
	append_n(d, "code line\n", 5000, 0);
	doc_end_block(d, 3);
	b = doc_begin_block(d, BLOCK_NOTE, 4);
	doc_append(d, "①", 3, SPAN_NOTELABEL);
	append_n(d, " 注释很长", 2000, 0);
	doc_end_block(d, 4);
	doc_add_note(d, "①", 4, b);
	doc_begin_table(d, 5, 3, 3, 1, "lcr");
	for (r = 0; r < 3; r++)
		for (c = 0; c < 3; c++) {
			doc_begin_cell(d, r, c);
			if (r == 1 && c == 1)
				append_n(d, "长", 6000, 0);
			else if (r == 2 && c == 0)
				append_n(d, "ab ", 5000, 0);
			else
				doc_append(d, "cell", 4, 0);
			doc_end_cell(d);
		}
	doc_end_block(d, 7);
	return d;
}

/* Streamed lines are the cached lines, in pieces, with nothing cached. */
static void
test_stream_same(void **state)
{
	const int			 widths[] = { 1, 2, 3, 5, 8, 13, 40, 80 };
	const struct layout_line	*lines;
	struct doc			*d = mixed_doc();
	struct layout_opts		 o = { 0, 0 };
	struct layout			*whole, *streamed;
	struct seen			 s;
	struct buf			 want = { 0 };
	size_t				 k;
	int				 bi, n, pieces = 0;

	(void)state;
	for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
		o.width = widths[k];
		whole = layout_new(d, &o);
		streamed = layout_new(d, &o);
		for (bi = 0; bi < (int)d->nblocks; bi++) {
			memset(&s, 0, sizeof s);
			buf_reset(&want);
			buf_puts(&want, "");
			buf_puts(&s.out, "");
			lines = layout_block(whole, bi, &n);
			put_lines(&want, lines, n);
			layout_block_stream(streamed, bi, collect, &s);
			assert_string_equal(s.out.data, want.data);
			assert_true(s.most <= LB_PIECE);
			if (n > 2 * LB_PIECE) {
				assert_true(s.calls > 2);
				pieces++;
			}
			assert_int_equal(layout_cached(streamed), 0);
			/* a cached block is handed over as it is */
			buf_free(&s.out);
			memset(&s, 0, sizeof s);
			buf_puts(&s.out, "");
			layout_block_stream(whole, bi, collect, &s);
			assert_string_equal(s.out.data, want.data);
			assert_int_equal(s.calls, n > 0 ? 1 : 0);
			buf_free(&s.out);
			check_lines(whole, bi, widths[k]);
		}
		layout_free(whole);
		layout_free(streamed);
	}
	/* every kind of block went out in pieces at some width */
	assert_true(pieces >= 5);
	buf_free(&want);
	doc_free(d);
}

/* A cell of many lines: its row is joined a piece at a time, aligned. */
static void
test_table_long_cell(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 20, 0 };
	const struct layout_line	*lines;
	int				 n, i;

	(void)state;
	doc_begin_table(d, 1, 2, 1, 0, "ll");
	doc_begin_cell(d, 0, 0);
	append_n(d, "长", 20001, 0);
	doc_end_cell(d);
	doc_begin_cell(d, 0, 1);
	doc_append(d, "y", 1, 0);
	doc_end_cell(d);
	doc_end_block(d, 1);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	/* 20 columns less " │ " and "y" leave 16: 8 characters a line */
	assert_int_equal(n, 2501);
	assert_int_equal(lines[0].len, 8 * 3 + 5 + 1);
	assert_memory_equal(lines[0].text, "长长长长长长长长 │ y", 30);
	assert_true(lines[0].flags & LINE_FIRST);
	for (i = 1; i < n - 1; i++) {
		assert_int_equal(lines[i].len, 8 * 3 + 5);
		assert_memory_equal(lines[i].text, "长长长长长长长长 │ ", 29);
		assert_false(lines[i].flags & LINE_FIRST);
	}
	assert_int_equal(lines[n - 1].len, 3 + 14 + 5);
	assert_memory_equal(lines[n - 1].text, "长"
	    "              " " │ ", 22);
	check_lines(l, 0, 20);
	layout_free(l);
	doc_free(d);
}

/* Over-wide columns give up columns widest first, leftmost of a tie first. */
static void
test_table_shrink(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 0, 0 };
	const struct layout_line	*lines;
	const char			*cells[] = { "aaaaaaaaaa",
	    "bbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccc" };
	const char			*want[] = {
	    "aaaaaaaa │ bbbbbbbb │ cccccccc",
	    "aaaaaaaa │ bbbbbbbb │ ccccccccc",
	    "aaaaaaaa │ bbbbbbbbb │ ccccccccc",
	    "aaaaaaaaaa │ bbbbbbbbbbbbbbbbbbbb │ cccccccccccccccccccc" };
	const int			 widths[] = { 30, 31, 32, 80 };
	int				 n, c, k;

	(void)state;
	doc_begin_table(d, 1, 3, 1, 0, "lll");
	for (c = 0; c < 3; c++) {
		doc_begin_cell(d, 0, c);
		doc_append(d, cells[c], strlen(cells[c]), 0);
		doc_end_cell(d);
	}
	doc_end_block(d, 1);
	for (k = 0; k < 4; k++) {
		o.width = widths[k];
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		assert_true(n >= 1);
		assert_int_equal(lines[0].len, strlen(want[k]));
		assert_memory_equal(lines[0].text, want[k], lines[0].len);
		check_lines(l, 0, widths[k]);
		layout_free(l);
	}
	doc_free(d);
}

/*
 * A long cell is first measured only as wide as the table can be; when its
 * column then shrinks to a least width it was not measured for, it is
 * measured whole: the widths are those of a whole measure either way.
 */
static void
test_table_long_measure(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 0, 0 };
	const struct layout_line	*lines;
	const char			*want[] = {
	    "长长 " " │ " "abcdef", "长长长长长长长长 " " │ " "abcdefghij" };
	const int			 widths[] = { 14, 30 };
	int				 n, k;

	(void)state;
	doc_begin_table(d, 1, 2, 2, 1, "ll");
	doc_begin_cell(d, 0, 0);
	doc_append(d, "h", 1, 0);
	doc_end_cell(d);
	doc_begin_cell(d, 0, 1);
	doc_append(d, "i", 1, 0);
	doc_end_cell(d);
	doc_begin_cell(d, 1, 0);
	append_n(d, "长", 3000, 0);
	doc_end_cell(d);
	doc_begin_cell(d, 1, 1);
	doc_append(d, "abcdefghij", 10, 0);
	doc_end_cell(d);
	doc_end_block(d, 1);
	for (k = 0; k < 2; k++) {
		o.width = widths[k];
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		assert_true(n > 3);
		/* a grid: header, rule, then the long row */
		assert_int_equal(lines[2].len, strlen(want[k]));
		assert_memory_equal(lines[2].text, want[k], lines[2].len);
		check_lines(l, 0, widths[k]);
		layout_free(l);
	}
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_same),
		cmocka_unit_test(test_table_long_cell),
		cmocka_unit_test(test_table_shrink),
		cmocka_unit_test(test_table_long_measure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

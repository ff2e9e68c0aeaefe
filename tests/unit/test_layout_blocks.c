/* Layout tests: indents, tables, rules and the lazy reading flow. */
#include "layout_test_util.h"

static void
test_list_quote_note(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 16, 0 };
	const struct layout_line	*lines;
	char				*t;
	int				 n, i, b;

	(void)state;
	b = doc_begin_block(d, BLOCK_PARA, 1);
	d->blocks[b].flags |= BLOCK_LISTITEM;
	d->blocks[b].list_depth = 1;
	strcpy(d->blocks[b].marker, "12.");
	doc_append(d, "one two three four five", 23, 0);
	doc_end_block(d, 1);
	b = doc_begin_block(d, BLOCK_PARA, 2);
	d->blocks[b].quote_depth = 2;
	doc_append(d, "alpha beta gamma delta", 22, 0);
	doc_end_block(d, 2);
	b = doc_begin_block(d, BLOCK_PARA, 3);
	doc_append(d, "①", 3, SPAN_NOTELABEL);
	doc_append(d, " 注释的内容很长需要换行。", 37, 0);
	doc_end_block(d, 3);
	doc_add_note(d, "①", 3, b);

	l = layout_new(d, &o);
	t = flow_text(l, 0, 1);
	assert_string_equal(t, "12. one two|    three four|    five");
	free(t);
	t = flow_text(l, 1, 1);
	assert_string_equal(t, "│ │ alpha beta|│ │ gamma delta");
	free(t);
	lines = layout_block(l, 2, &n);
	assert_true(lines[0].flags & LINE_BLANK);
	assert_true(n >= 3);
	assert_memory_equal(lines[1].text, "① 注释", 9);
	for (i = 2; i < n; i++) {
		assert_memory_equal(lines[i].text, "  ", 2);
		assert_true(lines[i].runs[1].style & STYLE_NOTE);
	}
	for (i = 0; i < 3; i++)
		check_lines(l, i, 16);
	layout_free(l);

	/* too narrow for the indentation: it shrinks, text keeps 8 columns */
	o.width = 9;
	l = layout_new(d, &o);
	lines = layout_block(l, 1, &n);
	for (i = 1; i < n; i++)
		assert_true(lines[i].cols - 2 * 0 <= 9);
	check_lines(l, 0, 9);
	check_lines(l, 1, 9);
	t = flow_text(l, 1, 0);
	assert_string_equal(t, "alpha|beta|gamma|delta");
	free(t);
	layout_free(l);
	doc_free(d);
}

static void
test_table(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 40, 0 };
	const struct layout_line	*lines;
	const char			*cells[] = { "名称", "值", "一", "1234",
	    "很长的名称需要换行才能放下", "5" };
	int				 n, i, w, r, c;

	(void)state;
	doc_begin_table(d, 1, 2, 3, 1, "lr");
	for (r = 0; r < 3; r++)
		for (c = 0; c < 2; c++) {
			doc_begin_cell(d, r, c);
			doc_append(d, cells[r * 2 + c],
			    strlen(cells[r * 2 + c]), 0);
			doc_end_cell(d);
		}
	doc_end_block(d, 3);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(n, 4);
	/* CJK cells count two columns: 26 + " │ " + 4 */
	assert_memory_equal(lines[0].text, "名称", 6);
	assert_int_equal(lines[0].cols, 26 + 3 + 4);
	assert_int_equal(lines[0].len, 6 + 22 + 5 + 2 + 3);
	assert_memory_equal(lines[0].text + 28, " │   值", 10);
	assert_int_equal(lines[1].cols, 33);
	assert_memory_equal(lines[1].text + 26 * 3, "─┼─", 9);
	assert_memory_equal(lines[2].text, "一", 3);
	assert_memory_equal(lines[2].text + 27, " │ 1234", 9);
	assert_int_equal(lines[3].cols, 33);
	check_lines(l, 0, 40);
	layout_free(l);
	for (w = 1; w <= 30; w++) {
		o.width = w;
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		assert_true(n >= 4);
		check_lines(l, 0, w);
		if (w >= 12)
			for (i = 0; i < n; i++)
				assert_non_null(strstr(lines[i].text, "│") ?
				    lines[i].text : strstr(lines[i].text, "┼"));
		layout_free(l);
	}
	/* wide box drawing: the grid still fits */
	text_set_ambiguous_wide(1);
	for (w = 1; w <= 40; w++) {
		o.width = w;
		l = layout_new(d, &o);
		check_lines(l, 0, w);
		layout_free(l);
	}
	text_set_ambiguous_wide(0);
	doc_free(d);
}

static void
test_flow_lazy(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct layout		*l;
	struct layout_opts	 o = { 20, 0 };
	struct layout_pos	 pos;
	char			 s[64];
	int			 i, n;

	(void)state;
	for (i = 0; i < 1000; i++) {
		doc_begin_block(d, BLOCK_PARA, i + 1);
		n = snprintf(s, sizeof s, "block %d has some words in it", i);
		doc_append(d, s, (size_t)n, 0);
		doc_end_block(d, i + 1);
	}
	d->blocks[1].flags |= BLOCK_HIDDEN;
	l = layout_new(d, &o);
	assert_int_equal(layout_cached(l), 0);
	assert_int_equal(layout_first(l, &pos), 1);
	assert_int_equal(pos.block, 0);
	assert_int_equal(pos.line, 0);
	assert_true(layout_cached(l) <= 2);
	/* block 0: 2 lines; then block 2: a spacer and 2 lines */
	assert_int_equal(layout_forward(l, &pos, 3), 3);
	assert_int_equal(pos.block, 2);
	assert_int_equal(pos.line, 1);
	assert_true(layout_cached(l) <= 4);
	assert_int_equal(layout_back(l, &pos, 2), 2);
	assert_int_equal(pos.block, 0);
	assert_int_equal(pos.line, 1);
	assert_int_equal(layout_back(l, &pos, 5), 1);
	assert_true(layout_cached(l) <= 4);
	assert_int_equal(layout_last(l, &pos), 1);
	assert_int_equal(pos.block, 999);
	assert_int_equal(pos.line, 2);
	assert_true(layout_cached(l) <= 6);
	assert_int_equal(layout_forward(l, &pos, 10), 0);
	assert_non_null(layout_line_at(l, pos));
	assert_memory_equal(layout_line_at(l, pos)->text, "words in it", 11);
	/* offsets map back to lines */
	assert_int_equal(layout_line_of(l, 999, d->blocks[999].text_off), 1);
	assert_int_equal(layout_line_of(l, 999, d->blocks[999].text_off +
	    d->blocks[999].text_len - 1), 2);
	layout_forget(l, 999);
	assert_true(layout_cached(l) <= 5);
	layout_free(l);
	doc_free(d);
}

static void
test_hr_heading(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 100, 0 };
	const struct layout_line	*lines;
	int				 n;

	(void)state;
	doc_begin_block(d, BLOCK_HEADING, 1);
	doc_append(d, "标题", 6, 0);
	doc_end_block(d, 1);
	doc_begin_block(d, BLOCK_HR, 2);
	doc_end_block(d, 2);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(n, 1);
	assert_true(lines[0].runs[0].style & STYLE_HEADING);
	assert_true(lines[0].flags & LINE_FIRST);
	lines = layout_block(l, 1, &n);
	assert_int_equal(n, 2);
	assert_int_equal(lines[1].cols, 40);
	layout_free(l);
	o.width = 3;
	l = layout_new(d, &o);
	lines = layout_block(l, 1, &n);
	assert_int_equal(lines[1].cols, 3);
	layout_free(l);
	text_set_ambiguous_wide(1);
	l = layout_new(d, &o);
	lines = layout_block(l, 1, &n);
	assert_int_equal(lines[1].cols, 3);	/* one wide rule and a space */
	check_lines(l, 1, 3);
	layout_free(l);
	text_set_ambiguous_wide(0);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_quote_note),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_flow_lazy),
		cmocka_unit_test(test_hr_heading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

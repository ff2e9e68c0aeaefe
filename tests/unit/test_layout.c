/* Layout tests: wrapping, kinsoku, widths, graphemes, controls. */
#include "layout_test_util.h"

static void
test_narrow_wide(void **state)
{
	const char			*s = "中文字符，混合English和数字123。";
	struct doc			*d = doc_para(BLOCK_PARA, s);
	struct layout			*l;
	struct layout_opts		 o = { 0 };
	const struct layout_line	*lines;
	int				 w, n, i, j, q;

	(void)state;
	for (w = 1; w <= 4; w++) {
		o.width = w;
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		assert_true(n > 0);
		check_lines(l, 0, w);
		q = 0;
		for (i = 0; i < n; i++)
			for (j = 0; j < lines[i].nruns; j++)
				q += (lines[i].runs[j].style &
				    STYLE_CONTROL) != 0;
		if (w == 1) {
			/* wide characters become one-column placeholders */
			assert_true(q >= 10);
			assert_int_equal(lines[0].cols, 1);
			assert_memory_equal(lines[0].text, "?", 1);
		} else
			assert_int_equal(q, 0);
		if (w >= 2) {
			char *t = flow_text(l, 0, 0), *p, *out;

			/* nothing lost: the lines joined give the text back */
			out = malloc(strlen(t) + 1);
			for (p = t, i = 0; *p != '\0'; p++)
				if (*p != '|')
					out[i++] = *p;
			out[i] = '\0';
			assert_string_equal(out, s);
			free(out);
			free(t);
		}
		layout_free(l);
	}
	doc_free(d);
}

static void
test_kinsoku(void **state)
{
	const char			*s = "他说：“我们（暂时）不去。”然而，事情、"
	    "计划与《条约》都变了；真的吗？是的！【注】「引文」结束。";
	struct doc			*d = doc_para(BLOCK_PARA, s);
	struct layout			*l;
	struct layout_opts		 o = { 0 };
	const struct layout_line	*lines;
	int				 w, n, i;

	(void)state;
	for (w = 2; w <= 30; w++) {
		o.width = w;
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		check_lines(l, 0, w);
		for (i = 0; i < n; i++) {
			/*
			 * Below 4 columns a line holds one wide character;
			 * "【注】" needs 6 columns to stay whole.
			 */
			if (w >= 4 && i > 0) {
				assert_int_not_equal(first_char(&lines[i]),
				    0x3002);
				assert_int_not_equal(first_char(&lines[i]),
				    0xff0c);
			}
			if (w < 6)
				continue;
			if (i > 0)
				assert_false(text_is_closing(
				    first_char(&lines[i])));
			if (i < n - 1)
				assert_false(text_is_opening(
				    last_char(&lines[i])));
		}
		layout_free(l);
	}
	doc_free(d);
}

static void
test_latin_words(void **state)
{
	struct doc		*d = doc_para(BLOCK_PARA,
	    "the quick brown fox jumps over the lazy dog again");
	struct layout		*l;
	struct layout_opts	 o = { 10, 0 };
	char			*t;

	(void)state;
	l = layout_new(d, &o);
	check_lines(l, 0, 10);
	t = flow_text(l, 0, 0);
	assert_string_equal(t, "the quick|brown fox|jumps over|the lazy|"
	    "dog again");
	free(t);
	layout_free(l);
	doc_free(d);
}

static void
test_long_word(void **state)
{
	const char		*url = "https://example.org/a/very/long/path/"
	    "that/never/ends.html";
	struct doc		*d = doc_para(BLOCK_PARA, url);
	struct layout		*l;
	struct layout_opts	 o = { 0 };
	char			*t, *p, *out;
	int			 w, n, i;

	(void)state;
	for (w = 1; w <= 12; w++) {
		o.width = w;
		l = layout_new(d, &o);
		layout_block(l, 0, &n);
		assert_true(n >= (int)strlen(url) / w);
		check_lines(l, 0, w);
		t = flow_text(l, 0, 0);
		out = malloc(strlen(t) + 1);
		for (p = t, i = 0; *p != '\0'; p++)
			if (*p != '|')
				out[i++] = *p;
		out[i] = '\0';
		assert_string_equal(out, url);
		free(out);
		free(t);
		layout_free(l);
	}
	doc_free(d);
}

static void
test_graphemes(void **state)
{
	/* e + combining acute, and an emoji ZWJ family */
	const char			*s = "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	    "e\xcc\x81" "e\xcc\x81 \xf0\x9f\x91\x8d\xf0\x9f\x91\x8d "
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9";
	struct doc			*d = doc_para(BLOCK_PARA, s);
	struct layout			*l;
	struct layout_opts		 o = { 0 };
	const struct layout_line	*lines;
	int				 w, n, i;

	(void)state;
	for (w = 1; w <= 6; w++) {
		o.width = w;
		l = layout_new(d, &o);
		lines = layout_block(l, 0, &n);
		check_lines(l, 0, w);
		for (i = 0; i < n; i++) {
			uint32_t c = first_char(&lines[i]);

			/* a mark stays with its base */
			assert_int_not_equal(c, 0x301);
			assert_int_not_equal(c, 0x200d);
		}
		layout_free(l);
	}
	o.width = 2;
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(lines[0].len, 6);	/* two "é", each 3 bytes */
	layout_free(l);
	doc_free(d);
}

static void
test_tabs(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 20, 4 };
	const struct layout_line	*lines;
	int				 n;

	(void)state;
	doc_begin_block(d, BLOCK_CODE, 1);
	doc_append(d, "a\tb\n\tc\n", 7, SPAN_CODE);
	doc_end_block(d, 2);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(n, 2);
	assert_int_equal(lines[0].len, 5);
	assert_memory_equal(lines[0].text, "a   b", 5);
	assert_memory_equal(lines[1].text, "    c", 5);
	check_lines(l, 0, 20);
	layout_free(l);
	doc_free(d);
}

static void
test_code_wrap(void **state)
{
	struct doc			*d = doc_para(BLOCK_CODE,
	    "if (x)  y = 1;\nz");
	struct layout			*l;
	struct layout_opts		 o = { 5, 0 };
	char				*t;

	(void)state;
	l = layout_new(d, &o);
	check_lines(l, 0, 5);
	t = flow_text(l, 0, 1);
	assert_string_equal(t, "if (x|)  y |= 1;|z");
	free(t);
	layout_free(l);
	doc_free(d);
}

static void
test_controls(void **state)
{
	struct doc			*d = doc_para(BLOCK_PARA,
	    "a\033[31mRED\033]52;c;eA==\007 b\xc2\x9b" "c\xe2\x80\xae" "d\x7f");
	struct layout			*l;
	struct layout_opts		 o = { 0 };
	const struct layout_line	*lines;
	char				*t;
	int				 w, n, i, j, ctl;

	(void)state;
	for (w = 1; w <= 40; w++) {
		o.width = w;
		l = layout_new(d, &o);
		check_lines(l, 0, w);
		layout_free(l);
	}
	o.width = 80;
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(n, 1);
	t = flow_text(l, 0, 0);
	assert_non_null(strstr(t, "a^[[31mRED^[]52;c;eA==^G b"));
	assert_non_null(strstr(t, "<9B>c<U+202E>d^?"));
	free(t);
	ctl = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < lines[i].nruns; j++)
			ctl += (lines[i].runs[j].style & STYLE_CONTROL) != 0;
	assert_int_equal(ctl, 6);
	layout_free(l);
	doc_free(d);
}

static void
test_soft_hyphen_and_newline(void **state)
{
	struct doc		*d = doc_para(BLOCK_PARA,
	    "co\xc2\xad" "operate\nnext line");
	struct layout		*l;
	struct layout_opts	 o = { 40, 0 };
	char			*t;

	(void)state;
	l = layout_new(d, &o);
	t = flow_text(l, 0, 0);
	assert_string_equal(t, "cooperate|next line");
	free(t);
	layout_free(l);
	doc_free(d);
	/* a break at a soft hyphen shows a hyphen when there is room */
	d = doc_para(BLOCK_PARA, "co\xc2\xad" "op\xc2\xad" "era\xc2\xad"
	    "tion");
	o.width = 4;
	l = layout_new(d, &o);
	check_lines(l, 0, 4);
	t = flow_text(l, 0, 0);
	assert_string_equal(t, "coop|era-|tion");
	free(t);
	layout_free(l);
	doc_free(d);
}

static void
test_refs_ambiguous(void **state)
{
	struct doc			*d = doc_new(NULL);
	struct layout			*l;
	struct layout_opts		 o = { 1, 0 };
	const struct layout_line	*lines;
	int				 n, i, j, seen = 0;

	(void)state;
	doc_begin_block(d, BLOCK_PARA, 1);
	doc_append(d, "见注", 6, 0);
	doc_append_ref(d, "①", 3, "①", 1, 0);
	doc_append(d, "。", 3, 0);
	doc_end_block(d, 1);
	/* ambiguous wide: ① takes two columns and cannot fit in one */
	text_set_ambiguous_wide(1);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	check_lines(l, 0, 1);
	for (i = 0; i < n; i++)
		assert_int_equal(lines[i].cols, 1);
	layout_free(l);
	o.width = 6;
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	check_lines(l, 0, 6);
	/* "。" may not begin a line, nor ① leave its word: all go down */
	assert_int_equal(n, 2);
	assert_int_equal(lines[0].cols, 2);
	assert_int_equal(lines[1].cols, 6);
	assert_memory_equal(lines[1].text, "注①。", 9);
	text_set_ambiguous_wide(0);
	for (i = 0; i < n; i++)
		for (j = 0; j < lines[i].nruns; j++) {
			if (lines[i].runs[j].ref == -1)
				continue;
			seen++;
			assert_int_equal(lines[i].runs[j].ref, 0);
			assert_true(lines[i].runs[j].style & SPAN_REF);
			assert_int_equal(lines[i].runs[j].doc_off,
			    d->refs[0].text_off);
			assert_int_equal(layout_line_of(l, 0,
			    d->refs[0].text_off), i);
		}
	assert_int_equal(seen, 1);
	layout_free(l);
	doc_free(d);
}

/* Where glibc and libunistring disagree, the layout follows the terminal. */
static void
test_glibc_widths(void **state)
{
	/* U+4DC0 and U+3248 are two columns to glibc, one to libunistring */
	struct doc			*d = doc_para(BLOCK_PARA,
	    "\xe4\xb7\x80\xe4\xb7\x80\xe3\x89\x88");
	struct layout			*l;
	struct layout_opts		 o = { 3, 0 };
	const struct layout_line	*lines;
	int				 n;

	(void)state;
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_int_equal(n, 3);
	assert_int_equal(lines[0].cols, 2);
	assert_int_equal(lines[2].cols, 2);
	check_lines(l, 0, 3);
	layout_free(l);
	doc_free(d);
}

/* Random mixtures of every kind of unit, at every narrow width. */
static void
test_random(void **state)
{
	static const char *const pieces[] = {
		"a", "word ", " ", "  ", "\t", "\n", "中", "。", "，", "（",
		"）", "“", "”", "e\xcc\x81", "\xf0\x9f\x91\x8d", "\x1b",
		"\x07", "\xc2\x9b", "\xe2\x80\xae", "\xff", "\xc2\xad",
		"\xe2\x80\x8b", "https://x.org/", "①", "\xef\xbd\x81",
		"\xcc\x81",
	};
	struct doc		*d;
	struct layout		*l;
	struct layout_opts	 o = { 0 };
	struct buf		 b = { 0 };
	unsigned		 seed = 12345;
	int			 round, k, w, type;
	size_t			 p;

	(void)state;
	for (round = 0; round < 60; round++) {
		buf_reset(&b);
		for (k = 0; k < 80; k++) {
			seed = seed * 1103515245 + 12345;
			p = (seed >> 16) % (sizeof pieces / sizeof pieces[0]);
			buf_puts(&b, pieces[p]);
		}
		type = round % 3 == 0 ? BLOCK_CODE : BLOCK_PARA;
		d = doc_para(type, b.data);
		d->blocks[0].quote_depth = round % 4;
		d->blocks[0].indent = 2 * (round % 4);
		if (round % 5 == 1) {
			d->blocks[0].flags |= BLOCK_LISTITEM;
			d->blocks[0].list_depth = 1;
			strcpy(d->blocks[0].marker, "•");
		}
		/* box drawing and bullets are ambiguous: both widths */
		text_set_ambiguous_wide(round % 2);
		for (w = 1; w <= 24; w++) {
			o.width = w;
			o.tab = 1 + round % 9;
			l = layout_new(d, &o);
			check_lines(l, 0, w);
			layout_free(l);
		}
		doc_free(d);
	}
	text_set_ambiguous_wide(0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_narrow_wide),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_latin_words),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_graphemes),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_code_wrap),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_soft_hyphen_and_newline),
		cmocka_unit_test(test_refs_ambiguous),
		cmocka_unit_test(test_glibc_widths),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

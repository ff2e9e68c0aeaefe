/* Unit tests for the plain-text parser and the format sniffer (src/parse_text.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "parse_test_util.h"
#include "scholia/parse.h"

/* Parse text as plain text. */
static struct doc *
txt(const char *text)
{
	return ptu_parse(text, parse_text);
}

static void
done(struct doc *d)
{
	ptu_done(d);
}

static int
sniff(const char *s)
{
	return parse_is_markdown(s, strlen(s));
}

static void
test_sniff_fixtures(void **state)
{
	(void)state;
	assert_true(sniff("# Title\n\nSome text.\n\n## Part\n\nMore.\n"));
	assert_true(sniff("Text with a note.<sup>[1]</sup>\n\nMore<sup>2</sup>.\n"));
	assert_true(sniff("**Bold head** then text.\n\nSee [a link](http://x.y).\n"));
	assert_true(sniff("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"));
	assert_true(sniff("Title\n=====\n\n- one\n- two\n- three\n"));
	assert_false(sniff("Plain paragraph one.\n\nAnother *italic* one, "
	    "see <https://x.y/z>.^①\n\n① A note.\n"));
	assert_false(sniff("引言\n正文第一段。\n正文第二段。\n- 一项\n"));
	assert_false(sniff(""));
	/* One stray heading-like line is not enough. */
	assert_false(sniff("# not really\nplain text follows\n"));
}

static void
test_sniff_corpus(void **state)
{
	static const struct {
		const char	*file;
		int		 md;
	} files[] = {
		{ "000_00de59a97d2e8414.txt", 0 },
		{ "001_fd6d2281a506ce26.txt", 0 },
		{ "002_3eb26aec672eccd6.txt", 1 },
		{ "003_a796eb0e20fb7cc6.txt", 0 },
		{ "004_f368d1273f3871b0.txt", 1 },
	};
	struct source	*src;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		if ((src = ptu_corpus(files[i].file)) == NULL)
			skip();
		assert_int_equal(parse_is_markdown(src->text, src->len),
		    files[i].md);
		ptu_source_free(src);
	}
}

static void
test_blank_line_paragraphs(void **state)
{
	struct doc	*d;

	(void)state;
	d = txt("\n\nFirst paragraph.\n\n\nSecond one.\n\nThird.\n");
	assert_int_equal(d->nblocks, 3);
	assert_int_equal(d->blocks[0].type, BLOCK_PARA);
	assert_int_equal(d->blocks[0].line, 3);
	assert_int_equal(d->blocks[1].line, 6);
	assert_int_equal(d->blocks[2].line, 8);
	assert_string_equal(ptu_block(d, 1), "Second one.");
	assert_int_equal(d->nheadings, 0);
	done(d);
}

static void
test_lines_are_paragraphs(void **state)
{
	struct doc	*d;

	(void)state;
	/* Long unwrapped lines with no blank lines: one paragraph each. */
	d = txt("引言\n"
	    "这是第一段的内容，它很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n"
	    "这是第二段的内容，它也很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n"
	    "结论\n"
	    "最后一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n");
	assert_int_equal(d->nblocks, 5);
	assert_string_equal(ptu_block(d, 0), "引言");
	assert_int_equal(d->blocks[3].line, 4);
	assert_int_equal(d->blocks[4].line, 5);
	done(d);
}

static void
test_hard_wrapped(void **state)
{
	struct doc	*d;

	(void)state;
	d = txt("The quick brown fox jumps over the lazy\n"
	    "dog and keeps running across the wide\n"
	    "field until the evening comes.\n"
	    "\n"
	    "A second paragraph starts here and it\n"
	    "goes on for another line of text and a\n"
	    "short line.\n"
	    "Then a new one that is wrapped at the\n"
	    "margin like all the others here.\n"
	    "中文段落在这里被硬换行了，它一直写到\n"
	    "下一行继续。\n");
	assert_int_equal(d->nblocks, 4);
	assert_string_equal(ptu_block(d, 0), "The quick brown fox jumps over "
	    "the lazy dog and keeps running across the wide field until the "
	    "evening comes.");
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[0].end_line, 3);
	assert_string_equal(ptu_block(d, 1), "A second paragraph starts here "
	    "and it goes on for another line of text and a short line.");
	assert_int_equal(d->blocks[2].line, 8);
	assert_string_equal(ptu_block(d, 3),
	    "中文段落在这里被硬换行了，它一直写到下一行继续。");
	assert_int_equal(d->blocks[3].end_line, 11);
	done(d);
}

static void
test_indentation(void **state)
{
	struct doc	*d;

	(void)state;
	d = txt("    Indented text is never code.\n\n"
	    "\xe3\x80\x80\xe3\x80\x80全角缩进的段落。\n\n\tTabbed.  \n");
	assert_int_equal(d->nblocks, 3);
	assert_int_equal(d->blocks[0].type, BLOCK_PARA);
	assert_string_equal(ptu_block(d, 0), "Indented text is never code.");
	assert_string_equal(ptu_block(d, 1), "全角缩进的段落。");
	assert_string_equal(ptu_block(d, 2), "Tabbed.");
	assert_int_equal(d->blocks[1].indent, 0);
	done(d);
}

static void
test_bullets(void **state)
{
	struct doc	*d;

	(void)state;
	d = txt("Points:\n• first\n  • second\n·third\n"
	    "?主权寻租:一\n?退出杠杆:二\n- dash one\n- dash two\n"
	    "?lonely is fine\n");
	assert_int_equal(d->nblocks, 9);
	assert_int_equal(d->blocks[0].flags & BLOCK_LISTITEM, 0);
	assert_true(d->blocks[1].flags & BLOCK_LISTITEM);
	assert_string_equal(d->blocks[1].marker, "•");
	assert_string_equal(ptu_block(d, 1), "first");
	assert_int_equal(d->blocks[1].indent, 2);
	assert_int_equal(d->blocks[1].list_depth, 1);
	assert_true(d->blocks[2].flags & BLOCK_TIGHT);
	assert_string_equal(ptu_block(d, 3), "third");
	assert_string_equal(ptu_block(d, 4), "主权寻租:一");
	assert_string_equal(d->blocks[4].marker, "•");
	assert_string_equal(ptu_block(d, 6), "dash one");
	/* "?lonely": "?" glued to a Latin word still counts: the file has several. */
	assert_true(d->blocks[8].flags & BLOCK_LISTITEM);
	done(d);
	d = txt("Is it?\n?Not a bullet when alone\n- also alone\n");
	assert_int_equal(d->nblocks, 3);
	assert_int_equal(d->blocks[1].flags & BLOCK_LISTITEM, 0);
	assert_string_equal(ptu_block(d, 1), "?Not a bullet when alone");
	assert_int_equal(d->blocks[2].flags & BLOCK_LISTITEM, 0);
	assert_string_equal(ptu_block(d, 2), "- also alone");
	done(d);
}

static void
test_rules_and_pages(void **state)
{
	struct doc	*d;

	(void)state;
	d = txt("a\n\n---\n\nb\n* * *\nc\fd\n\fe\n");
	assert_int_equal(d->nblocks, 6);
	assert_int_equal(d->blocks[1].type, BLOCK_HR);
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[3].type, BLOCK_HR);
	assert_int_equal(d->blocks[3].line, 6);
	assert_int_equal(d->blocks[4].flags & BLOCK_PAGEBREAK, 0);
	assert_true(d->blocks[5].flags & BLOCK_PAGEBREAK);
	assert_string_equal(ptu_block(d, 5), "e");
	assert_int_equal(d->blocks[5].line, 8);
	done(d);
	d = txt("one\f\ntwo\n");
	assert_int_equal(d->nblocks, 2);
	assert_true(d->blocks[1].flags & BLOCK_PAGEBREAK);
	done(d);
}

static void
test_inline(void **state)
{
	struct doc		*d;
	const struct span	*sp;
	unsigned		 f;

	(void)state;
	d = txt("An *italic* and **bold** ref <https://x.y/z>; \\$800 and "
	    "https://a.b/c. 2 * 3 \\*not\\*\n");
	assert_string_equal(ptu_block(d, 0), "An italic and bold ref "
	    "https://x.y/z; $800 and https://a.b/c. 2 * 3 *not*");
	assert_string_equal(ptu_span(d, 0, 1, &f), "italic");
	assert_int_equal(f, SPAN_EMPH);
	assert_string_equal(ptu_span(d, 0, 3, &f), "bold");
	assert_int_equal(f, SPAN_STRONG);
	assert_string_equal(ptu_span(d, 0, 5, &f), "https://x.y/z");
	assert_int_equal(f, SPAN_URL | SPAN_LINK);
	sp = &d->spans[d->blocks[0].span_first + 5];
	assert_string_equal(d->aux.data + sp->aux_off, "https://x.y/z");
	assert_string_equal(ptu_span(d, 0, 7, &f), "https://a.b/c");
	assert_int_equal(f, SPAN_URL | SPAN_LINK);
	done(d);
}

static void
test_markers(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = txt("标题^{*}\n\n正文^①，又见②。\n\n^{*} 本文系。\n\n^① 注释一。\n\n"
	    "② 注释二。\n");
	assert_int_equal(d->nblocks, 5);
	assert_int_equal(d->nrefs, 2);
	assert_string_equal(d->refs[0].label, "*");
	assert_int_equal(d->refs[0].line, 1);
	assert_string_equal(d->refs[1].label, "①");
	assert_int_equal(d->refs[1].line, 3);
	assert_string_equal(ptu_block(d, 1), "正文①，又见②。");
	assert_string_equal(ptu_span(d, 1, 3, &f), "②");
	assert_int_equal(f, SPAN_MAYBEREF);
	assert_string_equal(ptu_span(d, 2, 0, &f), "[*]");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_block(d, 2), "[*] 本文系。");
	assert_string_equal(ptu_span(d, 3, 0, &f), "①");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_span(d, 4, 0, &f), "②");
	assert_int_equal(f, SPAN_NOTELABEL);
	done(d);
}

/* A corpus file parsed as plain text, with basic sanity checked. */
static struct doc *
corpus(const char *file)
{
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;

	if ((ptu_cur_src = ptu_corpus(file)) == NULL)
		return NULL;
	d = doc_new(ptu_cur_src);
	assert_int_equal(parse_text(d, &cause), 0);
	for (i = 0; i < d->nblocks; i++) {
		const char *t = ptu_block(d, i);

		assert_true(d->blocks[i].line >= 1);
		assert_true(d->blocks[i].end_line >= d->blocks[i].line);
		if (i > 0)
			assert_true(d->blocks[i].line > d->blocks[i - 1].line);
		assert_true(d->blocks[i].text_len > 0 ||
		    d->blocks[i].type == BLOCK_HR);
		assert_null(strstr(t, "**"));
		assert_null(strstr(t, "<http"));
		assert_null(strstr(t, "\\$"));
	}
	return d;
}

static void
test_corpus_000(void **state)
{
	struct doc	*d;
	char		 path[1024], line[512], label[64];
	FILE		*f;
	size_t		 i, k = 0;
	int		 ln, bi;
	unsigned	 fl;

	(void)state;
	if ((d = corpus("000_00de59a97d2e8414.txt")) == NULL)
		skip();
	/* One paragraph per non-blank line: 137 of them. */
	assert_int_equal(d->nblocks, 137);
	for (i = 0; i < d->nblocks; i++) {
		const char *t = ptu_block(d, i), *p;

		for (p = strchr(t, '*'); p != NULL; p = strchr(p + 1, '*'))
			assert_true(p > t && p[-1] == '[' && p[1] == ']');
	}
	/* Line 25 is a "^①" note, line 35 a bare "①" note. */
	for (bi = 0; bi < (int)d->nblocks && d->blocks[bi].line != 25; bi++)
		;
	assert_string_equal(ptu_span(d, (size_t)bi, 0, &fl), "①");
	assert_int_equal(fl, SPAN_NOTELABEL);
	for (bi = 0; bi < (int)d->nblocks && d->blocks[bi].line != 35; bi++)
		;
	assert_int_equal(d->spans[d->blocks[bi].span_first].flags,
	    SPAN_NOTELABEL);
	/* Every caret reference is in the expected list, in order. */
	snprintf(path, sizeof path, "%s/expect/000.notes.json", CORPUS_DIR);
	if ((f = fopen(path, "r")) != NULL) {
		while (k < d->nrefs && fgets(line, sizeof line, f) != NULL) {
			if (strstr(line, "\"notes\"") != NULL)
				break;
			if (sscanf(line, " {\"line\": %d, \"label\": "
			    "\"%63[^\"]\"", &ln, label) == 2 &&
			    d->refs[k].line == ln &&
			    strcmp(d->refs[k].label, label) == 0)
				k++;
		}
		fclose(f);
		assert_int_equal(k, d->nrefs);
		assert_true(d->nrefs > 30);
	}
	done(d);
}

static void
test_corpus_001(void **state)
{
	struct doc	*d;
	size_t		 i;
	int		 items = 0;

	(void)state;
	if ((d = corpus("001_fd6d2281a506ce26.txt")) == NULL)
		skip();
	assert_int_equal(d->nblocks, 46);
	for (i = 0; i < d->nblocks; i++) {
		assert_int_equal(d->blocks[i].line, (int)i + 1);
		if (d->blocks[i].flags & BLOCK_LISTITEM) {
			items++;
			assert_int_equal(ptu_block(d, i)[0] == '?', 0);
		}
	}
	assert_int_equal(items, 6);
	done(d);
}

static void
test_corpus_003(void **state)
{
	struct doc	*d;
	size_t		 i;
	int		 items = 0;

	(void)state;
	if ((d = corpus("003_a796eb0e20fb7cc6.txt")) == NULL)
		skip();
	for (i = 0; i < d->nblocks; i++) {
		const char *t = ptu_block(d, i);

		assert_true(t[strlen(t) - 1] != ' ');
		if (d->blocks[i].flags & BLOCK_LISTITEM)
			items++;
	}
	assert_int_equal(items, 12);
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[d->nblocks - 1].line, 30);
	done(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_fixtures),
		cmocka_unit_test(test_sniff_corpus),
		cmocka_unit_test(test_blank_line_paragraphs),
		cmocka_unit_test(test_lines_are_paragraphs),
		cmocka_unit_test(test_hard_wrapped),
		cmocka_unit_test(test_indentation),
		cmocka_unit_test(test_bullets),
		cmocka_unit_test(test_rules_and_pages),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_corpus_000),
		cmocka_unit_test(test_corpus_001),
		cmocka_unit_test(test_corpus_003),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

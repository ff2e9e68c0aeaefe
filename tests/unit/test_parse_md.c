/* Unit tests for the Markdown parser (src/parse_md.c, src/parse_inline.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "parse_test_util.h"
#include "scholia/parse.h"

/* Parse text as Markdown. */
static struct doc *
md(const char *text)
{
	return ptu_parse(text, parse_md);
}

static void
done(struct doc *d)
{
	ptu_done(d);
}

static void
test_headings(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("# Title\n\n## Section\n\ntext here\n\n#### deep\n---\n");
	assert_int_equal(d->nblocks, 5);
	assert_int_equal(d->blocks[3].end_line, 7);
	assert_int_equal(d->blocks[4].type, BLOCK_HR);
	assert_int_equal(d->blocks[4].line, 8);
	assert_int_equal(d->blocks[0].type, BLOCK_HEADING);
	assert_int_equal(d->blocks[0].level, 1);
	assert_string_equal(ptu_block(d, 0), "Title");
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[1].level, 2);
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[2].type, BLOCK_PARA);
	assert_int_equal(d->blocks[2].line, 5);
	assert_int_equal(d->blocks[3].level, 4);
	assert_int_equal(d->blocks[3].line, 7);
	assert_int_equal(d->nheadings, 0);
	done(d);
}

static void
test_setext_and_pages(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("Title\n=====\n\ntext\n\f\nnext page\n\nSub\n---\n");
	assert_int_equal(d->nblocks, 4);
	assert_int_equal(d->blocks[0].level, 1);
	assert_int_equal(d->blocks[0].end_line, 2);
	assert_int_equal(d->blocks[1].flags & BLOCK_PAGEBREAK, 0);
	assert_true(d->blocks[2].flags & BLOCK_PAGEBREAK);
	assert_int_equal(d->blocks[2].line, 6);
	assert_int_equal(d->blocks[3].level, 2);
	assert_int_equal(d->blocks[3].line, 8);
	assert_int_equal(d->blocks[3].end_line, 9);
	done(d);
}

static void
test_emphasis_nested(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = md("a *b **c** d* e ~~gone~~\n");
	assert_string_equal(ptu_block(d, 0), "a b c d e gone");
	assert_int_equal(d->blocks[0].span_count, 6);
	assert_string_equal(ptu_span(d, 0, 0, &f), "a ");
	assert_int_equal(f, 0);
	assert_string_equal(ptu_span(d, 0, 1, &f), "b ");
	assert_int_equal(f, SPAN_EMPH);
	assert_string_equal(ptu_span(d, 0, 2, &f), "c");
	assert_int_equal(f, SPAN_EMPH | SPAN_STRONG);
	assert_string_equal(ptu_span(d, 0, 3, &f), " d");
	assert_int_equal(f, SPAN_EMPH);
	assert_string_equal(ptu_span(d, 0, 5, &f), "gone");
	assert_int_equal(f, SPAN_STRIKE);
	done(d);
}

static void
test_emphasis_cjk_repair(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = md("**【提要】**正文 \\*x\\* 2 * 3\n");
	assert_string_equal(ptu_block(d, 0), "【提要】正文 *x* 2 * 3");
	assert_string_equal(ptu_span(d, 0, 0, &f), "【提要】");
	assert_int_equal(f, SPAN_STRONG);
	assert_int_equal(d->blocks[0].span_count, 2);
	done(d);
}

static void
test_code(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = md("x `y *z*` w\n\n```c\nint  a;\n\n  b;\n```\n\n    indented is text\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(ptu_block(d, 0), "x y *z* w");
	assert_string_equal(ptu_span(d, 0, 1, &f), "y *z*");
	assert_int_equal(f, SPAN_CODE);
	assert_int_equal(d->blocks[1].type, BLOCK_CODE);
	assert_string_equal(ptu_block(d, 1), "int  a;\n\n  b;");
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[1].end_line, 7);
	assert_int_equal(d->blocks[2].type, BLOCK_PARA);
	assert_string_equal(ptu_block(d, 2), "indented is text");
	assert_int_equal(d->blocks[2].line, 9);
	done(d);
}

static void
test_lists(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("intro\n\n- a\n- b\n    1. c\n    2. d\n- e\n\n7) x\n\n8) y\n");
	assert_int_equal(d->nblocks, 8);
	assert_int_equal(d->blocks[0].flags & BLOCK_LISTITEM, 0);
	assert_true(d->blocks[1].flags & BLOCK_LISTITEM);
	assert_string_equal(d->blocks[1].marker, "•");
	assert_int_equal(d->blocks[1].list_depth, 1);
	assert_int_equal(d->blocks[1].indent, 2);
	assert_int_equal(d->blocks[1].line, 3);
	assert_true(d->blocks[2].flags & BLOCK_TIGHT);
	assert_string_equal(ptu_block(d, 3), "c");
	assert_string_equal(d->blocks[3].marker, "1.");
	assert_int_equal(d->blocks[3].list_depth, 2);
	assert_int_equal(d->blocks[3].indent, 4);
	assert_int_equal(d->blocks[3].line, 5);
	assert_string_equal(d->blocks[4].marker, "2.");
	assert_string_equal(d->blocks[5].marker, "•");
	assert_int_equal(d->blocks[5].list_depth, 1);
	assert_string_equal(d->blocks[6].marker, "7)");
	assert_string_equal(d->blocks[7].marker, "8)");
	assert_int_equal(d->blocks[7].flags & BLOCK_TIGHT, 0);	/* loose */
	assert_int_equal(d->blocks[7].line, 11);
	done(d);
}

static void
test_quotes(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("> q1\n> q2\n>\n> > inner\n\n> - item\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(ptu_block(d, 0), "q1 q2");
	assert_int_equal(d->blocks[0].quote_depth, 1);
	assert_int_equal(d->blocks[0].indent, 2);
	assert_int_equal(d->blocks[0].end_line, 2);
	assert_int_equal(d->blocks[1].quote_depth, 2);
	assert_int_equal(d->blocks[1].indent, 4);
	assert_int_equal(d->blocks[1].line, 4);
	assert_int_equal(d->blocks[2].quote_depth, 1);
	assert_int_equal(d->blocks[2].list_depth, 1);
	assert_int_equal(d->blocks[2].indent, 4);
	done(d);
}

static void
test_table(void **state)
{
	struct doc		*d;
	const struct table	*t;
	const struct table_cell	*c;

	(void)state;
	d = md("before\n\n| A | *B* | C |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n| x |\n\nafter\n");
	assert_int_equal(d->nblocks, 3);
	assert_int_equal(d->blocks[1].type, BLOCK_TABLE);
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[1].end_line, 6);
	t = &d->tables[d->blocks[1].table];
	assert_int_equal(t->ncols, 3);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->header_rows, 1);
	assert_string_equal(t->align, "lrc");
	c = doc_cell(d, t, 0, 1);
	assert_int_equal(c->text_len, 1);
	assert_memory_equal(d->text.data + c->text_off, "B", 1);
	assert_int_equal(d->spans[c->span_first].flags, SPAN_EMPH);
	c = doc_cell(d, t, 1, 2);
	assert_memory_equal(d->text.data + c->text_off, "3", 1);
	c = doc_cell(d, t, 2, 1);
	assert_int_equal(c->text_len, 0);
	assert_int_equal(d->blocks[2].line, 8);
	done(d);
	d = md("- | a | b |\n  |---|---|\n  | 1 | 2 | 3 | 4 |\n- next\n");
	assert_int_equal(d->nblocks, 2);
	assert_int_equal(d->blocks[0].type, BLOCK_TABLE);
	assert_true(d->blocks[0].flags & BLOCK_LISTITEM);
	t = &d->tables[d->blocks[0].table];
	assert_int_equal(t->ncols, 2);
	c = doc_cell(d, t, 1, 1);
	assert_int_equal(c->text_len, 1);
	assert_memory_equal(d->text.data + c->text_off, "2", 1);
	assert_string_equal(ptu_block(d, 1), "next");
	done(d);
}

static void
test_hr(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("---\n\na\nb\n\n***\n\n\n___\nc\n");
	assert_int_equal(d->nblocks, 5);
	assert_int_equal(d->blocks[0].type, BLOCK_HR);
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[1].end_line, 4);
	assert_int_equal(d->blocks[2].type, BLOCK_HR);
	assert_int_equal(d->blocks[2].line, 6);
	assert_int_equal(d->blocks[3].type, BLOCK_HR);
	assert_int_equal(d->blocks[3].line, 9);
	assert_int_equal(d->blocks[4].line, 10);
	done(d);
}

static void
test_links(void **state)
{
	struct doc		*d;
	const struct span	*sp;
	unsigned		 f;

	(void)state;
	d = md("see [the *site*](http://x.org/a) or <https://a.b/c> or www.q.com.\n");
	assert_string_equal(ptu_block(d, 0),
	    "see the site or https://a.b/c or www.q.com.");
	assert_string_equal(ptu_span(d, 0, 1, &f), "the ");
	assert_int_equal(f, SPAN_LINK);
	sp = &d->spans[d->blocks[0].span_first + 1];
	assert_string_equal(d->aux.data + sp->aux_off, "http://x.org/a");
	assert_string_equal(ptu_span(d, 0, 2, &f), "site");
	assert_int_equal(f, SPAN_LINK | SPAN_EMPH);
	assert_string_equal(ptu_span(d, 0, 4, &f), "https://a.b/c");
	assert_int_equal(f, SPAN_LINK | SPAN_URL);
	assert_string_equal(ptu_span(d, 0, 6, &f), "www.q.com");
	assert_int_equal(f, SPAN_LINK | SPAN_URL);
	done(d);
}

static void
test_html_inline(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = md("H<sub>2</sub>O x<sup>th</sup> <span class=\"a\">kept</span> "
	    "a<br>b &amp; &#x4e2d;&#20013; &copy; &bogus;\n");
	assert_string_equal(ptu_block(d, 0),
	    "H2O xth kept a\nb & 中中 © &bogus;");
	assert_string_equal(ptu_span(d, 0, 1, &f), "2");
	assert_int_equal(f, SPAN_SUB);
	assert_string_equal(ptu_span(d, 0, 3, &f), "th");
	assert_int_equal(f, SPAN_SUP);
	assert_int_equal(d->nrefs, 0);
	done(d);
}

static void
test_html_block(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("<div>\n  <p>Hello &amp; <b>bye</b></p>\n</div>\n\n<div></div>\n\nend\n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(ptu_block(d, 0), "Hello & bye");
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[0].end_line, 3);
	assert_string_equal(ptu_block(d, 1), "end");
	assert_int_equal(d->blocks[1].line, 7);
	done(d);
}

static void
test_sup_refs(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("**Title**<sup>\\*</sup>\n\ntext<sup>[1]</sup> more\n"
	    "again<sup>2</sup> and<sup>[①]</sup>\n");
	assert_string_equal(ptu_block(d, 0), "Title[*]");
	assert_string_equal(ptu_block(d, 1), "text[1] more again[2] and①");
	assert_int_equal(d->nrefs, 4);
	assert_string_equal(d->refs[0].label, "*");
	assert_int_equal(d->refs[0].line, 1);
	assert_int_equal(d->refs[0].block, 0);
	assert_string_equal(d->refs[1].label, "1");
	assert_int_equal(d->refs[1].line, 3);
	assert_string_equal(d->refs[2].label, "2");
	assert_int_equal(d->refs[2].line, 4);
	assert_string_equal(d->refs[3].label, "①");
	assert_memory_equal(d->text.data + d->refs[1].text_off, "[1]", 3);
	done(d);
}

static void
test_softbreak_cjk(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("中文\n继续\nEnglish\nwords，\n好的\n“引号”\n再\nend “q”\n^②\nword\n"
	    "<sup>3</sup>\n");
	assert_string_equal(ptu_block(d, 0),
	    "中文继续 English words，好的“引号”再 end “q”② word[3]");
	done(d);
}

static void
test_hardbreak(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("a  \nb\\\nc<br/>d\n");
	assert_string_equal(ptu_block(d, 0), "a\nb\nc\nd");
	assert_int_equal(d->blocks[0].end_line, 3);
	done(d);
}

static void
test_markers(void **state)
{
	struct doc	*d;
	unsigned	 f;
	int		 bi;

	(void)state;
	d = md("开头\n正文^①后^{②}与^{*}和^1及[^n]¹²，又③④。\n");
	bi = 0;
	assert_string_equal(ptu_block(d, bi),
	    "开头正文①后②与[*]和[1]及[n][12]，又③④。");
	assert_int_equal(d->nrefs, 6);
	assert_string_equal(d->refs[0].label, "①");
	assert_int_equal(d->refs[0].line, 2);
	assert_string_equal(d->refs[1].label, "②");
	assert_string_equal(d->refs[2].label, "*");
	assert_string_equal(d->refs[3].label, "1");
	assert_string_equal(d->refs[4].label, "n");
	assert_int_equal(d->refs[4].named, 1);
	assert_int_equal(d->refs[3].named, 0);
	assert_string_equal(d->refs[5].label, "12");
	/* Bare circled numbers are maybe-refs, each in its own span. */
	assert_string_equal(ptu_span(d, 0, d->blocks[0].span_count - 3, &f),
	    "③");
	assert_int_equal(f, SPAN_MAYBEREF);
	assert_string_equal(ptu_span(d, 0, d->blocks[0].span_count - 2, &f),
	    "④");
	assert_int_equal(f, SPAN_MAYBEREF);
	done(d);
}

static void
test_note_heads(void **state)
{
	struct doc	*d;
	unsigned	 f;

	(void)state;
	d = md("^① Paul, *T*, x^②.\n\n[^fn]: A note.\n\n    More of it.\n\n"
	    "① 另一\n\n\\* 本文\n\n[3]Text\n\nplain ①\n");
	assert_int_equal(d->nblocks, 7);
	assert_string_equal(ptu_span(d, 0, 0, &f), "①");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_block(d, 0), "① Paul, T, x②.");
	assert_int_equal(d->nrefs, 1);
	assert_string_equal(d->refs[0].label, "②");
	assert_string_equal(ptu_span(d, 1, 0, &f), "[fn]");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_block(d, 1), "[fn] A note.");
	assert_int_equal(d->blocks[1].line, 3);
	assert_string_equal(ptu_block(d, 2), "More of it.");
	assert_string_equal(ptu_span(d, 3, 0, &f), "①");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_block(d, 4), "[*] 本文");
	assert_string_equal(ptu_span(d, 4, 0, &f), "[*]");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_block(d, 5), "[3]Text");
	assert_string_equal(ptu_span(d, 5, 0, &f), "[3]");
	assert_int_equal(f, SPAN_NOTELABEL);
	assert_string_equal(ptu_span(d, 6, 1, &f), "①");
	assert_int_equal(f, SPAN_MAYBEREF);
	done(d);
}

static void
test_named_ref_not_link(void **state)
{
	struct doc	*d;

	(void)state;
	d = md("Text[^a] end.\n\n[^a]: The note.\n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(ptu_block(d, 0), "Text[a] end.");
	assert_int_equal(d->nrefs, 1);
	assert_string_equal(d->refs[0].label, "a");
	assert_int_equal(d->refs[0].named, 1);
	assert_string_equal(ptu_block(d, 1), "[a] The note.");
	done(d);
}

/* Index of the block starting on source line ln, or -1. */
static int
block_at(const struct doc *d, int ln)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].line == ln)
			return (int)i;
	return -1;
}

/*
 * Refs of a corpus Markdown file against the hand-checked expectation, and
 * every expected note paragraph opening with its label.
 */
static void
check_corpus_refs(struct doc *d, const char *expect)
{
	char	 path[1024], line[512], label[64], shown[80];
	FILE	*f;
	size_t	 k = 0;
	int	 ln, bi, matched = 0, total = 0, notes = 0, in_notes = 0;
	unsigned fl;

	snprintf(path, sizeof path, "%s/expect/%s", CORPUS_DIR, expect);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strstr(line, "\"notes\"") != NULL)
			in_notes = 1;
		if (sscanf(line, " {\"line\": %d, \"label\": \"%63[^\"]\"",
		    &ln, label) != 2)
			continue;
		if (in_notes) {
			notes++;
			bi = block_at(d, ln);
			assert_true(bi >= 0);
			snprintf(shown, sizeof shown, "[%s]", label);
			assert_string_equal(ptu_span(d, (size_t)bi, 0, &fl),
			    shown);
			assert_int_equal(fl, SPAN_NOTELABEL);
			continue;
		}
		total++;
		for (; k < d->nrefs; k++)
			if (d->refs[k].line == ln &&
			    strcmp(d->refs[k].label, label) == 0)
				break;
		if (k < d->nrefs) {
			matched++;
			k++;
		}
	}
	fclose(f);
	assert_true(total > 0);
	assert_int_equal(matched, total);
	assert_int_equal((size_t)total, d->nrefs);
	assert_true(notes > 0);
}

static void
check_no_markup(struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		const char *t = ptu_block(d, i);

		assert_null(strstr(t, "<sup"));
		assert_null(strstr(t, "</sup"));
		assert_null(strstr(t, "**"));
		assert_true(ptu_spans_cover(d, i));
	}
}

static void
test_corpus_002(void **state)
{
	struct source	*src = ptu_corpus("002_3eb26aec672eccd6.txt");
	struct doc	*d;
	char		*cause = NULL;
	int		 i;

	(void)state;
	if (src == NULL)
		skip();
	d = doc_new(src);
	assert_int_equal(parse_md(d, &cause), 0);
	check_no_markup(d);
	check_corpus_refs(d, "002.notes.json");
	/* The title (line 3), a section heading (line 25). */
	assert_int_equal(d->blocks[0].type, BLOCK_HEADING);
	assert_int_equal(d->blocks[0].line, 3);
	assert_int_equal(d->blocks[0].level, 1);
	i = block_at(d, 25);
	assert_true(i >= 0);
	assert_int_equal(d->blocks[i].type, BLOCK_HEADING);
	assert_int_equal(d->blocks[i].level, 2);
	doc_free(d);
	ptu_source_free(src);
}

static void
test_corpus_004(void **state)
{
	struct source	*src = ptu_corpus("004_f368d1273f3871b0.txt");
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;
	int		 hr = 0, star = 0;

	(void)state;
	if (src == NULL)
		skip();
	d = doc_new(src);
	assert_int_equal(parse_md(d, &cause), 0);
	check_no_markup(d);
	assert_true(d->nrefs >= 321);
	for (i = 0; i < d->nrefs; i++)
		if (strcmp(d->refs[i].label, "*") == 0)
			star++;
	assert_int_equal(star, 3);
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == BLOCK_HR)
			hr++;
		assert_true(d->blocks[i].line >= 1);
		assert_true(d->blocks[i].end_line >= d->blocks[i].line);
		if (i > 0)
			assert_true(d->blocks[i].line >=
			    d->blocks[i - 1].line);
	}
	assert_true(hr >= 10);
	/* Line 9 is a rule, line 11 the first item of the contents list. */
	for (i = 0; i < d->nblocks && d->blocks[i].line != 9; i++)
		;
	assert_true(i < d->nblocks);
	assert_int_equal(d->blocks[i].type, BLOCK_HR);
	assert_true(d->blocks[i + 1].flags & BLOCK_LISTITEM);
	assert_int_equal(d->blocks[i + 1].line, 11);
	doc_free(d);
	ptu_source_free(src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_setext_and_pages),
		cmocka_unit_test(test_emphasis_nested),
		cmocka_unit_test(test_emphasis_cjk_repair),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_hr),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_html_inline),
		cmocka_unit_test(test_html_block),
		cmocka_unit_test(test_sup_refs),
		cmocka_unit_test(test_softbreak_cjk),
		cmocka_unit_test(test_hardbreak),
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_note_heads),
		cmocka_unit_test(test_named_ref_not_link),
		cmocka_unit_test(test_corpus_002),
		cmocka_unit_test(test_corpus_004),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

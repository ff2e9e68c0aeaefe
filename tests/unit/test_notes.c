/* Unit tests of note recovery: marker styles, the per-page restart rule, missing notes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "recover_util.h"
#include "scholia/load.h"
#include "scholia/notes.h"

/* The note linked from the reference on line with label, or its label. */
static const char *
linked_label(struct doc *d, int line, const char *label)
{
	int	n = tr_ref_note(d, line, label);

	if (n == -2)
		return "no-ref";
	if (n < 0)
		return "null";
	return d->notes[n].label;
}

static int
linked_line(struct doc *d, int line, const char *label)
{
	int	n = tr_ref_note(d, line, label);

	return n < 0 ? n : d->notes[n].line;
}

static void
test_circled_caret(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 nb;

	(void)state;
	tr_para(d, 1, "正文{①}第二句{②}。");
	nb = tr_para(d, 3, "{@①}Paul Poast, “Under Trump”.");
	tr_para(d, 5, "{@②}Francis Fukuyama.");
	notes_recover(d);
	assert_int_equal(d->nnotes, 2);
	assert_int_equal(linked_line(d, 1, "①"), 3);
	assert_int_equal(linked_line(d, 1, "②"), 5);
	assert_int_equal(d->blocks[nb].type, BLOCK_NOTE);
	assert_false(doc_in_flow(d, nb));
	assert_int_equal(d->notes[0].nrefs, 1);
	assert_int_equal(d->notes[0].refs[0], 0);
	doc_free(d);
}

static void
test_bracket_and_star(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_heading(d, 1, 1, "标题{[*]}");
	tr_para(d, 3, "正文{[1]}，又{[2]}。");
	tr_para(d, 5, "{@[*]}本文系项目成果。");
	tr_para(d, 7, "{@[1]}Seb Starcevic, Politico.");
	tr_para(d, 9, "{@[2]}Baskaran, CSIS.");
	notes_recover(d);
	/* the title note is in the first notes after the title */
	assert_int_equal(linked_line(d, 1, "*"), 5);
	assert_int_equal(linked_line(d, 3, "1"), 7);
	assert_int_equal(linked_line(d, 3, "2"), 9);
	assert_string_equal(d->notes[1].label, "1");
	doc_free(d);
}

static void
test_restart_per_page(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "第一页{①}和{②}");
	tr_para(d, 3, "{@①}page one note one");
	tr_para(d, 5, "{@②}page one note two");
	tr_para(d, 7, "第二页{①}。");
	tr_hr(d, 8);
	tr_para(d, 9, "{@①}page two note one");
	tr_para(d, 11, "第三页{②}{①}。");
	tr_para(d, 13, "{@①}page three note one");
	tr_para(d, 15, "{@②}page three note two");
	notes_recover(d);
	assert_int_equal(d->nnotes, 5);
	assert_int_equal(linked_line(d, 1, "①"), 3);
	assert_int_equal(linked_line(d, 1, "②"), 5);
	assert_int_equal(linked_line(d, 7, "①"), 9);
	assert_int_equal(linked_line(d, 11, "①"), 13);
	assert_int_equal(linked_line(d, 11, "②"), 15);
	doc_free(d);
}

/* Two pages' notes with no text between still restart at ①. */
static void
test_adjacent_runs(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "甲{①}");
	tr_para(d, 2, "乙{①}");
	tr_para(d, 3, "{@①}first");
	tr_para(d, 4, "{@①}second");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "①"), 3);
	assert_int_equal(linked_line(d, 2, "①"), 3);
	assert_int_equal(d->notes[1].nrefs, 0);
	doc_free(d);
}

static void
test_missing_note(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "正文{[1]}和{[2]}。");
	tr_para(d, 3, "{@[1]}only the first survived");
	tr_para(d, 5, "下一页{[1]}{[2]}。");
	tr_para(d, 7, "{@[1]}next page one");
	tr_para(d, 9, "{@[2]}next page two");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	/* never linked to the [2] of a later page */
	assert_string_equal(linked_label(d, 1, "2"), "null");
	assert_int_equal(linked_line(d, 5, "2"), 9);
	doc_free(d);
}

static void
test_no_notes_after(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "{@①}a note before the text");
	tr_para(d, 3, "正文{①}。");
	notes_recover(d);
	assert_string_equal(linked_label(d, 3, "①"), "null");
	doc_free(d);
}

static void
test_named_across_document(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "Text{^first} and more{^second}.");
	tr_para(d, 3, "{@①}a page note that must not catch named refs");
	tr_para(d, 5, "More text.");
	tr_para(d, 7, "{@[second]}The second note.");
	tr_para(d, 9, "{@[first]}The first note.");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "first"), 9);
	assert_int_equal(linked_line(d, 1, "second"), 7);
	doc_free(d);
}

static void
test_bare_circled(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[256];
	int		 b1;

	(void)state;
	b1 = tr_para(d, 1, "如下{?①②}所示，以及{?③}。");
	tr_para(d, 3, "{@①}note one");
	tr_para(d, 5, "{@②}note two");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "①"), 3);
	assert_int_equal(linked_line(d, 1, "②"), 5);
	/* no ③ note: it stays text, not a reference */
	assert_int_equal(tr_ref_note(d, 1, "③"), -2);
	assert_string_equal(tr_block_text(d, b1, buf, sizeof buf),
	    "如下①②所示，以及③。");
	assert_int_equal(d->refs[0].text_len, strlen("①"));
	assert_memory_equal(d->text.data + d->refs[1].text_off, "②",
	    strlen("②"));
	doc_free(d);
}

/* A head the parser left as plain text is still a note. */
static void
test_plain_heads(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "正文{①}与{[2]}。");
	tr_para(d, 3, "① plain circled head");
	tr_para(d, 5, "[2] plain bracket head");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "①"), 3);
	assert_int_equal(linked_line(d, 1, "2"), 5);
	doc_free(d);
}

/* A wrapped note line between two notes belongs to the first. */
static void
test_wrapped_note(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		 buf[256];
	int		 n1, cont;

	(void)state;
	tr_para(d, 1, "正文{①}{②}。");
	n1 = tr_para(d, 2, "{@①}Paul Poast, “Under Trump, U. S. Hegemony");
	cont = tr_para(d, 3, "Is Entering Full Predatory Mode,” 2025.");
	tr_para(d, 4, "{@②}Second note.");
	notes_recover(d);
	assert_int_equal(d->nnotes, 2);
	assert_true(d->blocks[cont].flags & BLOCK_HIDDEN);
	assert_string_equal(tr_block_text(d, n1, buf, sizeof buf),
	    "①Paul Poast, “Under Trump, U. S. Hegemony Is Entering Full "
	    "Predatory Mode,” 2025.");
	assert_int_equal(linked_line(d, 1, "②"), 4);
	doc_free(d);

	/* a short page of body text between two pages' notes stays body */
	d = doc_new(NULL);
	tr_para(d, 1, "正文{①}{②}。");
	tr_para(d, 2, "{@①}First note.");
	tr_para(d, 3, "{@②}Paul Poast, “Under Trump, U. S. Hegemony");
	cont = tr_para(d, 4, "下一页很短的正文{①}。");
	tr_para(d, 5, "{@①}Next page note.");
	notes_recover(d);
	assert_int_equal(d->blocks[cont].type, BLOCK_PARA);
	assert_false(d->blocks[cont].flags & BLOCK_HIDDEN);
	assert_int_equal(linked_line(d, 4, "①"), 5);
	doc_free(d);
}

/* The whole pipeline over a small Markdown text. */
static struct doc *
load_md(const char *md)
{
	struct load_opts	 o = { .format = LOAD_MARKDOWN };
	struct doc		*d = NULL;
	char			*cause = NULL;

	assert_int_equal(load_memory("t.md", md, strlen(md), &o, &d, &cause),
	    0);
	return d;
}

/* Every reference with this label links to the note on line want. */
static void
assert_all_linked(struct doc *d, const char *label, int want)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < d->nrefs; i++) {
		if (strcmp(d->refs[i].label, label) != 0)
			continue;
		assert_true(d->refs[i].note >= 0);
		assert_int_equal(d->notes[d->refs[i].note].line, want);
		n++;
	}
	assert_true(n > 0);
}

/*
 * [^name] references after numbered notes (found by runs, and plain
 * "1 ..." paragraphs promoted to notes) still link to their notes,
 * before or after them, and the numbered ones keep theirs.
 */
static void
test_named_after_numbered(void **state)
{
	struct doc	*d = doc_new(NULL);

	(void)state;
	tr_para(d, 1, "甲{[1]}乙{[2]}。");
	tr_para(d, 3, "{@[1]}first numbered");
	tr_para(d, 5, "{@[2]}second numbered");
	tr_para(d, 7, "{@[early]}a named note before its reference");
	tr_para(d, 9, "后文{^late}与{[1]}及{^early}，再{^late}。");
	tr_para(d, 11, "{@[1]}the next page's one");
	tr_para(d, 13, "{@[late]}a named note after it");
	notes_recover(d);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	assert_int_equal(linked_line(d, 1, "2"), 5);
	assert_int_equal(linked_line(d, 9, "1"), 11);
	assert_all_linked(d, "late", 13);
	assert_all_linked(d, "early", 7);
	doc_free(d);

	d = load_md("正文<sup>1</sup>，又<sup>2</sup>。\n\n1 第一条注释。\n\n"
	    "2 第二条注释。\n\n后文[^src]与[^other]，再[^src]。\n\n"
	    "[^other]: 另一条。\n\n[^src]: 出处。\n");
	assert_int_equal(d->nnotes, 4);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	assert_int_equal(linked_line(d, 1, "2"), 5);
	assert_all_linked(d, "src", 11);
	assert_all_linked(d, "other", 9);
	doc_free(d);
}

/* Pandoc notes link by name; an indented paragraph continues its note. */
static void
test_pandoc_notes(void **state)
{
	struct doc	*d;
	char		 buf[256];

	(void)state;
	d = load_md("Text.[^1] More.[^long]\n\nAgain.[^1]\n\n"
	    "[^1]: The first note.\n\n[^long]: A long note\n\n"
	    "    with a second paragraph.\n");
	assert_int_equal(d->nnotes, 2);
	assert_int_equal(linked_line(d, 1, "1"), 5);
	assert_int_equal(linked_line(d, 1, "long"), 7);
	assert_int_equal(linked_line(d, 3, "1"), 5);
	assert_non_null(strstr(tr_block_text(d, d->notes[1].block, buf,
	    sizeof buf), "A long note with a second paragraph."));
	doc_free(d);
}

/* <sup>1</sup> references whose notes are numbered paragraphs or a list. */
static void
test_numbered_notes(void **state)
{
	struct doc	*d;

	(void)state;
	d = load_md("正文<sup>1</sup>，又<sup>2</sup>。\n\n1 第一条注释。\n\n"
	    "2 第二条注释。\n\n下一页<sup>1</sup>。\n\n<sup>1</sup> 下一页的注释。\n");
	assert_int_equal(d->nnotes, 3);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	assert_int_equal(linked_line(d, 1, "2"), 5);
	assert_int_equal(linked_line(d, 7, "1"), 9);
	/* the head of a note is no reference of its own */
	assert_int_equal(d->nrefs, 3);
	doc_free(d);

	/* a page that starts with a marker and more markers is body text */
	d = load_md("甲<sup>1</sup>。\n\n<sup>1</sup> 注释。\n\n"
	    "<sup>2</sup> 接上页的正文，又有<sup>3</sup>。\n\n"
	    "<sup>2</sup> 注二。\n\n<sup>3</sup> 注三。\n");
	assert_int_equal(d->nnotes, 3);
	assert_int_equal(d->blocks[2].type, BLOCK_PARA);
	assert_int_equal(linked_line(d, 5, "3"), 9);
	doc_free(d);

	d = load_md("Text<sup>1</sup> and<sup>2</sup>.\n\n"
	    "1. First note.\n2. Second note.\n");
	assert_int_equal(d->nnotes, 2);
	assert_int_equal(linked_line(d, 1, "2"), 4);
	assert_int_equal(d->blocks[d->notes[1].block].type, BLOCK_NOTE);
	doc_free(d);

	/* an ordered list no reference asks for stays a list */
	d = load_md("Text<sup>1</sup>.\n\n[1] The note.\n\n"
	    "1. A list item.\n2. Another.\n");
	assert_int_equal(d->nnotes, 1);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	doc_free(d);
}

/* "[1]" left as text in plain conversions is a reference when its note follows. */
static void
test_plain_brackets(void **state)
{
	struct doc		*d;
	struct load_opts	 o = { .format = LOAD_TEXT };
	char			*cause = NULL;
	const char		*txt = "正文[1]，又见[2]与[3]。\n\n"
	    "[1] 参见张三。\n[2] 李四。\n\n后文[1]。\n\n[1] 王五。\n";

	(void)state;
	assert_int_equal(load_memory("t.txt", txt, strlen(txt), &o, &d,
	    &cause), 0);
	assert_int_equal(d->nnotes, 3);
	assert_int_equal(linked_line(d, 1, "1"), 3);
	assert_int_equal(linked_line(d, 1, "2"), 4);
	/* no note [3] on that page: it stays text */
	assert_int_equal(tr_ref_note(d, 1, "3"), -2);
	assert_int_equal(linked_line(d, 6, "1"), 8);
	doc_free(d);
}

/* A paragraph enumerating ①…②… in the body is no note. */
static void
test_enumeration_not_note(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 e;

	(void)state;
	tr_para(d, 1, "美国的政策有三个特点{①}：");
	e = tr_para(d, 3, "{@①}坚持实力原则；{?②}注重交易；{?③}偏好单边。");
	tr_para(d, 5, "{@①}A real note.");
	notes_recover(d);
	assert_int_equal(d->blocks[e].type, BLOCK_PARA);
	assert_false(d->spans[d->blocks[e].span_first].flags & SPAN_NOTELABEL);
	assert_int_equal(d->nnotes, 1);
	assert_int_equal(linked_line(d, 1, "①"), 5);
	doc_free(d);
}

/* In a text with blank lines between paragraphs, a note's next line is its own. */
static void
test_wrapped_last_note(void **state)
{
	struct doc		*d;
	struct load_opts	 o = { .format = LOAD_TEXT };
	char			*cause = NULL, buf[256];
	const char		*txt = "正文①，还有②。\n\n"
	    "① Paul Poast, “Under Trump, U. S.\nHegemony Is Entering,” 2025.\n\n"
	    "② Fukuyama, “The New American\nImperialism,” 2025.\n\n"
	    "下一页的正文继续写下去。\n";

	(void)state;
	assert_int_equal(load_memory("t.txt", txt, strlen(txt), &o, &d,
	    &cause), 0);
	assert_int_equal(d->nnotes, 2);
	assert_non_null(strstr(tr_block_text(d, d->notes[0].block, buf,
	    sizeof buf), "U. S. Hegemony Is Entering,” 2025."));
	assert_non_null(strstr(tr_block_text(d, d->notes[1].block, buf,
	    sizeof buf), "American Imperialism,” 2025."));
	assert_int_equal(linked_line(d, 1, "②"), 6);
	doc_free(d);
}

/* (line, label, note line) of every reference, as a comparable string. */
static void
links_of(struct doc *d, struct buf *out)
{
	size_t	i;

	buf_reset(out);
	for (i = 0; i < d->nrefs; i++)
		buf_printf(out, "%d %s %d\n", d->refs[i].line, d->refs[i].label,
		    d->refs[i].note < 0 ? -1 : d->notes[d->refs[i].note].line);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE		*f = fopen(path, "rb");
	struct buf	 b = { 0 };
	char		 chunk[4096];
	size_t		 k;

	assert_non_null(f);
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, k);
	fclose(f);
	*n = b.len;
	return buf_steal(&b);
}

/*
 * The corpus papers rewritten in other marker styles, line for line, link
 * exactly as the originals do: 000 with bare circled numbers in the body,
 * 002 with plain [n] markers instead of <sup>[n]</sup>.
 */
static void
test_corpus_variants(void **state)
{
	struct load_opts	 text = { .format = LOAD_TEXT };
	struct load_opts	 md = { .format = LOAD_MARKDOWN };
	struct doc		*d;
	struct buf		 want = { 0 }, got = { 0 }, v = { 0 };
	char			*src, *cause = NULL;
	size_t			 n, i;
	int			 bol;

	(void)state;
	assert_int_equal(load_file(CORPUS_DIR "/000_00de59a97d2e8414.txt",
	    &text, &d, &cause), 0);
	assert_int_equal(d->nrefs, 50);
	links_of(d, &want);
	assert_null(strstr(want.data, " -1\n"));
	doc_free(d);
	src = slurp(CORPUS_DIR "/000_00de59a97d2e8414.txt", &n);
	for (i = 0, bol = 1; i < n; i++) {
		/* drop the caret of ^① in running text, keep note heads */
		if (src[i] == '^' && !bol && i + 1 < n &&
		    (unsigned char)src[i + 1] == 0xe2)
			continue;
		buf_putc(&v, src[i]);
		bol = src[i] == '\n';
	}
	free(src);
	assert_int_equal(load_memory("v.txt", v.data, v.len, &text, &d,
	    &cause), 0);
	links_of(d, &got);
	assert_string_equal(got.data, want.data);
	doc_free(d);

	assert_int_equal(load_file(CORPUS_DIR "/002_3eb26aec672eccd6.txt", &md,
	    &d, &cause), 0);
	assert_int_equal(d->nrefs, 31);
	links_of(d, &want);
	assert_null(strstr(want.data, " -1\n"));
	doc_free(d);
	src = slurp(CORPUS_DIR "/002_3eb26aec672eccd6.txt", &n);
	buf_reset(&v);
	for (i = 0; i < n; i++) {
		if (n - i >= 5 && memcmp(src + i, "<sup>", 5) == 0) {
			i += 4;
			continue;
		}
		if (n - i >= 6 && memcmp(src + i, "</sup>", 6) == 0) {
			i += 5;
			continue;
		}
		buf_putc(&v, src[i]);
	}
	free(src);
	assert_int_equal(load_memory("v.md", v.data, v.len, &md, &d, &cause),
	    0);
	links_of(d, &got);
	assert_string_equal(got.data, want.data);
	doc_free(d);
	buf_free(&want);
	buf_free(&got);
	buf_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_circled_caret),
		cmocka_unit_test(test_bracket_and_star),
		cmocka_unit_test(test_restart_per_page),
		cmocka_unit_test(test_adjacent_runs),
		cmocka_unit_test(test_missing_note),
		cmocka_unit_test(test_no_notes_after),
		cmocka_unit_test(test_named_across_document),
		cmocka_unit_test(test_bare_circled),
		cmocka_unit_test(test_plain_heads),
		cmocka_unit_test(test_wrapped_note),
		cmocka_unit_test(test_pandoc_notes),
		cmocka_unit_test(test_named_after_numbered),
		cmocka_unit_test(test_numbered_notes),
		cmocka_unit_test(test_plain_brackets),
		cmocka_unit_test(test_enumeration_not_note),
		cmocka_unit_test(test_wrapped_last_note),
		cmocka_unit_test(test_corpus_variants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

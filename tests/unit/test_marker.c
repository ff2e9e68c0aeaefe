/* Unit tests for footnote markers: their lexing and the inline scan for them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "parse_test_util.h"
#include "scholia/buf.h"
#include "scholia/marker.h"
#include "scholia/parse.h"

static size_t
ref(const char *s, struct marker *m)
{
	return marker_ref(s, strlen(s), m);
}

static size_t
head(const char *s, struct marker *m)
{
	return marker_note_head(s, strlen(s), m);
}

static void
test_circled_value(void **state)
{
	(void)state;
	assert_int_equal(marker_circled_value(0x2460), 1);	/* ① */
	assert_int_equal(marker_circled_value(0x2473), 20);	/* ⑳ */
	assert_int_equal(marker_circled_value(0x3251), 21);	/* ㉑ */
	assert_int_equal(marker_circled_value(0x325F), 35);	/* ㉟ */
	assert_int_equal(marker_circled_value(0x32B1), 36);	/* ㊱ */
	assert_int_equal(marker_circled_value(0x32BF), 50);	/* ㊿ */
	assert_int_equal(marker_circled_value(0x2474), 0);	/* ⑴ */
	assert_int_equal(marker_circled_value('1'), 0);
}

static void
test_ref_caret_circled(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("^①后文", &m), 4);
	assert_string_equal(m.label, "①");
	assert_string_equal(m.shown, "①");
	assert_int_equal(m.bare, 0);
	assert_int_equal(ref("^㉑", &m), 4);
	assert_string_equal(m.label, "㉑");
	assert_int_equal(ref("^㊿.", &m), 4);
	assert_string_equal(m.label, "㊿");
	assert_int_equal(ref("^{②}x", &m), 6);
	assert_string_equal(m.label, "②");
	assert_string_equal(m.shown, "②");
}

static void
test_ref_braced(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("^{*} ", &m), 4);
	assert_string_equal(m.label, "*");
	assert_string_equal(m.shown, "[*]");
	assert_int_equal(ref("^{\\*}", &m), 5);
	assert_string_equal(m.label, "*");
	assert_int_equal(ref("^{12}", &m), 5);
	assert_string_equal(m.label, "12");
	assert_string_equal(m.shown, "[12]");
	assert_int_equal(ref("^{12", &m), 0);
	assert_int_equal(ref("^{x}", &m), 0);
	assert_int_equal(ref("^{123456}", &m), 0);
}

static void
test_ref_caret_digits(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("^1 and", &m), 2);
	assert_string_equal(m.label, "1");
	assert_string_equal(m.shown, "[1]");
	assert_int_equal(ref("^23,", &m), 3);
	assert_string_equal(m.label, "23");
	assert_int_equal(ref("^", &m), 0);
	assert_int_equal(ref("^a", &m), 0);
}

static void
test_ref_superscript(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("¹ x", &m), 2);
	assert_string_equal(m.label, "1");
	assert_string_equal(m.shown, "[1]");
	assert_int_equal(ref("²³。", &m), 4);
	assert_string_equal(m.label, "23");
	assert_int_equal(ref("⁴⁰", &m), 6);
	assert_string_equal(m.label, "40");
}

static void
test_ref_named(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("[^note1] rest", &m), 8);
	assert_string_equal(m.label, "note1");
	assert_string_equal(m.shown, "[note1]");
	assert_int_equal(m.named, 1);
	assert_int_equal(ref("[^1]", &m), 4);
	assert_string_equal(m.label, "1");
	/* A definition is not a reference. */
	assert_int_equal(ref("[^1]: text", &m), 0);
	assert_int_equal(ref("[^]", &m), 0);
	assert_int_equal(ref("[^a b]", &m), 0);
	assert_int_equal(ref("[1]", &m), 0);
}

static void
test_ref_bare(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(ref("③。", &m), 3);
	assert_string_equal(m.label, "③");
	assert_string_equal(m.shown, "③");
	assert_int_equal(m.bare, 1);
	assert_int_equal(ref("中", &m), 0);
	assert_int_equal(ref("a", &m), 0);
	assert_int_equal(marker_ref("①", 2, &m), 0);	/* truncated */
}

static void
test_note_head(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(head("^① Paul Poast", &m), 5);
	assert_string_equal(m.label, "①");
	assert_string_equal(m.shown, "①");
	assert_int_equal(head("①“In Riyadh", &m), 3);
	assert_string_equal(m.label, "①");
	assert_int_equal(head("^{*} 本文", &m), 5);
	assert_string_equal(m.label, "*");
	assert_string_equal(m.shown, "[*]");
	assert_int_equal(head("[1] Seb Starcevic", &m), 4);
	assert_string_equal(m.label, "1");
	assert_string_equal(m.shown, "[1]");
	assert_int_equal(head("[12]本文", &m), 4);
	assert_string_equal(m.label, "12");
	assert_int_equal(head("* 本文系", &m), 2);
	assert_string_equal(m.label, "*");
	assert_int_equal(head("\\* 本文系", &m), 3);
	assert_string_equal(m.label, "*");
	assert_int_equal(head("*\xe3\x80\x80本文", &m), 4);
	assert_int_equal(head("[^fn]: A note.", &m), 7);
	assert_string_equal(m.label, "fn");
	assert_int_equal(m.named, 1);
	assert_string_equal(m.shown, "[fn]");
}

static void
test_note_head_rejects(void **state)
{
	struct marker	m;

	(void)state;
	assert_int_equal(head("*WU Xinbo*", &m), 0);
	assert_int_equal(head("[^fn] used", &m), 0);
	assert_int_equal(head("[abc] x", &m), 0);
	assert_int_equal(head("[2025] x", &m), 7);
	assert_int_equal(head("[20251] x", &m), 0);
	assert_int_equal(head("1) x", &m), 0);
	assert_int_equal(head("特朗普", &m), 0);
	assert_int_equal(head("", &m), 0);
	assert_string_equal(m.label, "");
}

static void
test_sup_label(void **state)
{
	char	l[16];

	(void)state;
	assert_int_equal(marker_sup_label("[1]", 3, l, sizeof l), 1);
	assert_string_equal(l, "1");
	assert_int_equal(marker_sup_label("12", 2, l, sizeof l), 1);
	assert_string_equal(l, "12");
	assert_int_equal(marker_sup_label("\\*", 2, l, sizeof l), 1);
	assert_string_equal(l, "*");
	assert_int_equal(marker_sup_label("*", 1, l, sizeof l), 1);
	assert_string_equal(l, "*");
	assert_int_equal(marker_sup_label(" [3] ", 5, l, sizeof l), 1);
	assert_string_equal(l, "3");
	assert_int_equal(marker_sup_label("①", 3, l, sizeof l), 1);
	assert_string_equal(l, "①");
	assert_int_equal(marker_sup_label("th", 2, l, sizeof l), 0);
	assert_int_equal(marker_sup_label("2nd", 3, l, sizeof l), 0);
	assert_int_equal(marker_sup_label("", 0, l, sizeof l), 0);
	assert_int_equal(marker_sup_label("[]", 2, l, sizeof l), 0);
}

/* A marker in running text and what the inline scan makes of it. */
struct scan_case {
	const char	*src;		/* as written */
	const char	*shown;		/* as displayed */
	const char	*label;		/* of its reference, NULL if none */
	unsigned	 flags;		/* of the span showing it, 0: plain */
};

/* CJK punctuation whose lead bytes (e2 80, e3 80) markers share. */
static const char *const scan_fill[] = { "“", "、", "”", "。" };

/* Append s to buf (NUL-terminated, size bytes). */
static void
scan_cat(char *buf, const char *s, size_t size)
{
	size_t	n = strlen(buf);

	snprintf(buf + n, size - n, "%s", s);
}

/* pre bytes: ASCII to round, then 3-byte punctuation up to the marker. */
static void
scan_prefix(char *buf, size_t size, size_t pre, size_t shift)
{
	size_t	i, n = pre % 3;

	memset(buf, 'x', n);
	buf[n] = '\0';
	for (i = 0; i < pre / 3; i++)
		scan_cat(buf, scan_fill[(i + shift) % 4], size);
}

/* suf bytes: punctuation right after the marker, then ASCII. */
static void
scan_suffix(char *buf, size_t size, size_t suf, size_t shift)
{
	size_t	i;

	buf[0] = '\0';
	for (i = 0; i < suf / 3; i++)
		scan_cat(buf, scan_fill[(i + shift) % 4], size);
	for (i = 0; i < suf % 3; i++)
		scan_cat(buf, "y", size);
}

/* One paragraph "x" prefix marker suffix through the plain-text parser. */
static void
scan_check(const struct scan_case *c, const char *pre, const char *suf)
{
	char		 in[256], want[256];
	struct doc	*d;
	size_t		 i;
	unsigned	 f;
	int		 found = 0;

	snprintf(in, sizeof in, "x%s%s%s\n", pre, c->src, suf);
	snprintf(want, sizeof want, "x%s%s%s", pre, c->shown, suf);
	d = ptu_parse(in, parse_text);
	assert_int_equal(d->nblocks, 1);
	if (strcmp(ptu_block(d, 0), want) != 0)
		fail_msg("scan of \"%s\": \"%s\"", in, ptu_block(d, 0));
	assert_int_equal(d->nrefs, c->label != NULL ? 1 : 0);
	if (c->label != NULL)
		assert_string_equal(d->refs[0].label, c->label);
	for (i = 0; i < d->blocks[0].span_count; i++)
		if (strcmp(ptu_span(d, 0, i, &f), c->shown) == 0 &&
		    f == c->flags)
			found = 1;
	if (c->flags != 0 && !found)
		fail_msg("no span \"%s\" flags %x in \"%s\"", c->shown,
		    c->flags, in);
	ptu_done(d);
}

/*
 * Markers at every place of the sixteen-byte windows the inline scan
 * takes, and as the last bytes of the run (its overlapping last window),
 * between CJK punctuation that shares their lead bytes.
 */
static void
test_scan_windows(void **state)
{
	static const struct scan_case cases[] = {
		{ "^①", "①", "①", SPAN_REF },
		{ "¹", "[1]", "1", SPAN_REF },
		{ "²³", "[23]", "23", SPAN_REF },
		{ "⁴⁰", "[40]", "40", SPAN_REF },
		{ "[^n]", "[n]", "n", SPAN_REF },
		{ "①", "①", NULL, SPAN_MAYBEREF },
		{ "⑳", "⑳", NULL, SPAN_MAYBEREF },
		{ "㉑", "㉑", NULL, SPAN_MAYBEREF },
		{ "*词*", "词", NULL, SPAN_EMPH },
		{ "⁽", "⁽", NULL, 0 },
		{ "[1]", "[1]", NULL, 0 },
	};
	char	pre[128], suf[128];
	size_t	ci, p, s, shift;

	(void)state;
	for (ci = 0; ci < sizeof cases / sizeof cases[0]; ci++)
		for (p = 0; p < 40; p++)
			for (s = 0; s < 20; s++) {
				shift = p + s;
				scan_prefix(pre, sizeof pre, p, shift);
				scan_suffix(suf, sizeof suf, s, shift);
				scan_check(&cases[ci], pre, suf);
			}
}

/* Two markers in one window, and one closing an emphasis run. */
static void
test_scan_pairs(void **state)
{
	struct doc	*d;
	char		 in[256];
	size_t		 gap, i;

	(void)state;
	for (gap = 0; gap < 24; gap++) {
		char	fill[128];

		scan_suffix(fill, sizeof fill, gap, gap);
		snprintf(in, sizeof in, "x。^①%s¹”\n", fill);
		d = ptu_parse(in, parse_text);
		assert_int_equal(d->nrefs, 2);
		assert_string_equal(d->refs[0].label, "①");
		assert_string_equal(d->refs[1].label, "1");
		ptu_done(d);
	}
	for (i = 0; i < 20; i++) {
		char	fill[128], want[160];
		unsigned f;

		scan_prefix(fill, sizeof fill, i, i);
		snprintf(in, sizeof in, "x。*%s^②*、\n", fill);
		d = ptu_parse(in, parse_text);
		assert_int_equal(d->nrefs, 1);
		assert_string_equal(d->refs[0].label, "②");
		snprintf(want, sizeof want, "x。%s②、", fill);
		assert_string_equal(ptu_block(d, 0), want);
		assert_string_equal(ptu_span(d, 0, d->blocks[0].span_count - 2,
		    &f), "②");
		assert_int_equal(f, SPAN_REF | SPAN_EMPH);
		ptu_done(d);
	}
}

/*
 * Reference lines in paragraphs of many lines after gaps of 1 to 32 blank
 * lines: markers at a line's start and end each get the line they are on
 * (the line is found forward from the last one asked, the first of a
 * paragraph further on).
 */
static void
test_scan_lines(void **state)
{
	struct buf	 b = { 0 };
	struct doc	*d;
	char		 piece[128];
	int		 want[256], line = 1, k = 0, p, j, g, parser;

	(void)state;
	for (p = 0; p < 6; p++) {
		/* a first line with none: the next marker is far from the last */
		snprintf(piece, sizeof piece, "段落的第一行，没有标记，\n");
		buf_append(&b, piece, strlen(piece));
		line++;
		for (j = 0; j < 1 + p * 7; j++) {
			k++;
			if (j == 0 || k % 3 == 0)
				snprintf(piece, sizeof piece,
				    "^%d续行，这一行的文字，不以句号结束\n", k);
			else
				snprintf(piece, sizeof piece,
				    "续行，这一行的文字，不以句号结束^%d\n", k);
			buf_append(&b, piece, strlen(piece));
			want[k] = line++;
		}
		for (g = 0; g < 1 << p; g++) {
			buf_putc(&b, '\n');
			line++;
		}
	}
	buf_putc(&b, '\0');
	for (parser = 0; parser < 2; parser++) {
		d = ptu_parse(b.data, parser ? parse_md : parse_text);
		if (parser)
			assert_int_equal(d->nblocks, 6);
		assert_int_equal(d->nrefs, k);
		for (j = 0; j < k; j++) {
			snprintf(piece, sizeof piece, "%d", j + 1);
			assert_string_equal(d->refs[j].label, piece);
			if (d->refs[j].line != want[j + 1])
				fail_msg("ref %d: line %d, not %d (%s)", j + 1,
				    d->refs[j].line, want[j + 1],
				    parser ? "md" : "text");
		}
		ptu_done(d);
	}
	buf_free(&b);
}

/*
 * Every opening of a note head at a paragraph's start gets past the cheap
 * filter before the head is looked for, in both parsers.
 */
static void
test_scan_note_heads(void **state)
{
	static const char *const heads[][2] = {
		{ "^① 注文", "①" }, { "^{②} 注文", "②" }, { "⑳ 注文", "⑳" },
		{ "㉑ 注文", "㉑" }, { "㉟　注文", "㉟" }, { "㊱ 注文", "㊱" },
		{ "㊿ 注文", "㊿" }, { "[12] 注文", "[12]" }, { "[*] 注文", "[*]" },
		{ "^{*} 注文", "[*]" }, { "\\* 注文", "[*]" },
		{ "[^src]: 注文", "[src]" },
	};
	struct doc	*d;
	char		 in[128];
	size_t		 i;
	unsigned	 f;
	int		 parser;

	(void)state;
	for (parser = 0; parser < 2; parser++)
		for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
			snprintf(in, sizeof in, "正文。\n\n%s\n", heads[i][0]);
			d = ptu_parse(in, parser ? parse_md : parse_text);
			assert_int_equal(d->nblocks, 2);
			if (strcmp(ptu_span(d, 1, 0, &f), heads[i][1]) != 0 ||
			    f != SPAN_NOTELABEL)
				fail_msg("%s: \"%s\" %x (%s)", heads[i][0],
				    ptu_span(d, 1, 0, NULL), f,
				    parser ? "md" : "text");
			assert_int_equal(d->nrefs, 0);
			ptu_done(d);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_circled_value),
		cmocka_unit_test(test_ref_caret_circled),
		cmocka_unit_test(test_ref_braced),
		cmocka_unit_test(test_ref_caret_digits),
		cmocka_unit_test(test_ref_superscript),
		cmocka_unit_test(test_ref_named),
		cmocka_unit_test(test_ref_bare),
		cmocka_unit_test(test_note_head),
		cmocka_unit_test(test_note_head_rejects),
		cmocka_unit_test(test_sup_label),
		cmocka_unit_test(test_scan_windows),
		cmocka_unit_test(test_scan_pairs),
		cmocka_unit_test(test_scan_lines),
		cmocka_unit_test(test_scan_note_heads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for footnote marker lexing (src/marker.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "scholia/marker.h"

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

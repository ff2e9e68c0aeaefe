/* Unit tests for text.c: widths, graphemes, breaks, kinsoku, unsafe, folding. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <cmocka.h>

#include "scholia/buf.h"
#include "scholia/text.h"

static void	test_width_ascii(void **);
static void	test_width_cjk(void **);
static void	test_width_ambiguous(void **);
static void	test_width_zero(void **);
static void	test_width_emoji(void **);
static void	test_width_glibc(void **);
static void	test_width_string(void **);
static void	test_decode(void **);
static void	test_grapheme(void **);
static void	test_breaks_cjk(void **);
static void	test_breaks_latin(void **);
static void	test_breaks_url(void **);
static void	test_kinsoku(void **);
static void	test_classes(void **);
static void	test_unsafe(void **);
static void	test_placeholder(void **);
static void	test_fold_basic(void **);
static void	test_fold_map(void **);
static void	test_fold_chinese(void **);
static void	test_fold_stable(void **);
static void	test_needs_fold(void **);
static void	test_fold_random(void **);

/* Decode the first character of a UTF-8 literal. */
static uint32_t
cp(const char *s)
{
	uint32_t	c;

	text_decode(s, strlen(s), &c);
	return c;
}

static void
test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(' '), 1);
	assert_int_equal(text_char_width('~'), 1);
	assert_int_equal(text_char_width('\t'), 0);
	assert_int_equal(text_char_width(0x1B), 0);
	assert_int_equal(text_char_width(0x7F), 0);
	assert_int_equal(text_width("hello, world", 12), 12);
	assert_int_equal(text_width("a\x1b[31mb", 7), 6);
}

static void
test_width_cjk(void **state)
{
	(void)state;
	assert_int_equal(text_char_width(cp("中")), 2);
	assert_int_equal(text_char_width(cp("。")), 2);
	assert_int_equal(text_char_width(cp("，")), 2);
	assert_int_equal(text_char_width(cp("Ａ")), 2);
	assert_int_equal(text_char_width(cp("한")), 2);
	assert_int_equal(text_char_width(cp("か")), 2);
	assert_int_equal(text_char_width(0x20000), 2);	/* extension B */
	assert_int_equal(text_char_width(cp("ｶ")), 1);	/* half-width kana */
	assert_int_equal(text_width("中文abc", strlen("中文abc")), 7);
}

static void
test_width_ambiguous(void **state)
{
	static const char	*amb[] = { "①", "⑳", "“", "”", "‘", "’", "…",
	    "—", "α", "Я", "§" };
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof amb / sizeof amb[0]; i++)
		assert_int_equal(text_char_width(cp(amb[i])), 1);
	assert_int_equal(text_width("“①”", strlen("“①”")), 3);
	text_set_ambiguous_wide(1);
	for (i = 0; i < sizeof amb / sizeof amb[0]; i++)
		assert_int_equal(text_char_width(cp(amb[i])), 2);
	assert_int_equal(text_width("“①”", strlen("“①”")), 6);
	/* Non-ambiguous characters do not change. */
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(cp("中")), 2);
	assert_int_equal(text_char_width(0x0301), 0);
	assert_int_equal(text_char_width(0x4DC0), 2);
	text_set_ambiguous_wide(0);
	assert_int_equal(text_char_width(cp("①")), 1);
}

static void
test_width_zero(void **state)
{
	(void)state;
	assert_int_equal(text_char_width(0x0301), 0);	/* combining acute */
	assert_int_equal(text_char_width(0x200D), 0);	/* ZWJ */
	assert_int_equal(text_char_width(0x200B), 0);	/* zero width space */
	assert_int_equal(text_char_width(0xFE0F), 0);	/* VS16 */
	assert_int_equal(text_char_width(0xFE00), 0);	/* VS1 */
	assert_int_equal(text_char_width(0xE0100), 0);	/* VS17 */
	assert_int_equal(text_char_width(0x3099), 0);	/* kana voicing */
	assert_int_equal(text_char_width(0x202E), 0);	/* unsafe */
	assert_int_equal(text_char_width(0x9B), 0);
	assert_int_equal(text_width("e\xcc\x81", 3), 1);
}

static void
test_width_emoji(void **state)
{
	(void)state;
	assert_int_equal(text_char_width(0x1F600), 2);
	assert_int_equal(text_char_width(0x1F44D), 2);
	assert_int_equal(text_char_width(0x2705), 2);
	/* Family: three wide emoji joined by two ZWJ, as ncurses places it. */
	assert_int_equal(text_width("👨‍👩‍👧", strlen("👨‍👩‍👧")), 6);
}

/*
 * Every character must measure what glibc wcwidth says, since ncursesw
 * places characters with it (one column where wcwidth fails, as for
 * unassigned code points); this covers the 91 printable code points where
 * libunistring disagrees, and unassigned ones in wide blocks.
 */
static void
test_width_glibc(void **state)
{
	uint32_t	c;
	int		g, bad = 0;
	static const uint32_t	probe[] = { 0x00AD, 0x0600, 0x0605, 0x06DD,
	    0x070F, 0x0890, 0x0891, 0x08E2, 0x0CBF, 0x0CC6, 0x3248, 0x324F,
	    0x4DC0, 0x4DFF, 0x110BD, 0x110CD, 0x11A07, 0x11A08, 0x11C3F };
	size_t		i;

	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		skip();
	for (i = 0; i < sizeof probe / sizeof probe[0]; i++)
		assert_int_equal(text_char_width(probe[i]),
		    wcwidth((wchar_t)probe[i]));
	assert_int_equal(text_char_width(0x2FFFD), 1);	/* unassigned */
	assert_int_equal(text_char_width(0x3040), 1);
	for (c = 0; c < 0x110000; c++) {
		if (text_is_unsafe(c))
			continue;
		if ((g = wcwidth((wchar_t)c)) < 0)
			g = 1;
		if (text_char_width(c) != g && bad++ < 10)
			print_error("U+%04X: %d, wcwidth %d\n", (unsigned)c,
			    text_char_width(c), g);
	}
	assert_int_equal(bad, 0);
	setlocale(LC_ALL, "C");
}

static void
test_width_string(void **state)
{
	const char	*s = "Ab中\xff①\xcc\x81\x07";

	(void)state;
	/* A, b, 中 (2), invalid byte -> U+FFFD (1), ① (1), mark, BEL. */
	assert_int_equal(text_width(s, strlen(s)), 6);
	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("中", 2), 2);	/* 2 bad bytes */
}

static void
test_decode(void **state)
{
	uint32_t	c;

	(void)state;
	assert_int_equal(text_decode("a", 1, &c), 1);
	assert_int_equal(c, 'a');
	assert_int_equal(text_decode("中", 3, &c), 3);
	assert_int_equal(c, 0x4E2D);
	assert_int_equal(text_decode("😀", 4, &c), 4);
	assert_int_equal(c, 0x1F600);
	assert_int_equal(text_decode("\xc3\xa9", 2, &c), 2);
	assert_int_equal(c, 0xE9);
	/* Invalid: stray continuation, overlong, surrogate, truncated, >max. */
	assert_int_equal(text_decode("\x80", 1, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xc0\xaf", 2, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xe0\x80\xaf", 3, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xe4\xb8", 2, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xf4\x90\x80\x80", 4, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("\xff", 1, &c), 1);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(text_decode("", 0, &c), 0);
}

static void
test_grapheme(void **state)
{
	const char	*fam = "👨‍👩‍👧!";
	const char	*flags = "🇨🇳🇺🇸🇯";
	const char	*thumb = "👍🏽.";

	(void)state;
	assert_int_equal(text_grapheme("ab", 2), 1);
	assert_int_equal(text_grapheme("a", 1), 1);
	assert_int_equal(text_grapheme("", 0), 0);
	assert_int_equal(text_grapheme("e\xcc\x81x", 4), 3);
	assert_int_equal(text_grapheme("e\xcc\x81\xcc\xa3x", 6), 5);
	assert_int_equal(text_grapheme("中文", 6), 3);
	assert_int_equal(text_grapheme("\r\nx", 3), 2);
	assert_int_equal(text_grapheme(fam, strlen(fam)), strlen(fam) - 1);
	assert_int_equal(text_grapheme(flags, strlen(flags)), 8);
	assert_int_equal(text_grapheme(flags + 8, strlen(flags) - 8), 8);
	assert_int_equal(text_grapheme(flags + 16, 4), 4);
	assert_int_equal(text_grapheme(thumb, strlen(thumb)), 8);
	/* Heart + VS16, Hangul jamo L V T. */
	assert_int_equal(text_grapheme("❤️x", strlen("❤️x")), 6);
	assert_int_equal(text_grapheme("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8x",
	    10), 9);
	/* An invalid byte is a cluster of its own, never longer than n. */
	assert_int_equal(text_grapheme("\xff" "a", 2), 1);
	assert_int_equal(text_grapheme("\xe4\xb8", 2), 1);
	/* Controls never join with a following mark. */
	assert_int_equal(text_grapheme("\x1b\xcc\x81", 3), 1);
}

/* Find the byte offset of the n-th occurrence of needle. */
static size_t
off(const char *s, const char *needle)
{
	return (size_t)(strstr(s, needle) - s);
}

static void
test_breaks_cjk(void **state)
{
	const char	*s = "我们研究文本。然后";
	char		 br[64];
	size_t		 n = strlen(s), i;

	(void)state;
	text_breaks(s, n, br);
	/* Continuation bytes are never boundaries. */
	for (i = 0; i < n; i++) {
		if (i % 3 != 0)
			assert_int_equal(br[i], TEXT_BREAK_UNDEFINED);
	}
	assert_int_equal(br[off(s, "们")], TEXT_BREAK_POSSIBLE);
	assert_int_equal(br[off(s, "研")], TEXT_BREAK_POSSIBLE);
	/* Not before the full stop, but after it. */
	assert_int_equal(br[off(s, "。")], TEXT_BREAK_PROHIBITED);
	assert_int_equal(br[off(s, "然")], TEXT_BREAK_POSSIBLE);
}

static void
test_breaks_latin(void **state)
{
	const char	*s = "the quick brown fox\nnext";
	char		 br[64];
	size_t		 n = strlen(s), i;

	(void)state;
	text_breaks(s, n, br);
	for (i = 1; i < n; i++) {
		if (i == off(s, "quick") || i == off(s, "brown") ||
		    i == off(s, "fox"))
			assert_int_equal(br[i], TEXT_BREAK_POSSIBLE);
		else if (s[i] == '\n')
			assert_int_equal(br[i], TEXT_BREAK_MANDATORY);
		else if (i != off(s, "next"))
			assert_int_not_equal(br[i], TEXT_BREAK_POSSIBLE);
	}
	text_breaks("", 0, br);	/* must not crash */
}

static void
test_breaks_url(void **state)
{
	const char	*s = "see https://example.org/a-b/c?d=1 now";
	char		 br[64];
	size_t		 n = strlen(s), i, nposs = 0;

	(void)state;
	text_breaks(s, n, br);
	assert_int_equal(br[off(s, "https")], TEXT_BREAK_POSSIBLE);
	assert_int_equal(br[off(s, "now")], TEXT_BREAK_POSSIBLE);
	/* Inside the URL, breaks only follow punctuation, never the scheme. */
	for (i = off(s, "https") + 1; i < off(s, " now"); i++) {
		if (br[i] != TEXT_BREAK_POSSIBLE)
			continue;
		nposs++;
		assert_true(i > off(s, "//"));
		assert_non_null(strchr("/.-?=", s[i - 1]));
	}
	assert_true(nposs > 0);
}

static void
test_kinsoku(void **state)
{
	static const char	*closing[] = { "。", "，", "、", "；", "：", "？",
	    "！", "）", "」", "』", "】", "》", "〉", "”", "’", "…", "‥",
	    "・", "ー", "〕", "｝", "］", "｠", "〙", "〗", "ぁ", "っ", "ャ",
	    "ㇰ", ".", ",", ";", ":", "?", "!", ")", "]", "}", "．" };
	static const char	*opening[] = { "（", "「", "『", "【", "《",
	    "〈", "“", "‘", "〔", "［", "｛", "｟", "〘", "〖", "(", "[",
	    "{" };
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		assert_true(text_is_closing(cp(closing[i])));
		assert_false(text_is_opening(cp(closing[i])));
	}
	for (i = 0; i < sizeof opening / sizeof opening[0]; i++) {
		assert_true(text_is_opening(cp(opening[i])));
		assert_false(text_is_closing(cp(opening[i])));
	}
	assert_false(text_is_closing(cp("中")));
	assert_false(text_is_opening(cp("中")));
	assert_false(text_is_closing('a'));
	assert_false(text_is_opening('a'));
	assert_false(text_is_closing(cp("あ")));
}

static void
test_classes(void **state)
{
	static const char	*cjk[] = { "中", "㐀", "𠀀", "あ", "カ", "한",
	    "ᄀ", "。", "　", "Ａ", "１", "ｶ", "豈", "ㄅ" };
	static const char	*ends[] = { "。", "！", "？", "．", "!", "?",
	    ".", "…" };
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
		assert_true(text_is_cjk(cp(cjk[i])));
	assert_false(text_is_cjk('A'));
	assert_false(text_is_cjk(cp("é")));
	assert_false(text_is_cjk(cp("“")));
	assert_false(text_is_cjk(0x1F600));
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		assert_true(text_is_sentence_end(cp(ends[i])));
	assert_false(text_is_sentence_end(','));
	assert_false(text_is_sentence_end(cp("，")));
	assert_false(text_is_sentence_end(cp("」")));
	assert_false(text_is_sentence_end('a'));
}

static void
test_unsafe(void **state)
{
	uint32_t	c;

	(void)state;
	for (c = 0; c < 0x20; c++)
		assert_true(text_is_unsafe(c));
	for (c = 0x7F; c <= 0x9F; c++)
		assert_true(text_is_unsafe(c));
	for (c = 0x202A; c <= 0x202E; c++)
		assert_true(text_is_unsafe(c));
	for (c = 0x2066; c <= 0x2069; c++)
		assert_true(text_is_unsafe(c));
	assert_true(text_is_unsafe(0x200E));
	assert_true(text_is_unsafe(0x200F));
	assert_true(text_is_unsafe(0x061C));
	assert_true(text_is_unsafe(0xFFF9));
	assert_true(text_is_unsafe(0xFFFB));
	assert_true(text_is_unsafe(0x2028));	/* line separator */
	assert_true(text_is_unsafe(0x2029));
	assert_false(text_is_unsafe(' '));
	assert_false(text_is_unsafe('~'));
	assert_false(text_is_unsafe(0xA0));
	assert_false(text_is_unsafe(0x200D));	/* ZWJ is part of emoji */
	assert_false(text_is_unsafe(0x2027));
	assert_false(text_is_unsafe(0xFFFD));
	assert_false(text_is_unsafe(cp("中")));
}

static void
test_placeholder(void **state)
{
	char		out[16];
	uint32_t	c;
	size_t		n, i;

	(void)state;
	assert_int_equal(text_placeholder(0x1B, out, sizeof out), 2);
	assert_string_equal(out, "^[");
	assert_int_equal(text_placeholder(0x07, out, sizeof out), 2);
	assert_string_equal(out, "^G");
	assert_int_equal(text_placeholder(0x00, out, sizeof out), 2);
	assert_string_equal(out, "^@");
	assert_int_equal(text_placeholder(0x7F, out, sizeof out), 2);
	assert_string_equal(out, "^?");
	assert_int_equal(text_placeholder(0x9B, out, sizeof out), 4);
	assert_string_equal(out, "<9B>");
	assert_int_equal(text_placeholder(0x202E, out, sizeof out), 8);
	assert_string_equal(out, "<U+202E>");
	assert_int_equal(text_placeholder('a', out, sizeof out), 0);
	/* Truncation like snprintf. */
	assert_int_equal(text_placeholder(0x202E, out, 4), 8);
	assert_string_equal(out, "<U+");
	/* Every placeholder is printable ASCII. */
	for (c = 0; c < 0x10000; c++) {
		if (!text_is_unsafe(c))
			continue;
		n = text_placeholder(c, out, sizeof out);
		assert_true(n >= 2 && n < sizeof out);
		for (i = 0; i < n; i++)
			assert_true(out[i] >= 0x20 && out[i] < 0x7F);
		assert_int_equal(text_width(out, n), n);
	}
}

/* Fold s and return the result (static storage); checks the map too. */
static const char *
fold(const char *s)
{
	static char	 res[256];
	struct buf	 out = { 0 };
	size_t		*map = NULL, i, n = strlen(s);

	text_fold(s, n, &out, &map);
	assert_non_null(map);
	assert_true(out.len < sizeof res);
	assert_int_equal(map[0], 0);
	assert_int_equal(map[out.len], n);
	for (i = 1; i <= out.len; i++)
		assert_true(map[i] >= map[i - 1] && map[i] <= n);
	memcpy(res, out.data != NULL ? out.data : "", out.len);
	res[out.len] = '\0';
	free(map);
	buf_free(&out);
	return res;
}

static void
test_fold_basic(void **state)
{
	(void)state;
	assert_string_equal(fold("Ａ"), "a");
	assert_string_equal(fold("ＡＢＣ１２３ｘｙｚ"), "abc123xyz");
	assert_string_equal(fold("Hello WORLD 42"), "hello world 42");
	assert_string_equal(fold("Straße"), "strasse");
	assert_string_equal(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφοσ"));
	assert_string_equal(fold("ﬁnance"), "finance");
	assert_string_equal(fold("℃"), "°c");
	assert_string_equal(fold("①②"), "12");
	assert_string_equal(fold("Ｔｈｅ　ＵＮ"), "the un");
	assert_string_equal(fold("（注：）"), "(注:)");
	/* Canonical equivalents fold alike: e + combining acute is é. */
	assert_string_equal(fold("Cafe\xcc\x81"), fold("café"));
	assert_string_equal(fold("CAFÉ"), "café");
	/* Half-width kana with its voicing mark becomes one character. */
	assert_string_equal(fold("ｶﾞ"), "ガ");
	assert_string_equal(fold(""), "");
	/* Invalid bytes become U+FFFD, controls pass through. */
	assert_string_equal(fold("a\xff" "B\x1b"), "a\xef\xbf\xbd" "b\x1b");
	assert_string_equal(fold("中文研究"), "中文研究");
}

/* The source range of the first match of needle in the fold of s. */
static void
fold_find(const char *s, const char *needle, const char *want)
{
	struct buf	 out = { 0 };
	size_t		*map = NULL, a, b;
	char		*hit;

	text_fold(s, strlen(s), &out, &map);
	hit = strstr(out.data, needle);
	assert_non_null(hit);
	a = (size_t)(hit - out.data);
	b = a + strlen(needle);
	assert_int_equal(map[b] - map[a], strlen(want));
	assert_memory_equal(s + map[a], want, strlen(want));
	free(map);
	buf_free(&out);
}

static void
test_fold_map(void **state)
{
	struct buf	 out = { 0 };
	size_t		*map = NULL;

	(void)state;
	fold_find("x ＡＢＣ y", "abc", "ＡＢＣ");
	fold_find("The ＵＮ Charter", "un charter", "ＵＮ Charter");
	fold_find("maße und", "masse", "maße");
	fold_find("研究ＯＫ。", "ok", "ＯＫ");
	fold_find("Cafe\xcc\x81 noir", "café", "Cafe\xcc\x81");
	fold_find("a ﬁne day", "fi", "ﬁ");
	fold_find("bad\xff" "Byte", "byte", "Byte");
	/* Appending: the map covers the appended bytes only. */
	buf_puts(&out, "prefix");
	text_fold("ÄB", strlen("ÄB"), &out, &map);
	assert_string_equal(out.data, "prefixäb");
	assert_int_equal(map[0], 0);
	assert_int_equal(map[1], 0);
	assert_int_equal(map[2], 2);
	assert_int_equal(map[3], 3);
	free(map);
	/* A NULL map is allowed. */
	buf_reset(&out);
	text_fold("ABC", 3, &out, NULL);
	assert_string_equal(out.data, "abc");
	buf_free(&out);
}

static void
test_fold_chinese(void **state)
{
	(void)state;
	/* Character-level traditional to simplified needs OpenCC's t2s. */
	if (access("/usr/share/opencc/t2s.json", R_OK) != 0)
		skip();
	assert_string_equal(fold("國際關係"), "国际关系");
	assert_string_equal(fold("国际关系"), "国际关系");
	assert_string_equal(fold("臺灣與東亞：發展"), "台湾与东亚:发展");
	assert_string_equal(fold(fold("後裏髮乾")), fold("後裏髮乾"));
	fold_find("本文討論國際關係理論", "国际关系", "國際關係");
	assert_true(text_needs_fold("國", strlen("國")));
	assert_false(text_needs_fold("国", strlen("国")));
}

/* What text_needs_fold calls stable must fold to itself. */
static void
test_fold_stable(void **state)
{
	static const uint32_t	 ranges[][2] = {
		{ 0x3000, 0x30FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
		{ 0xAC00, 0xD7A3 }, { 0xFF00, 0xFFEF }, { 0x20000, 0x2A6DF },
	};
	struct buf		 out = { 0 }, again = { 0 };
	char			 s[8];
	uint32_t		 c;
	size_t			 r, n, bad = 0;

	(void)state;
	for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
			n = 0;
			if (c < 0x10000) {
				s[n++] = (char)(0xE0 | c >> 12);
			} else {
				s[n++] = (char)(0xF0 | c >> 18);
				s[n++] = (char)(0x80 | (c >> 12 & 0x3F));
			}
			s[n++] = (char)(0x80 | (c >> 6 & 0x3F));
			s[n++] = (char)(0x80 | (c & 0x3F));
			buf_reset(&out);
			text_fold(s, n, &out, NULL);
			if (!text_needs_fold(s, n) && (out.len != n ||
			    memcmp(out.data, s, n) != 0) && bad++ < 5)
				print_error("U+%04X is not stable\n",
				    (unsigned)c);
			/* Folding is idempotent. */
			buf_reset(&again);
			text_fold(out.data, out.len, &again, NULL);
			if ((again.len != out.len || memcmp(again.data,
			    out.data, out.len) != 0) && bad++ < 5)
				print_error("U+%04X folds twice\n",
				    (unsigned)c);
		}
	}
	buf_free(&out);
	buf_free(&again);
	assert_int_equal(bad, 0);
}

static void
test_needs_fold(void **state)
{
	static const char	*no[] = { "", "hello world 42", "a-b_c.d/e",
	    "中文研究", "我们认为、", "。「引用」", "かなカナ한국어", "x中y" };
	static const char	*yes[] = { "Hello", "ａ", "１", "é", "　",
	    "，", "（", "ﬁ", "①", "e\xcc\x81", "\xff", "ｶ" };
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (text_needs_fold(no[i], strlen(no[i])))
			fail_msg("needs fold: %s", no[i]);
		assert_string_equal(fold(no[i]), no[i]);
	}
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!text_needs_fold(yes[i], strlen(yes[i])))
			fail_msg("does not need fold: %s", yes[i]);
	}
}

/*
 * Random mixtures of awkward pieces: the map stays within bounds and never
 * decreases, folding is idempotent, and the result is valid UTF-8.
 */
static void
test_fold_random(void **state)
{
	static const char	*pieces[] = { "a", "Z", "Ａ", "國", "中",
	    "e\xcc\x81", "\xcc\x81", "\xff", "ﬁ", "ｶ", "ﾞ", "\xe4\xb8", "ß",
	    "\x1b", "\r\n", "。", "①", "😀", "\xe1\x84\x80", "\xe1\x85\xa1",
	    "𠀀", "İ", "\xf0\x9f" };
	struct buf		 in = { 0 }, out = { 0 }, again = { 0 };
	size_t			*map, i, k, l, npieces;
	uint32_t		 c;
	unsigned		 seed = 12345;

	(void)state;
	npieces = sizeof pieces / sizeof pieces[0];
	for (i = 0; i < 3000; i++) {
		buf_reset(&in);
		for (k = 0; k < i % 17; k++) {
			seed = seed * 1103515245 + 12345;
			buf_puts(&in, pieces[(seed >> 16) % npieces]);
		}
		buf_reset(&out);
		map = NULL;
		text_fold(in.data, in.len, &out, &map);
		assert_int_equal(map[0], 0);
		assert_int_equal(map[out.len], in.len);
		for (k = 1; k <= out.len; k++)
			assert_true(map[k - 1] <= map[k]);
		for (k = 0; k < out.len; k += l) {
			l = text_decode(out.data + k, out.len - k, &c);
			assert_true(c != 0xFFFD || memcmp(out.data + k,
			    "\xef\xbf\xbd", 3) == 0);
		}
		buf_reset(&again);
		text_fold(out.data, out.len, &again, NULL);
		assert_int_equal(again.len, out.len);
		assert_memory_equal(again.data, out.data, out.len);
		free(map);
	}
	buf_free(&in);
	buf_free(&out);
	buf_free(&again);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_cjk),
		cmocka_unit_test(test_width_ambiguous),
		cmocka_unit_test(test_width_zero),
		cmocka_unit_test(test_width_emoji),
		cmocka_unit_test(test_width_glibc),
		cmocka_unit_test(test_width_string),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_grapheme),
		cmocka_unit_test(test_breaks_cjk),
		cmocka_unit_test(test_breaks_latin),
		cmocka_unit_test(test_breaks_url),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_unsafe),
		cmocka_unit_test(test_placeholder),
		cmocka_unit_test(test_fold_basic),
		cmocka_unit_test(test_fold_map),
		cmocka_unit_test(test_fold_chinese),
		cmocka_unit_test(test_fold_stable),
		cmocka_unit_test(test_needs_fold),
		cmocka_unit_test(test_fold_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for encoding.c: detecting and converting every charset. */
#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "scholia/buf.h"
#include "scholia/encoding.h"

static void	test_names(void **);
static void	test_bom(void **);
static void	test_utf16_nobom(void **);
static void	test_utf8(void **);
static void	test_utf8_invalid(void **);
static void	test_gb18030(void **);
static void	test_big5(void **);
static void	test_ascii_prefix(void **);
static void	test_legacy_invalid(void **);
static void	test_utf16_invalid(void **);
static void	test_corpus(void **);

/* Sentences of our own, Simplified and Traditional. */
static const char	*simp[] = {
	"中文段落，测试编码。\n",
	"本文讨论国际关系理论的发展，并分析了相关问题。\n",
	"我们认为，这一政策对地区安全产生了重要影响。",
	"第一章 研究背景与问题的提出\n（一）研究意义\n",
};
static const char	*trad[] = {
	"中文段落，測試編碼。\n",
	"本文討論國際關係理論的發展，並分析了相關問題。\n",
	"我們認為，這一政策對地區安全產生了重要影響。",
	"第一章 研究背景與問題的提出\n（一）研究意義\n",
};

/* Convert UTF-8 to charset "to" with iconv; the result is malloc'd. */
static char *
conv(const char *s, size_t n, const char *to, size_t *outn)
{
	iconv_t	 cd;
	char	*out, *in = (char *)s, *o;
	size_t	 inleft = n, oleft = n * 4 + 16;

	cd = iconv_open(to, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	o = out = malloc(oleft);
	assert_non_null(out);
	/* With //IGNORE, glibc converts what it can and then fails. */
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 &&
	    (strstr(to, "//IGNORE") == NULL || errno != EILSEQ)) {
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*outn = (size_t)(o - out);
	return out;
}

/* Decode n bytes as enc and compare with the expected UTF-8. */
static void
expect_utf8(const char *p, size_t n, enum encoding enc, const char *want,
    size_t want_invalid)
{
	struct buf	 out = { 0 };
	size_t		 invalid = 99;
	char		*cause = NULL;

	assert_int_equal(encoding_to_utf8(p, n, enc, &out, &invalid, &cause),
	    0);
	assert_null(cause);
	assert_int_equal(invalid, want_invalid);
	assert_int_equal(out.len, strlen(want));
	if (out.len > 0)
		assert_memory_equal(out.data, want, out.len);
	buf_free(&out);
}

static void
test_names(void **state)
{
	enum encoding	e;

	(void)state;
	assert_string_equal(encoding_name(ENC_UTF8), "UTF-8");
	assert_string_equal(encoding_name(ENC_GB18030), "GB18030");
	assert_string_equal(encoding_name(ENC_BIG5), "Big5");
	assert_string_equal(encoding_name(ENC_UTF16LE), "UTF-16LE");
	assert_int_equal(encoding_from_name("utf8", &e), 0);
	assert_int_equal(e, ENC_UTF8);
	assert_int_equal(encoding_from_name("gbk", &e), 0);
	assert_int_equal(e, ENC_GB18030);
	assert_int_equal(encoding_from_name("GB2312", &e), 0);
	assert_int_equal(e, ENC_GB18030);
	assert_int_equal(encoding_from_name("big5", &e), 0);
	assert_int_equal(e, ENC_BIG5);
	assert_int_equal(encoding_from_name("utf-16be", &e), 0);
	assert_int_equal(e, ENC_UTF16BE);
	assert_int_equal(encoding_from_name("Big5", &e), 0);
	assert_int_equal(encoding_from_name(encoding_name(ENC_UTF16BE), &e),
	    0);
	assert_int_equal(e, ENC_UTF16BE);
	assert_int_equal(encoding_from_name("latin9", &e), -1);
	assert_int_equal(encoding_from_name("", &e), -1);
	assert_int_equal(encoding_from_name(
	    "a-very-long-name-that-is-not-an-encoding-at-all", &e), -1);
}

static void
test_bom(void **state)
{
	const char	*u8 = "\xef\xbb\xbfhi 中";
	const char	 le[] = "\xff\xfeh\0i\0";
	const char	 be[] = "\xfe\xff\0h\0i";

	(void)state;
	assert_int_equal(encoding_detect(u8, strlen(u8)), ENC_UTF8_BOM);
	expect_utf8(u8, strlen(u8), ENC_UTF8_BOM, "hi 中", 0);
	/* A BOM is dropped when the caller forces plain UTF-8 too. */
	expect_utf8(u8, strlen(u8), ENC_UTF8, "hi 中", 0);
	assert_int_equal(encoding_detect(le, 6), ENC_UTF16LE);
	expect_utf8(le, 6, ENC_UTF16LE, "hi", 0);
	assert_int_equal(encoding_detect(be, 6), ENC_UTF16BE);
	expect_utf8(be, 6, ENC_UTF16BE, "hi", 0);
}

static void
test_utf16_nobom(void **state)
{
	const char	*s = "Plain ASCII text in UTF-16, 中文 too.\n";
	char		*le, *be;
	size_t		 nle, nbe;

	(void)state;
	le = conv(s, strlen(s), "UTF-16LE", &nle);
	be = conv(s, strlen(s), "UTF-16BE", &nbe);
	assert_int_equal(encoding_detect(le, nle), ENC_UTF16LE);
	assert_int_equal(encoding_detect(be, nbe), ENC_UTF16BE);
	expect_utf8(le, nle, ENC_UTF16LE, s, 0);
	expect_utf8(be, nbe, ENC_UTF16BE, s, 0);
	free(le);
	free(be);
	/* A few NULs in binary data are not UTF-16. */
	assert_int_not_equal(encoding_detect("abc\0\1\2\3\0def\0\0", 14),
	    ENC_UTF16LE);
}

static void
test_utf8(void **state)
{
	size_t	i;

	(void)state;
	assert_int_equal(encoding_detect("", 0), ENC_UTF8);
	assert_int_equal(encoding_detect("plain ascii\n", 12), ENC_UTF8);
	for (i = 0; i < sizeof simp / sizeof simp[0]; i++) {
		assert_int_equal(encoding_detect(simp[i], strlen(simp[i])),
		    ENC_UTF8);
		assert_int_equal(encoding_detect(trad[i], strlen(trad[i])),
		    ENC_UTF8);
		expect_utf8(simp[i], strlen(simp[i]), ENC_UTF8, simp[i], 0);
	}
	expect_utf8("", 0, ENC_UTF8, "", 0);
}

static void
test_utf8_invalid(void **state)
{
	struct buf	 b = { 0 };
	size_t		 i;

	(void)state;
	expect_utf8("a\xff" "b", 3, ENC_UTF8, "a\xef\xbf\xbd" "b", 1);
	/* A truncated character: each byte is replaced, text resumes. */
	expect_utf8("\xe4\xb8x中", 6, ENC_UTF8,
	    "\xef\xbf\xbd\xef\xbf\xbdx中", 2);
	/* Overlong and surrogate forms are invalid. */
	expect_utf8("\xc0\xaf!", 3, ENC_UTF8, "\xef\xbf\xbd\xef\xbf\xbd!", 2);
	expect_utf8("\xed\xa0\x80", 3, ENC_UTF8,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3);
	expect_utf8("\x80", 1, ENC_UTF8, "\xef\xbf\xbd", 1);
	/* Mostly valid UTF-8 with a stray byte is still UTF-8. */
	for (i = 0; i < 20; i++)
		buf_puts(&b, simp[i % 4]);
	buf_putc(&b, '\xa3');
	buf_puts(&b, simp[0]);
	assert_int_equal(encoding_detect(b.data, b.len), ENC_UTF8);
	buf_free(&b);
}

/* Every sentence survives a round trip through charset cs, detected. */
static void
roundtrip(const char **text, size_t n, const char *cs, enum encoding enc)
{
	char	*p;
	size_t	 i, len;

	for (i = 0; i < n; i++) {
		p = conv(text[i], strlen(text[i]), cs, &len);
		assert_non_null(p);
		if (encoding_detect(p, len) != enc)
			fail_msg("%s detected as %s: %s", cs,
			    encoding_name(encoding_detect(p, len)), text[i]);
		expect_utf8(p, len, enc, text[i], 0);
		free(p);
	}
}

static void
test_gb18030(void **state)
{
	(void)state;
	roundtrip(simp, sizeof simp / sizeof simp[0], "GB18030", ENC_GB18030);
	roundtrip(trad, sizeof trad / sizeof trad[0], "GB18030", ENC_GB18030);
	roundtrip(simp, sizeof simp / sizeof simp[0], "GBK", ENC_GB18030);
	/* Four-byte GB18030 sequences (outside GBK). */
	roundtrip((const char *[]){ "Emoji 😀 and 𠀀 in GB18030 中文。" }, 1,
	    "GB18030", ENC_GB18030);
}

static void
test_big5(void **state)
{
	(void)state;
	roundtrip(trad, sizeof trad / sizeof trad[0], "BIG5", ENC_BIG5);
	roundtrip(trad, sizeof trad / sizeof trad[0], "CP950", ENC_BIG5);
}

/* A long ASCII preamble (program code, a licence) before the Chinese. */
static void
test_ascii_prefix(void **state)
{
	struct buf	 b = { 0 };
	char		*p;
	size_t		 i, len;

	(void)state;
	for (i = 0; i < 10000; i++)
		buf_puts(&b, "int main(void) { return 0; }\n");
	buf_puts(&b, trad[1]);
	p = conv(b.data, b.len, "BIG5", &len);
	assert_int_equal(encoding_detect(p, len), ENC_BIG5);
	free(p);
	p = conv(b.data, b.len, "GB18030", &len);
	assert_int_equal(encoding_detect(p, len), ENC_GB18030);
	free(p);
	buf_free(&b);
}

static void
test_legacy_invalid(void **state)
{
	char	*p;
	size_t	 len;
	char	 buf[64];

	(void)state;
	/* GB18030: a lone lead byte before ASCII, and a 0xFF byte. */
	p = conv("中文", 6, "GB18030", &len);
	memcpy(buf, p, len);
	free(p);
	memcpy(buf + len, "\x81 b\xff" "c", 5);
	expect_utf8(buf, len + 5, ENC_GB18030,
	    "中文\xef\xbf\xbd b\xef\xbf\xbd" "c", 2);
	/* Truncated at the end. */
	expect_utf8(buf, len - 1, ENC_GB18030, "中\xef\xbf\xbd", 1);
	/* Big5: a bad byte, a lead before a bad trail; the rest survives. */
	p = conv("測試", 6, "BIG5", &len);
	memcpy(buf, "\xff", 1);
	memcpy(buf + 1, p, len);
	memcpy(buf + 1 + len, "\xa1" "0", 2);
	free(p);
	expect_utf8(buf, len + 3, ENC_BIG5, "\xef\xbf\xbd測試\xef\xbf\xbd" "0",
	    2);
}

static void
test_utf16_invalid(void **state)
{
	/* A lone high surrogate, then "ok"; an odd trailing byte. */
	const char	le[] = "\x3d\xd8o\0k\0!";

	(void)state;
	expect_utf8(le, 7, ENC_UTF16LE, "\xef\xbf\xbdok\xef\xbf\xbd", 3);
}

/* Read a whole file into memory. */
static char *
slurp(const char *path, size_t *n)
{
	FILE	*f;
	char	*p;
	long	 len;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)len + 1);
	assert_non_null(p);
	*n = fread(p, 1, (size_t)len, f);
	p[*n] = '\0';
	fclose(f);
	return p;
}

/*
 * The reference papers: UTF-8 as they are; re-encoded in GB18030 they must
 * be detected as GB18030, and in Big5 (what it can represent) as Big5.
 */
static void
test_corpus(void **state)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[4096], *p, *g;
	size_t		 n, gn, tried = 0, big5 = 0;

	(void)state;
	if ((d = opendir(CORPUS_DIR)) == NULL)
		skip();
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".txt") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, de->d_name);
		if ((p = slurp(path, &n)) == NULL)
			continue;
		tried++;
		assert_int_equal(encoding_detect(p, n), ENC_UTF8);
		if ((g = conv(p, n, "GB18030", &gn)) != NULL) {
			assert_int_equal(encoding_detect(g, gn), ENC_GB18030);
			expect_utf8(g, gn, ENC_GB18030, p, 0);
			free(g);
		}
		/* Big5 lacks most simplified characters: drop those. */
		if ((g = conv(p, n, "BIG5//IGNORE", &gn)) != NULL) {
			assert_int_equal(encoding_detect(g, gn), ENC_BIG5);
			assert_int_equal(encoding_detect(g, 3001), ENC_BIG5);
			free(g);
			big5++;
		}
		/* The first 2 KiB, cut mid-character, still detected. */
		if (n > 2048 && (g = conv(p, n, "GB18030", &gn)) != NULL) {
			assert_int_equal(encoding_detect(g, 2047),
			    ENC_GB18030);
			free(g);
		}
		free(p);
	}
	closedir(d);
	assert_true(tried > 0);
	assert_int_equal(big5, tried);
}

/*
 * Long input goes to iconv in windows: characters cut by a window's end
 * (two bytes in GB18030 and Big5, four for U+10000 in GB18030, a unit pair
 * in UTF-16) come out whole at every offset, and bad bytes are still one
 * U+FFFD each.
 */
static void
test_windows(void **state)
{
	static const struct {
		enum encoding	 enc;
		const char	*ch;	/* one character in that encoding */
		size_t		 n;
		const char	*utf8;
	} cases[] = {
		{ ENC_GB18030, "\xd6\xd0", 2, "\xe4\xb8\xad" },	/* 中 */
		{ ENC_GB18030, "\x90\x30\x81\x30", 4, "\xf0\x90\x80\x80" },
		{ ENC_BIG5, "\xa4\xa4", 2, "\xe4\xb8\xad" },
		{ ENC_UTF16LE, "\x00\xd8\x00\xdc", 4, "\xf0\x90\x80\x80" },
	};
	size_t	 i, k, lead, total, bad, m;
	char	*in;
	struct buf out = { 0 };
	char	*cause = NULL;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (lead = 0; lead < 4; lead++) {
			/* lead ASCII bytes (units in UTF-16), then characters
			   to well past 128 KiB, then one bad byte at the end */
			total = 3 * 65536;
			in = malloc(total + 8);
			m = 0;
			for (k = 0; k < lead; k++) {
				in[m++] = 'a';
				if (cases[i].enc == ENC_UTF16LE)
					in[m++] = '\0';
			}
			while (m + cases[i].n <= total) {
				memcpy(in + m, cases[i].ch, cases[i].n);
				m += cases[i].n;
			}
			in[m++] = cases[i].enc == ENC_UTF16LE ? 'a' : '\xff';
			if (cases[i].enc == ENC_UTF16LE)
				in[m++] = '\0';
			buf_reset(&out);
			bad = 0;
			assert_int_equal(encoding_to_utf8(in, m, cases[i].enc,
			    &out, &bad, &cause), 0);
			assert_int_equal(bad, cases[i].enc == ENC_UTF16LE ? 0 :
			    1);
			assert_int_equal(out.len, lead +
			    (m - lead * (cases[i].enc == ENC_UTF16LE ? 2 : 1) -
			    (cases[i].enc == ENC_UTF16LE ? 2 : 1)) /
			    cases[i].n * strlen(cases[i].utf8) +
			    (cases[i].enc == ENC_UTF16LE ? 1 : 3));
			for (k = lead; k + strlen(cases[i].utf8) < out.len;
			    k += strlen(cases[i].utf8))
				assert_memory_equal(out.data + k, cases[i].utf8,
				    strlen(cases[i].utf8));
			free(in);
		}
	}
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_utf16_nobom),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_big5),
		cmocka_unit_test(test_ascii_prefix),
		cmocka_unit_test(test_legacy_invalid),
		cmocka_unit_test(test_utf16_invalid),
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_windows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

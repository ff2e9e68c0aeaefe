/* Unit tests for utf8.c and the scan of mapped files: the fast validator stops where a plain one does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "scholia/source.h"

#include "source_priv.h"
#include "utf8.h"

#define TEST_MAX	512	/* bytes of a generated text */
#define TEST_BIG	((size_t)9 << 20)	/* mapped, scanned on two threads */
#define TEST_STEP	((size_t)128 << 10)	/* where characters are cut */

static size_t	ref_valid(const unsigned char *, size_t);
static size_t	ref_put(unsigned char *, uint32_t);
static uint32_t	test_rand(void);
static uint32_t	test_code_point(void);
static void	test_same_prefixes(const unsigned char *, size_t);
static void	test_edges(void **);
static void	test_in_runs(void **);
static void	test_random_text(void **);
static void	test_random_bytes(void **);
static struct source *test_big(const char *, size_t);
static void	test_scan_steps(void **);

static uint32_t	test_seed = 12345;

/*
 * The reference: decode each sequence whole, then judge its value (no
 * overlong form, no surrogate, nothing past U+10FFFF). The length of the
 * valid prefix, as utf8_valid promises.
 */
static size_t
ref_valid(const unsigned char *p, size_t n)
{
	size_t		i = 0, k, len;
	uint32_t	cp, min;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xE0) == 0xC0) {
			len = 2;
			cp = p[i] & 0x1F;
			min = 0x80;
		} else if ((p[i] & 0xF0) == 0xE0) {
			len = 3;
			cp = p[i] & 0x0F;
			min = 0x800;
		} else if ((p[i] & 0xF8) == 0xF0) {
			len = 4;
			cp = p[i] & 0x07;
			min = 0x10000;
		} else
			return i;
		if (n - i < len)
			return i;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

/* Encode cp (any value below 0x200000, valid or not) the plain way. */
static size_t
ref_put(unsigned char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (unsigned char)(0xC0 | cp >> 6);
		p[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (unsigned char)(0xE0 | cp >> 12);
		p[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		p[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | cp >> 18);
	p[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	p[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	p[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A small fixed generator, so a failure repeats. */
static uint32_t
test_rand(void)
{
	test_seed = test_seed * 1103515245u + 12345u;
	return test_seed >> 8;
}

/* Mostly CJK, as papers are, with leads E0 and ED and surrogates too. */
static uint32_t
test_code_point(void)
{
	switch (test_rand() % 10) {
	case 0:
		return 0x20 + test_rand() % 0x5F;
	case 1:
		return 0x80 + test_rand() % 0x780;
	case 2:
		return 0x800 + test_rand() % 0x800;		/* lead E0 */
	case 3:
		return 0xD000 + test_rand() % 0x1000;	/* ED: surrogates */
	case 4:
		return 0x10000 + test_rand() % 0x100000;
	case 5:
		return 0xE000 + test_rand() % 0x2000;	/* EE, EF */
	default:
		return 0x4E00 + test_rand() % 0x5200;	/* CJK */
	}
}

/* Every prefix of p, which ends runs at each byte, is judged the same. */
static void
test_same_prefixes(const unsigned char *p, size_t n)
{
	size_t	k;

	for (k = 0; k <= n; k++)
		assert_int_equal(utf8_valid((const char *)p, k),
		    ref_valid(p, k));
}

static void
test_edges(void **state)
{
	static const char *const cases[] = {
		"\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xdf\xbf",
		"\xe0\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xec\xbf\xbf",
		"\xed\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xee\x80\x80",
		"\xef\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
		"\xf8\x88\x80\x80\x80", "\xff", "\xfe", "\x80", "\xbf",
		"\xe4\xb8", "\xe4", "\xf0\x9f\x98", "\xe4\x00\x80",
		"\xe4\xb8\xad\xe6\x96\x87\xe0\x80\x80\xe4\xb8\xad",
		"\xe4\xb8\xad\xe6\x96\x87\xed\xa0\x80\xe4\xb8\xad",
		"\xe4\xb8\xad\xed\x9f\xbf\xe0\xa0\x80\xe6\x96\x87",
	};
	unsigned char	b[64];
	size_t		i, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = strlen(cases[i]);
		memcpy(b, "ab", 2);
		memcpy(b + 2, cases[i], n);
		memcpy(b + 2 + n, "\xe4\xb8\xad\xe6\x96\x87xyz", 9);
		test_same_prefixes(b, n + 11);
	}
	/* what the plain check says of some, so the reference is right too */
	assert_int_equal(utf8_valid("\xe0\x9f\xbf", 3), 0);
	assert_int_equal(utf8_valid("a\xed\xa0\x80", 4), 1);
	assert_int_equal(utf8_valid("\xf4\x90\x80\x80", 4), 0);
	assert_int_equal(utf8_valid("\xe4\xb8\xad\xe4\xb8", 5), 3);
	assert_int_equal(utf8_valid("\xef\xbf\xbf\xf0\x90\x80\x80", 7), 7);
}

/* A bad byte at each place of a long run of CJK, and every lead in it. */
static void
test_in_runs(void **state)
{
	unsigned char	b[3 * 24 + 8], keep;
	size_t		i, n = 0, c;
	unsigned	v, lead;

	(void)state;
	for (i = 0; i < 24; i++)
		n += ref_put(b + n, 0x4E2D + (uint32_t)i * 37);
	test_same_prefixes(b, n);
	for (i = 0; i < n; i++) {
		keep = b[i];
		for (v = 0; v < 256; v += 7) {
			b[i] = (unsigned char)v;
			test_same_prefixes(b, n);
		}
		b[i] = keep;
	}
	/* every lead E0 to EF, with the byte after at its bounds */
	for (lead = 0xE0; lead <= 0xEF; lead++) {
		for (c = 0; c < 24; c += 5) {
			for (v = 0x80; v <= 0xBF; v += 0x1F) {
				keep = b[3 * c + 1];
				b[3 * c] = (unsigned char)lead;
				b[3 * c + 1] = (unsigned char)v;
				test_same_prefixes(b, n);
				b[3 * c + 1] = keep;
			}
		}
	}
}

/* Texts of random code points, some with a byte changed. */
static void
test_random_text(void **state)
{
	unsigned char	b[TEST_MAX + 4];
	size_t		n, round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		n = 0;
		while (n < TEST_MAX - 4 && test_rand() % 90 != 0)
			n += ref_put(b + n, test_code_point());
		if (round % 2 == 1 && n > 0)
			b[test_rand() % n] = (unsigned char)test_rand();
		if (round % 4 == 3 && n > 0)
			b[test_rand() % n] = (unsigned char)(0x80 |
			    (test_rand() & 0x7F));
		assert_int_equal(utf8_valid((const char *)b, n),
		    ref_valid(b, n));
		if (round % 50 == 0)
			test_same_prefixes(b, n);
	}
}

/* Random bytes, high ones mostly, where any stop is possible. */
static void
test_random_bytes(void **state)
{
	unsigned char	b[64];
	size_t		i, round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		for (i = 0; i < sizeof b; i++)
			b[i] = (unsigned char)(test_rand() % 4 == 0 ?
			    test_rand() & 0x7F : 0x80 | test_rand());
		assert_int_equal(utf8_valid((const char *)b, sizeof b),
		    ref_valid(b, sizeof b));
	}
}

/*
 * A large file of ASCII lines (a line break at each 64th byte from the
 * 32nd), with what is given at each step's end minus one, and tail bytes of
 * a character at its end: read as the loader reads it, which must judge it
 * as a read from memory does (the file is mapped and scanned in halves).
 */
static struct source *
test_big(const char *at_steps, size_t tail)
{
	struct source	*s = NULL, *m = NULL;
	char		 path[] = "/tmp/test_utf8_valid.XXXXXX", *cause = NULL;
	char		*p;
	size_t		 i, k = strlen(at_steps);
	int		 fd;

	p = malloc(TEST_BIG);
	assert_non_null(p);
	for (i = 0; i < TEST_BIG; i++)
		p[i] = i % 64 == 31 ? '\n' : (char)('a' + i % 26);
	for (i = TEST_STEP; i + k < TEST_BIG; i += TEST_STEP)
		memcpy(p + i - 1, at_steps, k);
	if (tail > 0)
		memcpy(p + TEST_BIG - tail, "\xe4\xb8\xad", tail);
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, p, TEST_BIG), (ssize_t)TEST_BIG);
	close(fd);
	assert_int_equal(source_read_file(path, NULL, &s, &cause), 0);
	unlink(path);
	assert_int_equal(source_from_memory("m", p, TEST_BIG, NULL, &m,
	    &cause), 0);
	assert_int_equal(s->encoding, m->encoding);
	assert_int_equal(s->invalid, m->invalid);
	assert_int_equal(s->len, m->len);
	assert_memory_equal(s->text, m->text, m->len);
	assert_int_equal(s->nlines, m->nlines);
	assert_memory_equal(s->lines, m->lines, m->nlines * sizeof *m->lines);
	source_free(m);
	free(p);
	return s;
}

/* Characters cut every 128 KiB, and where the halves meet, are judged whole. */
static void
test_scan_steps(void **state)
{
	struct source	*s;
	size_t		 i;

	(void)state;
	s = test_big("\xe4\xb8\xad", 0);
	assert_int_equal(s->invalid, 0);
	assert_true(((struct source_priv *)s->priv)->map != 0);	/* no copy */
	assert_int_equal(s->len, TEST_BIG);
	assert_int_equal(s->nlines, TEST_BIG / 64 + 1);
	assert_int_equal(s->lines[0], 0);
	for (i = 1; i < s->nlines; i += 4099)
		assert_int_equal(s->lines[i], i * 64 - 32);
	assert_int_equal(s->lines[s->nlines - 1], TEST_BIG - 32);
	assert_memory_equal(s->text + 2 * TEST_STEP - 1, "\xe4\xb8\xad", 3);
	source_free(s);
	s = test_big("\xe4\xb8\xad", 3);
	assert_int_equal(s->invalid, 0);
	assert_true(((struct source_priv *)s->priv)->map != 0);
	source_free(s);
	/* cut, and bad only in the next step */
	s = test_big("\xe4\xb8", 0);
	assert_true(s->invalid > 0 || s->encoding != ENC_UTF8);
	source_free(s);
	s = test_big("x\xe4", 0);
	assert_true(s->invalid > 0 || s->encoding != ENC_UTF8);
	source_free(s);
	/* a character cut by the end of the file */
	s = test_big("\xe4\xb8\xad", 2);
	assert_true(s->invalid > 0);
	source_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_in_runs),
		cmocka_unit_test(test_random_text),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_scan_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for the fast paths: each must give what the slow path gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <unilbrk.h>
#include <unistr.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/load.h"
#include "scholia/source.h"
#include "scholia/text.h"
#include "source_map.h"
#include "utf8.h"

static void	test_breaks_reference(const char *, size_t, char *);
static size_t	test_random_text(char *, size_t, unsigned *);
static unsigned	test_rand(unsigned *);
static void	test_breaks_random(void **);
static void	test_breaks_han_runs(void **);
static void	test_utf8_random(void **);
static char	*test_big_text(size_t *);
static char	*test_write_temp(const char *, size_t);
static char	*test_export(const struct doc *, size_t *);
static void	test_mapped_same(void **);
static void	test_mapped_truncated(void **);

/* Pieces the random texts are made of: every break class near ideographs. */
static const char *const pieces[] = {
	"中", "文", "的", "一", "龥", "丁", "。", "，", "、", "；", "：",
	"“", "”", "‘", "’", "「", "」", "《", "》", "（", "）", "【", "】",
	"—", "…", "·", "ー", "っ", "あ", "ア", "한", "①", "⑳", "¹", "\xe3\x80\x80",
	"a", "b", "Z", "0", "9", " ", "  ", "\t", "\n", "\r\n", "(", ")", "[",
	"]", "{", "}", "\"", "'", "-", ",", ".", "?", "!", "/", "%", "$", "+",
	"\xcc\x81", "\xe2\x80\x8d", "\xe2\x80\x8b", "\xe2\x81\xa0",
	"\xc2\xa0", "\xc2\xad", "\xf0\x9f\x98\x80", "\xf0\x9f\x87\xa8",
	"\xef\xb8\x8f", "\xe4\xb8", "\xff", "\x80", "\xe9\xbf\xbf",
	"\xe4\xb7\xbf", "\xea\x80\x80", "http://x.y/", "1.5", "$1", "3%",
	"\xef\xbc\x88", "\xef\xbc\x89", "\xef\xbc\x8c",
};

/* The definition: one libunistring call over the whole text, then fix-ups. */
static void
test_breaks_reference(const char *s, size_t n, char *out)
{
	size_t		i, l;
	uint32_t	c;

	if (n == 0)
		return;
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", out);
	for (i = 0; i < n; i += l) {
		if (out[i] == UC_BREAK_CR_BEFORE_LF)
			out[i] = TEXT_BREAK_MANDATORY;
		l = text_decode(s + i, n - i, &c);
		if (l > 1)
			memset(out + i + 1, TEXT_BREAK_UNDEFINED, l - 1);
	}
}

static unsigned
test_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* Mostly ideographs, as in the corpus, with every other piece mixed in. */
static size_t
test_random_text(char *buf, size_t cap, unsigned *seed)
{
	size_t		n = 0, want, k, l;
	const char	*p;

	want = test_rand(seed) % 60;
	for (k = 0; k < want; k++) {
		if (test_rand(seed) % 3 != 0)
			p = pieces[test_rand(seed) % 5];
		else
			p = pieces[test_rand(seed) %
			    (sizeof pieces / sizeof pieces[0])];
		l = strlen(p);
		if (n + l >= cap)
			break;
		memcpy(buf + n, p, l);
		n += l;
	}
	return n;
}

static void
test_breaks_random(void **state)
{
	char		 s[1024], a[1024], b[1024];
	unsigned	 seed = 12345;
	size_t		 n, i;
	int		 round;

	(void)state;
	for (round = 0; round < 200000; round++) {
		n = test_random_text(s, sizeof s, &seed);
		memset(a, 0x55, sizeof a);
		memset(b, 0x55, sizeof b);
		test_breaks_reference(s, n, a);
		text_breaks(s, n, b);
		for (i = 0; i < n; i++) {
			if (a[i] != b[i]) {
				fprintf(stderr, "round %d byte %zu: want %d got"
				    " %d in \"%.*s\"\n", round, i, a[i], b[i],
				    (int)n, s);
				fail();
			}
		}
	}
}

static void
test_breaks_han_runs(void **state)
{
	const char	*s = "中文的一（中文）中。文";
	char		 a[64], b[64];
	size_t		 n = strlen(s);

	(void)state;
	test_breaks_reference(s, n, a);
	text_breaks(s, n, b);
	assert_memory_equal(a, b, n);
	/* between ideographs: possible; before the closing bracket: not */
	assert_int_equal(b[3], TEXT_BREAK_POSSIBLE);
	assert_int_equal(b[4], TEXT_BREAK_UNDEFINED);
	assert_int_equal(b[21], TEXT_BREAK_PROHIBITED);
	assert_int_equal(b[27], TEXT_BREAK_PROHIBITED);
}

/* Random near-UTF-8: the validator stops exactly where u8_check does. */
static void
test_utf8_random(void **state)
{
	static const unsigned char	 bytes[] = {
		0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
		0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef,
		0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff, 0xb8, 0x8a,
	};
	char		 s[64];
	const uint8_t	*q;
	unsigned	 seed = 777;
	size_t		 n, i, want;
	int		 round;

	(void)state;
	for (round = 0; round < 500000; round++) {
		n = test_rand(&seed) % 40;
		for (i = 0; i < n; i++) {
			if (test_rand(&seed) % 4 == 0)
				s[i] = 'a';
			else
				s[i] = (char)bytes[test_rand(&seed) %
				    sizeof bytes];
		}
		q = u8_check((const uint8_t *)s, n);
		want = q == NULL ? n : (size_t)(q - (const uint8_t *)s);
		assert_int_equal(utf8_valid(s, n), want);
	}
	/* every code point, encoded */
	for (i = 0; i < 0x110000; i++) {
		n = (size_t)u8_uctomb((uint8_t *)s, (ucs4_t)i, sizeof s);
		if ((int)n <= 0)
			continue;
		memcpy(s + n, "abcdefgh", 8);
		assert_int_equal(utf8_valid(s, n + 8), n + 8);
	}
}

/* Markdown with notes, references and CJK, past the size that is mapped. */
static char *
test_big_text(size_t *n)
{
	static const char	 para[] =
	    "# 标题\n\n正文第一段①，引用[1]和更多文字。Some *Latin* text "
	    "with a [link](http://x.org/).\n接着的一行。\n\n"
	    "① 注释的内容。\n\n[1] Smith, A Title, 2020.\n\n";
	char			*p;
	size_t			 k, len = sizeof para - 1, total;

	total = (SOURCE_MAP_MIN / len + 2) * len;
	p = malloc(total + 1);
	assert_non_null(p);
	for (k = 0; k + len <= total; k += len)
		memcpy(p + k, para, len);
	p[total] = '\0';
	*n = total;
	return p;
}

static char *
test_write_temp(const char *p, size_t n)
{
	char	*path = strdup("/tmp/scholia-perf-XXXXXX");
	int	 fd;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	close(fd);
	return path;
}

/* The JSON export of a doc, in memory. */
static char *
test_export(const struct doc *d, size_t *n)
{
	char	*out = NULL;
	FILE	*fp = open_memstream(&out, n);

	assert_non_null(fp);
	assert_int_equal(export_json(d, fp), 0);
	fclose(fp);
	return out;
}

/* A mapped file gives the same doc as the same bytes read into memory. */
static void
test_mapped_same(void **state)
{
	struct doc	*a, *b;
	char		*p, *path, *cause = NULL, *ja, *jb;
	size_t		 n, na, nb;

	(void)state;
	p = test_big_text(&n);
	path = test_write_temp(p, n);
	assert_int_equal(load_file(path, NULL, &a, &cause), 0);
	assert_int_equal(load_memory(path, p, n, NULL, &b, &cause), 0);
	assert_int_equal(a->source->len, n);
	assert_memory_equal(a->source->text, p, n);
	assert_int_equal(a->source->text[n], '\0');
	assert_int_equal(a->text.len, b->text.len);
	assert_memory_equal(a->text.data, b->text.data, a->text.len);
	assert_int_equal(a->nblocks, b->nblocks);
	ja = test_export(a, &na);
	jb = test_export(b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(ja, jb, na);
	assert_true(a->nnotes > 1000 && a->nrefs > 1000);
	free(ja);
	free(jb);
	doc_free(a);
	doc_free(b);
	unlink(path);
	free(path);
	free(p);
}

/* A file cut short under its mapping reads as NULs and is reported. */
static void
test_mapped_truncated(void **state)
{
	struct source	*s;
	char		*p, *path, *cause = NULL;
	size_t		 n, i, sum = 0;

	(void)state;
	p = test_big_text(&n);
	path = test_write_temp(p, n);
	assert_int_equal(source_read_file(path, NULL, &s, &cause), 0);
	assert_false(source_changed(s));
	assert_int_equal(truncate(path, (off_t)(n / 2)), 0);
	source_release(s, s->len);	/* pages must come from the file now */
	for (i = 0; i < n; i++)
		sum += (unsigned char)s->text[i];
	assert_true(sum > 0);
	assert_int_equal(s->text[n - 1], '\0');
	assert_true(source_changed(s));
	source_free(s);
	unlink(path);
	free(path);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_breaks_random),
		cmocka_unit_test(test_breaks_han_runs),
		cmocka_unit_test(test_utf8_random),
		cmocka_unit_test(test_mapped_same),
		cmocka_unit_test(test_mapped_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

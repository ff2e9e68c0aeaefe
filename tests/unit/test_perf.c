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

#include "core_test_util.h"
#include <unilbrk.h>
#include <unistr.h>

#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/load.h"
#include "scholia/source.h"
#include "scholia/text.h"
#include "doc_compact.h"
#include "scholia/heal.h"
#include "scholia/layout.h"
#include "scholia/keywords.h"
#include "scholia/notes.h"
#include "scholia/outline.h"
#include "scholia/parse.h"
#include "source_map.h"
#include "utf8.h"

static void	test_breaks_reference(const char *, size_t, char *);
static size_t	test_random_text(char *, size_t, unsigned *);
static unsigned	test_rand(unsigned *);
static void	test_breaks_random(void **);
static void	test_breaks_han_runs(void **);
static void	test_utf8_random(void **);
static char	*test_big_text(size_t *);
static char	*test_corpus_file_text(size_t *);
static void	test_mapped_same(void **);
static void	test_mapped_truncated(void **);
static char	*test_snapshot(const struct doc *, size_t *);
static void	test_compact_same(void **);
static void	test_layout_invalid(void **);
static void	test_split_long(void **);

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

/* The corpus papers one after another, as the benchmark joins them. */
static char *
test_corpus_file_text(size_t *n)
{
	static const char *const names[] = {
		"000_00de59a97d2e8414.txt", "001_fd6d2281a506ce26.txt",
		"002_3eb26aec672eccd6.txt", "003_a796eb0e20fb7cc6.txt",
		"004_f368d1273f3871b0.txt",
	};
	char	 path[1024], *out = NULL;
	size_t	 len = 0, k, r;
	FILE	*fp;
	long	 sz;

	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, names[k]);
		fp = fopen(path, "rb");
		assert_non_null(fp);
		fseek(fp, 0, SEEK_END);
		sz = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		out = realloc(out, len + (size_t)sz + 3);
		assert_non_null(out);
		r = fread(out + len, 1, (size_t)sz, fp);
		fclose(fp);
		while (r > 0 && out[len + r - 1] == '\n')
			r--;
		memcpy(out + len + r, "\n\n", 2);
		len += r + 2;
	}
	out[len] = '\0';
	*n = len;
	return out;
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

/* A mapped file gives the same doc as the same bytes read into memory. */
static void
test_mapped_same(void **state)
{
	struct doc	*a, *b;
	char		*p, *path, *cause = NULL, *ja, *jb;
	size_t		 n, na, nb;

	(void)state;
	p = test_big_text(&n);
	path = ctu_write_temp(p, n);
	assert_int_equal(load_file(path, NULL, &a, &cause), 0);
	assert_int_equal(load_memory(path, p, n, NULL, &b, &cause), 0);
	assert_int_equal(a->source->len, n);
	assert_memory_equal(a->source->text, p, n);
	assert_int_equal(a->source->text[n], '\0');
	assert_int_equal(a->text.len, b->text.len);
	assert_memory_equal(a->text.data, b->text.data, a->text.len);
	assert_int_equal(a->nblocks, b->nblocks);
	ja = ctu_export_json(a, &na);
	jb = ctu_export_json(b, &nb);
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
	path = ctu_write_temp(p, n);
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

/* Every block's text and spans, and every ref, as one string. */
static char *
test_snapshot(const struct doc *d, size_t *n)
{
	char			*out = NULL;
	FILE			*fp = open_memstream(&out, n);
	const struct block	*b;
	const struct span	*sp;
	size_t			 i, k;

	assert_non_null(fp);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		fprintf(fp, "B%zu %d %u %d-%d [", i, b->type, b->flags, b->line,
		    b->end_line);
		fwrite(doc_text(d, b->text_off), 1, b->text_len, fp);
		fputs("]\n", fp);
		for (k = 0; k < b->span_count; k++) {
			sp = &d->spans[b->span_first + k];
			fprintf(fp, " S%zu+%u %x %d %u/%u\n",
			    (size_t)sp->off - b->text_off, sp->len, sp->flags,
			    sp->ref, sp->aux_off, sp->aux_len);
		}
	}
	for (i = 0; i < d->ncells; i++) {
		fputs("C[", fp);
		fwrite(doc_text(d, d->cells[i].text_off), 1,
		    d->cells[i].text_len, fp);
		fprintf(fp, "] %u\n", d->cells[i].span_count);
	}
	for (i = 0; i < d->nrefs; i++) {
		fprintf(fp, "R%zu %s %d %d [", i, d->refs[i].label,
		    d->refs[i].line, d->refs[i].note);
		fwrite(doc_text(d, d->refs[i].text_off), 1,
		    d->refs[i].text_len, fp);
		fputs("]\n", fp);
	}
	fclose(fp);
	return out;
}

/* Compaction changes no text, span or ref anyone reads, and frees some. */
static void
test_compact_same(void **state)
{
	struct source	*src;
	struct doc	*d;
	char		*p, *cause = NULL, *before, *after;
	size_t		 n, nb, na, len;

	(void)state;
	p = test_corpus_file_text(&n);
	assert_int_equal(source_from_memory("t", p, n, NULL, &src, &cause), 0);
	d = doc_new(src);
	d->owned = src;
	d->markdown = 1;
	assert_int_equal(parse_md(d, &cause), 0);
	keywords_recover(d);
	notes_recover(d);
	heal_recover(d);
	outline_recover(d);
	before = test_snapshot(d, &nb);
	len = d->text.len;
	doc_compact(d);
	after = test_snapshot(d, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	assert_true(d->text.len < len);
	doc_compact(d);		/* again: nothing left to squeeze */
	free(after);
	after = test_snapshot(d, &na);
	assert_memory_equal(before, after, nb);
	free(before);
	free(after);
	doc_free(d);
	free(p);
}

/* A doc holding invalid bytes (a file changed under its mapping) lays out
 * as valid UTF-8: a Prepend character does not take an invalid byte along. */
static void
test_layout_invalid(void **state)
{
	static const char	 bad[] = "a\xd8\x81\x92" "b \xe4\xb8\xad\x80 c";
	struct source		*src;
	struct doc		*d;
	struct layout		*l;
	struct layout_opts	 o = { 40, 0 };
	const struct layout_line *lines;
	char			*cause = NULL;
	int			 n, i;

	(void)state;
	assert_int_equal(source_from_memory("t", "x\n", 2, NULL, &src,
	    &cause), 0);
	d = doc_new(src);
	d->owned = src;
	doc_begin_block(d, BLOCK_PARA, 1);
	doc_append(d, bad, sizeof bad - 1, 0);
	doc_end_block(d, 1);
	l = layout_new(d, &o);
	lines = layout_block(l, 0, &n);
	assert_true(n >= 1);
	for (i = 0; i < n; i++)
		assert_int_equal(utf8_valid(lines[i].text, lines[i].len),
		    lines[i].len);
	layout_free(l);
	doc_free(d);
}

/* A book on one line loads as pieces that read, joined, as the line. */
static void
test_split_long(void **state)
{
	static const char	 sent[] = "这是一个很长的句子<sup>1</sup>，"
	    "没有换行。And a Latin one<sup>2</sup> too. ";
	struct doc		*d;
	struct buf		 all = { 0 };
	char			*p, *cause = NULL;
	size_t			 n = 0, cap = 3 << 20, i, k, len = sizeof sent - 1;
	const struct block	*b;
	const struct ref	*r;
	struct load_opts	 md = { .format = LOAD_MARKDOWN };

	(void)state;
	p = malloc(cap + 1);
	assert_non_null(p);
	while (n + len <= cap) {
		memcpy(p + n, sent, len);
		n += len;
	}
	p[n] = '\0';
	assert_int_equal(load_memory("t", p, n, &md, &d, &cause), 0);
	assert_true(d->nblocks > 20);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		assert_int_equal(b->type, BLOCK_PARA);
		assert_int_equal(b->line, 1);
		assert_true(b->text_len < 200 << 10);
		if (i > 0)
			assert_true(b->flags & BLOCK_TIGHT);
		for (k = 0; k < b->span_count; k++) {
			const struct span *sp = &d->spans[b->span_first + k];

			assert_true(sp->off >= b->text_off && sp->off +
			    sp->len <= b->text_off + b->text_len);
		}
		buf_append(&all, doc_text(d, b->text_off), b->text_len);
	}
	/* each piece ends a sentence: 。 or ". " */
	b = &d->blocks[0];
	assert_true(memcmp(doc_text(d, b->text_off + b->text_len - 2), ". ",
	    2) == 0 || memcmp(doc_text(d, b->text_off + b->text_len - 3),
	    "\xe3\x80\x82", 3) == 0);
	for (i = 0; i < d->nrefs; i++) {
		r = &d->refs[i];
		b = &d->blocks[r->block];
		assert_true(r->text_off >= b->text_off &&
		    r->text_off + r->text_len <= b->text_off + b->text_len);
	}
	assert_true(d->nrefs > 1000);
	assert_true(d->blocks[d->nblocks - 1].line == 1);
	/* the pieces joined are the text of the one paragraph */
	assert_true(all.len > n / 2);
	assert_non_null(memmem(all.data, all.len, "没有换行。And a Latin", 24));
	buf_free(&all);
	doc_free(d);
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
		cmocka_unit_test(test_compact_same),
		cmocka_unit_test(test_layout_invalid),
		cmocka_unit_test(test_split_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Exporter tests: dump with endnotes, JSON validity and escaping, errors. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "scholia/buf.h"
#include "scholia/doc.h"
#include "scholia/export.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

static struct doc	*sample_doc(void);
static char		*run_export(int (*)(const struct doc *, FILE *),
			    const struct doc *);
static char		*run_dump(const struct doc *, int);
static void		 para(struct doc *, int, const char *);
static void		 app(struct doc *, const char *, unsigned);
static char		*json_words(char **, int);
static void		 esc_slow(struct buf *, const char *);
static size_t		 put_utf8(char *, uint32_t);

static void
app(struct doc *d, const char *s, unsigned flags)
{
	doc_append(d, s, strlen(s), flags);
}

static void
para(struct doc *d, int line, const char *s)
{
	doc_begin_block(d, BLOCK_PARA, line);
	doc_append(d, s, strlen(s), 0);
	doc_end_block(d, line);
}

/* Title, a paragraph with a reference, a note, a heading, keywords. */
static struct doc *
sample_doc(void)
{
	struct doc	*d = doc_new(NULL);
	char		**words;
	int		 b, r, n;

	b = doc_begin_block(d, BLOCK_PARA, 1);
	app(d, "论文 \"标题\"", 0);
	d->blocks[b].article = 0;
	doc_end_block(d, 1);
	doc_add_heading(d, 1, 1, b, "论文 \"标题\"\\\x1b");
	doc_add_article(d, "论文 \"标题\"", 1, b);
	b = doc_begin_block(d, BLOCK_META, 3);
	app(d, "【关键词】和平；安全", 0);
	doc_end_block(d, 3);
	words = xcalloc(2, sizeof *words);
	words[0] = xstrdup("和平");
	words[1] = xstrdup("安\x01全\xff\xc2\x9b");
	doc_add_keywords(d, 3, b, words, 2);
	doc_begin_block(d, BLOCK_PARA, 5);
	app(d, "正文第一句。", 0);
	r = doc_append_ref(d, "①", 3, "①", 5, 0);
	app(d, "第二句\xff。", 0);
	doc_end_block(d, 5);
	b = doc_begin_block(d, BLOCK_HEADING, 7);
	app(d, "一、引言", 0);
	doc_end_block(d, 7);
	doc_add_heading(d, 2, 7, b, "一、引言");
	doc_begin_block(d, BLOCK_PARA, 8);
	doc_append_ref(d, "[9]", 3, "9", 8, 0);
	doc_end_block(d, 8);
	b = doc_begin_block(d, BLOCK_PARA, 9);
	app(d, "①", SPAN_NOTELABEL);
	app(d, " 注释文本\tTab", 0);
	doc_end_block(d, 9);
	n = doc_add_note(d, "①", 9, b);
	d->notes[n].article = 0;
	doc_link_ref(d, r, n);
	d->articles[0].last_block = b;
	return d;
}

static char *
run_export(int (*fn)(const struct doc *, FILE *), const struct doc *d)
{
	char	*p = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&p, &n);

	assert_non_null(fp);
	assert_int_equal(fn(d, fp), 0);
	fclose(fp);
	return p;
}

static char *
run_dump(const struct doc *d, int width)
{
	char	*p = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&p, &n);

	assert_non_null(fp);
	assert_int_equal(export_dump(d, width, fp), 0);
	fclose(fp);
	return p;
}

static void
test_json_valid(void **state)
{
	struct doc	*d;
	char		*s, path[] = "/tmp/scholia-json-XXXXXX", cmd[1024];
	FILE		*fp;
	int		 fd;

	(void)state;
	d = sample_doc();
	s = run_export(export_json, d);
	assert_non_null(strstr(s, "\"source\": null"));
	assert_non_null(strstr(s, "\"format\": \"text\""));
	assert_non_null(strstr(s, "\"invalid_bytes\": 0"));
	assert_non_null(strstr(s,
	    "{\"level\": 1, \"title\": \"论文 \\\"标题\\\"\\\\\\u001b\", "
	    "\"line\": 1}"));
	assert_non_null(strstr(s, "{\"level\": 2, \"title\": \"一、引言\", "
	    "\"line\": 7}"));
	assert_non_null(strstr(s, "{\"id\": 0, \"label\": \"①\", \"line\": 9, "
	    "\"text\": \"注释文本\\u0009Tab\"}"));
	assert_non_null(strstr(s, "{\"label\": \"①\", \"line\": 5, "
	    "\"note\": 0}"));
	assert_non_null(strstr(s, "{\"label\": \"9\", \"line\": 8, "
	    "\"note\": null}"));
	assert_non_null(strstr(s, "{\"line\": 3, \"words\": [\"和平\", "
	    "\"安\\u0001全\\ufffd\\u009b\"]}"));
	assert_non_null(strstr(s, "\"articles\": [\n    {\"title\": "
	    "\"论文 \\\"标题\\\"\", \"line\": 1, \"contents_lines\": []}\n  ]"));
	/* no raw control byte anywhere */
	for (size_t i = 0; s[i] != '\0'; i++)
		assert_false((unsigned char)s[i] < 0x20 && s[i] != '\n');

	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs(s, fp);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "python3 -c 'import json,sys; "
	    "d=json.load(open(sys.argv[1])); "
	    "assert d[\"notes\"][0][\"text\"]==\"注释文本\\tTab\"; "
	    "assert d[\"refs\"][1][\"note\"] is None; "
	    "assert sorted(d)==sorted([\"source\",\"encoding\",\"format\","
	    "\"invalid_bytes\",\"toc\",\"notes\",\"refs\",\"keywords\","
	    "\"articles\"])' %s", path);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "python3 -m json.tool %s >/dev/null", path);
	assert_int_equal(system(cmd), 0);
	unlink(path);
	free(s);
	doc_free(d);
}

/* The JSON words array of one keyword line holding these words (taken). */
static char *
json_words(char **words, int n)
{
	struct doc	*d = doc_new(NULL);
	char		*s, *a, *e, *r;
	int		 b;

	b = doc_begin_block(d, BLOCK_META, 3);
	app(d, "Keywords: x", 0);
	doc_end_block(d, 3);
	doc_add_keywords(d, 3, b, words, n);
	s = run_export(export_json, d);
	a = strstr(s, "\"words\": [");
	assert_non_null(a);
	a += strlen("\"words\": [");
	e = strstr(a, "]}\n");
	assert_non_null(e);
	r = strndup(a, (size_t)(e - a));
	free(s);
	doc_free(d);
	return r;
}

/*
 * A JSON string as the writer made it before its fast paths: one
 * character at a time, escaping what text_is_unsafe names and invalid
 * bytes, and keeping a literal U+FFFD.
 */
static void
esc_slow(struct buf *b, const char *s)
{
	size_t		 n = strlen(s), i = 0, l;
	uint32_t	 c;
	char		 esc[16];

	buf_putc(b, '"');
	while (i < n) {
		l = text_decode(s + i, n - i, &c);
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (text_is_unsafe(c) || (c == 0xFFFD && l == 1)) {
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
			buf_append(b, esc, strlen(esc));
		} else
			buf_append(b, s + i, l);
		i += l;
	}
	buf_putc(b, '"');
}

static size_t
put_utf8(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xc0 | c >> 6);
		p[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xe0 | c >> 12);
		p[1] = (char)(0x80 | (c >> 6 & 0x3f));
		p[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	p[0] = (char)(0xf0 | c >> 18);
	p[1] = (char)(0x80 | (c >> 12 & 0x3f));
	p[2] = (char)(0x80 | (c >> 6 & 0x3f));
	p[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Escapes of the characters the fast paths pass over or stop at. */
static void
test_json_escapes(void **state)
{
	static const char *const cases[][2] = {
		{ "a\xc2\x80" "b\xc2\x85\xc2\x9f", "a\\u0080b\\u0085\\u009f" },
		{ "\xc2\xa0\xc2\xb7\xd8\x9b", "\xc2\xa0\xc2\xb7\xd8\x9b" },
		{ "\xd8\x9c" "x\xd8\x9c", "\\u061cx\\u061c" },
		{ "“\xe2\x80\xa8”\xe2\x80\xa9。", "“\\u2028”\\u2029。" },
		{ "\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x80\xae",
		    "\\u200e\\u200f\\u202a\\u202e" },
		{ "\xe2\x81\xa6\xe2\x81\xa9\xe2\x81\xa5\xe2\x80\x94",
		    "\\u2066\\u2069\xe2\x81\xa5\xe2\x80\x94" },
		{ "\xef\xbf\xb8\xef\xbf\xb9\xef\xbf\xba\xef\xbf\xbb"
		    "\xef\xbf\xbc",
		    "\xef\xbf\xb8\\ufff9\\ufffa\\ufffb\xef\xbf\xbc" },
		{ "\xef\xbf\xbd", "\xef\xbf\xbd" },
		{ "\xff，\xef\xbf\xbd", "\\ufffd，\xef\xbf\xbd" },
		{ "“\x80”", "“\\ufffd”" },
		{ "，\xef\xbc", "，\\ufffd\\ufffd" },
		{ "\xe3\x80\xe3\x80\x82", "\\ufffd\\ufffd。" },
		{ "\xc2“\xc2", "\\ufffd“\\ufffd" },
		{ "\xe0\x80\x80、\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd、"
		    "\\ufffd\\ufffd\\ufffd" },
		{ "\xc0\xaf\xe2\x80", "\\ufffd\\ufffd\\ufffd\\ufffd" },
		{ "\xe3\x80\x80\"中\\", "\xe3\x80\x80\\\"中\\\\" },
		{ "\xf0\x9f\x98\x80\xf4\x90\x80\x80",
		    "\xf0\x9f\x98\x80\\ufffd\\ufffd\\ufffd\\ufffd" },
	};
	size_t		 i, n = sizeof cases / sizeof cases[0];
	char		**w, *got, *want, *p;
	struct buf	 b = { 0 };

	(void)state;
	w = xcalloc(n, sizeof *w);
	for (i = 0; i < n; i++) {
		w[i] = xstrdup(cases[i][0]);
		buf_append(&b, i > 0 ? ", \"" : "\"", i > 0 ? 3 : 1);
		buf_append(&b, cases[i][1], strlen(cases[i][1]));
		buf_putc(&b, '"');
	}
	got = json_words(w, (int)n);
	want = strndup(b.data, b.len);
	for (p = got; *p != '\0'; p++)
		assert_false((unsigned char)*p < 0x20);
	assert_string_equal(got, want);
	free(got);
	free(want);
	buf_free(&b);
}

/* Compared with the slow writer: every code point, and random bytes. */
static void
test_json_escapes_all(void **state)
{
	static const unsigned char odd[] = {
		0x80, 0x81, 0x9c, 0x9d, 0xa8, 0xa9, 0xbc, 0xbd, 0xbf, 0xc0,
		0xc2, 0xd8, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3, 0xec, 0xed, 0xef,
		0xf0, 0xf4, 0xff, '"', '\\', 0x1f, 'a',
	};
	enum { PER = 512, NRAND = 3000 };
	size_t		 nw = 0x110000 / PER + NRAND, i, k, len;
	char		**w, *got, *p;
	struct buf	 b = { 0 };
	uint32_t	 c, seed = 12345;

	(void)state;
	w = xcalloc(nw, sizeof *w);
	for (i = 0; i < 0x110000 / PER; i++) {
		p = w[i] = xcalloc(PER * 4 + 1, 1);
		for (k = 0; k < PER; k++) {
			c = (uint32_t)(i * PER + k);
			if (c == 0 || (c >= 0xd800 && c <= 0xdfff))
				c = 0x3002;
			p += put_utf8(p, c);
		}
	}
	for (; i < nw; i++) {
		len = 1 + i % 23;
		w[i] = xcalloc(len + 1, 1);
		for (k = 0; k < len; k++) {
			seed = seed * 1103515245 + 12345;
			w[i][k] = (char)((seed >> 16) % 3 == 0 ?
			    1 + (seed >> 8) % 255 :
			    odd[(seed >> 8) % sizeof odd]);
		}
	}
	for (i = 0; i < nw; i++) {
		if (i > 0)
			buf_append(&b, ", ", 2);
		esc_slow(&b, w[i]);
	}
	buf_putc(&b, '\0');
	got = json_words(w, (int)nw);
	for (k = 0; got[k] != '\0' && got[k] == b.data[k]; k++)
		;
	if (got[k] != b.data[k])
		fail_msg("differs at %zu: \"%.40s\" for \"%.40s\"", k,
		    got + (k > 20 ? k - 20 : 0),
		    b.data + (k > 20 ? k - 20 : 0));
	free(got);
	buf_free(&b);
}

static void
test_json_empty(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*s;

	(void)state;
	s = run_export(export_json, d);
	assert_string_equal(s, "{\n  \"source\": null,\n  \"encoding\": null,\n"
	    "  \"format\": \"text\",\n  \"invalid_bytes\": 0,\n"
	    "  \"toc\": [],\n  \"notes\": [],\n  \"refs\": [],\n"
	    "  \"keywords\": [],\n  \"articles\": []\n}\n");
	free(s);
	doc_free(d);
}

static void
test_dump(void **state)
{
	struct doc	*d = sample_doc();
	char		*s;

	(void)state;
	s = run_dump(d, 20);
	assert_string_equal(s,
	    "论文 \"标题\"\n"
	    "\n"
	    "【关键词】和平；安全\n"
	    "\n"
	    "正文第一句。①第二句\n"
	    "\xef\xbf\xbd。\n"
	    "\n"
	    "一、引言\n"
	    "\n"
	    "[9]\n"
	    "\n"
	    "Notes\n"
	    "① 注释文本      Tab\n");
	free(s);
	doc_free(d);
}

static void
test_dump_plain(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*s;
	int		 b;

	(void)state;
	para(d, 1, "alpha beta gamma delta epsilon");
	b = doc_begin_block(d, BLOCK_PARA, 2);
	d->blocks[b].flags |= BLOCK_TIGHT | BLOCK_LISTITEM;
	d->blocks[b].list_depth = 1;
	d->blocks[b].indent = 2;
	strcpy(d->blocks[b].marker, "•");
	doc_append(d, "item one two three", 18, 0);
	doc_end_block(d, 2);
	b = doc_begin_block(d, BLOCK_PARA, 3);
	d->blocks[b].quote_depth = 1;
	d->blocks[b].indent = 2;
	doc_append(d, "quoted \033[2J text", 16, 0);
	doc_end_block(d, 3);
	para(d, 4, "hidden");
	d->blocks[3].flags |= BLOCK_HIDDEN;
	s = run_dump(d, 12);
	assert_string_equal(s,
	    "alpha beta\n"
	    "gamma delta\n"
	    "epsilon\n"
	    "• item one\n"
	    "  two three\n"
	    "\n"
	    "│ quoted\n"
	    "│ ^[[2J text\n");
	free(s);
	doc_free(d);
}

static void
test_dump_articles(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*s;
	int		 n;

	(void)state;
	para(d, 1, "one");
	para(d, 2, "two");
	para(d, 3, "three");
	para(d, 4, "① note of the first");
	para(d, 5, "② note of none");
	n = doc_add_note(d, "①", 4, 3);
	d->notes[n].article = 0;
	doc_add_note(d, "②", 5, 4);
	/* out of order: every block is still written once, in order */
	doc_add_article(d, "A", 2, 1);
	doc_add_article(d, "B", 1, 0);
	s = run_dump(d, 40);
	assert_string_equal(s, "one\n\nNotes\n① note of the first\n\n"
	    "two\n\nthree\n\nNotes\n② note of none\n");
	free(s);
	doc_free(d);
}

static void
test_write_errors(void **state)
{
	struct doc	*d = sample_doc();
	FILE		*fp;
	int		 i;

	(void)state;
	for (i = 0; i < 60; i++)
		para(d, 10 + i, "a paragraph long enough to fill buffers "
		    "quickly when written many times over and over again");
	fp = fopen("/dev/full", "w");
	if (fp == NULL)
		skip();
	assert_int_equal(export_dump(d, 40, fp), -1);
	clearerr(fp);
	assert_int_equal(export_json(d, fp), -1);
	clearerr(fp);
	assert_int_equal(export_tree(d, fp), -1);
	clearerr(fp);
	assert_int_equal(export_toc(d, fp), -1);
	clearerr(fp);
	assert_int_equal(export_notes(d, fp), -1);
	fclose(fp);
	doc_free(d);
}

static void
test_epipe(void **state)
{
	struct doc	*d = doc_new(NULL);
	FILE		*fp;
	int		 fds[2], i;

	(void)state;
	for (i = 0; i < 2000; i++)
		para(d, i + 1, "a paragraph written into a pipe nobody reads");
	signal(SIGPIPE, SIG_IGN);
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	fp = fdopen(fds[1], "w");
	errno = 0;
	assert_int_equal(export_dump(d, 30, fp), -1);
	assert_int_equal(errno, EPIPE);
	fclose(fp);
	doc_free(d);
}

static void
test_toc_notes_tree(void **state)
{
	struct doc	*d = sample_doc();
	char		*s;

	(void)state;
	s = run_export(export_toc, d);
	assert_string_equal(s, "     1  论文 \"标题\"\\^[\n"
	    "     7    一、引言\n");
	free(s);
	s = run_export(export_notes, d);
	assert_string_equal(s, "① (note 0, line 9): 注释文本 Tab\n"
	    "    referenced at line 5\n"
	    "missing note for 9 (line 8)\n");
	free(s);
	s = run_export(export_tree, d);
	assert_non_null(strstr(s,
	    "0 HEADING lines 1-1 level=1 heading=0 article=0\n"));
	assert_non_null(strstr(s, "    span REF ref=0 \"①\"\n"));
	assert_non_null(strstr(s, "NOTE lines 9-9 note=0\n"
	    "    span NOTELABEL \"①\"\n"));
	assert_non_null(strstr(s, "HEADING lines 7-7 level=2 heading=1\n"));
	free(s);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_valid),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_json_escapes_all),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_dump_plain),
		cmocka_unit_test(test_dump_articles),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_epipe),
		cmocka_unit_test(test_toc_notes_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

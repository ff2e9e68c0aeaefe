/* Unit tests for source.c: reading, line ends, pages, index, errors, binary. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
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

static void	test_memory(void **);
static void	test_crlf(void **);
static void	test_cr(void **);
static void	test_form_feeds(void **);
static void	test_line_index(void **);
static void	test_empty(void **);
static void	test_missing(void **);
static void	test_directory(void **);
static void	test_unreadable(void **);
static void	test_binary(void **);
static void	test_stdin(void **);
static void	test_stdin_large(void **);
static void	test_stdin_file(void **);
static void	test_fixtures(void **);
static void	test_forced(void **);
static void	test_invalid_utf8(void **);
static void	test_large_file(void **);

static char	tmpdir[] = "/tmp/test_source.XXXXXX";

/* Load a NUL-terminated string as a memory source; must succeed. */
static struct source *
mem(const char *text)
{
	struct source	*s = NULL;
	char		*cause = NULL;

	assert_int_equal(source_from_memory("mem", text, strlen(text), NULL,
	    &s, &cause), 0);
	assert_null(cause);
	assert_non_null(s);
	return s;
}

/* Write a file in the test's directory and return its path (static). */
static const char *
put(const char *name, const void *p, size_t n)
{
	static char	 path[512];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	fclose(f);
	return path;
}

static void
test_memory(void **state)
{
	struct source	*s;

	(void)state;
	s = mem("hello\nworld\n");
	assert_string_equal(s->name, "mem");
	assert_int_equal(s->len, 12);
	assert_string_equal(s->text, "hello\nworld\n");
	assert_int_equal(s->encoding, ENC_UTF8);
	assert_int_equal(s->invalid, 0);
	assert_int_equal(s->binary, 0);
	assert_int_equal(s->nlines, 2);
	assert_int_equal(s->lines[0], 0);
	assert_int_equal(s->lines[1], 6);
	assert_int_equal(s->npages, 0);
	source_free(s);
	source_free(NULL);
}

static void
test_crlf(void **state)
{
	struct source	*s;

	(void)state;
	s = mem("a\r\nbb\r\n\r\nc");
	assert_string_equal(s->text, "a\nbb\n\nc");
	assert_int_equal(s->len, 7);
	assert_int_equal(s->text[s->len], '\0');
	assert_int_equal(s->nlines, 4);
	assert_int_equal(s->lines[1], 2);
	assert_int_equal(s->lines[2], 5);
	assert_int_equal(s->lines[3], 6);
	source_free(s);
}

static void
test_cr(void **state)
{
	struct source	*s;

	(void)state;
	/* Lone CR (old Mac), mixed with CRLF; CR CR LF is two line ends. */
	s = mem("one\rtwo\r\nthree\r\r\nfour\r");
	assert_string_equal(s->text, "one\ntwo\nthree\n\nfour\n");
	assert_int_equal(s->nlines, 5);
	assert_int_equal(source_line_of(s, (size_t)(strstr(s->text, "four") -
	    s->text)), 5);
	source_free(s);
}

static void
test_form_feeds(void **state)
{
	struct source	*s;

	(void)state;
	s = mem("page one\n\fpage two\r\n\fpage three\f");
	assert_string_equal(s->text,
	    "page one\n\fpage two\n\fpage three\f");
	assert_int_equal(s->npages, 3);
	assert_int_equal(s->pages[0], 9);
	assert_int_equal(s->pages[1], 19);
	assert_int_equal(s->pages[2], 30);
	assert_int_equal(s->text[s->pages[2]], '\f');
	/* A form feed does not end a line. */
	assert_int_equal(s->nlines, 3);
	assert_int_equal(source_line_of(s, s->pages[1]), 3);
	source_free(s);
}

static void
test_line_index(void **state)
{
	struct source	*s;
	size_t		 i, line;

	(void)state;
	s = mem("first\nsecond\n\nfourth 中文\nfifth");
	assert_int_equal(s->nlines, 5);
	line = 1;
	for (i = 0; i < s->len; i++) {
		assert_int_equal(source_line_of(s, i), line);
		if (s->text[i] == '\n')
			line++;
	}
	/* The end of the text belongs to the last line. */
	assert_int_equal(source_line_of(s, s->len), 5);
	assert_int_equal(source_line_of(s, s->len + 100), 5);
	source_free(s);

	/* A final newline does not start a line. */
	s = mem("x\ny\n");
	assert_int_equal(s->nlines, 2);
	assert_int_equal(source_line_of(s, 3), 2);
	source_free(s);
	s = mem("\n\n\n");
	assert_int_equal(s->nlines, 3);
	assert_int_equal(source_line_of(s, 0), 1);
	assert_int_equal(source_line_of(s, 2), 3);
	source_free(s);
}

static void
test_empty(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL;

	(void)state;
	s = mem("");
	assert_int_equal(s->len, 0);
	assert_non_null(s->text);
	assert_string_equal(s->text, "");
	assert_int_equal(s->nlines, 0);
	assert_int_equal(s->npages, 0);
	assert_int_equal(s->binary, 0);
	assert_int_equal(source_line_of(s, 0), 1);
	source_free(s);

	assert_int_equal(source_read_file(put("empty", "", 0), NULL, &s,
	    &cause), 0);
	assert_null(cause);
	assert_int_equal(s->len, 0);
	assert_string_equal(s->text, "");
	source_free(s);
}

static void
test_missing(void **state)
{
	struct source	*s = (struct source *)1;
	char		*cause = NULL, path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/nonexistent", tmpdir);
	assert_int_equal(source_read_file(path, NULL, &s, &cause), -1);
	assert_null(s);
	assert_non_null(cause);
	assert_non_null(strstr(cause, path));
	assert_non_null(strstr(cause, "No such file or directory"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	/* A file used as a directory. */
	snprintf(path, sizeof path, "%s/x", put("plain", "x", 1));
	assert_int_equal(source_read_file(path, NULL, &s, &cause), -1);
	assert_non_null(strstr(cause, "Not a directory"));
	free(cause);
}

static void
test_directory(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL;

	(void)state;
	assert_int_equal(source_read_file(tmpdir, NULL, &s, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, tmpdir));
	assert_non_null(strstr(cause, "is a directory"));
	free(cause);
}

static void
test_unreadable(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL;
	const char	*path;

	(void)state;
	path = put("noperm", "secret\n", 7);
	chmod(path, 0);
	if (geteuid() == 0) {
		unlink(path);
		skip();
	}
	assert_int_equal(source_read_file(path, NULL, &s, &cause), -1);
	assert_non_null(strstr(cause, "Permission denied"));
	free(cause);
	unlink(path);
}

static void
test_binary(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL;
	char		 ctl[200];
	size_t		 i;

	(void)state;
	assert_int_equal(source_from_memory("bin", "abc\0\1\2\3\0def\0\0", 14,
	    NULL, &s, &cause), 0);
	assert_int_equal(s->binary, 1);
	assert_int_equal(s->len, 14);	/* still loaded, the caller decides */
	source_free(s);
	/* Many control bytes and no NUL. */
	for (i = 0; i < sizeof ctl; i++)
		ctl[i] = (char)(i % 3 == 0 ? 0x01 + i % 7 : 'a');
	assert_int_equal(source_from_memory("ctl", ctl, sizeof ctl, NULL, &s,
	    &cause), 0);
	assert_int_equal(s->binary, 1);
	source_free(s);
	/* Text with a few escapes and tabs is text. */
	s = mem("a\tb\x1b[31mred\x1b[0m\n\fnext\x07 page\n");
	assert_int_equal(s->binary, 0);
	source_free(s);
	/* UTF-16 is full of NULs but is not binary. */
	assert_int_equal(source_from_memory("u16", "h\0i\0 \0t\0h\0e\0r\0e\0",
	    16, NULL, &s, &cause), 0);
	assert_int_equal(s->binary, 0);
	assert_int_equal(s->encoding, ENC_UTF16LE);
	assert_string_equal(s->text, "hi there");
	source_free(s);
}

/* Run source_read_file on "-" with stdin fed n bytes of p by a child. */
static struct source *
from_stdin(const char *p, size_t n)
{
	struct source	*s = NULL;
	char		*cause = NULL;
	int		 fds[2], saved, status;
	pid_t		 pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		while (n > 0) {
			ssize_t	w = write(fds[1], p, n);

			if (w <= 0)
				_exit(1);
			p += w;
			n -= (size_t)w;
		}
		_exit(0);
	}
	close(fds[1]);
	saved = dup(STDIN_FILENO);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	assert_int_equal(source_read_file("-", NULL, &s, &cause), 0);
	dup2(saved, STDIN_FILENO);
	close(saved);
	waitpid(pid, &status, 0);
	assert_null(cause);
	return s;
}

static void
test_stdin(void **state)
{
	struct source	*s;

	(void)state;
	s = from_stdin("from a pipe\r\nline 2\n", 20);
	assert_string_equal(s->name, "-");
	assert_string_equal(s->text, "from a pipe\nline 2\n");
	assert_int_equal(s->nlines, 2);
	source_free(s);
}

/* stdin redirected from a regular file. */
static void
test_stdin_file(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL;
	int		 fd, saved;

	(void)state;
	fd = open(put("redirected", "line 1\r\nline 2", 15), O_RDONLY);
	assert_true(fd >= 0);
	saved = dup(STDIN_FILENO);
	dup2(fd, STDIN_FILENO);
	close(fd);
	assert_int_equal(source_read_file(NULL, NULL, &s, &cause), 0);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_string_equal(s->name, "-");
	assert_string_equal(s->text, "line 1\nline 2");
	assert_int_equal(s->nlines, 2);
	source_free(s);
}

static void
test_stdin_large(void **state)
{
	struct source	*s;
	char		*p;
	size_t		 n = 1000 * 1000, i;

	(void)state;
	/* Many reads and reallocations: lines of 9 bytes + newline. */
	p = malloc(n);
	assert_non_null(p);
	for (i = 0; i < n; i++)
		p[i] = i % 10 == 9 ? '\n' : (char)('0' + i % 10);
	s = from_stdin(p, n);
	assert_int_equal(s->len, n);
	assert_memory_equal(s->text, p, n);
	assert_int_equal(s->nlines, n / 10);
	assert_int_equal(s->lines[12345], 123450);
	assert_int_equal(source_line_of(s, 123455), 12346);
	source_free(s);
	free(p);
}

/* Read a fixture and compare its text. */
static void
fixture(const char *name, enum encoding enc, const char *want)
{
	struct source	*s = NULL;
	char		*cause = NULL, path[512];

	snprintf(path, sizeof path, "%s/enc/%s", FIXTURE_DIR, name);
	assert_int_equal(source_read_file(path, NULL, &s, &cause), 0);
	assert_null(cause);
	assert_int_equal(s->encoding, enc);
	assert_int_equal(s->invalid, 0);
	assert_int_equal(s->binary, 0);
	assert_string_equal(s->text, want);
	assert_int_equal(s->npages, 1);
	assert_int_equal(s->text[s->pages[0]], '\f');
	assert_int_equal(source_line_of(s, s->pages[0]), 3);
	source_free(s);
}

static void
test_fixtures(void **state)
{
	(void)state;
	fixture("gb18030.txt", ENC_GB18030, "第一章 引言\n"
	    "本文讨论国际关系理论的发展，并分析了相关问题。\n"
	    "\f第二页：我们认为，这一政策对地区安全产生了重要影响。\n");
	fixture("big5.txt", ENC_BIG5, "第一章 引言\n"
	    "本文討論國際關係理論的發展，並分析了相關問題。\n"
	    "\f第二頁：我們認為，這一政策對地區安全產生了重要影響。\n");
	fixture("utf16le-bom.txt", ENC_UTF16LE, "第一章 引言\n"
	    "本文討論國際關係理論的發展，並分析了相關問題。\n"
	    "\f第二頁：我們認為，這一政策對地區安全產生了重要影響。\n");
	fixture("utf16be-crlf.txt", ENC_UTF16BE,
	    "Chapter 1. Introduction\n"
	    "This report studies the rise of regional institutions.\n"
	    "\fPage two begins here, with 中文 text.\nLast line\n");
}

static void
test_forced(void **state)
{
	struct source		*s = NULL;
	struct source_opts	 o = { 0 };
	char			*cause = NULL;
	const char		 gb[] = "\xd6\xd0\xce\xc4";	/* 中文 */

	(void)state;
	o.encoding = "gbk";
	assert_int_equal(source_from_memory("f", gb, 4, &o, &s, &cause), 0);
	assert_string_equal(s->text, "中文");
	assert_int_equal(s->encoding, ENC_GB18030);
	source_free(s);
	/* Forcing UTF-8 on GB bytes: every byte replaced, nothing lost. */
	o.encoding = "utf-8";
	assert_int_equal(source_from_memory("f", gb, 4, &o, &s, &cause), 0);
	assert_int_equal(s->invalid, 4);
	assert_int_equal(s->len, 12);
	source_free(s);
	/* A BOM is dropped even when UTF-8 is forced. */
	assert_int_equal(source_from_memory("f", "\xef\xbb\xbfok\n", 6, &o,
	    &s, &cause), 0);
	assert_string_equal(s->text, "ok\n");
	source_free(s);
	o.encoding = "klingon";
	assert_int_equal(source_from_memory("f", gb, 4, &o, &s, &cause), -1);
	assert_non_null(strstr(cause, "klingon"));
	free(cause);
}

static void
test_invalid_utf8(void **state)
{
	struct source	*s;
	char		*text;
	size_t		 i;

	(void)state;
	/* Mostly UTF-8 with one bad byte: UTF-8, the byte is replaced. */
	text = malloc(4000);
	assert_non_null(text);
	text[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(text, "中文文本。\n");
	strcat(text, "bad \xff byte\n");
	s = mem(text);
	assert_int_equal(s->encoding, ENC_UTF8);
	assert_int_equal(s->invalid, 1);
	assert_non_null(strstr(s->text, "bad \xef\xbf\xbd byte\n"));
	assert_int_equal(s->nlines, 101);
	source_free(s);
	free(text);
}

static void
test_large_file(void **state)
{
	struct source	*s = NULL;
	char		*cause = NULL, *p;
	const char	*path;
	size_t		 n = 8u << 20, i;

	(void)state;
	/* 8 MiB of CRLF lines of 16 bytes, a form feed every 1000 lines. */
	p = malloc(n);
	assert_non_null(p);
	for (i = 0; i < n; i += 16) {
		memcpy(p + i, "0123456789abcd\r\n", 16);
		if (i / 16 % 1000 == 0)
			p[i] = '\f';
	}
	path = put("large", p, n);
	free(p);
	assert_int_equal(source_read_file(path, NULL, &s, &cause), 0);
	assert_int_equal(s->len, n / 16 * 15);
	assert_int_equal(s->nlines, n / 16);
	assert_int_equal(s->npages, (n / 16 + 999) / 1000);
	assert_int_equal(s->lines[n / 16 - 1], (n / 16 - 1) * 15);
	assert_int_equal(s->pages[7], 7000 * 15);
	assert_int_equal(source_line_of(s, s->pages[7]), 7001);
	source_free(s);
	unlink(path);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_cr),
		cmocka_unit_test(test_form_feeds),
		cmocka_unit_test(test_line_index),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_stdin_large),
		cmocka_unit_test(test_stdin_file),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_forced),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_large_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

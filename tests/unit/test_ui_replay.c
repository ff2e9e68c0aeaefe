/* Tests of the replay mode's key files and its latency report (percentiles, rows, the all-keys row). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

#include <cmocka.h>

#include "scholia/buf.h"

#include "ui.h"

#define CTRL(c)	((c) & 0x1f)

static struct replay_step *parse_ok(const char *, size_t *);
static const char *report_row(const char *, const char *, char *, size_t);

static struct replay_step *
parse_ok(const char *text, size_t *n)
{
	struct replay_step	*v = NULL;
	char			*cause = NULL;

	if (replay_parse(text, strlen(text), &v, n, &cause) != 0)
		fail_msg("parse failed: %s", cause);
	assert_null(cause);
	return v;
}

/* The line of a report starting with name (then a blank), copied. */
static const char *
report_row(const char *report, const char *name, char *out, size_t max)
{
	const char	*p = report, *e;
	size_t		 n = strlen(name);

	while (*p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (strncmp(p, name, n) == 0 && p[n] == ' ') {
			snprintf(out, max, "%.*s", (int)(e - p), p);
			return out;
		}
		p = *e != '\0' ? e + 1 : e;
	}
	return NULL;
}

/* Key names as the key table has them, characters, repeats, comments. */
static void
test_parse_keys(void **state)
{
	struct replay_step	*v;
	size_t			 n;

	(void)state;
	v = parse_ok("# a session\n\nSpace *3\nG\nCtrl-O\n  PgDn  \nx\n"
	    "Down\n", &n);
	assert_int_equal(n, 8);
	assert_int_equal(v[0].kind, REPLAY_KEY);
	assert_int_equal(v[0].code, ' ');
	assert_int_equal(v[0].fkey, 0);
	assert_string_equal(v[0].row, "Space");
	assert_int_equal(v[2].code, ' ');
	assert_int_equal(v[3].code, 'G');
	assert_int_equal(v[4].code, CTRL('o'));
	assert_string_equal(v[4].row, "Ctrl-O");
	assert_int_equal(v[4].line, 5);
	assert_int_equal(v[5].code, KEY_NPAGE);
	assert_int_equal(v[5].fkey, 1);
	assert_string_equal(v[5].row, "PgDn");
	/* an unbound character is still a key */
	assert_int_equal(v[6].code, 'x');
	assert_int_equal(v[7].code, KEY_DOWN);
	assert_int_equal(v[7].fkey, 1);
	free(v);
}

/* A prompt line: the opening key, each character, Enter, on three rows. */
static void
test_parse_prompt(void **state)
{
	struct replay_step	*v;
	size_t			 n;

	(void)state;
	v = parse_ok("/ab\xe5\x9b\xbd\n:40%\n", &n);
	assert_int_equal(n, 5 + 5);
	assert_int_equal(v[0].code, '/');
	assert_string_equal(v[0].row, "/");
	assert_int_equal(v[1].code, 'a');
	assert_string_equal(v[1].row, "/ typed");
	assert_int_equal(v[3].code, 0x56fd);
	assert_int_equal(v[4].code, '\r');
	assert_string_equal(v[4].row, "/ Enter");
	assert_int_equal(v[5].code, ':');
	assert_int_equal(v[8].code, '%');
	assert_string_equal(v[9].row, ": Enter");
	free(v);
}

static void
test_parse_steps(void **state)
{
	struct replay_step	*v;
	size_t			 n;

	(void)state;
	v = parse_ok("resize 100x30\nwait\nsleep 250\n", &n);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].kind, REPLAY_RESIZE);
	assert_int_equal(v[0].arg1, 100);
	assert_int_equal(v[0].arg2, 30);
	assert_int_equal(v[1].kind, REPLAY_WAIT);
	assert_int_equal(v[2].kind, REPLAY_SLEEP);
	assert_int_equal(v[2].arg1, 250);
	free(v);
}

/* Unknown keys and malformed steps are refused with their line. */
static void
test_parse_errors(void **state)
{
	static const char *const bad[] = {
		"j\nNoSuchKey\n", "Space *0\n", "Space *x\n", "resize 0x10\n",
		"resize 80\n", "sleep -1\n", "sleep\n", "jj\n",
	};
	struct replay_step	*v;
	size_t			 i, n;
	char			*cause;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = NULL;
		cause = NULL;
		if (replay_parse(bad[i], strlen(bad[i]), &v, &n, &cause) == 0)
			fail_msg("accepted: %s", bad[i]);
		assert_non_null(cause);
		assert_non_null(strstr(cause, "line "));
		free(cause);
	}
	cause = NULL;
	assert_int_equal(replay_parse(bad[0], strlen(bad[0]), &v, &n, &cause),
	    -1);
	assert_non_null(strstr(cause, "line 2"));
	free(cause);
}

/* Nearest rank: p50 of 1..100 is 50, p99 is 99, p90 of 1..10 is 9. */
static void
test_percentile(void **state)
{
	double	v[100];
	int	i;

	(void)state;
	for (i = 0; i < 100; i++)
		v[i] = i + 1;
	assert_true(replay_percentile(v, 100, 50) == 50);
	assert_true(replay_percentile(v, 100, 90) == 90);
	assert_true(replay_percentile(v, 100, 99) == 99);
	assert_true(replay_percentile(v, 100, 100) == 100);
	assert_true(replay_percentile(v, 10, 90) == 9);
	assert_true(replay_percentile(v, 10, 99) == 10);
	assert_true(replay_percentile(v, 1, 50) == 1);
	assert_true(replay_percentile(v, 3, 50) == 2);
	assert_true(replay_percentile(v, 0, 50) == 0);
}

/* Rows in order of first use, sorted values, waits left out of all keys. */
static void
test_report(void **state)
{
	struct replay_stats	*s;
	struct buf		 b = { 0 };
	char			 row[160];
	int			 i;

	(void)state;
	s = replay_stats_new();
	for (i = 10; i >= 1; i--)
		replay_stats_add(s, "Space", (double)i, 1);
	replay_stats_add(s, "G", 40, 1);
	replay_stats_add(s, "wait (load)", 2000, 0);
	replay_stats_print(s, &b);
	buf_putc(&b, '\0');
	assert_non_null(strstr(b.data, "p50"));
	assert_string_equal(report_row(b.data, "Space", row, sizeof row),
	    "Space                10     5.00     9.00    10.00    10.00");
	assert_string_equal(report_row(b.data, "G", row, sizeof row),
	    "G                     1    40.00    40.00    40.00    40.00");
	assert_string_equal(report_row(b.data, "wait (load)", row,
	    sizeof row),
	    "wait (load)           1  2000.00  2000.00  2000.00  2000.00");
	/* 11 keys: 1..10 and 40 */
	assert_string_equal(report_row(b.data, "all keys", row, sizeof row),
	    "all keys             11     6.00    10.00    40.00    40.00");
	assert_true(strstr(b.data, "Space") < strstr(b.data, "G "));
	buf_free(&b);
	replay_stats_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_keys),
		cmocka_unit_test(test_parse_prompt),
		cmocka_unit_test(test_parse_steps),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_percentile),
		cmocka_unit_test(test_report),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for saved reading positions (src/state.c), in a temporary state directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "scholia/doc.h"
#include "scholia/state.h"

#include "state_test_util.h"

/* Write a file under the temporary directory. */
static void
put_file(const char *rel, const char *text)
{
	char	 path[512];
	FILE	*f;

	mkpath(path, sizeof path, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static size_t
count_lines(const char *s, int skip_comments)
{
	size_t	n = 0;

	for (; s != NULL && *s != '\0'; s = strchr(s, '\n') + 1) {
		if (!skip_comments || *s != '#')
			n++;
		if (strchr(s, '\n') == NULL)
			break;
	}
	return n;
}

/* Entry lines in a state file. */
static size_t
entries(const char *rel)
{
	char	*text = slurp(rel);
	size_t	 n = count_lines(text, 1);

	free(text);
	return n;
}

static struct state_pos
SP(int block, size_t off, int line)
{
	struct state_pos	sp;

	sp.pos.block = block;
	sp.pos.off = off;
	sp.line = line;
	return sp;
}

static int
put(struct state *s, const char *path, struct state_pos sp, char **cause)
{
	return state_put(s, path, &sp, cause);
}

static void
test_round_trip(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], b[512], rel[512], *cause;

	(void)state;
	put_file("docs/a.md", "# A\n\nalpha\n");
	put_file("docs/b\tweird\nname.txt", "beta\n");
	mkpath(a, sizeof a, "docs/a.md");
	mkpath(b, sizeof b, "docs/b\tweird\nname.txt");

	s = state_open(&cause);
	assert_null(cause);		/* no file yet: nothing to say */
	assert_int_equal(state_get(s, a, &sp), 0);
	assert_int_equal(put(s, a, SP(3, 120, 7), &cause), 0);
	assert_null(cause);
	assert_int_equal(put(s, b, SP(1, 5, 2), &cause), 0);
	state_close(s);

	s = state_open(&cause);
	assert_null(cause);
	/* Found through another spelling of the same path. */
	mkpath(rel, sizeof rel, "docs/../docs/a.md");
	assert_int_equal(state_get(s, rel, &sp), 1);
	assert_int_equal(sp.pos.block, 3);
	assert_int_equal(sp.pos.off, 120);
	assert_int_equal(sp.line, 7);
	assert_int_equal(state_get(s, b, &sp), 1);
	assert_int_equal(sp.pos.block, 1);
	assert_int_equal(sp.pos.off, 5);

	/* Saving again replaces, not adds. */
	assert_int_equal(put(s, a, SP(4, 130, 9), &cause), 0);
	state_close(s);
	s = state_open(&cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(sp.pos.block, 4);
	assert_int_equal(entries("xdg/scholia/positions"), 2);

	/* A changed file is not offered its old position. */
	put_file("docs/a.md", "# A\n\nalpha, longer now\n");
	assert_int_equal(state_get(s, a, &sp), 0);
	put_file("docs/a.md", "# B\n\nalpha\n");	/* same size */
	assert_int_equal(state_get(s, a, &sp), 0);
	state_close(s);
	state_close(NULL);
}

/* Corrupt lines are ignored and reported once; good lines survive. */
static void
test_corrupt(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], line[1024], *cause, *text;

	(void)state;
	put_file("docs/c.txt", "gamma\n");
	mkpath(a, sizeof a, "docs/c.txt");
	s = state_open(&cause);
	free(cause);
	assert_int_equal(put(s, a, SP(2, 9, 3), &cause), 0);
	state_close(s);
	text = slurp("xdg/scholia/positions");
	assert_non_null(strstr(text, "\t2\t9\t3\n"));
	snprintf(line, sizeof line, "%s%s", text,
	    "garbage line\n/x\t1\t2\n/y\tz\t0\t1\t2\t3\n"
	    "/z\t1\t0\t1\t2\t3\textra\n\x01\x02\n/w\t1\t0\t-1\t2\t3\n");
	free(text);
	put_file("xdg/scholia/positions", line);

	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "6 corrupt lines"));
	free(cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(sp.pos.off, 9);
	/* The next save drops the corrupt lines and keeps the good one. */
	put_file("docs/d.txt", "delta\n");
	mkpath(line, sizeof line, "docs/d.txt");
	assert_int_equal(put(s, line, SP(0, 0, 1), &cause), 0);
	state_close(s);
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(state_get(s, line, &sp), 1);
	assert_int_equal(entries("xdg/scholia/positions"), 2);
	state_close(s);
}

/*
 * A failed write leaves the old file as it was: the temporary file cannot
 * be created (a directory is in its way). The failure is reported once.
 */
static void
test_atomic(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], b[512], tmp[512], *cause;
	char			*before, *after;

	(void)state;
	put_file("docs/e.txt", "epsilon\n");
	put_file("docs/f.txt", "phi\n");
	mkpath(a, sizeof a, "docs/e.txt");
	mkpath(b, sizeof b, "docs/f.txt");
	s = state_open(&cause);
	free(cause);
	assert_int_equal(put(s, a, SP(5, 50, 5), &cause), 0);
	before = slurp("xdg/scholia/positions");
	assert_non_null(before);

	snprintf(tmp, sizeof tmp, "%s/xdg/scholia/positions.tmp.%ld", tmpdir,
	    (long)getpid());
	assert_int_equal(mkdir(tmp, 0700), 0);
	assert_int_equal(put(s, b, SP(6, 60, 6), &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(put(s, b, SP(6, 61, 6), &cause), -1);
	assert_null(cause);		/* said once */
	after = slurp("xdg/scholia/positions");
	assert_string_equal(before, after);
	free(after);
	rmdir(tmp);

	/* Nothing was lost: the other document's position is still there. */
	state_close(s);
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(sp.pos.off, 50);
	assert_int_equal(state_get(s, b, &sp), 0);
	assert_int_equal(put(s, b, SP(6, 62, 6), &cause), 0);
	assert_int_equal(state_get(s, b, &sp), 1);
	assert_int_equal(sp.pos.off, 62);
	state_close(s);
	free(before);
}

/* An unreadable state file is reported and never overwritten. */
static void
test_unreadable(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], old[512], cur[512], *cause;

	(void)state;
	put_file("docs/g.txt", "gamma\n");
	mkpath(a, sizeof a, "docs/g.txt");
	mkpath(old, sizeof old, "xdg/scholia/positions");
	mkpath(cur, sizeof cur, "xdg/scholia/positions.saved");
	s = state_open(&cause);
	free(cause);
	assert_int_equal(put(s, a, SP(1, 1, 1), &cause), 0);
	state_close(s);
	assert_int_equal(rename(old, cur), 0);
	assert_int_equal(mkdir(old, 0700), 0);	/* reading it fails */

	s = state_open(&cause);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(state_get(s, a, &sp), 0);
	assert_int_equal(put(s, a, SP(2, 2, 2), &cause), -1);
	assert_null(cause);		/* said once, at the open */
	state_close(s);
	rmdir(old);
	assert_int_equal(rename(cur, old), 0);
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(sp.pos.block, 1);
	state_close(s);
}

/* A file made read-only is respected (root writes anyway: skipped). */
static void
test_readonly(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], path[512], *cause, *before, *after;

	(void)state;
	if (geteuid() == 0)
		skip();
	put_file("docs/r.txt", "rho\n");
	mkpath(a, sizeof a, "docs/r.txt");
	mkpath(path, sizeof path, "xdg/scholia/positions");
	s = state_open(&cause);
	assert_int_equal(put(s, a, SP(1, 2, 3), &cause), 0);
	state_close(s);
	assert_int_equal(chmod(path, 0400), 0);
	before = slurp("xdg/scholia/positions");

	s = state_open(&cause);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	assert_int_equal(put(s, a, SP(4, 5, 6), &cause), -1);
	assert_null(cause);		/* said once, at the open */
	state_close(s);
	after = slurp("xdg/scholia/positions");
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* Only the STATE_MAX most recently saved documents are kept. */
static void
test_many(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 rel[64], path[512], *cause;
	int			 i, n = STATE_MAX + 20;

	(void)state;
	s = state_open(&cause);
	free(cause);
	for (i = 0; i < n; i++) {
		snprintf(rel, sizeof rel, "docs/many%04d.txt", i);
		put_file(rel, rel);
		mkpath(path, sizeof path, rel);
		assert_int_equal(put(s, path, SP(i, (size_t)i, i + 1),
		    &cause), 0);
		if (i == 100) {
			/* Saved again later: it becomes recent. */
			mkpath(path, sizeof path, "docs/many0000.txt");
			assert_int_equal(put(s, path, SP(0, 0, 1),
			    &cause), 0);
		}
	}
	state_close(s);
	assert_int_equal(entries("xdg/scholia/positions"),
	    STATE_MAX);
	s = state_open(&cause);
	assert_null(cause);
	for (i = 0; i < n; i++) {
		snprintf(rel, sizeof rel, "docs/many%04d.txt", i);
		mkpath(path, sizeof path, rel);
		if (i == 0 || i > n - STATE_MAX) {
			assert_int_equal(state_get(s, path, &sp), 1);
			assert_int_equal(sp.pos.block, i);
		} else
			assert_int_equal(state_get(s, path, &sp), 0);
	}
	state_close(s);
}

/* Without XDG_STATE_HOME (or with a relative one) the default is under HOME. */
static void
test_default_dir(void **state)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 a[512], home[512], *cause, *saved, *text;

	(void)state;
	saved = strdup(getenv("XDG_STATE_HOME"));
	mkpath(home, sizeof home, "home");
	assert_int_equal(mkdir(home, 0700), 0);
	setenv("HOME", home, 1);
	setenv("XDG_STATE_HOME", "relative/ignored", 1);
	put_file("docs/h.txt", "eta\n");
	mkpath(a, sizeof a, "docs/h.txt");
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(put(s, a, SP(8, 80, 8), &cause), 0);
	state_close(s);
	text = slurp("home/.local/state/scholia/positions");
	assert_non_null(text);
	assert_non_null(strstr(text, "\t8\t80\t8\n"));
	free(text);
	unsetenv("XDG_STATE_HOME");
	s = state_open(&cause);
	assert_int_equal(state_get(s, a, &sp), 1);
	state_close(s);
	setenv("XDG_STATE_HOME", saved, 1);
	free(saved);
}

static void
test_fit(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct state_pos	 sp;
	int			 i;

	(void)state;
	for (i = 0; i < 4; i++) {
		doc_begin_block(d, BLOCK_PARA, 1 + i * 10);
		doc_append(d, "some words here", 15, 0);
		doc_end_block(d, 5 + i * 10);
	}
	d->blocks[2].flags |= BLOCK_HIDDEN;

	sp = SP(1, d->blocks[1].text_off + 4, 12);
	assert_int_equal(state_fit(d, &sp), 1);
	assert_int_equal(sp.pos.block, 1);
	assert_int_equal(sp.pos.off, d->blocks[1].text_off + 4);

	/* The line moved to another block: go there, from its start. */
	sp = SP(0, 3, 33);
	assert_int_equal(state_fit(d, &sp), 1);
	assert_int_equal(sp.pos.block, 3);
	assert_int_equal(sp.pos.off, d->blocks[3].text_off);

	/* A hidden block, or a line between blocks: the next shown block. */
	sp = SP(2, d->blocks[2].text_off, 22);
	assert_int_equal(state_fit(d, &sp), 1);
	assert_int_equal(sp.pos.block, 3);
	assert_int_equal(sp.line, 31);
	sp = SP(9, 0, 8);
	assert_int_equal(state_fit(d, &sp), 1);
	assert_int_equal(sp.pos.block, 1);

	/* Past the end of a shorter document: nothing to restore. */
	sp = SP(40, 9999, 400);
	assert_int_equal(state_fit(d, &sp), 0);
	doc_free(d);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_round_trip),
		T(test_corrupt),
		T(test_atomic),
		T(test_unreadable),
		T(test_readonly),
		T(test_many),
		T(test_default_dir),
		T(test_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

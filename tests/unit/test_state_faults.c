/* Unit tests for saved positions under damage: huge, cut, binary, crowded or unwritable state files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include <cmocka.h>

#include "scholia/state.h"

#include "state_test_util.h"

/* Write (or with append, add to) a file under the temporary directory. */
static void
put_bytes(const char *rel, const void *p, size_t n, int append)
{
	char	 path[512];
	FILE	*f;

	mkpath(path, sizeof path, rel);
	f = fopen(path, append ? "ab" : "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void
put_text(const char *rel, const char *text, int append)
{
	put_bytes(rel, text, strlen(text), append);
}

/* Entries in a directory under the temporary one, but . and .. */
static int
files_in(const char *rel)
{
	char		 path[512];
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	mkpath(path, sizeof path, rel);
	d = opendir(path);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Save a position for docs/<name> (created), its path into path. */
static void
save(const char *name, int block, char *path, size_t n)
{
	struct state		*s;
	struct state_pos	 sp;
	char			 rel[128], *cause;

	snprintf(rel, sizeof rel, "docs/%s", name);
	put_text(rel, name, 0);
	mkpath(path, n, rel);
	s = state_open(&cause);
	free(cause);
	sp.pos.block = block;
	sp.pos.off = 0;
	sp.line = block * 10 + 1;
	assert_int_equal(state_put(s, path, &sp, &cause), 0);
	assert_null(cause);
	state_close(s);
}

/* The block saved for path, or -1 when none is offered. */
static int
saved_block(struct state *s, const char *path)
{
	struct state_pos	sp;

	if (!state_get(s, path, &sp))
		return -1;
	return sp.pos.block;
}

/*
 * A line longer than any real path could make is corrupt even when it has
 * the right shape, and a huge one is skipped; the lines around them stay.
 */
static void
test_long_lines(void **state)
{
	struct state	*s;
	char		 a[512], b[512], *cause, *big;
	size_t		 n = 1 << 20;

	(void)state;
	save("a.txt", 3, a, sizeof a);
	big = malloc(n + 64);
	assert_non_null(big);
	big[0] = '/';
	memset(big + 1, 'x', 3 * 4096);
	strcpy(big + 1 + 3 * 4096, "\t1\t0\t1\t0\t1\n");
	put_text("xdg/scholia/positions", big, 1);
	memset(big, 'y', n);
	big[n] = '\n';
	put_bytes("xdg/scholia/positions", big, n + 1, 1);
	free(big);
	save("b.txt", 4, b, sizeof b);	/* the save drops both */

	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(saved_block(s, a), 3);
	assert_int_equal(saved_block(s, b), 4);
	state_close(s);
	big = slurp("xdg/scholia/positions");
	assert_true(strlen(big) < 2048);
	free(big);

	/* Before that save, they were reported as two corrupt lines. */
	put_text("xdg/scholia/positions", "/", 1);
	big = malloc(n + 1);
	assert_non_null(big);
	memset(big, 'z', n);
	big[n] = '\n';
	put_bytes("xdg/scholia/positions", big, n + 1, 1);
	put_text("xdg/scholia/positions", "\x01\n", 1);
	free(big);
	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "2 corrupt lines"));
	free(cause);
	assert_int_equal(saved_block(s, a), 3);
	assert_int_equal(saved_block(s, b), 4);
	state_close(s);
}

/*
 * A file cut short: its last line lacks the newline every saved line ends
 * with, and its numbers may be cut too, so it is not believed.
 */
static void
test_cut_short(void **state)
{
	struct state	*s;
	char		 a[512], b[512], *cause, *text, *nl;

	(void)state;
	save("a.txt", 5, a, sizeof a);
	save("b.txt", 12, b, sizeof b);
	text = slurp("xdg/scholia/positions");
	nl = strrchr(text, '\n');
	assert_non_null(nl);
	nl[-1] = '\0';		/* line 121 becomes 12, and no newline */
	*nl = '\0';
	put_text("xdg/scholia/positions", text, 0);
	free(text);

	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "1 corrupt line"));
	free(cause);
	assert_int_equal(saved_block(s, a), 5);
	assert_int_equal(saved_block(s, b), -1);
	state_close(s);

	/* cut inside the last number: the entry is dropped, not misread */
	save("b.txt", 12, b, sizeof b);
	text = slurp("xdg/scholia/positions");
	text[strlen(text) - 2] = '\0';	/* the same, cut by two bytes */
	put_text("xdg/scholia/positions", text, 0);
	free(text);
	s = state_open(&cause);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(saved_block(s, b), -1);
	assert_int_equal(saved_block(s, a), 5);
	state_close(s);
}

/* Binary junk and NUL bytes: reported, and the good entries survive a save. */
static void
test_binary(void **state)
{
	struct state		*s;
	struct state_pos	 sp = { { 7, 0 }, 1 };
	char			 a[512], c[512], *cause;
	unsigned char		 junk[65536];
	size_t			 i;
	uint32_t		 x = 12345;

	(void)state;
	save("a.txt", 6, a, sizeof a);
	for (i = 0; i < sizeof junk; i++) {
		x = x * 1103515245 + 12345;
		junk[i] = (unsigned char)(x >> 16);
	}
	put_bytes("xdg/scholia/positions", junk, sizeof junk, 1);
	put_bytes("xdg/scholia/positions", "\n/p\0q\t1\t0\t1\t0\t1\n", 17, 1);

	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "corrupt"));
	free(cause);
	assert_int_equal(saved_block(s, a), 6);
	put_text("docs/c.txt", "c", 0);
	mkpath(c, sizeof c, "docs/c.txt");
	assert_int_equal(state_put(s, c, &sp, &cause), 0);
	assert_null(cause);
	state_close(s);
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(saved_block(s, a), 6);
	assert_int_equal(saved_block(s, c), 7);
	state_close(s);
}

/*
 * A file of very many entries (written by hand or by a bug) is read as its
 * STATE_MAX most recent ones, as the next save would keep.
 */
static void
test_crowded(void **state)
{
	struct state	*s;
	char		 a[512], b[512], line[128], *cause, *text;
	int		 i;
	FILE		*f;

	(void)state;
	save("a.txt", 8, a, sizeof a);
	mkpath(line, sizeof line, "xdg/scholia/positions");
	f = fopen(line, "a");
	assert_non_null(f);
	for (i = 0; i < 5 * STATE_MAX; i++)
		fprintf(f, "/nonexistent/%d\t1\t0\t0\t0\t1\n", i);
	fclose(f);
	save("b.txt", 9, b, sizeof b);

	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(saved_block(s, b), 9);
	assert_int_equal(saved_block(s, a), -1);	/* the oldest */
	state_close(s);
	text = slurp("xdg/scholia/positions");
	for (i = 0, cause = text; (cause = strchr(cause, '\n')) != NULL;
	    cause++)
		i++;
	assert_int_equal(i, STATE_MAX + 1);	/* and the header */
	free(text);
}

/*
 * A state directory that cannot hold the file (a plain file in its place):
 * said once when opening, not again when the save fails the same way.
 */
static void
test_told_once(void **state)
{
	struct state		*s;
	struct state_pos	 sp = { { 1, 0 }, 1 };
	char			 a[512], dir[512], *cause;

	(void)state;
	put_text("docs/a.txt", "a", 0);
	mkpath(a, sizeof a, "docs/a.txt");
	mkpath(dir, sizeof dir, "xdg");
	assert_int_equal(mkdir(dir, 0700), 0);
	put_text("xdg/scholia", "not a directory\n", 0);

	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "none will be saved"));
	free(cause);
	assert_int_equal(state_put(s, a, &sp, &cause), -1);
	assert_null(cause);
	assert_int_equal(state_put(s, a, &sp, &cause), -1);
	assert_null(cause);
	state_close(s);
	cause = slurp("xdg/scholia");
	assert_string_equal(cause, "not a directory\n");
	free(cause);
}

/*
 * A read-only state directory: a new file cannot be put in place, so it is
 * said at the open, once, and the file is left as it was (root: skipped).
 */
static void
test_readonly_dir(void **state)
{
	struct state		*s;
	struct state_pos	 sp = { { 2, 0 }, 1 };
	char			 a[512], b[512], dir[512], *cause;
	char			*before, *after;

	(void)state;
	if (geteuid() == 0)
		skip();
	save("a.txt", 10, a, sizeof a);
	put_text("docs/b.txt", "b", 0);
	mkpath(b, sizeof b, "docs/b.txt");
	mkpath(dir, sizeof dir, "xdg/scholia");
	before = slurp("xdg/scholia/positions");
	assert_int_equal(chmod(dir, 0500), 0);

	s = state_open(&cause);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	assert_int_equal(saved_block(s, a), 10);
	assert_int_equal(state_put(s, b, &sp, &cause), -1);
	assert_null(cause);
	state_close(s);
	after = slurp("xdg/scholia/positions");
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/*
 * A positions file that is a symbolic link (dotfiles kept elsewhere) is
 * saved where it points, and stays a link.
 */
static void
test_symlink(void **state)
{
	struct state	*s;
	struct stat	 st;
	char		 a[512], b[512], link[512], real[512], *cause;
	char		*text;

	(void)state;
	save("a.txt", 11, a, sizeof a);
	mkpath(link, sizeof link, "xdg/scholia/positions");
	mkpath(real, sizeof real, "elsewhere");
	assert_int_equal(mkdir(real, 0700), 0);
	mkpath(real, sizeof real, "elsewhere/positions");
	assert_int_equal(rename(link, real), 0);
	assert_int_equal(symlink("../../elsewhere/positions", link), 0);

	save("b.txt", 12, b, sizeof b);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = slurp("elsewhere/positions");
	assert_non_null(strstr(text, "/docs/a.txt\t"));
	assert_non_null(strstr(text, "/docs/b.txt\t"));
	free(text);
	s = state_open(&cause);
	assert_null(cause);
	assert_int_equal(saved_block(s, a), 11);
	assert_int_equal(saved_block(s, b), 12);
	state_close(s);
	/* no temporary file left behind, here or there */
	assert_int_equal(files_in("xdg/scholia"), 1);
	assert_int_equal(files_in("elsewhere"), 1);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_long_lines),
		T(test_cut_short),
		T(test_binary),
		T(test_crowded),
		T(test_told_once),
		T(test_readonly_dir),
		T(test_symlink),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
